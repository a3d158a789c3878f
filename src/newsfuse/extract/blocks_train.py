"""Fitting the block scorer (``blocks.py``) on pages with gold bodies.

A block is labelled body when at least half of its word trigrams (short blocks: its words as a
run) occur in the gold body. The model is a logistic regression over the blocks' named
features; each page weighs the same (a block weighs its share of the page's words), class/id
tokens seen on fewer than ``MIN_SITES`` training sites are left out, and the threshold is the
one of ``THRESHOLDS`` with the best mean page F1 on the training pages.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from newsfuse.extract.blocks import BlockModel, Candidate, Node, overlap, reference, tokens

MIN_SITES = 3
C = 0.5
THRESHOLDS = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6)
ADD_THRESHOLDS = (0.5, 0.7, 0.9, 1.01)  # 1.01: never add a block trafilatura left out
_LABEL_OVERLAP = 0.5


@dataclass(frozen=True)
class TrainingPage:
    """One gold page: its site (URL host), candidates and their labels."""

    site: str
    candidates: list[Candidate]
    labels: list[bool]


def label_blocks(candidates: Sequence[Candidate], gold_body: str) -> list[bool]:
    ref = reference(gold_body)
    return [overlap(tokens(c.text), ref) >= _LABEL_OVERLAP for c in candidates]


def _vocabulary(pages: Sequence[TrainingPage]) -> set[str]:
    """Feature names kept: every non-token feature, and tokens seen on ``MIN_SITES`` sites."""
    sites: dict[str, set[str]] = {}
    for page in pages:
        for candidate in page.candidates:
            for name in candidate.features:
                sites.setdefault(name, set()).add(page.site)
    return {
        name
        for name, where in sites.items()
        if not name.startswith(("c=", "c0=")) or len(where) >= MIN_SITES
    }


def _rows(
    pages: Sequence[TrainingPage], vocabulary: set[str]
) -> tuple[list[dict[str, float]], list[int], list[float]]:
    rows: list[dict[str, float]] = []
    labels: list[int] = []
    weights: list[float] = []
    for page in pages:
        sizes = [len(c.text.split()) for c in page.candidates]
        total = sum(sizes) or 1
        for candidate, label, size in zip(page.candidates, page.labels, sizes, strict=True):
            rows.append({k: v for k, v in candidate.features.items() if k in vocabulary})
            labels.append(int(label))
            weights.append(size / total + 1.0 / (len(sizes) * 10))
    return rows, labels, weights


def _page_f1(kept: Sequence[bool], page: TrainingPage) -> float:
    got: Counter[str] = Counter()
    want: Counter[str] = Counter()
    for candidate, keep, label in zip(page.candidates, kept, page.labels, strict=True):
        words = tokens(candidate.text)
        if keep:
            got.update(words)
        if label:
            want.update(words)
    tp = sum((got & want).values())
    if not got and not want:
        return 1.0
    return 2 * tp / (sum(got.values()) + sum(want.values()))


def _best_thresholds(model: BlockModel, pages: Sequence[TrainingPage]) -> BlockModel:
    """The model with the pair of thresholds (in / outside trafilatura's body) of best mean
    page F1 on ``pages``."""
    probabilities = [[model.probability(c.features) for c in page.candidates] for page in pages]
    inside = [[c.features.get("traf", 0.0) >= 0.5 for c in page.candidates] for page in pages]

    def mean_f1(pair: tuple[float, float]) -> float:
        scores = [
            _page_f1(
                [p >= (pair[0] if i else pair[1]) for p, i in zip(probs, ins, strict=True)], page
            )
            for probs, ins, page in zip(probabilities, inside, pages, strict=True)
        ]
        return sum(scores) / max(1, len(scores))

    pairs = [(keep, add) for keep in THRESHOLDS for add in ADD_THRESHOLDS]
    return model.with_thresholds(*max(pairs, key=mean_f1))


def fit_model(pages: Sequence[TrainingPage]) -> BlockModel:
    """A logistic block model fitted on ``pages`` (needs scikit-learn)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    rows, labels, weights = _rows(pages, _vocabulary(pages))
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform(rows)
    regression = LogisticRegression(C=C, max_iter=1000)
    regression.fit(matrix, labels, sample_weight=[w * len(pages) for w in weights])
    names: list[str] = list(vectorizer.get_feature_names_out())
    coefficients = regression.coef_[0]
    model = BlockModel(
        {name: float(w) for name, w in zip(names, coefficients, strict=True)},
        float(regression.intercept_[0]),
        0.5,
    )
    return _best_thresholds(model, pages)


TREE_TOKENS = 150
TREES = {"max_iter": 150, "max_leaf_nodes": 15, "learning_rate": 0.1, "min_samples_leaf": 40}


def _tree_nodes(predictor: object, names: Sequence[str]) -> tuple[Node, ...]:
    nodes = predictor.nodes  # type: ignore[attr-defined]
    return tuple(
        (
            "" if node["is_leaf"] else names[int(node["feature_idx"])],
            float(node["num_threshold"]),
            int(node["left"]),
            int(node["right"]),
            float(node["value"]),
        )
        for node in nodes
    )


def _tree_vocabulary(pages: Sequence[TrainingPage]) -> set[str]:
    """Non-token features and the ``TREE_TOKENS`` class/id tokens seen on most sites."""
    vocabulary = _vocabulary(pages)
    sites: dict[str, set[str]] = {}
    for page in pages:
        for candidate in page.candidates:
            for name in candidate.features:
                if name.startswith(("c=", "c0=")) and name in vocabulary:
                    sites.setdefault(name, set()).add(page.site)
    ranked = sorted(sites, key=lambda name: (-len(sites[name]), name))[:TREE_TOKENS]
    return {n for n in vocabulary if not n.startswith(("c=", "c0="))} | set(ranked)


def fit_trees(pages: Sequence[TrainingPage]) -> BlockModel:
    """Gradient-boosted trees over the blocks' features (needs scikit-learn)."""
    import numpy as np
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.feature_extraction import DictVectorizer

    rows, labels, weights = _rows(pages, _tree_vocabulary(pages))
    vectorizer = DictVectorizer(sparse=False, dtype=np.float32)
    matrix = vectorizer.fit_transform(rows)
    names: list[str] = list(vectorizer.get_feature_names_out())
    booster = HistGradientBoostingClassifier(random_state=0, **TREES)  # type: ignore[arg-type]
    booster.fit(matrix, labels, sample_weight=np.asarray(weights) * len(pages))
    trees = tuple(_tree_nodes(iteration[0], names) for iteration in booster._predictors)
    baseline = float(np.ravel(booster._baseline_prediction)[0])
    model = BlockModel({}, baseline, 0.5, trees)
    return _best_thresholds(model, pages)


def site_folds(sites: Sequence[str], k: int) -> list[int]:
    """A fold number per page, pages of one site in one fold (sites dealt round-robin in
    order of decreasing page count, so the folds are about equal)."""
    counts = Counter(sites)
    order = sorted(counts, key=lambda site: (-counts[site], site))
    fold_of = {site: i % k for i, site in enumerate(order)}
    return [fold_of[site] for site in sites]


def out_of_fold(
    pages: Sequence[TrainingPage], k: int, fit: Callable[[Sequence[TrainingPage]], BlockModel]
) -> tuple[list[int], list[BlockModel]]:
    """The fold of each page and the model fitted without that fold, one per fold."""
    folds = site_folds([page.site for page in pages], k)
    models = [fit([p for p, f in zip(pages, folds, strict=True) if f != fold]) for fold in range(k)]
    return folds, models
