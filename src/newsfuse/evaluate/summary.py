"""Multi-document summary benchmark: newsfuse's summarizer against a TF-IDF centroid baseline.

Each line of the data (Multi-News form: ``{cluster_id, articles: [{title, text, url, date}],
reference_summary}``) is one story. Its articles are cleaned, analysed once, summarised by the
same :func:`newsfuse.brief.summary.summarize` that briefings use, and scored with ROUGE-1/2/Lsum
F1 with stemming (``rouge-score``), every summary cut to the word budget.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from newsfuse import lang
from newsfuse.errors import InputError
from newsfuse.types import AnalyzedArticle, Article, Block, BlockKind

ROUGE_TYPES = ("rouge1", "rouge2", "rougeLsum")
_TERMINAL = re.compile(r"[.!?\"'”’)]$")
_BOILERPLATE = re.compile(
    "^" + lang.alternatives("evaluation", "LINE_BOILERPLATE", words=True), re.I
)
_HEADING_WORDS = 10


@dataclass(frozen=True)
class RougeScores:
    """Mean ROUGE F1 (0-100) over the stories scored."""

    rouge1: float
    rouge2: float
    rougeLsum: float  # noqa: N815 - the metric's own name


@dataclass(frozen=True)
class SummaryReport:
    """Scores per system (``newsfuse``, ``tfidf-centroid``), stories, budget and seconds."""

    systems: dict[str, RougeScores]
    stories: int
    words: int
    seconds: float


# --------------------------------------------------------------------------- data


def read_stories(path: Path, limit: int | None = None) -> list[dict[str, Any]]:
    """The JSON records of ``path``, the first ``limit`` of them when given."""
    if not Path(path).is_file():
        raise InputError(f"summary data {path} not found: pass a Multi-News style .jsonl file")
    records: list[dict[str, Any]] = []
    with Path(path).open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise InputError(f"{path} line {number} is not JSON: {error}") from error
            if "articles" not in record or "reference_summary" not in record:
                raise InputError(
                    f"{path} line {number} lacks 'articles' or 'reference_summary': "
                    "expected {cluster_id, articles, reference_summary}"
                )
            records.append(record)
            if limit is not None and len(records) >= limit:
                break
    return records


def _line_blocks(text: str) -> tuple[Block, ...]:
    """A light line filter: drop boilerplate lines; short unpunctuated lines are headings."""
    blocks: list[Block] = []
    for raw in text.splitlines():
        line = " ".join(raw.split())
        if not line or _BOILERPLATE.match(line):
            continue
        short = len(line.split()) <= _HEADING_WORDS
        kind: BlockKind = "heading" if short and not _TERMINAL.search(line) else "paragraph"
        blocks.append(Block(kind, line))
    return tuple(blocks)


def _extractor() -> Callable[[str, str], tuple[Block, ...]]:
    """``newsfuse.extract.text.extract_text`` when it exists, else the light line filter."""
    try:
        from newsfuse.extract.text import extract_text  # type: ignore[import-not-found]
    except ImportError:
        return lambda text, doc_id: _line_blocks(text)

    def run(text: str, doc_id: str) -> tuple[Block, ...]:
        from newsfuse.types import RawDocument

        raw = RawDocument(source=doc_id, content=text, kind="text")
        article = extract_text(raw, doc_id=doc_id)
        return tuple(article.blocks) if article.blocks else _line_blocks(text)

    return run


def story_articles(
    record: dict[str, Any], extract: Callable[[str, str], tuple[Block, ...]] | None = None
) -> list[Article]:
    """The record's articles as ok Articles (ids ``{cluster_id}-{n}``), empty ones dropped."""
    extract = extract or _line_blocks_extract
    cluster = str(record.get("cluster_id", "story"))
    articles: list[Article] = []
    for number, item in enumerate(record["articles"]):
        doc_id = f"{cluster}-{number}"
        blocks = extract(item.get("text") or "", doc_id)
        if not any(block.kind == "paragraph" for block in blocks):
            continue
        title = (item.get("title") or "").strip() or None
        published = (item.get("date") or "").strip()[:10] or None
        articles.append(
            Article(doc_id, f"{cluster}#{number}", "ok", title=title, published=published,
                    blocks=blocks, url=item.get("url") or None)
        )
    return articles


def _line_blocks_extract(text: str, doc_id: str) -> tuple[Block, ...]:
    return _line_blocks(text)


# --------------------------------------------------------------------------- systems


def cut_words(text: str, words: int) -> str:
    """The first ``words`` words of ``text``."""
    return " ".join(text.split()[:words])


