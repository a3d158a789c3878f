"""Reading speed: newsfuse's extract_html against trafilatura alone, same pages, same process.

Runs every system over the extraction benchmark's pages (``../shared/eval/extraction``, or
``--html-dir``/``--gold``) in interleaved rounds and keeps each system's best round, so that
load from other processes hurts all systems alike. Time is this process's CPU time (so pages/s
is per core and other processes' load does not count), with wall-clock pages/s beside it.
Prints pages/s, the ratio to trafilatura and each system's F1 from the same run.

    .venv/bin/python benchmarks/bench_extract.py [--rounds 3]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from newsfuse.evaluate.extraction import SYSTEMS, load_pages, score_bodies  # noqa: E402

EXTRACTION = REPO / ".." / "shared" / "eval" / "extraction"
BENCH_SYSTEMS = ("newsfuse", "trafilatura", "trafilatura-plain", "trafilatura-fast")


def _round(
    name: str, pages: dict[str, tuple[str, str | None]]
) -> tuple[float, float, dict[str, str]]:
    extractor = SYSTEMS[name]
    cpu, wall = time.process_time(), time.perf_counter()
    predicted = {page_id: extractor(html, url) for page_id, (html, url) in pages.items()}
    return time.process_time() - cpu, time.perf_counter() - wall, predicted


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--html-dir", type=Path, default=EXTRACTION / "html")
    parser.add_argument("--gold", type=Path, default=EXTRACTION / "ground-truth.json")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    pages, gold = load_pages(args.html_dir, args.gold)
    warm = dict(list(pages.items())[:5])
    for name in BENCH_SYSTEMS:
        _round(name, warm)
    best: dict[str, float] = {}
    best_wall: dict[str, float] = {}
    f1: dict[str, str] = {}
    for _ in range(args.rounds):
        for name in BENCH_SYSTEMS:
            cpu, wall, predicted = _round(name, pages)
            best[name] = min(cpu, best.get(name, cpu))
            best_wall[name] = min(wall, best_wall.get(name, wall))
            s = score_bodies(predicted, gold)
            f1[name] = f"P {s.precision:.4f}  R {s.recall:.4f}  F1 {s.f1:.4f}"
    base = len(pages) / best["trafilatura"]
    print(f"{len(pages)} pages, best of {args.rounds} interleaved rounds (CPU time; wall)")
    for name in BENCH_SYSTEMS:
        rate, wall_rate = len(pages) / best[name], len(pages) / best_wall[name]
        print(
            f"{name:<18} {rate:6.1f} pages/s  x{rate / base:4.2f}"
            f"  (wall {wall_rate:5.1f}/s)  {f1[name]}"
        )


if __name__ == "__main__":
    main()
