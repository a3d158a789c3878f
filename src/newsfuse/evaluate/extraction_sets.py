"""Extraction over whole gold sets: newsfuse and trafilatura alone, body F1 by each set's
metric, title / author / date accuracy, and the learned block scorer in-fold and out of fold.

A set is a folder with ``ground-truth.json`` and ``html/<id>.html.gz``. Sets whose gold has
``title`` / ``author`` / ``publish_date`` keys (WCXB) are scored with word F1, the others with
the 4-gram metric of ``extraction.py``. Folds group pages by site (URL host) over all the sets
of the run together; each page's scorer body comes from the model fitted without its fold.

Metadata matching: a title is right when its word bag's F1 with the gold's is at least 0.8; an
author when at least half of its name words are gold name words and they cover the gold's (or
two of them); a date when its ``YYYY-MM-DD`` is the gold's, to the gold's precision (a gold
``2025-09`` is matched by any day of that month). A null gold is matched by no value.

Two columns score the gold as the task defines authors and dates: ``author*`` counts a gold
author that is an account ("admin") or the site's own name (its outlet's name letter for
letter, or a non-person name inside its host: ``fair_gold_author``) as no author, since
newsfuse never outputs those; ``author`` and ``date`` compare with the gold as given (the
``date`` column before the precision rule: the first ten characters). With ``--folds`` the
metadata ranking (``extract/meta_model.py``) is refitted without each page's fold
("meta out-of-fold", "meta in-fold" rows: newsfuse's body with the refitted metadata).
"""

from __future__ import annotations

import json
import re
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from newsfuse.errors import InputError
from newsfuse.evaluate.extraction import decode_html, score_bodies
from newsfuse.extract.blocks import BlockModel, Candidate, choose_blocks, load_model
from newsfuse.extract.blocks_train import TrainingPage, fit_trees, label_blocks, out_of_fold
from newsfuse.types import Block

_WORD = re.compile(r"\w+")
_TITLE_F1 = 0.8
META_FIELDS = ("title", "author", "date")
META_COLUMNS = ("title", "author", "date", "author*", "date*")
"""Report columns: the fields against the gold as given (``date`` by its first ten characters),
then ``author*`` (site names and accounts in the gold as no author) and ``date*`` (to the
gold's precision)."""


@dataclass(frozen=True)
class Reading:
    """What one system read from a page."""

    text: str
    title: str | None = None
    author: str | None = None
    date: str | None = None


@dataclass
class PageRun:
    """One gold page, what each system read from it, and the scorer's inputs."""

    set_name: str
    page_id: str
    site: str
    gold: Reading
    readings: dict[str, Reading] = field(default_factory=dict)
    fair_author: str | None = None
    meta_inputs: tuple[Any, ...] = ()
    candidates: list[Candidate] = field(default_factory=list)
    traf_blocks: list[Block] = field(default_factory=list)
    page_title: str | None = None


@dataclass(frozen=True)
class EvalSet:
    name: str
    metric: str  # "4-gram" or "word"
    has_meta: bool


# --------------------------------------------------------------------------- metrics


def _bag(text: str | None) -> Counter[str]:
    return Counter(_WORD.findall((text or "").lower()))


def word_f1(predicted: str, gold: str) -> float:
    """WCXB's page score: F1 of the lowercased ``\\w+`` bags (1.0 when both are empty)."""
    got, want = _bag(predicted), _bag(gold)
    if not got and not want:
        return 1.0
    tp = sum((got & want).values())
    return 2 * tp / (sum(got.values()) + sum(want.values()))


def body_f1(metric: str, predicted: Sequence[str], gold: Sequence[str]) -> float:
    """The set's F1 over its pages (4-gram: F1 of mean P and R; word: mean page F1)."""
    if metric == "word":
        return sum(word_f1(p, g) for p, g in zip(predicted, gold, strict=True)) / max(1, len(gold))
    ids = [str(i) for i in range(len(gold))]
    return score_bodies(
        dict(zip(ids, predicted, strict=True)), dict(zip(ids, gold, strict=True))
    ).f1


