"""Train the story pair scorer (src/newsfuse/models/pairs.npz) from ../shared/eval.

Data: ECB+ train+dev topics (``clustering/ecbplus-dev.jsonl``, gold events within topics of
two similar events) and Multi-News validation stories (``summarization/multinews-val.jsonl``,
every story's articles pooled into one pile). Training pairs are the pairs the clusterer scores
(blocking candidates, ``newsfuse.cluster.candidate_pairs``) plus every same-event pair.

First the out-of-fold report (``newsfuse.evaluate.clustering_folds``: topics and stories dealt
into 5 folds, each pair scored by a model fitted without its articles' folds, the threshold for
a fold chosen on the others); then, with ``--write``, the shipped model fitted on everything
with the threshold best out of fold over both sets.

Run from the project root (analyses are cached in --cache)::

    PYTHONPATH=src python tools/train_pairs.py [--write] [--no-multinews]
"""

from __future__ import annotations

import argparse
import pickle
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsfuse.cluster_features import Profile, lead_text, profile  # noqa: E402
from newsfuse.cluster_pairs import MODEL  # noqa: E402
from newsfuse.evaluate import clustering_folds as folds  # noqa: E402
from newsfuse.evaluate.clustering import read_records, record_article  # noqa: E402

SHARED = ROOT.parent / "shared" / "eval"


def analysed_profiles(name: str, records: list[dict[str, str]], cache: Path) -> list[Profile]:
    """Profiles of ``records`` (analyses and lead embeddings cached in ``cache``)."""
    path = cache / f"{name}.pkl"
    if path.exists():
        data = pickle.loads(path.read_bytes())
    else:
        from newsfuse.nlp.analyze import Analyzer
        from newsfuse.nlp.embed import load_embedder

        analyzed = Analyzer().analyze_all([record_article(r) for r in records])
        vectors = load_embedder().embed([lead_text(a) for a in analyzed])
        data = {"analyzed": analyzed, "lead_vecs": vectors}
        cache.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pickle.dumps(data))
    return [profile(a, v) for a, v in zip(data["analyzed"], data["lead_vecs"], strict=True)]


def pile(name: str, records: list[dict[str, str]], cache: Path) -> folds.Pile:
    items = analysed_profiles(name, records, cache)
    gold = [str(r["cluster_id"]) for r in records]
    groups = [str(r.get("topic_id") or r["cluster_id"]) for r in records]
    return folds.make_pile(name, items, gold, groups)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/newsfuse-train-pairs"))
    parser.add_argument("--write", action="store_true", help=f"write {MODEL}")
    parser.add_argument("--no-multinews", action="store_true", help="train on ECB+ only")
    args = parser.parse_args()
    ecb = pile("ecb", read_records(args.shared / "clustering" / "ecbplus-dev.jsonl"), args.cache)
    mn = pile("mn", folds.multinews_records(args.shared / "summarization" / "multinews-val.jsonl"),
              args.cache)
    for p in (ecb, mn):
        print(f"{p.name}: {len(p.items)} articles, {len(p.pairs)} pairs "
              f"({int(p.labels.sum())} same event)")
    train = [ecb] if args.no_multinews else [ecb, mn]
    scores = folds.out_of_fold([ecb, mn], train)
    reports = [folds.fold_report(p, scores[p.name]) for p in (ecb, mn)]
    for r in reports:
        print(f"{r.name}: B3 F1 by threshold "
              + " ".join(f"{t}:{f:.3f}" for t, f in r.by_threshold.items()))
        s = r.out_of_fold
        print(f"{r.name}: out of fold B3 P {s.bcubed_precision:.3f} R {s.bcubed_recall:.3f} "
              f"F1 {s.bcubed_f1:.3f} pairwise F1 {s.pairwise_f1:.3f} "
              f"(thresholds by fold {dict(r.chosen)})")
    threshold = folds.best_threshold(reports)
    print(f"threshold best over both sets out of fold: {threshold}")
    if args.write:
        rows = np.concatenate([p.rows for p in train])
        labels = np.concatenate([p.labels for p in train])
        about = {"trained_on": [p.name for p in train], "pairs": int(len(labels)),
                 "params": dict(folds.PARAMS),
                 "retrain": "PYTHONPATH=src python tools/train_pairs.py --write"}
        folds.fit(rows, labels, threshold, about).save(MODEL)
        print(f"wrote {MODEL} (threshold {threshold})")


if __name__ == "__main__":
    main()
