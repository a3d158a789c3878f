"""Load test of the story page on loopback: 50 concurrent clients, bounded count and time.

Run: ``.venv/bin/python benchmarks/bench_web.py [--db FILE | --url URL] [--clients 50]
[--requests 2000] [--seconds 30] [--path /stories/ID]``

With ``--db`` (default: a store built from ``examples/`` in a temporary folder, which loads
the models once) the server runs as its own process (uvicorn, one worker, as ``newsfuse
serve`` runs it) so that the client's work does not share its interpreter; ``--url`` tests a
server already running. The page is the first story of ``/api/stories`` unless ``--path``
says otherwise. Prints requests served, errors and error rate, median and p99 latency, and
throughput.
"""

from __future__ import annotations

import argparse
import asyncio
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
SERVER = (
    "import sys, uvicorn; from newsfuse.web import create_app; "
    "uvicorn.run(create_app(sys.argv[1]), host='127.0.0.1', port=int(sys.argv[2]), "
    "log_level='warning', access_log=False)"
)


@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    sent: int = 0


async def client(
    http: httpx.AsyncClient, path: str, tally: Tally, budget: int, stop: float
) -> None:
    while tally.sent < budget and time.monotonic() < stop:
        tally.sent += 1
        started = time.perf_counter()
        try:
            response = await http.get(path)
            ok = response.status_code == 200 and len(response.content) > 0
        except httpx.HTTPError:
            ok = False
        tally.latencies.append(time.perf_counter() - started)
        tally.errors += 0 if ok else 1


async def load(url: str, path: str, clients: int, requests: int, seconds: float) -> Tally:
    tally = Tally()
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=30) as http:
        await http.get(path)  # warm-up, not counted
        stop = time.monotonic() + seconds
        await asyncio.gather(*(client(http, path, tally, requests, stop) for _ in range(clients)))
    return tally


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def build_db(folder: Path) -> Path:
    from newsfuse.store import Ingester, Store, StoryUpdater

    db = folder / "bench.db"
    with Store.open(db, write=True) as store:
        Ingester(store).add_paths([REPO / "examples"])
        StoryUpdater(store).update()
    return db


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def server(db: Path) -> Iterator[str]:
    port = free_port()
    process = subprocess.Popen([sys.executable, "-c", SERVER, str(db), str(port)])
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(url + "/api/stories", timeout=2)
                break
            except httpx.HTTPError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError("the server did not start") from None
                time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)


def first_story(url: str) -> str:
    stories = httpx.get(url + "/api/stories", timeout=10).json()["stories"]
    if not stories:
        raise SystemExit("the store has no stories to load")
    return str(stories[0]["html_url"])


def report(tally: Tally, wall: float, args: argparse.Namespace, path: str) -> None:
    served = len(tally.latencies) - tally.errors
    ms = [value * 1000 for value in tally.latencies]
    print(f"GET {path}: {args.clients} concurrent clients, at most {args.requests} requests "
          f"or {args.seconds:g} s")
    print(f"requests {len(ms)}, served {served}, errors {tally.errors} "
          f"({100 * tally.errors / max(1, len(ms)):.2f}%), {len(ms) / wall:.0f} req/s over "
          f"{wall:.1f} s")
    print(f"latency median {statistics.median(ms):.1f} ms, p99 {percentile(ms, 0.99):.1f} ms, "
          f"max {max(ms):.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    target = parser.add_mutually_exclusive_group()
    target.add_argument("--db", type=Path, help="serve this store (default: examples/)")
    target.add_argument("--url", help="load a server already running at this base URL")
    parser.add_argument("--path", help="page to load (default: the first story's page)")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--seconds", type=float, default=30.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder, _target(args, Path(folder)) as url:
        path = args.path or first_story(url)
        started = time.monotonic()
        tally = asyncio.run(load(url, path, args.clients, args.requests, args.seconds))
        report(tally, time.monotonic() - started, args, path)


@contextmanager
def _target(args: argparse.Namespace, folder: Path) -> Iterator[str]:
    if args.url:
        yield args.url.rstrip("/")
        return
    with server(args.db or build_db(folder)) as url:
        yield url


if __name__ == "__main__":
    main()
