"""One document from its bytes, and gzip undone with a limit: what every reader of ``ingest/``
shares (files, JSONL records, WARC records, fetched pages)."""

from __future__ import annotations

import gzip
import io
import zlib
from pathlib import Path

from newsfuse.config import DEFAULT_SETTINGS, Settings
from newsfuse.errors import DocumentError
from newsfuse.ingest.decode import decode_bytes, looks_binary
from newsfuse.ingest.sniff import SNIFF_BYTES, sniff
from newsfuse.reasons import reason, too_short
from newsfuse.types import RawDocument

GZIP_MAGIC = b"\x1f\x8b"
_NAMED_KINDS = {".gz": "gzip", ".html": "HTML", ".htm": "HTML"}
"""What a file name's suffix promises, for messages that name the kind found instead."""


def document_from_bytes(
    source: str,
    data: bytes,
    *,
    settings: Settings = DEFAULT_SETTINGS,
    url: str | None = None,
    crawl_date: str | None = None,
    charset: str | None = None,
    kind: str | None = None,
    compressed: bool | None = None,
) -> RawDocument:
    """One document from its bytes: checks size and binary content, decodes, sniffs HTML/text.

    ``compressed`` is given for a file (was it gzip?): a rejection then says when the content
    is not what the file's name promises.
    """
    if not data.strip():
        return rejected_document(source, reason("R102"), url=url)
    if len(data) > settings.max_document_bytes:
        return rejected_document(
            source, reason("R103", size=len(data), limit=settings.max_document_bytes)
        )
    if looks_binary(data):
        return rejected_document(source, reason("R106"), url=url)
    try:
        text = decode_bytes(data, header_charset=charset)
    except DocumentError as error:
        return rejected_document(source, str(error), url=url)
    sniffed = kind or sniff(data[:SNIFF_BYTES])
    if sniffed == "feed":
        return rejected_document(source, reason("R110"))
    document = RawDocument(
        source, text, "html" if sniffed == "html" else "text", url=url, crawl_date=crawl_date
    )
    return _short_text(document, settings.min_article_words, compressed)


def _short_text(document: RawDocument, least: int, compressed: bool | None) -> RawDocument:
    """``document``, rejected when it is plain text with fewer words than any article has
    (extraction only ever drops words): the message counts every word read."""
    count = len(document.content.split()) if document.kind == "text" else least
    if count >= least:
        return document
    kind = kind_found(document.source, compressed) if compressed is not None else "plain text"
    return RawDocument(
        document.source, document.content, document.kind, url=document.url,
        crawl_date=document.crawl_date, rejected=too_short(count, count, least, kind=kind),
    )


def kind_found(name: str, compressed: bool) -> str:
    """``plain text``, with what the file's name promised and it is not (``not gzip``)."""
    suffixes = {suffix.lower() for suffix in Path(name).suffixes}
    kept = {"gzip": compressed, "HTML": False}
    broken = dict.fromkeys(
        kind for suffix, kind in _NAMED_KINDS.items() if suffix in suffixes and not kept[kind]
    )
    found = "gzip-compressed plain text" if compressed else "plain text"
    return f"{found}, not {' or '.join(broken)}" if broken else found


def rejected_document(source: str, why: str, *, url: str | None = None) -> RawDocument:
    """A document ingest already knows it cannot read, with the reason (see ``reasons``)."""
    return RawDocument(source, "", "text", url=url, rejected=why)


def gunzip_limited(data: bytes, limit: int) -> bytes:
    """Decompress gzip data, every member of it, refusing more than ``limit`` bytes of output
    (decompression bombs). Bytes after the last member that are not gzip are ignored."""
    out = bytearray()
    while True:
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            out += inflater.decompress(data, limit + 1 - len(out))
        except zlib.error as error:
            raise DocumentError(reason("R105", error=error)) from error
        if len(out) > limit:
            raise DocumentError(reason("R104", limit=limit))
        if not inflater.eof:
            raise DocumentError(reason("R105", error="the compressed data is cut short"))
        data = inflater.unused_data
        if not data.startswith(GZIP_MAGIC):
            return bytes(out)


def gunzip_head(head: bytes) -> bytes:
    """The first ``SNIFF_BYTES`` of a gzip file's content, to sniff its kind."""
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, SNIFF_BYTES)
    except zlib.error as error:
        raise DocumentError(reason("R105", error=error)) from error


def open_maybe_gzip(path: Path) -> io.BufferedIOBase:
    """Open a file for binary reading, undoing gzip when it starts with the gzip magic bytes."""
    with path.open("rb") as probe:
        magic = probe.read(2)
    return gzip.open(path, "rb") if magic == GZIP_MAGIC else path.open("rb")
