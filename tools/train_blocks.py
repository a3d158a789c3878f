"""Retrain the block scorer (src/newsfuse/extract/blocks_model.json) from ../shared/eval.

    PYTHONPATH=src python tools/train_blocks.py [--sets DIR ...] [--cache FILE] [--folds K]

Reads every page of the gold sets (extraction/ and extraction-wcxb/ by default), fits the
logistic block model on all of them and writes it; with --folds K it first prints the
out-of-fold report (pages grouped by site). --cache keeps the read pages in a pickle (outside
the project) so that a second run skips the reading.
"""

from __future__ import annotations

import argparse
import pickle
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

from newsfuse.evaluate.extraction_sets import (
    EvalSet,
    PageRun,
    add_scorer_readings,
    format_sets_report,
    read_pages,
    training_pages,
)
from newsfuse.extract.blocks import MODEL_PATH
from newsfuse.extract.blocks_train import fit_model, fit_trees

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SETS = [
    ROOT / ".." / "shared" / "eval" / "extraction",
    ROOT / ".." / "shared" / "eval" / "extraction-wcxb",
]


def _load(args: argparse.Namespace) -> tuple[list[EvalSet], list[PageRun], dict[str, float]]:
    """The read pages: from the cache files when they all exist, else read (and cached)."""
    caches: list[Path] = args.cache or []
    if caches and all(path.is_file() for path in caches):
        sets: list[EvalSet] = []
        runs: list[PageRun] = []
        seconds: Counter[str] = Counter()
        for path in caches:
            part_sets, part_runs, part_seconds = pickle.loads(path.read_bytes())
            sets.extend(s for s in part_sets if s not in sets)
            runs.extend(part_runs)
            seconds.update(part_seconds)
        order = {kind.name: i for i, kind in enumerate(sets)}
        runs.sort(key=lambda run: (order[run.set_name], run.page_id))
        return sets, runs, dict(seconds)
    read = read_pages(args.sets, shard=tuple(args.shard))
    if caches:
        caches[0].write_bytes(pickle.dumps(read))
    return read


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", nargs="+", type=Path, default=DEFAULT_SETS)
    parser.add_argument("--cache", nargs="+", type=Path, help="pickles of read pages")
    parser.add_argument("--shard", nargs=2, type=int, default=[0, 1], metavar=("I", "N"))
    parser.add_argument("--read-only", action="store_true", help="read and cache, no training")
    parser.add_argument("--folds", type=int, default=0)
    parser.add_argument("--output", type=Path, default=MODEL_PATH)
    parser.add_argument("--kind", choices=("trees", "linear"), default="trees")
    parser.add_argument(
        "--enable", action="store_true", help="let the extractor use it (when the folds say so)"
    )
    args = parser.parse_args(argv)
    sets, runs, seconds = _load(args)
    if args.read_only:
        return 0
    fit = fit_trees if args.kind == "trees" else fit_model
    if args.folds > 1:
        fold_of = add_scorer_readings(runs, args.folds, fit)
        print(format_sets_report(sets, runs, fold_of, seconds))
    model = fit(training_pages(runs))
    model = replace(model, enabled=args.enable)
    args.output.write_text(model.to_json() + "\n", encoding="utf-8")
    print(f"wrote {args.output}: {len(model.weights)} weights, threshold {model.threshold}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
