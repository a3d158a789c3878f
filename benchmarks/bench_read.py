"""Pages/s of ``read_articles`` with one worker (in-process) and with a pool, and of trafilatura.

The HTML pages of ``../shared/eval/extraction/html`` are decompressed and repeated into a
temporary folder (about ``--pages`` files); each system reads them all once, in the same run.
Wall-clock rates and CPU rates (pages per CPU-second of this process and its finished workers)
are printed: on a shared, loaded machine the CPU rate is the one to compare per process, the
wall-clock rate is what the pool buys.

    .venv/bin/python benchmarks/bench_read.py --pages 500
"""

from __future__ import annotations

import argparse
import gzip
import resource
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PAGES = REPO / ".." / "shared" / "eval" / "extraction" / "html"


def cpu_seconds() -> tuple[float, float]:
    """CPU time of this process, and of its children that have been waited for."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


def prepare(folder: Path, pages: int) -> list[Path]:
    """Decompressed copies of the evaluation pages, repeated to about ``pages`` files."""
    sources = sorted(PAGES.glob("*.html*"))
    if not sources:
        sys.exit(f"{PAGES} is absent: this benchmark reads the shared evaluation pages")
    made: list[Path] = []
    for n in range(pages):
        source = sources[n % len(sources)]
        data = source.read_bytes()
        if source.suffix == ".gz":
            data = gzip.decompress(data)
        path = folder / f"{n:04}-{source.name.split('.')[0][:16]}.html"
        path.write_bytes(data)
        made.append(path)
    return made


Row = tuple[str, int, float, float, float]


def measure(name: str, run: Callable[[], int]) -> Row:
    """(name, pages, wall s, CPU s of this process, CPU s of its workers)."""
    wall, (own, children) = time.perf_counter(), cpu_seconds()
    count = run()
    own_after, children_after = cpu_seconds()
    return name, count, time.perf_counter() - wall, own_after - own, children_after - children


def read_with(folder: Path, workers: int) -> Callable[[], int]:
    from newsfuse.pipeline import read_articles

    return lambda: sum(1 for _ in read_articles([folder], workers=workers))


def trafilatura_alone(files: list[Path]) -> Callable[[], int]:
    import trafilatura

    from newsfuse.ingest.decode import decode_bytes

    texts = [decode_bytes(path.read_bytes()) for path in files]

    def run() -> int:
        for text in texts:
            trafilatura.extract(text, include_comments=False, favor_precision=True)
        return len(texts)

    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=500)
    parser.add_argument("--workers", type=int, default=2, help="pool size to compare (default 2)")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-read-"))
    try:
        files = prepare(folder, args.pages)
        import newsfuse.extract.html  # noqa: F401  (imports are not timed)
        import newsfuse.extract.text  # noqa: F401

        rows = [
            measure("trafilatura alone (serial)", trafilatura_alone(files)),
            measure("read_articles workers=1", read_with(folder, 1)),
            measure(f"read_articles workers={args.workers}", read_with(folder, args.workers)),
        ]
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    report(rows)


def report(rows: list[Row]) -> None:
    anchor_wall = rows[0][1] / rows[0][2]
    anchor_cpu = rows[0][1] / (rows[0][3] + rows[0][4])
    print(f"{'system':30} {'pages':>5} {'wall s':>7} {'pages/s':>8} {'x traf':>7} "
          f"{'CPU s main+workers':>19} {'pages/CPU-s':>12} {'x traf':>7}")
    for name, count, wall, own, children in rows:
        cpu = own + children
        print(f"{name:30} {count:5d} {wall:7.1f} {count / wall:8.1f} "
              f"{count / wall / anchor_wall:7.2f} {own:9.1f}+{children:<9.1f} {count / cpu:12.1f} "
              f"{count / cpu / anchor_cpu:7.2f}")
    serial, pooled = rows[1], rows[2]
    print(f"pool speed-up (wall): x{serial[2] / pooled[2]:.2f}; CPU cost of the pool: "
          f"x{(pooled[3] + pooled[4]) / (serial[3] + serial[4]):.2f}; the main process "
          f"(ingest, dedup, pickling) bounds the pool at {pooled[1] / pooled[3]:.0f} pages/CPU-s")


if __name__ == "__main__":
    main()
