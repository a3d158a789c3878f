"""A learned judge of scraped-text lines: is a line page furniture (boilerplate) or the article?

A line is described by its shape and its place, never by the phrases it holds: its length,
how it ends, its capitals, digits and link-like or credit-like marks, where it stands in the
page, its neighbours, whether it repeats in the page, how many of its words the article's
prose shares, and whether a rule of the cleaner (``text.line_role``) already named it. A
small gradient-boosted tree ensemble over these features (``text_lines_model.json``) gives
the probability that the line is boilerplate; the cleaner drops a line whose probability
reaches the model's threshold.

The model is fitted on the cleaner's gold (``eval/gold/cleaner/``: Multi-News sources labelled
by hand, WCXB pages labelled from their gold) by ``tools/train_lines.py``, which also chooses
the threshold on folds (by story and site); ``newsfuse eval cleaner`` reports it out of fold.
Retrain: ``PYTHONPATH=src python tools/train_lines.py``.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from newsfuse import lang
from newsfuse.extract import meta

MODEL_PATH = Path(__file__).with_name("text_lines_model.json")

_TERMINAL = re.compile(r"[.!?](?:\s?[\"”’'»)\]])*$")
_LINKLIKE = re.compile(r"https?://|www\.|\.(?:com|org|net|co\.uk)\b|@\w|\w@\w|#\w")
_SLASHED = re.compile(r"[^\W\d_]\s?/\s?[^\W\d_]")
_SEPARATORS = re.compile(r"[|•·»›▶►]|\s[-–—]\s*$|^[-–—*•]")
_ADDRESS = frozenset(lang.entries("boilerplate", "ADDRESS_WORDS"))

FEATURES = (
    "words", "chars", "terminal", "colon", "cut", "quote", "capitalised", "caps", "digits",
    "linklike", "slashed", "separators", "bracketed", "semicolons", "address", "person",
    "position", "first", "last", "near_end", "prev_words", "next_words", "prev_prose",
    "next_prose", "prev_rule", "next_rule", "repeated", "topic", "rule", "short", "mean_word",
    "prose", "index", "from_end", "page_lines", "page_terminal",
)  # fmt: skip
"""The features, in the order of the model's weights."""


Tree = tuple[tuple[int, float, int, int, float], ...]
"""A tree's nodes: (feature index or -1 for a leaf, threshold, left, right, value); a line
goes left when its feature is <= the threshold."""


@dataclass(frozen=True, slots=True)
class LineModel:
    """Gradient-boosted trees over ``FEATURES`` (their raw score plus ``bias`` is the log-odds
    of boilerplate) and the drop threshold on the probability."""

    trees: tuple[Tree, ...]
    bias: float
    threshold: float

    def scores(self, features: np.ndarray) -> np.ndarray:
        """Probability of boilerplate for each row of ``features``."""
        total = np.full(len(features), self.bias)
        rows = np.arange(len(features))
        for tree in self.trees:
            table = np.asarray(tree)
            node = np.zeros(len(features), dtype=int)
            while True:
                feature = table[node, 0].astype(int)
                inner = feature >= 0
                if not inner.any():
                    break
                value = features[rows, np.where(inner, feature, 0)]
                step = np.where(value <= table[node, 1], table[node, 2], table[node, 3])
                node = np.where(inner, step.astype(int), node)
            total += table[node, 4]
        return 1.0 / (1.0 + np.exp(-total))

    def to_json(self) -> dict[str, object]:
        return {
            "features": list(FEATURES), "bias": self.bias, "threshold": self.threshold,
            "trees": [[list(node) for node in tree] for tree in self.trees],
        }  # fmt: skip


