"""Story clustering against ECB+ gold events (``../shared/eval/clustering/``) and, pooled into
one pile, Multi-News stories (``../shared/eval/summarization/multinews-val.jsonl``).

Each JSONL record becomes an Article (its ``id``, ``title``, ``date``; paragraphs are the
text's lines), goes through newsfuse's analysis and story clustering without the number of
events, and is scored with B-cubed precision/recall/F1 (per-article averages, Bagga and
Baldwin 1998) and pairwise F1:

- out of fold by topic (:mod:`newsfuse.evaluate.clustering_folds`: pair models and threshold
  fitted without the scored article's topic or story), beside the shipped model in fold;
- over ``ORDERS`` shuffled arrival orders, added in batches (the spread should be 0);
- added in several batches against all at once (the stories should be the same).

A TF-IDF average-link baseline with a distance threshold fixed below is measured in the same
run.
"""

from __future__ import annotations

import json
import random
import time
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from newsfuse import lang
from newsfuse.errors import InputError
from newsfuse.evaluate.cluster_scores import ClusterScores, score_clusters
from newsfuse.types import Article, Block

if TYPE_CHECKING:
    from newsfuse.cluster_features import Profile

ORDERS = 5
"""Shuffled arrival orders the report clusters."""
BASELINE_DISTANCE = 0.85
"""Cosine distance cut of the TF-IDF average-link baseline (the best of 0.70-0.90 in steps of
0.05 on the dev set, chosen once)."""


# --------------------------------------------------------------------------- data


def read_records(path: Path) -> list[dict[str, str]]:
    """The JSONL records of ``path`` (each needs ``id``, ``cluster_id`` and ``text``)."""
    if not path.is_file():
        raise InputError(f"clustering data {path} not found: pass an ECB+ style JSONL file")
    records = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise InputError(f"{path}:{number} is not JSON ({error}): fix or drop it") from error
        if not all(key in record for key in ("id", "cluster_id", "text")):
            raise InputError(f"{path}:{number} lacks id, cluster_id or text: expected ECB+ JSONL")
        records.append(record)
    return records


def record_article(record: Mapping[str, str]) -> Article:
    """An ok Article from one record: its non-empty lines become paragraphs.

    The lines are kept as they are: running ``newsfuse.extract.text.clean`` over them first
    was measured lower (B-cubed F1 0.861 against 0.871 on the dev set).
    """
    lines = [line.strip() for line in record["text"].splitlines()]
    return Article(
        id=str(record["id"]),
        source=str(record.get("url") or record["id"]),
        status="ok",
        title=record.get("title") or None,
        published=record.get("date") or None,
        published_signal="given" if record.get("date") else None,
        language=record.get("lang") or None,
        blocks=tuple(Block("paragraph", line) for line in lines if line),
        url=record.get("url") or None,
    )


# --------------------------------------------------------------------------- systems


