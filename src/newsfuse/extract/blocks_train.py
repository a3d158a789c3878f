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

from newsfuse.extract.blocks import BlockModel, Candidate, overlap, reference, tokens

MIN_SITES = 3
C = 0.5
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7)
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


def _best_threshold(model: BlockModel, pages: Sequence[TrainingPage]) -> float:
    probabilities = [[model.probability(c.features) for c in page.candidates] for page in pages]

    def mean_f1(threshold: float) -> float:
        scores = [
            _page_f1([p >= threshold for p in probs], page)
            for probs, page in zip(probabilities, pages, strict=True)
        ]
        return sum(scores) / max(1, len(scores))

    return max(THRESHOLDS, key=mean_f1)


def fit_model(pages: Sequence[TrainingPage]) -> BlockModel:
    """A logistic block model fitted on ``pages`` (needs scikit-learn)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    rows, labels, weights = _rows(pages, _vocabulary(pages))
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform(rows)
    regression = LogisticRegression(C=C, max_iter=2000, solver="liblinear")
    regression.fit(matrix, labels, sample_weight=[w * len(pages) for w in weights])
    names: list[str] = list(vectorizer.get_feature_names_out())
    coefficients = regression.coef_[0]
    model = BlockModel(
        {name: float(w) for name, w in zip(names, coefficients, strict=True)},
        float(regression.intercept_[0]),
        0.5,
    )
    return BlockModel(model.weights, model.bias, _best_threshold(model, pages))


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
