"""Do two articles report the same event? A learned pair scorer over story profiles.

Each pair of profiles (:mod:`newsfuse.cluster_features`) becomes a row of ``FEATURES``: the
cosines of their term, entity and lead-embedding vectors, idf-weighted overlaps of their rare
words, lead names, numbers and named years, the share of one's lead names the other never
mentions, how much of each one's strongest terms the other holds (a share, so long and short
articles compare alike), their sizes, and (the ``_rel`` columns) how near the pair comes to
each article's best match among the pairs scored in the same pile. A small gradient-boosted
tree ensemble (scikit-learn's HistGradientBoostingClassifier, exported to ``models/pairs.npz``
and evaluated here with numpy, no pickle) turns a row into the probability that both report
one event.

Publication dates are left out on purpose: in ECB+ two articles within a month are nearly
always one event (its topics pair events years apart), a shortcut that merged same-week,
same-template events of a real stream (tests/test_cluster.py) when the model could use it.

The model is fitted on ECB+ train+dev topics (../shared/eval/clustering/) and on Multi-News
validation stories (../shared/eval/summarization/), and the story threshold is chosen by folds
over topics and stories. Retrain with::

    PYTHONPATH=src python tools/train_pairs.py --write

Every feature is symmetric; word rarity comes from the language's general word frequencies and
the ``_rel`` columns from the set of pairs scored, never from their order, so the same articles
get the same scores whatever order or batches they came in.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from newsfuse.cluster_features import Profile, Vector, idf

MODEL = Path(__file__).parent / "models" / "pairs.npz"
RARE_IDF = 4.5
"""Words at least this rare (Zipf 3.5 or less) are an article's rare words."""
NAME_IDF = 3.5
"""Entity words at least this rare count as names (drops "the", "new", "president")."""
TOP_TERMS = 20
"""Strongest terms per article whose share found in the other article is a feature."""
FEATURES = (
    "terms",
    "entities",
    "embedding",
    "lead_names",
    "lead_names_new",
    "rare_terms",
    "rare_names",
    "numbers",
    "years_shared",
    "years_disjoint",
    "top_terms_min",
    "top_terms_max",
    "size_min",
    "size_ratio",
    "terms_rel_min",
    "terms_rel_max",
    "embedding_rel_min",
    "embedding_rel_max",
    "entities_rel_min",
    "entities_rel_max",
    "rare_terms_rel_min",
    "rare_terms_rel_max",
)
CONTEXT = ("terms", "embedding", "entities", "rare_terms")
OWN = FEATURES[: len(FEATURES) - 2 * len(CONTEXT)]
"""The features of a pair on its own (what :func:`pair_features` gives)."""
"""Features also given relative to each article's best candidate (the ``_rel`` columns):
how near a pair comes to being each article's closest match among the pairs scored."""


@dataclass(frozen=True, slots=True)
class Prepared:
    """What pair features read of one profile, computed once per article."""

    id: str
    terms: Vector
    entities: Vector
    embedding: np.ndarray
    lead_names: Mapping[str, float]
    rare_terms: Mapping[str, float]
    rare_names: Mapping[str, float]
    numbers: frozenset[str]
    years: frozenset[str]
    top: Mapping[str, float]
    size: float


def prepare(item: Profile) -> Prepared:
    """The parts of ``item`` that pair features compare."""
    rare_terms = {word: idf(word) for word in item.terms if idf(word) >= RARE_IDF}
    names = {word: idf(word) for word in item.entities if idf(word) >= NAME_IDF}
    lead = {word: idf(word) for word in item.lead_entities if idf(word) >= NAME_IDF}
    strongest = sorted(item.terms.items(), key=lambda pair: (-pair[1], pair[0]))[:TOP_TERMS]
    return Prepared(
        id=item.id,
        terms=item.terms,
        entities=item.entities,
        embedding=np.asarray(item.embedding, dtype=np.float32),
        lead_names=lead,
        rare_terms=rare_terms,
        rare_names={word: weight for word, weight in names.items() if weight >= RARE_IDF},
        numbers=item.numbers,
        years=item.years,
        top=dict(strongest),
        size=float(len(item.terms)),
    )


def _dot(left: Vector, right: Vector) -> float:
    if len(left) > len(right):
        left, right = right, left
    return sum(weight * right.get(key, 0.0) for key, weight in left.items())


