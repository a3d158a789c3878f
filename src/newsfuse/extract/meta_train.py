"""Fitting the metadata ranking of ``meta_model`` on gold pages (needs numpy, scikit-learn).

Every page's title, author and date candidates are labelled right or wrong with the
evaluation's own comparison (``right(field, value, gold)``); boosted trees per field (or a
logistic model, ``trees=False``) score them, and each field's threshold is the one that makes
most pages right (a page whose gold is null is right only when no candidate passes). Folds
group pages by site (``blocks_train.site_folds``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from newsfuse.extract.blocks_train import site_folds
from newsfuse.extract.meta_candidates import Candidate
from newsfuse.extract.meta_model import (
    FIELDS,
    Choice,
    FieldModel,
    MetaModel,
    Node,
    Scored,
    choose,
    featurise,
)

Right = Callable[[str, str | None, str | None], bool]
TREE_SETTINGS = {"max_iter": 60, "max_leaf_nodes": 8, "learning_rate": 0.1, "min_samples_leaf": 20}
_L2 = 1.0
_RARE = 5
"""Signals seen on fewer pages count as ``other``."""


@dataclass
class TrainingPage:
    """One gold page: its site, candidates, outlet and host, gold values by field."""

    site: str
    candidates: list[Candidate]
    outlet: str | None
    host: str
    gold: dict[str, str | None]
    scored: dict[str, list[Scored]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.scored = featurise(self.candidates, self.outlet, self.host, {})

    def choose(self, model: MetaModel) -> dict[str, Choice]:
        return choose(self.candidates, outlet=self.outlet, host=self.host, model=model)


def _signals(pages: Sequence[TrainingPage], name: str) -> set[str]:
    seen: dict[str, int] = {}
    for page in pages:
        for family in {s.candidate.signal.split("/")[0] for s in page.scored[name]}:
            seen[family] = seen.get(family, 0) + 1
    return {signal for signal, n in seen.items() if n >= _RARE}


def _rows(page: TrainingPage, name: str, signals: set[str]) -> list[dict[str, float]]:
    rows = []
    for s in page.scored[name]:
        family = s.candidate.signal.split("/")[0]
        row = {k: v for k, v in s.features.items() if not k.startswith("signal=")}
        row[f"signal={family if family in signals else 'other'}"] = 1.0
        rows.append(row)
    return rows


def _logistic(x: object, y: object) -> tuple[list[float], float]:
    import numpy as np

    xb = np.hstack([np.asarray(x), np.ones((len(y), 1))])  # type: ignore[arg-type]
    w = np.zeros(xb.shape[1])
    penalty = np.full(xb.shape[1], _L2)
    penalty[-1] = 0.0
    for _ in range(25):
        p = 1 / (1 + np.exp(-np.clip(xb @ w, -30, 30)))
        grad = xb.T @ (p - np.asarray(y)) + penalty * w
        hess = (xb * (p * (1 - p))[:, None]).T @ xb + np.diag(penalty + 1e-6)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return [float(v) for v in w[:-1]], float(w[-1])


def _trees(x: object, y: object, names: list[str]) -> tuple[float, tuple[tuple[Node, ...], ...]]:
    import numpy as np
    from sklearn.ensemble import HistGradientBoostingClassifier

    booster = HistGradientBoostingClassifier(random_state=0, **TREE_SETTINGS)  # type: ignore[arg-type]
    booster.fit(x, y)
    trees = tuple(
        tuple(
            ("" if node["is_leaf"] else names[int(node["feature_idx"])],
             float(node["num_threshold"]), int(node["left"]), int(node["right"]),
             float(node["value"]))
            for node in iteration[0].nodes
        )
        for iteration in booster._predictors
    )
    return float(np.ravel(booster._baseline_prediction)[0]), trees


def fit_field(pages: Sequence[TrainingPage], name: str, right: Right, *,
              trees: bool = True) -> FieldModel:
    """One field's scorer and threshold."""
    import numpy as np

    signals = _signals(pages, name)
    rows: list[dict[str, float]] = []
    labels: list[float] = []
    for page in pages:
        for s, row in zip(page.scored[name], _rows(page, name, signals), strict=True):
            rows.append(row)
            labels.append(float(right(name, s.value, page.gold[name])))
    names = sorted({n for row in rows for n in row} | {f"signal={s}" for s in signals})
    if "signal=other" not in names:
        names.append("signal=other")
    x = np.array([[row.get(n, 0.0) for n in names] for row in rows])
    y = np.array(labels)
    if not rows or len(set(labels)) < 2:
        model = FieldModel(dict.fromkeys(names, 0.0), -30.0 if not any(labels) else 30.0, 0.5)
    elif trees:
        bias, fitted = _trees(x, y, names)
        model = FieldModel({n: 0.0 for n in names if n.startswith("signal=")}, bias, 0.0, fitted)
    else:
        weights, bias = _logistic(x, y)
        model = FieldModel(dict(zip(names, weights, strict=True)), bias, 0.0)
    return FieldModel(model.weights, model.bias, _threshold(pages, name, model, right),
                      model.trees)


def _threshold(pages: Sequence[TrainingPage], name: str, model: FieldModel,
               right: Right) -> float:
    bests = []
    for page in pages:
        scores = [(model.score(row), s.value) for row, s in
                  zip(_rows(page, name, _model_signals(model)), page.scored[name], strict=True)]
        bests.append((max(scores, key=lambda pair: pair[0], default=(0.0, None)),
                      page.gold[name]))
    options = sorted({round(score, 3) for (score, _), _ in bests} | {0.0})

    def rights(t: float) -> int:
        return sum(right(name, value if score >= t else None, gold)
                   for (score, value), gold in bests)

    return max(options, key=lambda t: (rights(t), -t))


def _model_signals(model: FieldModel) -> set[str]:
    return {n.split("=", 1)[1] for n in model.weights if n.startswith("signal=")}


def fit(pages: Sequence[TrainingPage], right: Right, *, trees: bool = True) -> MetaModel:
    """A model per field fitted on ``pages``."""
    return {name: fit_field(pages, name, right, trees=trees) for name in FIELDS}


def out_of_fold(pages: Sequence[TrainingPage], k: int, right: Right, *, trees: bool = True
                ) -> tuple[list[int], list[MetaModel]]:
    """Each page's fold (by site) and, per fold, the model fitted without it."""
    folds = site_folds([page.site for page in pages], k)
    models = [fit([p for p, f in zip(pages, folds, strict=True) if f != fold], right,
                  trees=trees) for fold in range(k)]
    return folds, models