def centroid_baseline(analyzed: Sequence[AnalyzedArticle], words: int) -> str:
    """TF-IDF centroid with a redundancy filter: sentences most similar to the story's mean
    TF-IDF vector, skipping any with cosine >= 0.5 to one already taken, up to ``words``."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    sentences = [s.text for article in analyzed for s in article.sentences]
    sentences = [text for text in sentences if len(text.split()) >= 5]
    if not sentences:
        return ""
    language = lang.most_common(article.article.language for article in analyzed)
    stop_words = lang.part(language, "evaluation").TFIDF_STOP_WORDS
    matrix = TfidfVectorizer(stop_words=stop_words, sublinear_tf=True).fit_transform(sentences)
    centroid = np.asarray(matrix.mean(axis=0)).ravel()
    ranking = np.argsort(-(matrix @ centroid), kind="stable")
    chosen: list[int] = []
    total = 0
    for index in ranking:
        if chosen and float((matrix[chosen] @ matrix[index].T).max()) >= 0.5:
            continue
        chosen.append(int(index))
        total += len(sentences[index].split())
        if total >= words:
            break
    return cut_words(" ".join(sentences[i] for i in chosen), words)


def _newsfuse_summary(analyzed: Sequence[AnalyzedArticle], words: int, embedder: Any) -> str:
    from newsfuse.brief.summary import summarize

    summary = summarize(analyzed, words=words, embedder=embedder)
    return cut_words(" ".join(item.text for item in summary), words)


# --------------------------------------------------------------------------- scoring


def _scorer() -> Any:
    from rouge_score import rouge_scorer

    return rouge_scorer.RougeScorer(list(ROUGE_TYPES), use_stemmer=True)


def _lsum_lines(text: str) -> str:
    """One sentence per line, as ROUGE-Lsum expects."""
    from newsfuse.nlp.sentences import split_sentences

    return "\n".join(split_sentences(text))


def score_summary(scorer: Any, prediction: str, reference: str) -> dict[str, float]:
    """ROUGE F1 (0-100) of one summary against its reference."""
    scores = scorer.score(_lsum_lines(reference), _lsum_lines(prediction))
    return {name: 100.0 * scores[name].fmeasure for name in ROUGE_TYPES}


def _mean(rows: list[dict[str, float]]) -> RougeScores:
    if not rows:
        return RougeScores(0.0, 0.0, 0.0)
    means = [sum(row[name] for row in rows) / len(rows) for name in ROUGE_TYPES]
    return RougeScores(*means)


def _stories(
    records: list[dict[str, Any]], analyzer: Any
) -> Iterator[tuple[dict[str, Any], list[AnalyzedArticle]]]:
    extract = _extractor()
    for record in records:
        yield record, analyzer.analyze_all(story_articles(record, extract))


def run_summary_eval(
    path: Path,
    *,
    words: int = 250,
    limit: int | None = None,
    predictions: Path | None = None,
) -> SummaryReport:
    """Summarise every story of ``path`` with newsfuse and the centroid baseline; score both."""
    from newsfuse.nlp.analyze import Analyzer
    from newsfuse.nlp.embed import load_embedder

    if words <= 0:
        raise InputError(f"--words must be positive, got {words}")
    records = read_stories(Path(path), limit)
    analyzer, embedder, scorer = Analyzer(), load_embedder(), _scorer()
    rows: dict[str, list[dict[str, float]]] = {"newsfuse": [], "tfidf-centroid": []}
    written: list[str] = []
    start = time.perf_counter()
    for record, analyzed in _stories(records, analyzer):
        reference = record["reference_summary"]
        ours = _newsfuse_summary(analyzed, words, embedder)
        rows["newsfuse"].append(score_summary(scorer, ours, reference))
        baseline = centroid_baseline(analyzed, words)
        rows["tfidf-centroid"].append(score_summary(scorer, baseline, reference))
        written.append(json.dumps({"cluster_id": record.get("cluster_id"), "summary": ours}))
    seconds = time.perf_counter() - start
    if predictions is not None:
        Path(predictions).write_text("\n".join(written) + "\n", encoding="utf-8")
    systems = {name: _mean(scores) for name, scores in rows.items()}
    return SummaryReport(systems, len(records), words, seconds)


def format_summary_report(report: SummaryReport) -> str:
    """A plain-text table: ROUGE-1/2/Lsum F1 per system, then stories, budget and time."""
    lines = [f"{'system':<16} {'ROUGE-1':>8} {'ROUGE-2':>8} {'ROUGE-Lsum':>10}"]
    for name, s in report.systems.items():
        lines.append(f"{name:<16} {s.rouge1:>8.2f} {s.rouge2:>8.2f} {s.rougeLsum:>10.2f}")
    lines.append(
        f"{report.stories} stories, summaries cut to {report.words} words, "
        f"{report.seconds:.0f} s"
    )
    return "\n".join(lines)