def _weighted_jaccard(left: Mapping[str, float], right: Mapping[str, float]) -> float:
    """Shared weight over the weight of either (NaN when either side is empty)."""
    if not left or not right:
        return math.nan
    shared = sum(weight for word, weight in left.items() if word in right)
    total = sum(left.values()) + sum(weight for word, weight in right.items() if word not in left)
    return shared / total if total else math.nan


def _jaccard(left: frozenset[str], right: frozenset[str]) -> float:
    if not left or not right:
        return math.nan
    return len(left & right) / len(left | right)


def _found_share(top: Mapping[str, float], other: Vector) -> float:
    """The share of ``top``'s weight whose terms ``other`` holds."""
    total = sum(top.values())
    return sum(weight for word, weight in top.items() if word in other) / total if total else 0.0


def _new_share(lead: Mapping[str, float], other: Prepared) -> float:
    """The weight share of ``lead`` names that ``other`` never mentions (NaN for no names)."""
    total = sum(lead.values())
    if not total:
        return math.nan
    new = sum(
        weight for word, weight in lead.items()
        if word not in other.entities and word not in other.terms
    )
    return new / total


def _max_nan(left: float, right: float) -> float:
    """The larger of two values, ignoring a NaN (NaN when both are)."""
    if math.isnan(left):
        return right
    return left if math.isnan(right) else max(left, right)


def pair_features(a: Prepared, b: Prepared) -> list[float]:
    """The ``OWN`` features of one pair; symmetric: ``(a, b)`` and ``(b, a)`` give one row."""
    if b.id < a.id:
        a, b = b, a
    entities = _dot(a.entities, b.entities) if a.entities and b.entities else math.nan
    years_disjoint = math.nan
    if a.years and b.years:
        years_disjoint = 0.0 if a.years & b.years else 1.0
    found = (_found_share(a.top, b.terms), _found_share(b.top, a.terms))
    return [
        _dot(a.terms, b.terms),
        entities,
        float(a.embedding @ b.embedding),
        _weighted_jaccard(a.lead_names, b.lead_names),
        _max_nan(_new_share(a.lead_names, b), _new_share(b.lead_names, a)),
        _weighted_jaccard(a.rare_terms, b.rare_terms),
        _weighted_jaccard(a.rare_names, b.rare_names),
        _jaccard(a.numbers, b.numbers),
        _jaccard(a.years, b.years),
        years_disjoint,
        min(found),
        max(found),
        math.log1p(min(a.size, b.size)),
        min(a.size, b.size) / max(a.size, b.size, 1.0),
    ]


def feature_matrix(prepared: Sequence[Prepared], pairs: Sequence[tuple[int, int]]) -> np.ndarray:
    """One ``FEATURES`` row per pair of indices into ``prepared``, as a float64 array.

    The ``_rel`` columns compare a pair's value with the best value each of its two articles
    reaches over all of ``pairs`` (the candidate pairs of one pile): the same pairs give the
    same rows whatever order they are listed in.
    """
    own = [pair_features(prepared[a], prepared[b]) for a, b in pairs]
    base = np.asarray(own, dtype=np.float64).reshape(len(own), len(OWN))
    columns = [base]
    if len(pairs):
        left = np.array([a for a, _ in pairs])
        right = np.array([b for _, b in pairs])
        for name in CONTEXT:
            values = base[:, FEATURES.index(name)]
            best = np.full(len(prepared), 1e-9)
            np.fmax.at(best, left, values)  # fmax: a missing value is no best
            np.fmax.at(best, right, values)
            ratios = np.stack([values / best[left], values / best[right]], axis=1)
            columns.append(np.stack([ratios.min(axis=1), ratios.max(axis=1)], axis=1))
    else:
        columns.append(np.zeros((0, 2 * len(CONTEXT))))
    return np.hstack(columns)


# --------------------------------------------------------------------------- the model


