"""Fitting and judging the story pair scorer by folds (``tools/train_pairs.py``, ``newsfuse
eval clustering``).

A pile is one evaluation set pooled into one heap of articles (ECB+ topics, Multi-News
stories). Its topics (or stories) are dealt into ``FOLDS`` folds; a pair whose articles lie in
folds i and j is scored by a model fitted without folds i and j (15 models for 5 folds), then
the whole pile is clustered at every threshold of ``THRESHOLDS``. The threshold used for fold
k's articles is the one best on the other folds' articles, so no figure comes from a topic,
story or threshold choice the model saw.
"""

from __future__ import annotations

import json
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations_with_replacement
from pathlib import Path

import numpy as np

from newsfuse.cluster import EDGE_FLOOR, average_link, candidate_pairs
from newsfuse.cluster_features import Profile
from newsfuse.cluster_pairs import PairModel, feature_matrix, from_sklearn, prepare
from newsfuse.evaluate.cluster_scores import ClusterScores, score_clusters

FOLDS = 5
SEED = 16
THRESHOLDS = tuple(round(0.05 + 0.05 * n, 2) for n in range(16))
"""Story thresholds tried (mean pair probability of two stories)."""
TOLERANCE = 0.005
"""Thresholds scoring within this of the best are as good: the highest of them is taken, as
a false merge does more harm than a missed one (B-cubed F1 moves by about 0.01 from fold to
fold, so smaller differences are noise)."""
PARAMS: Mapping[str, float] = {
    "max_iter": 100,
    "learning_rate": 0.1,
    "max_leaf_nodes": 7,
    "min_samples_leaf": 80,
    "l2_regularization": 1.0,
}
"""The HistGradientBoostingClassifier settings: the best out of fold of four sizes tried
(7 leaves; 5, 15 and 31 leaves within 0.01-0.03 lower on ECB+, within 0.015 on Multi-News)."""


@dataclass
class Pile:
    """One evaluation set pooled: profiles, gold events, each article's fold, scored pairs."""

    name: str
    items: list[Profile]
    gold: list[str]
    fold: list[int]
    pairs: list[tuple[int, int]] = field(default_factory=list)
    rows: np.ndarray = field(default_factory=lambda: np.zeros((0, 0)))
    labels: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=int))


@dataclass(frozen=True)
class FoldReport:
    """Out-of-fold figures of one pile."""

    name: str
    articles: int
    by_threshold: Mapping[float, float]
    chosen: Mapping[int, float]
    out_of_fold: ClusterScores


def multinews_records(path: Path) -> list[dict[str, str]]:
    """Multi-News stories as ECB+-style records, one per non-empty article (topic = story)."""
    records = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        story = json.loads(line)
        for number, article in enumerate(story["articles"]):
            if article["text"].strip():
                records.append({
                    "id": f"mn{story['cluster_id']}-{number}",
                    "cluster_id": f"mn{story['cluster_id']}",
                    "topic_id": f"mn{story['cluster_id']}",
                    "text": article["text"],
                    "title": article.get("title") or "",
                    "date": article.get("date") or "",
                })
    return records


def folds_of(groups: Sequence[str], seed: int = SEED) -> list[int]:
    """A fold per article: its group (topic or story) dealt into ``FOLDS`` at random."""
    names = sorted(set(groups))
    random.Random(seed).shuffle(names)
    fold = {group: n % FOLDS for n, group in enumerate(names)}
    return [fold[group] for group in groups]


def make_pile(
    name: str, items: list[Profile], gold: list[str], groups: Sequence[str], seed: int = SEED
) -> Pile:
    """A pile with its pairs: the blocking candidates, the only pairs the clusterer scores
    (same-event pairs that blocking misses count as never compared)."""
    pile = Pile(name, items, gold, folds_of(groups, seed))
    pile.pairs = candidate_pairs(items)
    prepared = [prepare(item) for item in items]
    pile.rows = feature_matrix(prepared, pile.pairs)
    pile.labels = np.array([gold[a] == gold[b] for a, b in pile.pairs], dtype=int)
    return pile


def fit(rows: np.ndarray, labels: np.ndarray, threshold: float = 0.5,
        about: Mapping[str, object] | None = None) -> PairModel:
    """A pair model fitted on ``rows`` (scikit-learn, then flattened to numpy arrays)."""
    from sklearn.ensemble import HistGradientBoostingClassifier

    model = HistGradientBoostingClassifier(random_state=0, **PARAMS)  # type: ignore[arg-type]
    return from_sklearn(model.fit(rows, labels), threshold, about)


