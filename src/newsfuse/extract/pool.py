"""Reading documents in worker processes, in input order, with a time limit per document.

``ReadingPool.read`` runs ``read_document`` over a stream of RawDocuments in a few worker
processes and yields the Articles in input order. At most ``window`` documents are between
being read from the input and being yielded, so memory stays bounded on any input size.

A document that takes longer than ``Settings.document_timeout`` is rejected ("timed out after
N s") and its worker is killed and replaced; a worker that dies (segfault, os._exit, killed by
the kernel) costs only its document ("extraction crashed: ..."). With ``workers=1`` documents
are read in this process, with no time limit.

Workers are plain ``python -c`` subprocesses talking over a socket pair (not multiprocessing's
spawn or forkserver, which re-import the caller's ``__main__``): each imports the extractors
once, reads one warm-up page, says it is ready, then reads documents until told to stop.
"""

from __future__ import annotations

import os
import pickle
import signal
import socket
import subprocess
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Generic, TypeVar

from newsfuse import lang
from newsfuse.config import DEFAULT_SETTINGS, Settings
from newsfuse.errors import NewsfuseError
from newsfuse.reasons import error_text, reason
from newsfuse.types import Article, RawDocument

K = TypeVar("K")
Reader = Callable[[RawDocument, Settings], Article]

MAX_DEFAULT_WORKERS = 4
DEFAULT_READER = "newsfuse.extract.pool:safe_read"
_STARTUP_SECONDS = 120.0
_SAMPLE = lang.part(lang.DEFAULT, "samples")
_WARM_UP = (
    RawDocument(
        "warm-up.html",
        f"<html><head><title>{_SAMPLE.TITLE}</title></head><body><article>"
        + "".join(f"<p>{text}</p>" for text in _SAMPLE.PARAGRAPHS)
        + "</article></body></html>",
        "html",
    ),
    RawDocument("warm-up.txt", "\n\n".join((_SAMPLE.TITLE, *_SAMPLE.PARAGRAPHS)), "text"),
)


class PoolError(NewsfuseError):
    """The reading workers cannot be started."""


def default_workers() -> int:
    """The cores this process may use, at most MAX_DEFAULT_WORKERS."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, MAX_DEFAULT_WORKERS))


def safe_read(raw: RawDocument, settings: Settings) -> Article:
    """``read_document``, with any unexpected exception turned into a rejected Article."""
    from newsfuse.extract import read_document

    return guarded(read_document, raw, settings)


def guarded(read: Reader, raw: RawDocument, settings: Settings) -> Article:
    """``read(raw, settings)``; an exception costs this document only (it is rejected)."""
    try:
        return read(raw, settings)
    except Exception as error:
        return rejected(raw, reason("R903", error=error_text(error)))


def load_reader(name: str) -> Reader:
    """The function a ``"module:function"`` name points to."""
    from importlib import import_module

    module, _, function = name.partition(":")
    reader: Reader = getattr(import_module(module), function)
    return reader


def rejected(raw: RawDocument, reason: str) -> Article:
    """The Article ``read_document`` gives for a document it cannot read."""
    from newsfuse.extract import document_id

    return Article(document_id(raw), raw.source, "rejected", reason=reason[:300], url=raw.url)


class _Worker:
    """One worker process, its socket, and the document it is reading (if any)."""

    def __init__(self, settings: Settings, reader: str) -> None:
        parent, child = socket.socketpair()
        package_root = str(Path(__file__).resolve().parents[2])
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join([package_root, *filter(None, sys.path)])
        code = f"from newsfuse.extract.pool import serve; serve({child.fileno()})"
        self.process = subprocess.Popen(
            [sys.executable, "-c", code],
            pass_fds=[child.fileno()],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        child.close()
        self.conn = Connection(parent.detach())
        self.conn.send((settings, reader))
        self.ready = False
        self.started = time.monotonic()
        self.job: tuple[int, RawDocument] | None = None
        self.deadline = float("inf")

    def submit(self, seq: int, raw: RawDocument, timeout: float | None) -> None:
        self.job = (seq, raw)
        self.deadline = time.monotonic() + timeout if timeout else float("inf")
        self.conn.send((seq, raw))

    def stop(self) -> None:
        try:
            self.conn.send(None)
        except OSError:
            pass

    def kill(self) -> str:
        """Kill the process (if it still runs) and say how it ended."""
        if self.process.poll() is None:
            self.process.kill()
        code = self.process.wait()
        self.conn.close()
        if code < 0:
            try:
                return f"killed by {signal.Signals(-code).name}"
            except ValueError:
                return f"killed by signal {-code}"
        return f"exited with code {code}"


class ReadingPool:
    """Reads RawDocuments into Articles in worker processes; use as a context manager."""

    def __init__(
        self,
        settings: Settings = DEFAULT_SETTINGS,
        *,
        workers: int | None = None,
        window: int | None = None,
        reader: str = DEFAULT_READER,
    ) -> None:
        """``reader`` names the ``(RawDocument, Settings) -> Article`` function workers run."""
        self.settings = settings
        self.reader = reader
        self.size = default_workers() if workers is None else max(1, workers)
        self.window = window or max(8, 4 * self.size)
        self.timeout = settings.document_timeout if settings.document_timeout > 0 else None
        self._workers: list[_Worker] = []

    def __enter__(self) -> ReadingPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop every worker (a stuck one is killed after a second)."""
        for worker in self._workers:
            worker.stop()
        for worker in self._workers:
            try:
                worker.process.wait(timeout=1.0)
            except subprocess.TimeoutExpired:
                pass
            worker.kill()
        self._workers = []

    def read_documents(self, documents: Iterable[RawDocument]) -> Iterator[Article]:
        """The Article of each document, in input order."""
        for _, article in self.read((None, raw) for raw in documents):
            if article is not None:
                yield article

    def read(
        self, items: Iterable[tuple[K, RawDocument | None]]
    ) -> Iterator[tuple[K, Article | None]]:
        """Read ``(key, document)`` pairs; yield ``(key, article)`` in input order.

        A ``None`` document passes through as ``(key, None)`` in its place (a marker, such as
        the end of a file).
        """
        if self.size == 1:
            read = load_reader(self.reader)
            for key, raw in items:
                yield key, None if raw is None else guarded(read, raw, self.settings)
            return
        yield from _Schedule(self, iter(items)).run()

    def _start(self) -> None:
        while len(self._workers) < self.size:
            self._workers.append(_Worker(self.settings, self.reader))

    def _replace(self, worker: _Worker) -> str:
        how = worker.kill()
        self._workers.remove(worker)
        if not worker.ready:
            raise PoolError(f"a reading worker could not start ({how})")
        self._start()
        return how


