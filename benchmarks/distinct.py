"""The ``brief-distinct`` stage: ``newsfuse brief`` over distinct real documents.

The input is every distinct real document of ``../shared/eval`` that newsfuse can be fed as a
user would: the WCXB article pages (``extraction-wcxb/html``, 793 gzipped HTML pages), the Zyte
pages (``extraction/html``, 91) and the Multi-News validation sources
(``summarization/multinews-val.jsonl``: 250 stories of 2 to 10 outlets, 690 articles, each
written as its own ``.txt`` file, text only), 1,574 documents in all. A smaller size is a
deterministic sample: the sources are put in the order of a hash of their name (a Multi-News
story counts as one source, its articles kept together so that multi-outlet stories remain),
and the first ``n`` documents are taken (the last story may be cut). Files are named by their
place in that order, so the command reads the three kinds mixed. A size above 1,574 gives all
of them (the figures say how many were read).

One run of the stage measures, in this order:

1. end to end: ``python -m newsfuse brief DIR --format json -o FILE -q`` as a subprocess (start-up
   and model loading included), its wall-clock time, its CPU time and peak resident memory
   from ``os.wait4`` (the child's and its waited-for workers'; ``ru_maxrss`` is the largest
   single process, not a sum);
2. per stage (``time_stages``): the library's stages run one after another in this process,
   with the workers the command uses;
3. the anchor: ``trafilatura.extract`` alone over the same HTML pages (decoded up front, one
   untimed call first for the imports), and ``newsfuse.extract.html.extract_html`` over them
   beside it, both in this process, one page at a time.
"""

from __future__ import annotations

import gzip
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
EVAL = REPO / ".." / "shared" / "eval"
WCXB_DIR = EVAL / "extraction-wcxb" / "html"
ZYTE_DIR = EVAL / "extraction" / "html"
MULTINEWS = EVAL / "summarization" / "multinews-val.jsonl"

DOCUMENTS = 793 + 91 + 690
"""The documents of the three sources (``sample`` of a larger size gives these)."""

# A source: its sort key and its documents, each (file name suffix, bytes).
Source = tuple[str, list[tuple[str, bytes]]]


def sources() -> list[Source]:
    """Every source, in the sample's order (a hash of its key)."""
    for needed in (WCXB_DIR, ZYTE_DIR, MULTINEWS):
        if not needed.exists():
            raise SystemExit(f"{needed} is absent: the brief-distinct benchmark needs ../shared")
    found: list[Source] = []
    for prefix, folder in (("wcxb", WCXB_DIR), ("zyte", ZYTE_DIR)):
        for path in sorted(folder.glob("*.html.gz")):
            name = f"{prefix}-{path.name.split('.', 1)[0][:16]}"
            found.append((name, [(f"{name}.html.gz", path.read_bytes())]))
    with MULTINEWS.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            name = f"multinews-{record['cluster_id']}"
            texts = [item["text"].encode("utf-8") for item in record["articles"]]
            found.append((name, [(f"{name}-{n}.txt", text) for n, text in enumerate(texts)]))
    return sorted(found, key=lambda source: (zlib.crc32(source[0].encode()), source[0]))


def sample(count: int) -> list[tuple[str, bytes]]:
    """The first ``count`` documents of the sources in the sample's order (all when fewer),
    each (file name, bytes), the name led by its place."""
    documents = [doc for _, docs in sources() for doc in docs][:count]
    return [(f"{n:05d}-{name}", data) for n, (name, data) in enumerate(documents)]


def distinct_folder(count: int) -> Path:
    """A folder holding ``sample(count)``, made once in the temporary directory."""
    documents = sample(count)
    folder = Path(tempfile.gettempdir()) / f"newsfuse-bench-distinct-{len(documents)}"
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in documents:
        path = folder / name
        if not path.exists():
            path.write_bytes(data)
    return folder


# --- the stage ------------------------------------------------------------------------------


