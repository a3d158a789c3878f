"""Stage benchmarks: documents per second and peak memory of each stage, against the anchors.

    .venv/bin/python benchmarks/run.py [--sizes 100,1000,10000,100000] [--budget 120] [--stages ...]

Each (stage, size) runs in its own subprocess (``--child``): the input is built first, then the
stage is timed. Peak memory is that subprocess's ``ru_maxrss`` (resident high-water mark, of
the process and of any worker processes it waited for), reported with the high-water mark
before the stage began (the input). Time is wall-clock and CPU time (process + workers): on a
shared machine the CPU rate (documents per CPU-second, i.e. per core) is the stable figure,
and the ratios to the anchors (trafilatura alone for reading, datasketch alone for dedup) use
it. A size whose estimate from the previous size exceeds ``--budget`` seconds is not run and
is reported as "not run: est. N min". Results go to ``benchmarks/results/latest.{md,json}``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import distinct  # noqa: E402
import stages  # noqa: E402

# name -> (what it measures, input builder, stage function). A stage function returns the
# number of documents handled, or its own figures (a dict with "docs", "wall", "cpu",
# "peak_mb" and any more), which then replace the runner's timing of it.
STAGES: dict[str, tuple[str, Callable[[int], Any], Callable[[Any], Any]]] = {
    "extract": ("newsfuse extract_html, real pages", stages.raw_pages, stages.run_extract),
    "trafilatura": ("anchor: trafilatura.extract alone", stages.raw_pages, stages.run_trafilatura),
    "clean": ("scraped-text cleaner, real article texts", stages.plain_texts, stages.run_clean),
    "nlp": ("Analyzer (nupunkt + spaCy), real articles", stages.real_articles, stages.run_nlp),
    "dedup": ("find_duplicates, real articles", stages.real_articles, stages.run_dedup),
    "datasketch": (
        "anchor: datasketch MinHash + LSH alone",
        stages.real_articles,
        stages.run_datasketch,
    ),
    "cluster": (
        "cluster_articles (with lead embeddings), synth, stand-in analysis",
        lambda n: stages.quick_analysis(stages.synth_articles(n)),
        stages.run_cluster,
    ),
    "brief-synth": (
        "brief_articles (NLP + clustering + briefing), synth articles",
        stages.synth_articles,
        stages.run_brief,
    ),
    "brief-real": (
        "newsfuse brief end to end (read + dedup + brief), distinct real pages",
        stages.page_folder,
        stages.run_read_brief,
    ),
    "brief-repeat": (
        "newsfuse brief end to end, the 91 real pages repeated unchanged",
        stages.repeat_folder,
        stages.run_read_brief,
    ),
    "brief-repeat-json": (
        "the command `newsfuse brief -f json -o FILE`, output included, pages as brief-repeat",
        stages.repeat_folder,
        stages.run_cli_json,
    ),
    "brief-distinct": (
        "the command `newsfuse brief DIR -f json -o FILE` in a subprocess, distinct real "
        "documents (WCXB and Zyte pages, Multi-News sources as text)",
        distinct.distinct_folder,
        distinct.run_brief_distinct,
    ),
}
ANCHORS = {"extract": "trafilatura", "dedup": "datasketch"}
LIMITS = {"brief-distinct": distinct.DOCUMENTS}
"""Stages whose input holds at most this many documents: a larger size runs them all, once."""
DEFAULT_SIZES = "100,1000,10000,100000"


def child(stage: str, size: int) -> None:
    """Build the input, run the stage once, print one JSON line of figures."""
    _, build, run = STAGES[stage]
    data = build(size)
    before = _maxrss_mb()
    cpu, wall = _cpu(), time.perf_counter()
    result = run(data)
    wall, cpu = time.perf_counter() - wall, _cpu() - cpu
    peak = max(_maxrss_mb(), _maxrss_mb(resource.RUSAGE_CHILDREN))
    figures = {"docs": result, "wall": wall, "cpu": cpu, "input_mb": before, "peak_mb": peak}
    if isinstance(result, dict):
        figures.update(result)
    figures["run_wall"] = wall
    print(json.dumps(figures))


def _cpu() -> float:
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(
        resource.RUSAGE_CHILDREN
    )
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _maxrss_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024.0


def measure(stage: str, size: int) -> dict[str, Any]:
    """Run one (stage, size) in a fresh interpreter and return its figures."""
    command = [sys.executable, str(Path(__file__)), "--child", stage, str(size)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode or not lines:
        return {"error": (done.stderr.strip().splitlines() or ["failed"])[-1][:200]}
    return json.loads(lines[-1])


def run_all(names: list[str], sizes: list[int], budget: float) -> dict[str, dict[str, Any]]:
    results: dict[str, dict[str, Any]] = {}
    for name in names:
        results[name] = {}
        rate, done = None, 0
        for size in sizes:
            docs = min(size, LIMITS.get(name, size))
            if docs == done:
                continue
            done = docs
            if rate is not None and docs / rate > budget:
                results[name][str(size)] = {"skipped": docs / rate}
                print(f"{name:12} {size:>7}  not run: est. {docs / rate / 60:.0f} min", flush=True)
                continue
            figures = measure(name, size)
            results[name][str(size)] = figures
            if "error" in figures:
                print(f"{name:12} {size:>7}  error: {figures['error']}", flush=True)
                break
            rate = figures["docs"] / max(figures.get("run_wall", figures["wall"]), 1e-9)
            print(f"{name:12} {size:>7}  {_cell(figures)}", flush=True)
    return results


def _cell(figures: dict[str, Any]) -> str:
    if "skipped" in figures:
        return f"not run: est. {figures['skipped'] / 60:.0f} min"
    if "error" in figures:
        return "error"
    return (
        f"{figures['docs'] / figures['wall']:.1f}/s wall, {figures['docs'] / figures['cpu']:.1f}/s"
        f" CPU, {figures['peak_mb']:.0f} MB"
    )


def machine() -> dict[str, Any]:
    pages = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    return {
        "cores": os.cpu_count(),
        "memory_gb": round(pages / 2**30, 1),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpu": _cpu_model(),
        "load_average": [round(x, 1) for x in os.getloadavg()],
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
    }


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _ratio(results: dict[str, dict[str, Any]], name: str, size: str) -> str:
    anchor = ANCHORS.get(name)
    mine, theirs = results[name].get(size, {}), results.get(anchor or "", {}).get(size, {})
    if not anchor or "cpu" not in mine or "cpu" not in theirs:
        return ""
    ratio = (mine["docs"] / mine["cpu"]) / (theirs["docs"] / theirs["cpu"])
    return f"x{ratio:.2f} {anchor}"


def markdown(results: dict[str, dict[str, Any]], sizes: list[int], info: dict[str, Any]) -> str:
    head = (
        f"Machine: {info['cores']} cores ({info['cpu']}), {info['memory_gb']} GB, Python "
        f"{info['python']}, {info['date']}, load average at the end {info['load_average']}.\n\n"
        "Cells: documents/s wall-clock; documents per CPU-second (per core); peak RSS of the "
        "stage's subprocess (ru_maxrss, input included); ratio of the CPU rate to the anchor.\n\n"
    )
    header = "| stage | input | " + " | ".join(f"{size:,}" for size in sizes) + " |\n"
    header += "|---" * (len(sizes) + 2) + "|\n"
    rows = []
    for name, per_size in results.items():
        cells = []
        for size in sizes:
            figures = per_size.get(str(size))
            if figures is None:
                cells.append("")
                continue
            ratio = _ratio(results, name, str(size))
            cells.append(_cell(figures).replace(", ", "; ") + (f"; {ratio}" if ratio else ""))
        rows.append(f"| {name} | {STAGES[name][0]} | " + " | ".join(cells) + " |")
    tail = ""
    for name, per_size in results.items():
        text = distinct.details(per_size)  # the stages that report more than one figure
        tail += f"\n## {name}\n\n{text}" if text else ""
    return head + header + "\n".join(rows) + "\n" + tail


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=DEFAULT_SIZES, help="comma-separated document counts")
    parser.add_argument("--stages", default=",".join(STAGES), help="comma-separated stage names")
    parser.add_argument(
        "--budget", type=float, default=120.0, help="skip a size estimated over this many seconds"
    )
    parser.add_argument("--out", type=Path, default=HERE / "results" / "latest")
    parser.add_argument(
        "--merge", action="store_true", help="update the cells of an earlier run's --out file"
    )
    parser.add_argument("--child", nargs=2, metavar=("STAGE", "SIZE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], int(args.child[1]))
        return
    sizes = [int(size) for size in args.sizes.split(",")]
    names = [name for name in args.stages.split(",") if name]
    unknown = [name for name in names if name not in STAGES]
    if unknown:
        parser.error(f"unknown stage {unknown[0]!r}: choose from {', '.join(STAGES)}")
    results = run_all(names, sizes, args.budget)
    if args.merge and args.out.with_suffix(".json").is_file():
        earlier = json.loads(args.out.with_suffix(".json").read_text())
        for name, cells in results.items():
            earlier["results"].setdefault(name, {}).update(cells)
        results = {name: earlier["results"][name] for name in STAGES if name in earlier["results"]}
        sizes = sorted(set(sizes) | set(earlier["sizes"]))
    info = machine()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    payload = {"machine": info, "sizes": sizes, "results": results}
    args.out.with_suffix(".json").write_text(json.dumps(payload, indent=2) + "\n")
    table = markdown(results, sizes, info)
    args.out.with_suffix(".md").write_text("# Stage benchmarks\n\n" + table)
    print(table)


if __name__ == "__main__":
    main()
