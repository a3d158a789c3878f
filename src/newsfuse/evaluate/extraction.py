"""Article-body extraction benchmark: newsfuse against trafilatura on gold bodies.

Two gold formats: ``extraction/`` (the Scrapinghub/Zyte benchmark: ``{id: {articleBody,
url}}``) is scored with its own metric: ``\\w+`` tokens, a multiset of word 4-grams per body,
per-page tp/fp/fn normalised by their sum, precision and recall averaged over pages, F1 of the
two means. ``extraction-wcxb/`` (gold with ``title``, ``author``, ``publish_date``) is scored
with WCXB's word F1 per page (lowercased ``\\w+`` bags), averaged over pages, and title /
author / date accuracy. The multi-set run (``run_sets``, in ``extraction_sets.py``) adds the
learned block scorer in-fold and out of fold by site.
"""

from __future__ import annotations

import gzip
import json
import re
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from newsfuse.errors import InputError
from newsfuse.types import RawDocument

_TOKEN = re.compile(r"\w+")
_NGRAM = 4
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)

Extractor = Callable[[str, str | None], str]


@dataclass(frozen=True)
class ExtractionScores:
    """Mean per-page precision and recall, their F1, pages scored and extraction seconds."""

    precision: float
    recall: float
    f1: float
    pages: int
    seconds: float


# --------------------------------------------------------------------------- metric


def _shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
    if not tokens:
        return Counter()
    count = max(1, len(tokens) - _NGRAM + 1)
    return Counter(tuple(tokens[i : i + _NGRAM]) for i in range(count))


def _page_counts(predicted: str, gold: str) -> tuple[float, float, float]:
    pred, true = _shingles(predicted), _shingles(gold)
    tp = sum((pred & true).values())
    fp = sum((pred - true).values())
    fn = sum((true - pred).values())
    total = tp + fp + fn
    if total == 0:
        return 0.0, 0.0, 0.0
    return tp / total, fp / total, fn / total


def _ratio(tp: float, other: float, fp: float, fn: float) -> float:
    if fp == 0 and fn == 0:
        return 1.0
    return tp / (tp + other)


def score_bodies(predicted: dict[str, str], gold: dict[str, str]) -> ExtractionScores:
    """Score predicted bodies against gold bodies (page ids missing from ``predicted``
    count as empty predictions)."""
    precisions: list[float] = []
    recalls: list[float] = []
    for page_id, gold_body in gold.items():
        tp, fp, fn = _page_counts(predicted.get(page_id, ""), gold_body)
        if tp + fp > 0:
            precisions.append(_ratio(tp, fp, fp, fn))
        if tp + fn > 0:
            recalls.append(_ratio(tp, fn, fp, fn))
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return ExtractionScores(precision, recall, f1, len(gold), 0.0)


# --------------------------------------------------------------------------- pages


