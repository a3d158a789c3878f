"""Reading files and folders into RawDocuments.

Folders are walked recursively in sorted order (hidden files and folders skipped). Each file's
kind is sniffed from its content: HTML, plain text, JSONL export, WARC/WET archive, or a feed;
gzip is undone on the way (with a limit on the decompressed size). ``READERS`` says which
reader takes each kind. A file that cannot be read becomes a rejected RawDocument with a
one-line reason, never an exception.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from newsfuse.config import DEFAULT_SETTINGS, Settings
from newsfuse.errors import DocumentError, InputError
from newsfuse.ingest.jsonl import read_jsonl
from newsfuse.ingest.payload import (
    GZIP_MAGIC,
    document_from_bytes,
    gunzip_head,
    gunzip_limited,
    rejected_document,
)
from newsfuse.ingest.sniff import SNIFF_BYTES, Kind, sniff
from newsfuse.ingest.warc import read_warc
from newsfuse.reasons import reason
from newsfuse.types import RawDocument

__all__ = ["READERS", "document_from_bytes", "gunzip_limited", "list_files", "read_file"]


@dataclass(frozen=True)
class FileHead:
    """A file about to be read: its size and whether it is gzip-compressed."""

    path: Path
    size: int
    compressed: bool


Reader = Callable[[FileHead, Settings], Iterator[RawDocument]]


def list_files(paths: Iterable[str | Path]) -> list[Path]:
    """Every file named or inside a named folder, in a stable order.

    Raises InputError for a path that does not exist.
    """
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(_walk(path))
        elif path.is_file():
            files.append(path)
        elif path.exists():
            raise InputError(f"{path}: not a regular file or folder")
        else:
            raise InputError(f"{path}: no such file or folder")
    return files


def _walk(folder: Path) -> Iterator[Path]:
    """The files below ``folder``; the folder itself when it holds none (it is then rejected)."""
    found = False
    for child in _children(folder):
        if child.name.startswith("."):
            continue
        if child.is_dir():
            for path in _walk(child):
                found = found or path.is_file()
                if path.is_file():
                    yield path
        elif child.is_file():
            found = True
            yield child
    if not found:
        yield folder


def _children(folder: Path) -> list[Path]:
    try:
        return sorted(folder.iterdir())
    except OSError:
        return []


def read_files(
    files: Iterable[Path], settings: Settings = DEFAULT_SETTINGS
) -> Iterator[RawDocument]:
    """Yield the documents of each file, in order."""
    for path in files:
        yield from read_file(path, settings)


def read_file(path: Path, settings: Settings = DEFAULT_SETTINGS) -> Iterator[RawDocument]:
    """Yield the documents of one file: one, or one per JSONL line or WARC record."""
    source = str(path)
    if path.is_dir():
        yield rejected_document(source, reason("R101"))
        return
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(SNIFF_BYTES)
    except OSError as error:
        yield rejected_document(source, reason("R109", error=error.strerror or error))
        return
    if size == 0 or not head.strip():
        yield rejected_document(source, reason("R102"))
        return
    compressed = head.startswith(GZIP_MAGIC)
    try:
        plain_head = gunzip_head(head) if compressed else head
    except DocumentError as error:
        yield rejected_document(source, str(error))
        return
    yield from READERS[sniff(plain_head)](FileHead(path, size, compressed), settings)


def _capped(read: Callable[[Path, Settings], Iterator[RawDocument]]) -> Reader:
    """A reader of archives: at most ``settings.max_records`` documents of one file, then one
    rejection that says the rest was not read."""

    def capped(file: FileHead, settings: Settings) -> Iterator[RawDocument]:
        limit = settings.max_records
        for count, document in enumerate(read(file.path, settings)):
            if count == limit:
                yield rejected_document(str(file.path), reason("R201", limit=limit))
                return
            yield document

    return capped


def _read_single(file: FileHead, settings: Settings) -> Iterator[RawDocument]:
    """The one document of an HTML or text file (or a feed file, rejected)."""
    source = str(file.path)
    if file.size > settings.max_file_bytes:
        yield rejected_document(
            source, reason("R103", size=file.size, limit=settings.max_file_bytes)
        )
        return
    try:
        data = file.path.read_bytes()
        if file.compressed:
            data = gunzip_limited(data, settings.max_document_bytes)
    except OSError as error:
        yield rejected_document(source, reason("R109", error=error))
        return
    except DocumentError as error:
        yield rejected_document(source, str(error))
        return
    yield document_from_bytes(source, data, settings=settings, compressed=file.compressed)


READERS: dict[Kind, Reader] = {
    "warc": _capped(read_warc),
    "jsonl": _capped(read_jsonl),
    "html": _read_single,
    "text": _read_single,
    "feed": _read_single,
}
"""The reader of each kind of file, as ``sniff`` tells it from the content."""
