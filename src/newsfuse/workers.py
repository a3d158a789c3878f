"""Run a function over chunks of work in worker subprocesses, one per core.

Workers are plain ``python -c`` subprocesses fed pickled chunks over their standard input
(multiprocessing's spawn and forkserver would re-import the caller's ``__main__``; fork is
unsafe once model threads run). Each worker imports the target function once, so models it
loads through cached loaders are loaded once per worker. Chunks are handed out as workers
become free; a chunk whose worker fails comes back as None, for the caller to redo in-process.
"""

from __future__ import annotations

import importlib
import os
import pickle
import subprocess
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, Any, TypeVar

T = TypeVar("T")


def run_in_workers(target: str, chunks: Sequence[Any], workers: int) -> list[Any | None]:
    """``function(chunk)`` for every chunk, where ``target`` names the function as
    ``"package.module:function"``, computed in ``workers`` subprocesses (None where a worker
    failed). The results are in the chunks' order."""
    results: list[Any | None] = [None] * len(chunks)
    pending = iter(range(len(chunks)))
    lock = threading.Lock()

    def drive() -> None:
        try:
            worker = _Worker(target)
        except OSError:
            return
        with worker:
            while True:
                with lock:
                    number = next(pending, None)
                if number is None:
                    return
                results[number] = worker.call(chunks[number])
                if results[number] is None:
                    return

    threads = [
        threading.Thread(target=drive, daemon=True) for _ in range(min(workers, len(chunks)))
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def chunked(items: Sequence[T], size: Callable[[T], int], limit: int) -> list[list[T]]:
    """``items`` in order, cut into chunks of whole items, a new chunk starting once the
    sizes of the current one reach ``limit``."""
    chunks: list[list[T]] = [[]]
    total = 0
    for item in items:
        if total >= limit:
            chunks.append([])
            total = 0
        chunks[-1].append(item)
        total += size(item)
    return chunks


def default_workers(limit: int) -> int:
    """The number of cores, at most ``limit``."""
    return max(1, min(os.cpu_count() or 1, limit))


class _Worker:
    """One subprocess: send a chunk, read back its result."""

    def __init__(self, target: str) -> None:
        source = str(Path(__file__).resolve().parents[1])
        path = os.pathsep.join(filter(None, [source, os.environ.get("PYTHONPATH")]))
        self.process = subprocess.Popen(
            [sys.executable, "-c", f"from newsfuse.workers import serve; serve({target!r})"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env={**os.environ, "PYTHONPATH": path},
        )

    def __enter__(self) -> _Worker:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def call(self, chunk: Any) -> Any | None:
        if self.process.stdin is None or self.process.stdout is None:
            return None
        try:
            _send(self.process.stdin, chunk)
            return _receive(self.process.stdout)
        except (OSError, EOFError, pickle.UnpicklingError):
            return None


def _send(stream: IO[bytes], value: object) -> None:
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(len(data).to_bytes(8, "big") + data)
    stream.flush()


def _receive(stream: IO[bytes]) -> Any:
    header = stream.read(8)
    if len(header) < 8:
        raise EOFError("the worker stopped")
    size = int.from_bytes(header, "big")
    data = stream.read(size)
    if len(data) < size:
        raise EOFError("the worker stopped mid-answer")
    return pickle.loads(data)


def resolve(target: str) -> Callable[[Any], Any]:
    """The function that ``"package.module:function"`` names."""
    module, _, name = target.partition(":")
    function: Callable[[Any], Any] = getattr(importlib.import_module(module), name)
    return function


def serve(target: str) -> None:
    """Worker side: apply ``target`` to pickled chunks from standard input until it closes
    (standard output carries only the answers; anything printed goes to standard error)."""
    answers = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    function = resolve(target)
    while True:
        try:
            chunk = _receive(sys.stdin.buffer)
        except EOFError:
            return
        _send(answers, function(chunk))