def newsfuse_assignments(
    items: Sequence[Profile], threshold: float | None = None, batches: int = 1
) -> dict[str, str]:
    """Article id -> story id from newsfuse's clustering of ready profiles, added in
    ``batches`` batches (stories asked for after each, as an incremental reader would)."""
    from newsfuse.cluster import StoryClusterer

    clusterer = StoryClusterer(embedder=None, threshold=threshold)
    size = max(1, -(-len(items) // batches))
    for begin in range(0, len(items), size):
        for item in items[begin : begin + size]:
            clusterer.add_profile(item)
        clusterer.stories()
    return clusterer.assignments()


def baseline_assignments(
    articles: Sequence[Article], distance: float = BASELINE_DISTANCE
) -> dict[str, str]:
    """Article id -> cluster from TF-IDF vectors and average-link agglomerative clustering."""
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = [f"{article.title or ''}\n{article.text}" for article in articles]
    language = lang.most_common(article.language for article in articles)
    stop_words = lang.part(language, "evaluation").TFIDF_STOP_WORDS
    matrix = TfidfVectorizer(stop_words=stop_words, sublinear_tf=True).fit_transform(texts)
    model = AgglomerativeClustering(
        n_clusters=None, metric="cosine", linkage="average", distance_threshold=distance
    )
    labels = model.fit_predict(matrix.toarray())
    return {article.id: f"b{label}" for article, label in zip(articles, labels, strict=True)}


# --------------------------------------------------------------------------- run


@dataclass(frozen=True, slots=True)
class PileReport:
    """One evaluation set pooled into one pile: every figure of the report."""

    name: str
    articles: int
    gold_clusters: int
    in_fold: ClusterScores
    """The shipped model (fitted on these data when they are ECB+ dev or Multi-News val)."""
    out_of_fold: ClusterScores | None
    """Models and threshold fitted without the scored article's topic (None: not asked)."""
    orders: tuple[float, ...]
    """B-cubed F1 of the shipped model over shuffled arrival orders."""
    incremental_equal: bool
    """Adding the articles in several batches gave the stories of one batch."""
    baseline: ClusterScores


@dataclass(frozen=True, slots=True)
class ClusteringReport:
    """The report over the given file and, optionally, Multi-News pooled."""

    piles: tuple[PileReport, ...]
    threshold: float
    seconds: float


def _analysed(records: Sequence[Mapping[str, str]]) -> tuple[list[Article], list[Profile]]:
    from newsfuse.cluster_features import profiles
    from newsfuse.nlp.analyze import Analyzer
    from newsfuse.nlp.embed import load_embedder

    articles = [record_article(record) for record in records]
    analyzed = Analyzer().analyze_all(articles)
    return articles, profiles(analyzed, load_embedder())


def run_clustering_eval(
    path: Path,
    *,
    predictions: Path | None = None,
    multinews: Path | None = None,
    orders: int = ORDERS,
    folds: bool = True,
) -> ClusteringReport:
    """Cluster the records of ``path`` (and of the Multi-News file ``multinews``, every story
    pooled) with newsfuse and the baseline; score in fold, out of fold by topic (``folds``),
    over ``orders`` shuffled orders and in batches."""
    from newsfuse.cluster_pairs import load_model
    from newsfuse.evaluate import clustering_folds

    started = time.perf_counter()
    sets = [(path.stem, read_records(path))]
    if multinews is not None:
        sets.append(("multi-news", clustering_folds.multinews_records(multinews)))
    loaded = [(name, records, *_analysed(records)) for name, records in sets]
    out_of_fold: dict[str, ClusterScores] = {}
    if folds:
        out_of_fold = clustering_folds.out_of_fold_scores(
            [(name, items, records) for name, records, _, items in loaded]
        )
    piles = []
    for name, records, articles, items in loaded:
        assigned = newsfuse_assignments(items)
        if predictions is not None and name == path.stem:
            _write_predictions(predictions, articles, assigned)
        piles.append(_pile_report(name, records, articles, items, assigned,
                                  out_of_fold.get(name), orders))
    return ClusteringReport(tuple(piles), load_model().story_threshold,
                            time.perf_counter() - started)


def _pile_report(
    name: str,
    records: Sequence[Mapping[str, str]],
    articles: Sequence[Article],
    items: Sequence[Profile],
    assigned: Mapping[str, str],
    out_of_fold: ClusterScores | None,
    orders: int,
) -> PileReport:
    gold = {str(record["id"]): str(record["cluster_id"]) for record in records}
    shuffled = []
    for seed in range(orders):
        order = list(items)
        random.Random(seed).shuffle(order)
        shuffled.append(score_clusters(newsfuse_assignments(order, batches=3), gold).bcubed_f1)
    return PileReport(
        name=name,
        articles=len(records),
        gold_clusters=len(set(gold.values())),
        in_fold=score_clusters(assigned, gold),
        out_of_fold=out_of_fold,
        orders=tuple(shuffled),
        incremental_equal=newsfuse_assignments(items, batches=4) == dict(assigned),
        baseline=score_clusters(baseline_assignments(articles), gold),
    )


def _write_predictions(
    path: Path, articles: Sequence[Article], assigned: Mapping[str, str]
) -> None:
    lines = [json.dumps({"id": a.id, "story": assigned[a.id]}) for a in articles]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _row(name: str, s: ClusterScores) -> str:
    return (
        f"  {name:<32}{s.bcubed_precision:>7.3f}{s.bcubed_recall:>7.3f}{s.bcubed_f1:>7.3f}"
        f"{s.pairwise_f1:>9.3f}{s.clusters:>10}"
    )


def format_clustering_report(report: ClusteringReport) -> str:
    """A small plain-text table of the report."""
    rows = [f"shipped pair model, story threshold {report.threshold:.2f}; number of events "
            "never given"]
    for pile in report.piles:
        rows.append(f"{pile.name}: {pile.articles} articles, {pile.gold_clusters} gold events, "
                    "all pooled")
        rows.append(f"  {'system':<32}{'B3 P':>7}{'B3 R':>7}{'B3 F1':>7}{'pair F1':>9}"
                    f"{'clusters':>10}")
        if pile.out_of_fold is not None:
            rows.append(_row("newsfuse out of fold by topic", pile.out_of_fold))
        rows.append(_row("newsfuse in fold (shipped)", pile.in_fold))
        rows.append(_row(f"tf-idf average-link ({BASELINE_DISTANCE})", pile.baseline))
        if pile.orders:
            spread = max(pile.orders) - min(pile.orders)
            shown = " ".join(f"{f1:.3f}" for f1 in pile.orders)
            rows.append(f"  {len(pile.orders)} shuffled orders, 3 batches each: B3 F1 {shown} "
                        f"(spread {spread:.3f})")
        same = "same stories" if pile.incremental_equal else "DIFFERENT stories"
        rows.append(f"  added in 4 batches vs at once: {same}")
    rows.append(f"analysis + clustering: {report.seconds:.1f} s")
    return "\n".join(rows)


def group_by(assigned: Mapping[str, str]) -> dict[str, list[str]]:
    """Cluster -> ids, for inspecting errors."""
    groups: defaultdict[str, list[str]] = defaultdict(list)
    for key, value in assigned.items():
        groups[value].append(key)
    return dict(groups)