def meta_right(name: str, predicted: str | None, gold: str | None) -> bool:
    """True when a title / author / date matches the gold's (a null gold only by no value);
    a date is compared to the precision of the gold (``2025-09`` matches any day of it)."""
    if not gold or not predicted:
        return not gold and not predicted
    if name == "date":
        return predicted[: min(10, len(gold))] == gold[:10]
    if name == "title":
        return word_f1(predicted, gold) >= _TITLE_F1
    got, want = set(_bag(predicted)), set(_bag(gold))
    common = len(got & want)
    return common * 2 >= len(got) and common >= min(2, len(want))


def fair_gold_author(author: str | None, outlet: str | None, host: str) -> str | None:
    """The gold author as the task defines one (people or desks): None for an account
    ("admin", "q_admin") or the site's own name (``extract.meta_model.is_site_name``)."""
    from newsfuse.extract.meta_model import is_account, is_site_name

    if not author or is_account(author) or is_site_name(author, outlet, host):
        return None
    return author


# --------------------------------------------------------------------------- reading


def load_set(directory: Path) -> tuple[EvalSet, list[tuple[str, str, str | None, Reading]]]:
    """A gold set: its description and ``(id, html, url, gold reading)`` per page."""
    gold_path = directory / "ground-truth.json"
    if not gold_path.is_file():
        raise InputError(f"{gold_path} not found: a set is a folder with ground-truth.json")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    has_meta = any("publish_date" in entry for entry in gold.values())
    pages: list[tuple[str, str, str | None, Reading]] = []
    for page_id in sorted(gold):
        entry = gold[page_id]
        path = directory / "html" / f"{page_id}.html.gz"
        if not path.is_file():
            continue
        import gzip

        html = decode_html(gzip.decompress(path.read_bytes()))
        reading = Reading(
            entry.get("articleBody") or "",
            entry.get("title"),
            entry.get("author"),
            entry.get("publish_date"),
        )
        pages.append((page_id, html, entry.get("url"), reading))
    kind = EvalSet(directory.name or str(directory), "word" if has_meta else "4-gram", has_meta)
    return kind, pages


def _trafilatura(html: str, url: str | None, run: PageRun | None = None) -> Reading:
    from trafilatura import bare_extraction

    document = bare_extraction(
        html, url=url, favor_precision=True, include_comments=False, with_metadata=True
    )
    if document is None or isinstance(document, dict):
        return Reading("")
    return Reading(document.text or "", document.title, document.author, document.date)


def _newsfuse(html: str, url: str | None, run: PageRun | None = None) -> Reading:
    """newsfuse as it is (no block model); with ``run``, the scorer's inputs recorded too."""
    from newsfuse.extract.blocks import recording, use_model
    from newsfuse.extract.html import extract_html
    from newsfuse.types import RawDocument

    raw = RawDocument(source=url or "page", content=html, kind="html", url=url)
    with use_model(None), recording() as record:
        article = extract_html(raw, doc_id="page")
    if run is not None and record:
        run.traf_blocks, run.candidates = record[-1]
    if run is not None:
        _record_meta(run, raw, article)
    return Reading(article.text, article.title, article.author, article.published)


def _record_meta(run: PageRun, raw: Any, article: Any) -> None:
    """What the metadata ranking reads (to refit it out of fold), and the gold author as the
    task defines one."""
    from selectolax.lexbor import LexborHTMLParser

    from newsfuse.extract.html_meta import page_meta
    from newsfuse.extract.meta_candidates import page_candidates

    tree = LexborHTMLParser(raw.content)
    meta = page_meta(tree)
    run.page_title = meta.title
    run.meta_inputs = (page_candidates(tree, raw.url), meta, raw, list(article.blocks))
    host = urlsplit(raw.url or "").hostname or ""
    run.fair_author = fair_gold_author(run.gold.author, meta.outlet, host)


