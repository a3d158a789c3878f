"""Ingest throughput: documents per second into the store, by stage.

Generates ``--docs`` invented reports (``tests/store/docgen.py`` templates: four reports per
event) into one JSONL file, then times, into a new database:

1. documents: read, extract, mark near-duplicates, store (committed in batches);
2. stories: analyse (spaCy), embed, place in stories (needs ``--stages`` to include it);
3. briefings: brief every story once.

    .venv/bin/python benchmarks/bench_ingest.py --docs 10000
    .venv/bin/python benchmarks/bench_ingest.py --docs 400 --stages documents,stories,briefings

It is a benchmark, not a test: it may take minutes.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "store"))

import docgen  # noqa: E402

from newsfuse.store import Ingester, Store, StoryUpdater, UpdateReport  # noqa: E402

PER_EVENT = 4


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=10_000, help="documents (default 10,000)")
    parser.add_argument("--stages", default="documents", help="documents[,stories[,briefings]]")
    parser.add_argument("--db", help="a database URL (default: a SQLite file in a temp folder)")
    parser.add_argument("--commit-every", type=int, default=100)
    args = parser.parse_args()
    stages = set(args.stages.split(","))
    print(f"load average before the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "docs.jsonl"
        count = docgen.write_jsonl(data, max(1, args.docs // PER_EVENT), PER_EVENT)
        db = args.db or str(Path(tmp) / "bench.db")
        with Store.open(db, write=True) as store:
            _documents(store, data, count, args.commit_every)
            if "stories" in stages or "briefings" in stages:
                _stories(store, count, briefings="briefings" in stages)
            print(f"store: {store.stats()}")
            if not args.db:
                size = sum(p.stat().st_size for p in Path(tmp).glob("bench.db*"))
                print(f"database size: {size / 1e6:.1f} MB ({size / count / 1e3:.1f} KB/doc)")
    return 0


def _documents(store: Store, data: Path, count: int, commit_every: int) -> None:
    started, cpu = time.perf_counter(), time.process_time()
    report = Ingester(store, commit_every=commit_every).add_paths([data])
    elapsed, used = time.perf_counter() - started, time.process_time() - cpu
    print(f"documents: {report.added:,} added ({report.ok:,} ok, {report.duplicate:,} duplicate, "
          f"{report.rejected:,} rejected) in {elapsed:.1f} s: {count / elapsed:,.0f} docs/s "
          f"({count / used:,.0f} docs per CPU-second)")
    started = time.perf_counter()
    again = Ingester(store).add_paths([data])
    elapsed = time.perf_counter() - started
    print(f"re-ingest: {again.already_stored:,} already stored, {again.added} added "
          f"in {elapsed:.1f} s: {count / elapsed:,.0f} docs/s")


def _stories(store: Store, count: int, *, briefings: bool) -> None:
    updater = StoryUpdater(store)
    updater.embedder, updater.analyzer  # load the models before timing  # noqa: B018
    started, cpu = time.perf_counter(), time.process_time()
    report = UpdateReport()
    while updater.place_batch(report):
        pass
    elapsed, used = time.perf_counter() - started, time.process_time() - cpu
    print(f"stories: {report.placed:,} placed in {report.opened:,} stories in {elapsed:.1f} s: "
          f"{report.placed / elapsed:,.1f} docs/s ({report.placed / used:,.1f} per CPU-second)")
    if briefings:
        started = time.perf_counter()
        done = updater.refresh_briefings()
        elapsed = time.perf_counter() - started
        print(f"briefings: {len(done):,} stories briefed in {elapsed:.1f} s: "
              f"{len(done) / elapsed:,.2f} stories/s ({count / elapsed:,.1f} docs/s)")


if __name__ == "__main__":
    raise SystemExit(main())
