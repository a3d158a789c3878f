"""Fit the metadata ranking (``src/newsfuse/extract/meta_model.json``) on WCXB's gold pages.

    PYTHONPATH=src python tools/train_meta.py [../shared/eval/extraction-wcxb] [--write]
        [--folds 5] [--failures 0,1,2]

Every page's title, author and date candidates (``extract/meta_candidates.py``) are labelled
right or wrong with the evaluation's own comparison (``evaluate.extraction_sets.meta_right``);
a logistic model per field is fitted on them (L2, Newton steps) and its threshold chosen as the
one that makes most pages right (a page whose gold is null is right only when nothing passes).
Pages are split by site into ``--folds`` folds (``blocks_train.site_folds``) before anything is
looked at; the report gives in-fold and out-of-fold accuracy, by fold. ``--failures`` prints
the out-of-fold failures of the given (tuning) folds only. ``--write`` ships the model fitted
on every page.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import numpy as np
from selectolax.lexbor import LexborHTMLParser

from newsfuse.evaluate.extraction import decode_html
from newsfuse.evaluate.extraction_sets import fair_gold_author, meta_right
from newsfuse.extract.blocks_train import site_folds
from newsfuse.extract.meta_candidates import meta_values, page_candidates
from newsfuse.extract.meta_model import (
    FIELDS,
    MODEL_PATH,
    FieldModel,
    MetaModel,
    Scored,
    choose,
    featurise,
    model_to_json,
)

_L2 = 1.0
TREES = True
"""Boosted trees (else a logistic model) per field."""
TREE_SETTINGS = {"max_iter": 60, "max_leaf_nodes": 8, "learning_rate": 0.1,
                 "min_samples_leaf": 20}


@dataclass
class Page:
    page_id: str
    site: str
    gold: dict[str, str | None]
    scored: dict[str, list[Scored]]
    candidates: list
    outlet: str | None


def read_pages(directory: Path) -> list[Page]:
    gold = json.loads((directory / "ground-truth.json").read_text(encoding="utf-8"))
    pages: list[Page] = []
    for page_id in sorted(gold):
        path = directory / "html" / f"{page_id}.html.gz"
        entry = gold[page_id]
        if not path.is_file() or "publish_date" not in entry:
            continue
        tree = LexborHTMLParser(decode_html(gzip.decompress(path.read_bytes())))
        url = entry.get("url")
        host = urlsplit(url or "").hostname or ""
        candidates = page_candidates(tree, url)
        outlet = meta_values(tree).get("og:site_name")
        scored = featurise(candidates, outlet, host, {})
        values = {"title": entry.get("title"),
                  "author": fair_gold_author(entry.get("author"), outlet, host),
                  "date": entry.get("publish_date"), "author as given": entry.get("author")}
        pages.append(Page(page_id, host or page_id, values, scored, candidates, outlet))
    return pages


def _signals(pages: Sequence[Page], field: str, least: int = 5) -> set[str]:
    """Signals seen on at least ``least`` pages (rarer ones count as "other")."""
    seen: dict[str, int] = {}
    for page in pages:
        for family in {s.candidate.signal.split("/")[0] for s in page.scored[field]}:
            seen[family] = seen.get(family, 0) + 1
    return {signal for signal, n in seen.items() if n >= least}


def _rows(page: Page, field: str, signals: set[str]) -> list[dict[str, float]]:
    rows = []
    for s in page.scored[field]:
        family = s.candidate.signal.split("/")[0]
        f = {k: v for k, v in s.features.items() if not k.startswith("signal=")}
        f[f"signal={family if family in signals else 'other'}"] = 1.0
        rows.append(f)
    return rows


def _logistic(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, float]:
    xb = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(xb.shape[1])
    penalty = np.full(xb.shape[1], _L2)
    penalty[-1] = 0.0
    for _ in range(25):
        p = 1 / (1 + np.exp(-np.clip(xb @ w, -30, 30)))
        grad = xb.T @ (p - y) + penalty * w
        hess = (xb * (p * (1 - p))[:, None]).T @ xb + np.diag(penalty + 1e-6)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return w[:-1], float(w[-1])


def _page_right(field: str, choice: str | None, gold: str | None) -> bool:
    return meta_right(field, choice, gold)


def fit_field(pages: Sequence[Page], field: str) -> FieldModel:
    signals = _signals(pages, field)
    rows, labels = [], []
    for page in pages:
        for s, row in zip(page.scored[field], _rows(page, field, signals), strict=True):
            rows.append(row)
            labels.append(float(meta_right(field, s.value, page.gold[field])))
    names = sorted({name for row in rows for name in row} | {f"signal={s}" for s in signals})
    names.append("signal=other") if "signal=other" not in names else None
    x = np.array([[row.get(n, 0.0) for n in names] for row in rows]) if rows else np.zeros((0, 0))
    if TREES and rows:
        model = _fit_trees(x, np.array(labels), names)
    else:
        w, bias = _logistic(x, np.array(labels)) if rows else (np.zeros(len(names)), 0.0)
        model = FieldModel(dict(zip(names, (float(v) for v in w), strict=True)), bias, 0.0)
    return FieldModel(model.weights, model.bias, _threshold(pages, field, model), model.trees)


def _fit_trees(x: np.ndarray, y: np.ndarray, names: list[str]) -> FieldModel:
    from sklearn.ensemble import HistGradientBoostingClassifier

    booster = HistGradientBoostingClassifier(random_state=0, **TREE_SETTINGS)
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
    signals = {n: 0.0 for n in names if n.startswith("signal=")}
    return FieldModel(signals, float(np.ravel(booster._baseline_prediction)[0]), 0.0, trees)


def _best(page: Page, field: str, model: FieldModel) -> tuple[float, str | None]:
    signals = {n.split("=", 1)[1] for n in model.weights if n.startswith("signal=")}
    rows = _rows(page, field, signals)
    scores = [(model.score(row), s.value) for row, s in zip(rows, page.scored[field], strict=True)]
    return max(scores, key=lambda pair: pair[0], default=(0.0, None))


def _threshold(pages: Sequence[Page], field: str, model: FieldModel) -> float:
    bests = [(_best(page, field, model), page.gold[field]) for page in pages]
    options = sorted({round(score, 3) for (score, _), _ in bests} | {0.0})
    def right(t: float) -> int:
        return sum(meta_right(field, value if score >= t else None, gold)
                   for (score, value), gold in bests)
    return max(options, key=lambda t: (right(t), -t))


def fit(pages: Sequence[Page]) -> MetaModel:
    return {field: fit_field(pages, field) for field in FIELDS}


def predict(page: Page, model: MetaModel) -> dict[str, str | None]:
    host = page.site
    chosen = choose(page.candidates, outlet=page.outlet, host=host, model=model)
    return {field: chosen[field].value for field in FIELDS}


def _accuracy(pages: Sequence[Page], predictions: Sequence[dict[str, str | None]]) -> list[float]:
    """Title, author, date accuracy, and the author's against the gold as given."""
    def share(field: str, gold_field: str) -> float:
        right = sum(meta_right(field, p[field], page.gold[gold_field])
                    for page, p in zip(pages, predictions, strict=True))
        return right / max(1, len(pages))

    return [share(f, f) for f in FIELDS] + [share("author", "author as given")]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", nargs="?", default="../shared/eval/extraction-wcxb")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--failures", default="")
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args(argv)
    pages = read_pages(Path(args.directory))
    fold_of = site_folds([p.site for p in pages], args.folds)
    full = fit(pages)
    in_fold = [predict(p, full) for p in pages]
    oof: list[dict[str, str | None]] = [{} for _ in pages]
    for fold in range(args.folds):
        model = fit([p for p, f in zip(pages, fold_of, strict=True) if f != fold])
        for i, page in enumerate(pages):
            if fold_of[i] == fold:
                oof[i] = predict(page, model)
    print(f"{len(pages)} pages, {args.folds} folds by site        title  author   date  author (gold as given)")
    print("in-fold (all pages)            " + "  ".join(f"{a:.3f}" for a in _accuracy(pages, in_fold)))
    print("out-of-fold (all pages)        " + "  ".join(f"{a:.3f}" for a in _accuracy(pages, oof)))
    for fold in range(args.folds):
        idx = [i for i, f in enumerate(fold_of) if f == fold]
        acc = _accuracy([pages[i] for i in idx], [oof[i] for i in idx])
        print(f"  fold {fold} ({len(idx):>3} pages) oof      " + "  ".join(f"{a:.3f}" for a in acc))
    shown = {int(f) for f in args.failures.split(",") if f.strip()}
    for i, page in enumerate(pages):
        if fold_of[i] not in shown:
            continue
        for field in FIELDS:
            if not meta_right(field, oof[i][field], page.gold[field]):
                cands = [(s.candidate.signal, s.value) for s in page.scored[field]][:8]
                print(f"f{fold_of[i]} {page.page_id} {field}: got {oof[i][field]!r} gold {page.gold[field]!r}"
                      f" | {cands}")
    if args.write:
        MODEL_PATH.write_text(json.dumps(model_to_json(full), indent=1) + "\n", encoding="utf-8")
        print(f"wrote {MODEL_PATH}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