def run_brief_distinct(folder: Path) -> dict[str, Any]:
    """End to end, per stage and the anchor over ``folder`` (see the module's text)."""
    documents = sorted(path for path in folder.iterdir() if not path.name.startswith("."))
    figures = end_to_end(folder)
    figures["docs"] = len(documents)
    figures["sources"] = _kinds(documents)
    figures["stage_timing"] = TIMING
    figures["stages"], figures["counts"] = time_stages(folder)
    pages = [gzip.decompress(p.read_bytes()).decode("utf-8", "replace") for p in documents
             if p.name.endswith(".html.gz")]
    figures["anchor"] = {
        "trafilatura": _timed_pages(pages, _trafilatura),
        "extract_html": _timed_pages(pages, _extract_html),
    }
    return figures


def end_to_end(folder: Path) -> dict[str, Any]:
    """``newsfuse brief FOLDER --format json -o FILE -q`` in a subprocess: wall and CPU
    seconds, peak MB, output bytes."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(
        filter(None, [str(REPO / "src"), os.environ.get("PYTHONPATH")])))
    with tempfile.TemporaryDirectory() as scratch:
        output, errors = Path(scratch) / "brief.json", Path(scratch) / "stderr"
        command = [sys.executable, "-m", "newsfuse", "brief", str(folder),
                   "--format", "json", "-o", str(output), "-q"]
        with errors.open("wb") as stderr:
            start = time.perf_counter()
            process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=stderr)
            _, status, usage = os.wait4(process.pid, 0)
            wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode:
            tail = errors.read_text(errors="replace").strip().splitlines() or ["no message"]
            raise SystemExit(f"newsfuse brief exited {process.returncode}: {tail[-1]}")
        stories = len(json.loads(output.read_text(encoding="utf-8"))["stories"])
        return {
            "wall": wall,
            "cpu": usage.ru_utime + usage.ru_stime,
            "peak_mb": usage.ru_maxrss / 1024.0,
            "output_bytes": output.stat().st_size,
            "stories": stories,
        }


TIMING = (
    "in-process: the library's stages run one after another in the benchmark's process "
    "(workers as the command starts them, their CPU included); read = read_articles (reading "
    "workers, duplicate marking) less the dedup time; dedup = a fresh DuplicateMarker over the "
    "read documents; load = the embedder; analyse = Analyzer.analyze_all (spaCy loaded here "
    "or in its workers, as in the command); cluster = cluster_articles (lead embeddings "
    "included); brief = story_jobs + brief_stories"
)


def time_stages(folder: Path) -> tuple[dict[str, dict[str, float]], dict[str, int]]:
    """Wall and CPU seconds of each stage of ``newsfuse brief FOLDER``, and the counts.

    The one place that calls the pipeline's parts by name: adapt it when they change.
    """
    from dataclasses import replace

    from newsfuse.brief import independence_keys
    from newsfuse.cluster import cluster_articles
    from newsfuse.config import DEFAULT_SETTINGS
    from newsfuse.nlp.analyze import Analyzer
    from newsfuse.nlp.embed import load_embedder
    from newsfuse.pipeline import DuplicateMarker, brief_stories, read_articles, story_jobs
    from newsfuse.workers import default_workers

    times: dict[str, dict[str, float]] = {}
    clock = _clock(times)
    with clock("read"):
        articles = list(read_articles([folder]))
    with clock("dedup"):
        marker = DuplicateMarker()
        for article in articles:
            fresh = article.status == "duplicate"
            marker.mark(replace(article, status="ok", duplicate_of=None) if fresh else article)
    for key in ("wall", "cpu"):
        times["read"][key] -= times["dedup"][key]
    ok = [article for article in articles if article.status == "ok"]
    with clock("load"):
        embedder = load_embedder()
    with clock("analyse"):
        analyzed = Analyzer().analyze_all(ok)
    with clock("cluster"):
        stories = cluster_articles(analyzed, embedder=embedder)
    with clock("brief"):
        keys = independence_keys(articles)
        jobs = story_jobs(stories, analyzed, articles, keys, DEFAULT_SETTINGS.summary_words)
        brief_stories(jobs, workers=default_workers(4))
    counts = {status: sum(a.status == status for a in articles)
              for status in ("ok", "duplicate", "rejected")}
    counts["stories"] = len(stories)
    counts["words"] = sum(article.word_count for article in ok)
    return times, counts


def _clock(times: dict[str, dict[str, float]]) -> Callable[[str], Any]:
    @contextmanager
    def stage(name: str) -> Iterator[None]:
        cpu, wall = _cpu(), time.perf_counter()
        yield
        times[name] = {"wall": time.perf_counter() - wall, "cpu": _cpu() - cpu}

    return stage


def _cpu() -> float:
    """CPU seconds of this process and of its waited-for children."""
    return sum(
        usage.ru_utime + usage.ru_stime
        for usage in map(resource.getrusage, (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    )


def _timed_pages(pages: list[str], read: Callable[[str, int], Any]) -> dict[str, float]:
    """Wall and CPU seconds of ``read`` over ``pages``, after one untimed call (imports)."""
    read(pages[0] if pages else "<html></html>", -1)
    cpu, wall = time.process_time(), time.perf_counter()
    for number, html in enumerate(pages):
        read(html, number)
    return {"docs": len(pages), "wall": time.perf_counter() - wall,
            "cpu": time.process_time() - cpu}


def _trafilatura(html: str, number: int) -> Any:
    import trafilatura

    return trafilatura.extract(html, include_comments=False, favor_precision=True)


def _extract_html(html: str, number: int) -> Any:
    from newsfuse.extract.html import extract_html
    from newsfuse.types import RawDocument

    return extract_html(RawDocument(f"p{number}.html", html, "html", url=None), doc_id=str(number))


def _kinds(documents: list[Path]) -> dict[str, int]:
    kinds = ("wcxb", "zyte", "multinews")
    return {kind: sum(f"-{kind}-" in path.name for path in documents) for kind in kinds}


# --- the report -----------------------------------------------------------------------------


def details(per_size: dict[str, dict[str, Any]]) -> str:
    """One Markdown table per size run: end to end, each stage, the anchor."""
    parts = []
    for size, figures in per_size.items():
        if "stages" not in figures:
            continue
        docs, counts, kinds = figures["docs"], figures["counts"], figures["sources"]
        parts.append(
            f"Size {int(size):,}: {docs:,} documents ({kinds['wcxb']} WCXB pages, "
            f"{kinds['zyte']} Zyte pages, {kinds['multinews']} Multi-News texts); read: "
            f"{counts['ok']:,} ok, {counts['duplicate']} duplicate, {counts['rejected']} "
            f"rejected, {counts['words']:,} words, {counts['stories']:,} stories in-process, "
            f"{figures['stories']:,} from the command.\n\n"
            "| what | s wall | CPU-s | docs/s wall | docs per CPU-s | peak MB |\n"
            "|---|---|---|---|---|---|\n"
            + _row("end to end: `newsfuse brief` subprocess", docs, figures,
                   f"{figures['peak_mb']:.0f}")
            + "".join(_row(f"stage: {name}", docs, timed) for name, timed in
                      figures["stages"].items())
            + _row("stages summed", docs, _summed(figures["stages"]))
            + "".join(_row(f"anchor: {name} alone, HTML pages only", timed["docs"], timed)
                      for name, timed in figures["anchor"].items())
        )
    if not parts:
        return ""
    return f"Per stage ({TIMING}; rates per input document):\n\n" + "\n".join(parts)


def _row(label: str, docs: int, timed: dict[str, float], peak: str = "") -> str:
    wall, cpu = max(timed["wall"], 1e-9), max(timed["cpu"], 1e-9)
    return (f"| {label} | {timed['wall']:.1f} | {timed['cpu']:.1f} | {docs / wall:.1f} | "
            f"{docs / cpu:.1f} | {peak} |\n")


def _summed(stages: dict[str, dict[str, float]]) -> dict[str, float]:
    return {key: sum(timed[key] for timed in stages.values()) for key in ("wall", "cpu")}