def read_pages(
    directories: Sequence[Path], *, shard: tuple[int, int] = (0, 1)
) -> tuple[list[EvalSet], list[PageRun], dict[str, float]]:
    """Every page of every set read by each system (with ``shard`` (i, n): every n-th page
    from the i-th); seconds spent per system (newsfuse's include recording the scorer's
    inputs)."""
    sets: list[EvalSet] = []
    runs: list[PageRun] = []
    seconds: dict[str, float] = {}
    systems = {"trafilatura": _trafilatura, "newsfuse": _newsfuse}
    for directory in directories:
        kind, pages = load_set(Path(directory))
        sets.append(kind)
        for page_id, html, url, gold in pages[shard[0] :: shard[1]]:
            run = PageRun(kind.name, page_id, urlsplit(url or "").hostname or page_id, gold)
            for name, system in systems.items():
                start = time.perf_counter()
                run.readings[name] = system(html, url, run)
                seconds[name] = seconds.get(name, 0.0) + time.perf_counter() - start
            runs.append(run)
    return sets, runs, dict(seconds)


# --------------------------------------------------------------------------- the scorer


def scorer_text(run: PageRun, model: BlockModel | None) -> str:
    """The body newsfuse writes with ``model`` choosing the blocks (its filters after)."""
    from newsfuse.extract.html import _drop_title
    from newsfuse.extract.html_boilerplate import drop_boilerplate

    blocks = choose_blocks(run.candidates, run.traf_blocks, model)
    if sum(len(b.text.split()) for b in blocks) < 40:
        blocks = run.traf_blocks
    return "\n".join(b.text for b in _drop_title(drop_boilerplate(blocks), run.page_title))


def training_pages(runs: Sequence[PageRun]) -> list[TrainingPage]:
    return [
        TrainingPage(run.site, run.candidates, label_blocks(run.candidates, run.gold.text))
        for run in runs
    ]


def add_scorer_readings(
    runs: Sequence[PageRun],
    folds: int,
    fit: Callable[[Sequence[TrainingPage]], BlockModel] = fit_trees,
) -> list[int]:
    """Add "scorer (shipped)", "scorer in-fold" and, with ``folds`` > 1, "scorer out-of-fold"
    readings; return each page's fold (all 0 without folds)."""
    pages = training_pages(runs)
    shipped = load_model()
    in_fold = fit(pages)
    fold_of, models = out_of_fold(pages, folds, fit) if folds > 1 else ([0] * len(runs), [])
    for index, run in enumerate(runs):
        nf = run.readings["newsfuse"]
        variants = {"scorer in-fold": in_fold, "scorer (shipped)": shipped}
        if models:
            variants["scorer out-of-fold"] = models[fold_of[index]]
        for name, model in variants.items():
            if model is not None:
                run.readings[name] = Reading(scorer_text(run, model), nf.title, nf.author, nf.date)
    return fold_of


# --------------------------------------------------------------------------- metadata


def _meta_pages(runs: Sequence[PageRun]) -> list[Any]:
    from newsfuse.extract.meta_train import TrainingPage

    pages = []
    for run in runs:
        candidates, meta, raw, _blocks = run.meta_inputs
        gold = {"title": run.gold.title, "author": run.fair_author, "date": run.gold.date}
        host = urlsplit(raw.url or "").hostname or ""
        pages.append(TrainingPage(run.site, candidates, meta.outlet, host, gold))
    return pages


def add_meta_readings(sets: Sequence[EvalSet], runs: Sequence[PageRun], folds: int) -> None:
    """Add "meta in-fold" and, with ``folds`` > 1, "meta out-of-fold" readings to the pages of
    sets with metadata gold: newsfuse's body, the metadata chosen by a ranking refitted on
    these pages (all of them; without the page's fold, by site)."""
    from newsfuse.extract.html import choose_meta
    from newsfuse.extract.meta_train import fit, out_of_fold

    names = {kind.name for kind in sets if kind.has_meta}
    members = [run for run in runs if run.set_name in names and run.meta_inputs]
    if len({run.site for run in members}) < max(2, folds):
        return
    pages = _meta_pages(members)
    variants = {"meta in-fold": ([0] * len(members), [fit(pages, meta_right)])}
    if folds > 1:
        variants["meta out-of-fold"] = out_of_fold(pages, folds, meta_right)
    for name, (fold_of, models) in variants.items():
        for run, fold in zip(members, fold_of, strict=True):
            candidates, meta, raw, blocks = run.meta_inputs
            title, author, date, _signal = choose_meta(candidates, meta, raw, blocks, models[fold])
            run.readings[name] = Reading(run.readings["newsfuse"].text, title, author, date)