def decode_html(data: bytes) -> str:
    """Decode page bytes: a BOM, strict UTF-8 (pages often declare a legacy charset they do
    not use), then ``<meta charset>``, then charset-normalizer's guess."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    match = _META_CHARSET.search(data[:8192])
    if match:
        try:
            return data.decode(match.group(1).decode("ascii"), errors="strict")
        except (LookupError, UnicodeDecodeError):
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    return str(best) if best is not None else data.decode("utf-8", errors="replace")


def load_pages(
    html_dir: Path, gold_path: Path
) -> tuple[dict[str, tuple[str, str | None]], dict[str, str]]:
    """Return ``{id: (html, url)}`` and ``{id: gold body}`` for pages present in both."""
    if not gold_path.is_file():
        raise InputError(f"gold file {gold_path} not found: pass --gold ground-truth.json")
    if not html_dir.is_dir():
        raise InputError(
            f"html directory {html_dir} not found: pass --html-dir with .html.gz pages"
        )
    gold_raw = json.loads(gold_path.read_text(encoding="utf-8"))
    pages: dict[str, tuple[str, str | None]] = {}
    gold: dict[str, str] = {}
    for path in sorted(html_dir.glob("*.html*")):
        page_id = path.name.split(".")[0]
        if page_id not in gold_raw:
            continue
        data = path.read_bytes()
        if path.suffix == ".gz":
            data = gzip.decompress(data)
        pages[page_id] = (decode_html(data), gold_raw[page_id].get("url"))
        gold[page_id] = gold_raw[page_id].get("articleBody") or ""
    if not pages:
        raise InputError(f"no pages of {gold_path.name} found in {html_dir}: expected <id>.html.gz")
    return pages, gold


# --------------------------------------------------------------------------- systems


def _newsfuse(html: str, url: str | None) -> str:
    from newsfuse.extract.html import extract_html

    raw = RawDocument(source=url or "page", content=html, kind="html", url=url)
    return extract_html(raw, doc_id="page").text


def _trafilatura(*, favor_precision: bool = False, fast: bool = False) -> Extractor:
    def run(html: str, url: str | None) -> str:
        import trafilatura

        text = trafilatura.extract(
            html, url=url, include_comments=False, favor_precision=favor_precision, fast=fast
        )
        return text or ""

    return run


SETTINGS: dict[str, str] = {
    "newsfuse": "extract_html (trafilatura fast + favor_precision, pre-pass, filters)",
    "trafilatura": "trafilatura 2.3.1, include_comments=False, favor_precision=True",
    "trafilatura-plain": "trafilatura 2.3.1, include_comments=False",
    "trafilatura-fast": "trafilatura 2.3.1, include_comments=False, fast=True",
}

SYSTEMS: dict[str, Extractor] = {
    "newsfuse": _newsfuse,
    "trafilatura": _trafilatura(favor_precision=True),
    "trafilatura-plain": _trafilatura(),
    "trafilatura-fast": _trafilatura(fast=True),
}


def _run_system(
    extractor: Extractor, pages: dict[str, tuple[str, str | None]], gold: dict[str, str]
) -> ExtractionScores:
    predicted: dict[str, str] = {}
    for html, url in list(pages.values())[:1]:
        extractor(html, url)  # untimed: imports and model loading are not reading speed
    start = time.perf_counter()
    for page_id, (html, url) in pages.items():
        predicted[page_id] = extractor(html, url)
    seconds = time.perf_counter() - start
    scores = score_bodies(predicted, gold)
    return ExtractionScores(scores.precision, scores.recall, scores.f1, scores.pages, seconds)


def run_extraction_eval(
    html_dir: Path,
    gold_path: Path,
    systems: Sequence[str] = ("newsfuse", "trafilatura"),
) -> dict[str, ExtractionScores]:
    """Extract every page with each system and score it against the gold bodies."""
    unknown = [name for name in systems if name not in SYSTEMS]
    if unknown:
        raise InputError(f"unknown system {unknown[0]!r}: choose from {', '.join(SYSTEMS)}")
    pages, gold = load_pages(Path(html_dir), Path(gold_path))
    return {name: _run_system(SYSTEMS[name], pages, gold) for name in systems}


def format_extraction_report(results: dict[str, ExtractionScores]) -> str:
    """A plain-text table: one row per system with P, R, F1, pages and pages/s."""
    lines = [f"{'system':<20} {'precision':>9} {'recall':>7} {'F1':>6} {'pages':>5} {'pages/s':>8}"]
    for name, s in results.items():
        rate = s.pages / s.seconds if s.seconds > 0 else 0.0
        lines.append(
            f"{name:<20} {s.precision:>9.4f} {s.recall:>7.4f} {s.f1:>6.4f}"
            f" {s.pages:>5} {rate:>8.1f}"
        )
    lines.append("")
    lines.extend(f"{name}: {SETTINGS[name]}" for name in results if name in SETTINGS)
    return "\n".join(lines)
