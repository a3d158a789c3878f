"""Reading files and folders into RawDocuments.

Folders are walked recursively in sorted order (hidden files and folders skipped). Each file's
kind is sniffed from its content: HTML, plain text, JSONL export, WARC/WET archive, or a feed;
gzip is undone on the way (with a limit on the decompressed size). A file that cannot be read
becomes a rejected RawDocument with a one-line reason, never an exception.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from newsfuse.config import DEFAULT_SETTINGS, Settings
from newsfuse.errors import DocumentError, InputError
from newsfuse.ingest.decode import decode_bytes, looks_binary
from newsfuse.ingest.jsonl import read_jsonl
from newsfuse.ingest.sniff import sniff
from newsfuse.ingest.warc import read_warc
from newsfuse.types import RawDocument

GZIP_MAGIC = b"\x1f\x8b"
_SNIFF_BYTES = 65536


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
        yield _rejected(source, "no readable file in this folder")
        return
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(_SNIFF_BYTES)
    except OSError as error:
        yield _rejected(source, f"unreadable: {error.strerror or error}")
        return
    if size == 0 or not head.strip():
        yield _rejected(source, "empty document")
        return
    compressed = head.startswith(GZIP_MAGIC)
    try:
        plain_head = _gunzip_head(head) if compressed else head
    except DocumentError as error:
        yield _rejected(source, str(error))
        return
    kind = sniff(plain_head)
    if kind == "warc":
        yield from _capped(read_warc(path, settings), source, settings.max_records)
        return
    if kind == "jsonl":
        records = read_jsonl(path, settings, compressed=compressed)
        yield from _capped(records, source, settings.max_records)
        return
    yield from _read_single(path, size, compressed, settings)


def _capped(documents: Iterator[RawDocument], source: str, limit: int) -> Iterator[RawDocument]:
    """At most ``limit`` documents of one archive; then one rejection that says the rest was
    not read."""
    for count, document in enumerate(documents):
        if count == limit:
            yield _rejected(
                source, f"too many records: more than {limit:,} in one file; the rest was not read"
            )
            return
        yield document


def _read_single(
    path: Path, size: int, compressed: bool, settings: Settings
) -> Iterator[RawDocument]:
    source = str(path)
    if size > settings.max_file_bytes:
        yield _rejected(source, f"too large: {size:,} bytes (limit {settings.max_file_bytes:,})")
        return
    try:
        data = path.read_bytes()
        if compressed:
            data = gunzip_limited(data, settings.max_document_bytes)
    except (OSError, DocumentError) as error:
        yield _rejected(
            source, str(error) if isinstance(error, DocumentError) else f"unreadable: {error}"
        )
        return
    yield document_from_bytes(source, data, settings=settings)


def document_from_bytes(
    source: str,
    data: bytes,
    *,
    settings: Settings = DEFAULT_SETTINGS,
    url: str | None = None,
    crawl_date: str | None = None,
    charset: str | None = None,
    kind: str | None = None,
) -> RawDocument:
    """One document from its bytes: checks size and binary content, decodes, sniffs HTML/text."""
    if not data.strip():
        return _rejected(source, "empty document", url=url)
    if len(data) > settings.max_document_bytes:
        return _rejected(
            source, f"too large: {len(data):,} bytes (limit {settings.max_document_bytes:,})"
        )
    if looks_binary(data):
        return _rejected(source, "not text: binary content", url=url)
    try:
        text = decode_bytes(data, header_charset=charset)
    except DocumentError as error:
        return _rejected(source, str(error), url=url)
    sniffed = kind or sniff(data[:_SNIFF_BYTES])
    if sniffed == "feed":
        return _rejected(
            source, "a feed, not an article: ingest its items with `newsfuse ingest URL`"
        )
    doc_kind = "html" if sniffed == "html" else "text"
    return RawDocument(source, text, doc_kind, url=url, crawl_date=crawl_date)  # type: ignore[arg-type]


def gunzip_limited(data: bytes, limit: int) -> bytes:
    """Decompress gzip data, every member of it, refusing more than ``limit`` bytes of output
    (decompression bombs). Bytes after the last member that are not gzip are ignored."""
    out = bytearray()
    while True:
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            out += inflater.decompress(data, limit + 1 - len(out))
        except zlib.error as error:
            raise DocumentError(f"broken gzip: {error}") from error
        if len(out) > limit:
            raise DocumentError(f"too large: more than {limit:,} bytes once decompressed")
        if not inflater.eof:
            raise DocumentError("broken gzip: the compressed data is cut short")
        data = inflater.unused_data
        if not data.startswith(GZIP_MAGIC):
            return bytes(out)


def _gunzip_head(head: bytes) -> bytes:
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, _SNIFF_BYTES)
    except zlib.error as error:
        raise DocumentError(f"broken gzip: {error}") from error


def _rejected(source: str, reason: str, *, url: str | None = None) -> RawDocument:
    return RawDocument(source, "", "text", url=url, rejected=reason)


def open_maybe_gzip(path: Path):  # type: ignore[no-untyped-def]
    """Open a file for binary reading, undoing gzip when it starts with the gzip magic bytes."""
    with path.open("rb") as probe:
        magic = probe.read(2)
    return gzip.open(path, "rb") if magic == GZIP_MAGIC else path.open("rb")