# --------------------------------------------------------------------------- report


def _rows(kind: EvalSet, runs: Sequence[PageRun]) -> Iterator[str]:
    gold = [run.gold.text for run in runs]
    header = f"{'system':<20} {'F1':>6}"
    if kind.has_meta:
        header += "".join(f" {name:>7}" for name in META_COLUMNS)
    yield header
    for name in dict.fromkeys(n for run in runs for n in run.readings):
        line = (
            f"{name:<20} {body_f1(kind.metric, [r.readings[name].text for r in runs], gold):>6.4f}"
        )
        if kind.has_meta:
            line += "".join(f" {share:>7.3f}" for share in _meta_shares(runs, name))
        yield line


def _meta_shares(runs: Sequence[PageRun], name: str) -> list[float]:
    """The share of pages right per ``META_COLUMNS`` column."""
    def share(right: Callable[[PageRun, Reading], bool]) -> float:
        return sum(right(r, r.readings[name]) for r in runs) / max(1, len(runs))

    return [
        share(lambda r, got: meta_right("title", got.title, r.gold.title)),
        share(lambda r, got: meta_right("author", got.author, r.gold.author)),
        share(lambda r, got: _first_ten_right(got.date, r.gold.date)),
        share(lambda r, got: meta_right("author", got.author, r.fair_author)),
        share(lambda r, got: meta_right("date", got.date, r.gold.date)),
    ]


def _first_ten_right(predicted: str | None, gold: str | None) -> bool:
    """The date comparison before the precision rule: the first ten characters."""
    if not gold or not predicted:
        return not gold and not predicted
    return predicted[:10] == gold[:10]


def _fold_rows(kind: EvalSet, runs: Sequence[PageRun], fold_of: Sequence[int]) -> Iterator[str]:
    names = [n for n in ("trafilatura", "newsfuse", "scorer out-of-fold") if n in runs[0].readings]
    yield "by fold (sites):  " + "  ".join(f"{n:>18}" for n in names)
    for fold in sorted(set(fold_of)):
        members = [r for r, f in zip(runs, fold_of, strict=True) if f == fold]
        if not members:
            continue
        gold = [r.gold.text for r in members]
        cells = [body_f1(kind.metric, [r.readings[n].text for r in members], gold) for n in names]
        label = f"fold {fold} ({len(members)} pages)"
        yield f"{label:<18}" + "  ".join(f"{c:>18.4f}" for c in cells)


def format_sets_report(
    sets: Sequence[EvalSet],
    runs: Sequence[PageRun],
    fold_of: Sequence[int],
    seconds: dict[str, float],
) -> str:
    lines: list[str] = []
    for kind in sets:
        members = [(r, f) for r, f in zip(runs, fold_of, strict=True) if r.set_name == kind.name]
        if not members:
            continue
        set_runs = [r for r, _ in members]
        lines.append(f"== {kind.name}: {len(set_runs)} pages, {kind.metric} F1")
        lines.extend(_rows(kind, set_runs))
        if len(set(fold_of)) > 1:
            lines.extend(_fold_rows(kind, set_runs, [f for _, f in members]))
        lines.append("")
    pages = max(1, len(runs))
    lines.append(
        "seconds per page: "
        + ", ".join(f"{name} {total / pages:.3f}" for name, total in seconds.items())
    )
    return "\n".join(lines)


def run_sets(directories: Sequence[Path], *, folds: int = 0) -> str:
    """Read every set, add the scorer's readings (out of fold with ``folds`` > 1), report."""
    sets, runs, seconds = read_pages(directories)
    if not runs:
        raise InputError("no pages found in the given sets")
    fold_of = add_scorer_readings(runs, folds)
    add_meta_readings(sets, runs, folds)
    return format_sets_report(sets, runs, fold_of, seconds)
