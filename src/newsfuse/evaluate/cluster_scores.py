"""B-cubed and pairwise scores of a clustering against gold clusters (used by
``evaluate/clustering.py`` and its folds, ``evaluate/clustering_folds.py``)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ClusterScores:
    """B-cubed and pairwise scores of one clustering, and how many clusters it made."""

    bcubed_precision: float
    bcubed_recall: float
    bcubed_f1: float
    pairwise_f1: float
    clusters: int


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def score_clusters(predicted: Mapping[str, str], gold: Mapping[str, str]) -> ClusterScores:
    """Score ``predicted`` (id -> cluster) against ``gold`` (id -> cluster), over gold ids.

    A gold id missing from ``predicted`` counts as a cluster of its own.
    """
    ids = list(gold)
    pred = {key: predicted.get(key, f"missing:{key}") for key in ids}
    pred_sizes = Counter(pred.values())
    gold_sizes = Counter(gold[key] for key in ids)
    both = Counter((pred[key], gold[key]) for key in ids)
    precision = sum(both[(pred[k], gold[k])] / pred_sizes[pred[k]] for k in ids) / len(ids)
    recall = sum(both[(pred[k], gold[k])] / gold_sizes[gold[k]] for k in ids) / len(ids)
    pairs = sum(n * (n - 1) / 2 for n in both.values())
    pred_pairs = sum(n * (n - 1) / 2 for n in pred_sizes.values())
    gold_pairs = sum(n * (n - 1) / 2 for n in gold_sizes.values())
    pair_p = pairs / pred_pairs if pred_pairs else 1.0
    pair_r = pairs / gold_pairs if gold_pairs else 1.0
    return ClusterScores(precision, recall, _f1(precision, recall), _f1(pair_p, pair_r),
                         len(pred_sizes))