def out_of_fold(
    piles: Sequence[Pile], train: Sequence[Pile] | None = None
) -> dict[str, np.ndarray]:
    """Each pile's pair probabilities from models fitted (on ``train``, default the piles)
    without either article's fold."""
    train = list(piles if train is None else train)
    folds = {
        p.name: np.sort(np.array([[p.fold[a], p.fold[b]] for a, b in p.pairs]).reshape(-1, 2), 1)
        for p in [*piles, *train]
    }
    scores = {pile.name: np.zeros(len(pile.pairs)) for pile in piles}
    for left, right in combinations_with_replacement(range(FOLDS), 2):
        keep = [~np.isin(folds[p.name], (left, right)).any(axis=1) for p in train]
        labels = np.concatenate([p.labels[k] for p, k in zip(train, keep, strict=True)])
        if len(set(labels.tolist())) < 2:
            continue  # nothing to learn from: these pairs keep probability 0
        model = fit(np.concatenate([p.rows[k] for p, k in zip(train, keep, strict=True)]), labels)
        for pile in piles:
            mine = (folds[pile.name][:, 0] == left) & (folds[pile.name][:, 1] == right)
            if mine.any():
                scores[pile.name][mine] = model.probabilities(pile.rows[mine])
    return scores


def partitions(pile: Pile, scores: np.ndarray,
               thresholds: Sequence[float] = THRESHOLDS) -> dict[float, list[str]]:
    """The story of each article of ``pile`` at every threshold."""
    edges = {pair: float(p) for pair, p in zip(pile.pairs, scores, strict=True) if p >= EDGE_FLOOR}
    out = {}
    for threshold in thresholds:
        label = [""] * len(pile.items)
        for number, group in enumerate(average_link(len(pile.items), edges, threshold)):
            for member in group:
                label[member] = f"c{number}"
        out[threshold] = label
    return out


def scores_over(pile: Pile, labels: Sequence[str], folds: set[int]) -> ClusterScores:
    """Scores over the articles of ``folds`` (their clusters come from the whole pile)."""
    ids = [n for n in range(len(pile.items)) if pile.fold[n] in folds]
    return score_clusters({str(n): labels[n] for n in ids}, {str(n): pile.gold[n] for n in ids})


def fold_report(pile: Pile, scores: np.ndarray) -> FoldReport:
    """Out-of-fold figures: fold k's articles clustered at the threshold best on the others."""
    labels = partitions(pile, scores)
    every = set(range(FOLDS))
    by_threshold = {t: scores_over(pile, labels[t], every).bcubed_f1 for t in THRESHOLDS}
    chosen = {k: _best_on(pile, labels, every - {k}) for k in range(FOLDS)}
    merged = [f"{labels[chosen[pile.fold[n]]][n]}@{chosen[pile.fold[n]]}"
              for n in range(len(pile.items))]
    return FoldReport(pile.name, len(pile.items), by_threshold, chosen,
                      scores_over(pile, merged, every))


def _precise_best(scores: Mapping[float, float]) -> float:
    """The highest threshold scoring within ``TOLERANCE`` of the best (precision first)."""
    best = max(scores.values())
    return max(t for t, value in scores.items() if value >= best - TOLERANCE)


def _best_on(pile: Pile, labels: Mapping[float, list[str]], folds: set[int]) -> float:
    """The threshold chosen on the articles of ``folds`` (see ``_precise_best``)."""
    return _precise_best({t: scores_over(pile, labels[t], folds).bcubed_f1 for t in THRESHOLDS})


def best_threshold(reports: Sequence[FoldReport]) -> float:
    """The threshold chosen on the mean out-of-fold B-cubed F1 over the piles."""
    return _precise_best(
        {t: sum(r.by_threshold[t] for r in reports) / len(reports) for t in THRESHOLDS}
    )


def out_of_fold_scores(
    sets: Sequence[tuple[str, list[Profile], Sequence[Mapping[str, str]]]],
) -> dict[str, ClusterScores]:
    """Out-of-fold scores of each named set (profiles and their records, with ``cluster_id``
    and ``topic_id``), with models fitted on all the sets' other folds; a set with fewer
    topics than folds has none."""
    sets = [s for s in sets if len({r.get("topic_id") or r["cluster_id"] for r in s[2]}) >= FOLDS]
    if not sets:
        return {}
    piles = [
        make_pile(
            name,
            items,
            [str(r["cluster_id"]) for r in records],
            [str(r.get("topic_id") or r["cluster_id"]) for r in records],
        )
        for name, items, records in sets
    ]
    scores = out_of_fold(piles)
    return {pile.name: fold_report(pile, scores[pile.name]).out_of_fold for pile in piles}
