"""Temporary files that hold what a run must keep but need not keep in memory.

``Spill`` stores pickled objects by key (a document's full text and analysis while only its
small record stays in memory); ``TextSpill`` stores text pieces to be read back in order (the
rendered documents of a JSON output). Both delete their file when closed, also on an error.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import IO, Any, Self

PREFIX = "newsfuse-"


class _TempFile:
    """A temporary file in ``directory`` (None: the system's), removed by ``close``."""

    def __init__(self, directory: Path | None, suffix: str) -> None:
        handle, name = tempfile.mkstemp(prefix=PREFIX, suffix=suffix, dir=directory)
        self.path = Path(name)
        self._file: IO[bytes] = os.fdopen(handle, "w+b")

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close and delete the file (again: nothing)."""
        if not self._file.closed:
            self._file.close()
        self.path.unlink(missing_ok=True)


class Spill(_TempFile):
    """Objects pickled to a temporary file, read back by key (a later ``put`` of a key
    replaces the earlier one)."""

    def __init__(self, directory: Path | None = None) -> None:
        super().__init__(directory, ".spill")
        self._offsets: dict[str, tuple[int, int]] = {}
        self._end = 0

    def put(self, key: str, value: object) -> None:
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        self._file.seek(self._end)
        self._file.write(data)
        self._offsets[key] = (self._end, len(data))
        self._end += len(data)

    def get(self, key: str) -> Any:
        """The object stored under ``key``; KeyError when there is none."""
        start, size = self._offsets[key]
        self._file.seek(start)
        return pickle.loads(self._file.read(size))

    def __setitem__(self, key: str, value: object) -> None:
        self.put(key, value)

    def __getitem__(self, key: str) -> Any:
        return self.get(key)

    def __contains__(self, key: object) -> bool:
        return key in self._offsets

    def __len__(self) -> int:
        return len(self._offsets)


class TextSpill(_TempFile):
    """Text pieces appended to a temporary file and read back in the order written."""

    def __init__(self, directory: Path | None = None) -> None:
        super().__init__(directory, ".txt")
        self.count = 0

    def write(self, piece: str) -> None:
        data = piece.encode("utf-8")
        self._file.write(len(data).to_bytes(8, "big") + data)
        self.count += 1

    def pieces(self) -> Iterator[str]:
        """Every piece written so far, in order (one piece in memory at a time)."""
        self._file.flush()
        self._file.seek(0)
        for _ in range(self.count):
            size = int.from_bytes(self._file.read(8), "big")
            yield self._file.read(size).decode("utf-8")
        self._file.seek(0, os.SEEK_END)