class _Schedule(Generic[K]):
    """One pass of a pool over an input stream: dispatch, collect, yield in order."""

    def __init__(self, pool: ReadingPool, items: Iterator[tuple[K, RawDocument | None]]) -> None:
        self.pool = pool
        self.items = items
        self.queue: deque[tuple[int, RawDocument]] = deque()
        self.keys: dict[int, K] = {}
        self.done: dict[int, Article | None] = {}
        self.next_in = 0
        self.next_out = 0
        self.exhausted = False

    def run(self) -> Iterator[tuple[K, Article | None]]:
        while True:
            self._fill()
            self._dispatch()
            while self.next_out in self.done:
                seq = self.next_out
                self.next_out += 1
                yield self.keys.pop(seq), self.done.pop(seq)
            if self.exhausted and self.next_out == self.next_in:
                return
            if self.queue or any(worker.job for worker in self.pool._workers):
                self._collect()

    def _fill(self) -> None:
        while not self.exhausted and self.next_in - self.next_out < self.pool.window:
            try:
                key, raw = next(self.items)
            except StopIteration:
                self.exhausted = True
                return
            seq = self.next_in
            self.next_in += 1
            self.keys[seq] = key
            if raw is None or raw.rejected:
                # Markers and documents ingest already rejected need no worker.
                self.done[seq] = None if raw is None else safe_read(raw, self.pool.settings)
            else:
                self.queue.append((seq, raw))

    def _dispatch(self) -> None:
        if self.queue:
            self.pool._start()
        for worker in self.pool._workers:
            if not self.queue:
                return
            if worker.ready and worker.job is None:
                seq, raw = self.queue.popleft()
                try:
                    worker.submit(seq, raw, self.pool.timeout)
                except OSError:
                    self._crashed(worker)

    def _collect(self) -> None:
        workers = list(self.pool._workers)
        timeout = self._wait_seconds(workers)
        ready = wait([worker.conn for worker in workers], timeout)
        for worker in workers:
            if worker.conn in ready:
                self._receive(worker)
        now = time.monotonic()
        for worker in list(self.pool._workers):
            if worker.job and now >= worker.deadline:
                seq, raw = worker.job
                self.done[seq] = rejected(raw, reason("R904", seconds=self.pool.timeout))
                worker.job = None
                self.pool._replace(worker)
            elif not worker.ready and now - worker.started > _STARTUP_SECONDS:
                self.pool._replace(worker)

    def _wait_seconds(self, workers: list[_Worker]) -> float | None:
        """Until the next deadline (a document's or a start-up's); None when there is none."""
        now = time.monotonic()
        deadlines = [worker.deadline for worker in workers if worker.job]
        deadlines += [worker.started + _STARTUP_SECONDS for worker in workers if not worker.ready]
        soonest = min(deadlines, default=float("inf"))
        return None if soonest == float("inf") else max(0.0, soonest - now) + 0.01

    def _receive(self, worker: _Worker) -> None:
        try:
            message = worker.conn.recv()
        except (EOFError, OSError, pickle.UnpicklingError):
            self._crashed(worker)
            return
        if message == "ready":
            worker.ready = True
            return
        seq, article = message
        if worker.job and worker.job[0] == seq:
            self.done[seq] = article
            worker.job = None
            worker.deadline = float("inf")

    def _crashed(self, worker: _Worker) -> None:
        job = worker.job
        worker.job = None
        how = self.pool._replace(worker)
        if job is not None:
            seq, raw = job
            self.done[seq] = rejected(raw, reason("R902", how=how))


def serve(fd: int) -> None:
    """A worker's main loop: settings, then ``(seq, RawDocument)`` until ``None``."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    conn = Connection(fd)
    settings, name = conn.recv()
    read = load_reader(name)
    # Heavy imports and lazy loads happen here, once, before any document's deadline.
    for document in _WARM_UP:
        safe_read(document, settings)
    conn.send("ready")
    while True:
        try:
            message = conn.recv()
        except EOFError:
            return
        if message is None:
            return
        seq, raw = message
        conn.send((seq, guarded(read, raw, settings)))