def load(path: Path = MODEL_PATH) -> LineModel:
    data = json.loads(path.read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURES:
        raise ValueError(f"{path}: trained on other features; retrain with tools/train_lines.py")
    trees = tuple(tuple((int(f), float(t), int(a), int(b), float(v)) for f, t, a, b, v in tree)
                  for tree in data["trees"])
    return LineModel(trees, float(data["bias"]), float(data["threshold"]))


@cache
def shipped() -> LineModel:
    """The model that ships with the package."""
    return load()


def _word_shape(line: str) -> tuple[float, float, float, float]:
    """Share of capitalised words, of all-capital words, of second-person words; mean length."""
    tokens = re.findall(r"[^\W\d_][\w'’-]*", line)
    if not tokens:
        return 0.0, 0.0, 0.0, 0.0
    capitalised = sum(1 for t in tokens if t[:1].isupper()) / len(tokens)
    caps = sum(1 for t in tokens if len(t) > 1 and t.isupper()) / len(tokens)
    address = sum(1 for t in tokens if t.lower() in _ADDRESS) / len(tokens)
    return capitalised, caps, address, sum(len(t) for t in tokens) / len(tokens)


def _shared(stems: set[str], topic: Counter[str], least: int) -> float:
    """Share of a line's content stems that other prose lines of the page also have (a prose
    line counts in ``topic`` itself, so it needs ``least`` = 2)."""
    if not stems:
        return 0.0
    return sum(1 for s in stems if topic.get(s, 0) >= least) / len(stems)


def _is_prose(line: str, count: int) -> bool:
    return (count >= 3 and bool(_TERMINAL.search(line))) or count >= 20


def _shape(line: str, count: int) -> tuple[float, ...]:
    """The line's own shape: length, ending, capitals, digits, link- and credit-like marks."""
    capitalised, caps, address, mean_word = _word_shape(line)
    letters = sum(ch.isalnum() for ch in line) or 1
    stripped = line.strip("\"“”'’ ")
    return (
        math.log1p(count), math.log1p(len(line)), float(bool(_TERMINAL.search(line))),
        float(line.endswith(":")), float(line.endswith(("...", "…"))),
        float(line[:1] in "\"“‘'"), capitalised, caps,
        sum(ch.isdigit() for ch in line) / letters, float(bool(_LINKLIKE.search(line))),
        float(bool(_SLASHED.search(line))), float(bool(_SEPARATORS.search(line))),
        float(stripped[:1] in "([" and stripped[-1:] in ")]"), float(line.count(";")),
        address, float(count <= 6 and meta.is_person_name(line)), mean_word,
    )  # fmt: skip


def _place(i: int, n: int, counts: list[int], prose: list[bool],
           roles: list[str | None]) -> tuple[float, ...]:
    """Where the line stands and what its neighbours are."""
    def near(j: int, value: float) -> float:
        return value if 0 <= j < n else 0.0

    return (
        i / (n - 1) if n > 1 else 0.0, float(i == 0), float(i == n - 1), float(i >= n - 3),
        near(i - 1, math.log1p(counts[i - 1])), near(i + 1, math.log1p(counts[(i + 1) % n])),
        near(i - 1, float(prose[i - 1])), near(i + 1, float(prose[(i + 1) % n])),
        near(i - 1, float(roles[i - 1] is not None)),
        near(i + 1, float(roles[(i + 1) % n] is not None)),
    )  # fmt: skip


def line_features(lines: list[str], roles: list[str | None],
                  stems: list[set[str]]) -> np.ndarray:
    """One row of ``FEATURES`` per line of a page (``roles`` from the cleaner's rules,
    ``stems`` each line's content stems)."""
    n = len(lines)
    counts = [len(line.split()) for line in lines]
    prose = [_is_prose(line, c) for line, c in zip(lines, counts, strict=True)]
    topic: Counter[str] = Counter()
    for own, is_prose in zip(stems, prose, strict=True):
        if is_prose:
            topic.update(own)
    seen = Counter(lines)
    total = sum(counts) or 1
    page_terminal = sum(c for line, c in zip(lines, counts, strict=True)
                        if _TERMINAL.search(line)) / total
    rows = []
    for i, line in enumerate(lines):
        shape = _shape(line, counts[i])
        rows.append((
            *shape[:-1], *_place(i, n, counts, prose, roles), float(seen[line] > 1),
            _shared(stems[i], topic, 2 if prose[i] else 1), float(roles[i] is not None),
            float(counts[i] <= 3), shape[-1], float(prose[i]), math.log1p(i),
            math.log1p(n - 1 - i), math.log1p(n), page_terminal,
        ))  # fmt: skip
    return np.asarray(rows, dtype=float).reshape(n, len(FEATURES))


TREES = {"max_iter": 80, "max_leaf_nodes": 12, "learning_rate": 0.1, "min_samples_leaf": 30}
"""Boosting settings (not tuned: scikit-learn's defaults, smaller)."""


def fit(features: np.ndarray, labels: np.ndarray, weights: np.ndarray) -> tuple[
        tuple[Tree, ...], float]:
    """Gradient-boosted trees (scikit-learn, needed only to fit): (trees, bias)."""
    from sklearn.ensemble import HistGradientBoostingClassifier

    booster = HistGradientBoostingClassifier(random_state=0, **TREES)  # type: ignore[arg-type]
    booster.fit(features, labels, sample_weight=weights)
    trees = tuple(
        tuple(
            (-1 if node["is_leaf"] else int(node["feature_idx"]), float(node["num_threshold"]),
             int(node["left"]), int(node["right"]), float(node["value"]))
            for node in iteration[0].nodes
        )
        for iteration in booster._predictors
    )
    return trees, float(np.ravel(booster._baseline_prediction)[0])
