"""The scraped-text cleaner against labelled lines of real scrapes, in fold and out of fold.

The gold (``eval/gold/cleaner/``, see its README) labels every non-empty line of a page
(``extract.text.raw_lines``) ``a`` article, ``b`` boilerplate, ``m`` metadata (headline,
byline, dateline: the cleaner reads them into fields), ``x`` unsure, ``o`` outside the gold
(WCXB lines neither in the gold body nor among its ``without`` snippets). Two sets:

- ``multinews``: sources of Multi-News validation stories, labelled by hand, with a label per
  document (``article`` or ``non-article``: a crawl note, a login form, a video page);
- ``wcxb``: WCXB article pages as a plain scraper saves them (``page_text``: the visible
  text of the page, one line per block), labelled from the gold: a line of the gold body is
  ``a``, a line matching a ``without`` snippet ``b``.

Figures: the share of ``b`` lines removed and of ``a`` lines kept (in the body, or as the
title), and for ``multinews`` the non-article documents rejected and the articles wrongly
rejected. Out of fold: the pages of each fold (stories, sites) are cleaned with a line model
fitted without them; in fold: with the shipped model; rules only: without a model.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from newsfuse.errors import InputError
from newsfuse.evaluate.extraction import decode_html
from newsfuse.extract import text, text_lines
from newsfuse.extract.text_lines import LineModel

FOLDS = 5
ARTICLE_KEEP = 0.999
"""The threshold is the lowest that drops at most this share of the training article lines
the rules leave open."""


@dataclass
class GoldPage:
    """One labelled page: its text, a label per raw line, and (Multi-News) a page label."""

    set_name: str
    page_id: str
    group: str
    fold: int
    content: str
    labels: str
    page: str | None = None


@dataclass
class Counts:
    boilerplate: int = 0
    removed: int = 0
    article: int = 0
    kept: int = 0
    outside: int = 0
    outside_removed: int = 0
    non_articles: int = 0
    non_articles_rejected: int = 0
    articles: int = 0
    articles_rejected: int = 0
    missed: list[str] = field(default_factory=list)

    def add(self, other: Counts) -> None:
        for name in ("boilerplate", "removed", "article", "kept", "outside", "outside_removed",
                     "non_articles", "non_articles_rejected", "articles", "articles_rejected"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.missed.extend(other.missed)


def fold_of(group: str) -> int:
    return int(hashlib.sha1(group.encode()).hexdigest(), 16) % FOLDS


def digest(lines: list[str]) -> str:
    """A short fingerprint of a page's lines (the gold stores it, not the text)."""
    return hashlib.sha1("\n".join(lines).encode()).hexdigest()[:16]


_BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer form h1 h2 h3 h4 "
    "h5 h6 header hr li main nav ol p pre section table tbody td tfoot th thead tr ul".split()
)
_SKIP_TAGS = frozenset("script style noscript template svg head iframe object select".split())