@dataclass(frozen=True)
class PairModel:
    """A boosted tree ensemble over ``FEATURES`` plus the story threshold chosen with it.

    The trees are flat arrays: node ``i`` of the ensemble tests ``feature[i] <= threshold[i]``
    (a missing value goes left when ``missing_left[i]``) and goes to ``left[i]`` or
    ``right[i]`` (absolute node numbers); a leaf holds ``value[i]``. ``roots`` are the trees'
    first nodes; the probability is the logistic of ``baseline`` plus the leaves' values.
    """

    feature: np.ndarray
    threshold: np.ndarray
    missing_left: np.ndarray
    left: np.ndarray
    right: np.ndarray
    leaf: np.ndarray
    value: np.ndarray
    roots: np.ndarray
    baseline: float
    depth: int
    story_threshold: float
    features: tuple[str, ...]
    about: Mapping[str, object]

    def probabilities(self, rows: np.ndarray, chunk: int = 20_000) -> np.ndarray:
        """P(same event) for each row of ``rows`` (n x len(features))."""
        out = np.empty(len(rows), dtype=np.float64)
        for begin in range(0, len(rows), chunk):
            out[begin : begin + chunk] = self._chunk(rows[begin : begin + chunk])
        return out

    def _chunk(self, rows: np.ndarray) -> np.ndarray:
        node = np.broadcast_to(self.roots, (len(rows), len(self.roots))).copy()
        index = np.arange(len(rows))[:, None]
        for _ in range(self.depth):
            values = rows[index, self.feature[node]]
            go_left = np.where(
                np.isnan(values), self.missing_left[node], values <= self.threshold[node]
            )
            step = np.where(go_left, self.left[node], self.right[node])
            node = np.where(self.leaf[node], node, step)
        raw = self.baseline + self.value[node].sum(axis=1)
        return 1.0 / (1.0 + np.exp(-raw))

    def save(self, path: Path) -> None:
        """Write the model as a compressed npz (arrays plus one JSON string of metadata)."""
        meta = {
            "baseline": self.baseline,
            "depth": self.depth,
            "story_threshold": self.story_threshold,
            "features": list(self.features),
            "about": dict(self.about),
        }
        np.savez_compressed(
            path,
            feature=self.feature.astype(np.int16),
            threshold=self.threshold,
            missing_left=self.missing_left,
            left=self.left.astype(np.int32),
            right=self.right.astype(np.int32),
            leaf=self.leaf,
            value=self.value,
            roots=self.roots.astype(np.int32),
            meta=np.array(json.dumps(meta)),
        )


def read_model(path: Path) -> PairModel:
    """Load a model written by :meth:`PairModel.save`."""
    with np.load(path, allow_pickle=False) as data:
        meta = json.loads(str(data["meta"]))
        if tuple(meta["features"]) != FEATURES:
            raise ValueError(f"{path} was trained on other features: retrain it")
        return PairModel(
            feature=data["feature"].astype(np.intp),
            threshold=data["threshold"],
            missing_left=data["missing_left"],
            left=data["left"].astype(np.intp),
            right=data["right"].astype(np.intp),
            leaf=data["leaf"],
            value=data["value"],
            roots=data["roots"].astype(np.intp),
            baseline=float(meta["baseline"]),
            depth=int(meta["depth"]),
            story_threshold=float(meta["story_threshold"]),
            features=tuple(meta["features"]),
            about=meta.get("about", {}),
        )


@lru_cache(maxsize=1)
def load_model() -> PairModel:
    """The shipped pair model (loaded once)."""
    return read_model(MODEL)


def from_sklearn(
    model: object, story_threshold: float, about: Mapping[str, object] | None = None
) -> PairModel:
    """Flatten a fitted binary ``HistGradientBoostingClassifier`` into a :class:`PairModel`."""
    parts = []
    roots = []
    offset = 0
    for (tree,) in model._predictors:  # type: ignore[attr-defined]
        nodes = tree.nodes
        parts.append((nodes, offset))
        roots.append(offset)
        offset += len(nodes)
    nodes = np.concatenate([part for part, _ in parts])
    shift = np.concatenate([np.full(len(part), start) for part, start in parts])
    leaf = nodes["is_leaf"].astype(bool)
    return PairModel(
        feature=nodes["feature_idx"].astype(np.intp),
        threshold=nodes["num_threshold"].astype(np.float64),
        missing_left=nodes["missing_go_to_left"].astype(bool),
        left=np.where(leaf, 0, nodes["left"] + shift).astype(np.intp),
        right=np.where(leaf, 0, nodes["right"] + shift).astype(np.intp),
        leaf=leaf,
        value=np.where(leaf, nodes["value"], 0.0).astype(np.float64),
        roots=np.asarray(roots, dtype=np.intp),
        baseline=float(np.ravel(model._baseline_prediction)[0]),  # type: ignore[attr-defined]
        depth=int(nodes["depth"].max()),
        story_threshold=story_threshold,
        features=FEATURES,
        about=dict(about or {}),
    )


def score_pairs(
    prepared: Sequence[Prepared], pairs: Sequence[tuple[int, int]], model: PairModel
) -> np.ndarray:
    """P(same event) of each pair of indices into ``prepared``."""
    if not pairs:
        return np.zeros(0, dtype=np.float64)
    return model.probabilities(feature_matrix(prepared, pairs))