def page_text(html: str) -> str:
    """The visible text of a page as a plain scraper saves it: one line per block element."""
    import lxml.html

    root = lxml.html.fromstring(html)
    parts: list[str] = []
    _walk(root, parts)
    lines = (re.sub(r"\s+", " ", line).strip() for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _walk(element: object, parts: list[str]) -> None:
    tag = getattr(element, "tag", None)
    if not isinstance(tag, str) or tag.lower() in _SKIP_TAGS:
        parts.append(getattr(element, "tail", None) or "")
        return
    block = tag.lower() in _BLOCK_TAGS
    if block:
        parts.append("\n")
    parts.append(getattr(element, "text", None) or "")
    for child in element:  # type: ignore[attr-defined]
        _walk(child, parts)
    if block:
        parts.append("\n")
    parts.append(getattr(element, "tail", None) or "")


def _words(line: str) -> str:
    return " ".join(re.findall(r"\w+", line.lower()))


def wcxb_labels(lines: list[str], body: str, without: list[str]) -> str:
    """``a`` for a line inside the gold body (six words or more, or a whole body line), ``b``
    for a line that matches a ``without`` snippet, ``o`` for any other line."""
    gold = _words(body)
    body_lines = {_words(line) for line in body.split("\n") if line.strip()}
    snippets = [_words(s) for s in without if _words(s)]
    out = []
    for line in lines:
        own = _words(line)
        if own and own in gold and (len(own.split()) >= 6 or own in body_lines):
            out.append("a")
        elif own and any(own == s or (len(own) >= 12 and (own in s or s in own)) for s in snippets):
            out.append("b")
        else:
            out.append("o")
    return "".join(out)


def load_gold(gold: Path, shared: Path) -> list[GoldPage]:
    """The labelled pages, their texts read again from ``shared`` (``../shared/eval``) and
    checked against the stored digest."""
    pages: list[GoldPage] = []
    sources = _multinews_texts(shared / "summarization" / "multinews-val.jsonl")
    for record in _records(gold / "multinews.jsonl"):
        content = sources[record["id"]]
        pages.append(_checked(GoldPage("multinews", record["id"], record["story"],
                                       record["fold"], content, record["labels"],
                                       record["page"]), record))
    html_dir = shared / "extraction-wcxb" / "html"
    for record in _records(gold / "wcxb.jsonl"):
        content = page_text(decode_html(gzip.decompress((html_dir / f"{record['id']}.html.gz")
                                                        .read_bytes())))
        pages.append(_checked(GoldPage("wcxb", record["id"], record["site"], record["fold"],
                                       content, record["labels"]), record))
    return pages


def _records(path: Path) -> Iterable[dict]:  # type: ignore[type-arg]
    if not path.is_file():
        raise InputError(f"no cleaner gold at {path}")
    with path.open(encoding="utf-8") as lines:
        yield from (json.loads(line) for line in lines if line.strip())


def _multinews_texts(path: Path) -> dict[str, str]:
    if not path.is_file():
        raise InputError(f"no Multi-News data at {path}")
    texts = {}
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            story = json.loads(line)
            for j, article in enumerate(story["articles"]):
                texts[f"{story['cluster_id']}/{j}"] = article["text"]
    return texts


def _checked(page: GoldPage, record: dict) -> GoldPage:  # type: ignore[type-arg]
    lines = text.raw_lines(page.content)
    if digest(lines) != record["digest"] or len(page.labels) != len(lines):
        raise InputError(f"cleaner gold {page.set_name}/{page.page_id}: the text changed")
    return page


# ------------------------------------------------------------------------------ the model


def page_rows(page: GoldPage) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Features, labels (1 boilerplate) and whether the rules left the line open, for the
    split lines of a page that have a label (a line joining raw lines is boilerplate when all
    of them are, article when any is)."""
    split = text.split_lines_with_sources(page.content)
    lines = [line for line, _ in split]
    roles = [text.line_role(line) for line in lines]
    features = text_lines.line_features(lines, roles, [text.stems(line) for line in lines])
    keep, labels = [], []
    for i, (_, sources) in enumerate(split):
        own = {page.labels[j] for j in sources}
        if "a" in own:
            keep.append(i)
            labels.append(0)
        elif own == {"b"}:
            keep.append(i)
            labels.append(1)
    open_ = np.asarray([roles[i] is None for i in keep], dtype=bool)
    return features[keep], np.asarray(labels, dtype=float), open_


Rows = tuple[np.ndarray, np.ndarray, np.ndarray]


def fit_model(pages: list[GoldPage], rows: list[Rows] | None = None) -> LineModel:
    """A line model fitted on ``pages`` (their ``page_rows`` when given), each set weighing as
    much as the other, its threshold chosen on them (``ARTICLE_KEEP``)."""
    rows = rows if rows is not None else [page_rows(page) for page in pages]
    features = np.vstack([r[0] for r in rows])
    labels = np.concatenate([r[1] for r in rows])
    open_ = np.concatenate([r[2] for r in rows])
    sets = np.concatenate([np.full(len(r[1]), page.set_name) for page, r in zip(pages, rows,
                                                                              strict=True)])
    weights = np.ones(len(labels))
    for name in set(sets.tolist()):
        weights[sets == name] = len(labels) / max(1, (sets == name).sum())
    trees, bias = text_lines.fit(features, labels, weights)
    model = LineModel(trees, bias, 1.0)
    scores = model.scores(features[open_ & (labels == 0)])
    threshold = float(np.quantile(scores, ARTICLE_KEEP)) + 1e-9 if len(scores) else 0.5
    return LineModel(trees, bias, max(threshold, 0.5))


# ------------------------------------------------------------------------------- scoring


def score_page(page: GoldPage, model: LineModel | None) -> Counts:
    """Clean one page and count its labelled lines kept and removed."""
    cleaned = text.clean(page.content, model=model)
    kept_raw: set[int] = set()
    for i in cleaned.kept:
        kept_raw.update(cleaned.sources[i])
    title = _words(cleaned.title or "")
    counts = Counts()
    for j, (line, label) in enumerate(zip(text.raw_lines(page.content), page.labels,
                                          strict=True)):
        kept = j in kept_raw or (bool(title) and _words(line) == title)
        if label == "b":
            counts.boilerplate += 1
            counts.removed += not kept
            if kept:
                counts.missed.append(f"{page.set_name}/{page.page_id}#{j}: {line[:70]}")
        elif label == "a":
            counts.article += 1
            counts.kept += kept
        elif label == "o":
            counts.outside += 1
            counts.outside_removed += not kept
    if page.page is not None:
        rejected = text.judge(cleaned) is not None
        if page.page == "non-article":
            counts.non_articles += 1
            counts.non_articles_rejected += rejected
        else:
            counts.articles += 1
            counts.articles_rejected += rejected
    return counts


@dataclass
class CleanerReport:
    runs: dict[str, dict[str, Counts]] = field(default_factory=dict)
    """Run name (out of fold, in fold, rules only) -> set name (and "all") -> counts."""
    pages: dict[str, int] = field(default_factory=dict)


def _tally(pages: Iterable[GoldPage], model_of: object) -> dict[str, Counts]:
    totals: dict[str, Counts] = {}
    for page in pages:
        model = model_of(page) if callable(model_of) else model_of
        counts = score_page(page, model)  # type: ignore[arg-type]
        for key in (page.set_name, "all"):
            totals.setdefault(key, Counts()).add(counts)
    return totals


def run_cleaner_eval(gold: Path, shared: Path, *, folds: bool = True,
                     limit: int | None = None) -> CleanerReport:
    pages = load_gold(gold, shared)
    if limit:
        pages = pages[:limit]
    report = CleanerReport()
    for page in pages:
        report.pages[page.set_name] = report.pages.get(page.set_name, 0) + 1
    report.runs["rules only"] = _tally(pages, None)
    report.runs["in fold (shipped model)"] = _tally(pages, text_lines.shipped())
    if folds:
        rows = [page_rows(page) for page in pages]
        models = {k: fit_model(*_without_fold(pages, rows, k)) for k in range(FOLDS)}
        report.runs["out of fold"] = _tally(pages, lambda page: models[page.fold])
    return report


def _without_fold(pages: list[GoldPage], rows: list[Rows],
                  fold: int) -> tuple[list[GoldPage], list[Rows]]:
    kept = [(p, r) for p, r in zip(pages, rows, strict=True) if p.fold != fold]
    return [p for p, _ in kept], [r for _, r in kept]


def _share(part: int, whole: int) -> str:
    return f"{part / whole:7.2%} ({part}/{whole})" if whole else "      -"


def format_cleaner_report(report: CleanerReport, *, missed: int = 0) -> str:
    sizes = ", ".join(f"{name} {n} pages" for name, n in sorted(report.pages.items()))
    out = [f"Scraped-text cleaner on labelled lines ({sizes})", ""]
    for run, sets in report.runs.items():
        out.append(run)
        for name, c in sorted(sets.items()):
            line = (f"  {name:10} boilerplate removed {_share(c.removed, c.boilerplate)}"
                    f"   article kept {_share(c.kept, c.article)}")
            if c.outside:
                line += f"   outside-gold removed {_share(c.outside_removed, c.outside)}"
            out.append(line)
            if c.non_articles or c.articles:
                out.append(f"  {'':10} non-articles rejected "
                           f"{_share(c.non_articles_rejected, c.non_articles)}"
                           f"   articles rejected {_share(c.articles_rejected, c.articles)}")
        if missed:
            out.extend(f"    kept: {m}" for m in sets.get("all", Counts()).missed[:missed])
    return "\n".join(out)
