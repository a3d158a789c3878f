"""WARC and WET archives, as written by web crawls (Common Crawl among them).

Every ``response`` record with an HTML or text payload and every ``conversion`` record (WET
plain text) becomes a document whose source is ``PATH#OFFSET``, the record's byte offset.
``WARC-Date`` is kept as the crawl date, which is never taken for a publication date.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsfuse.ingest.payload import document_from_bytes
from newsfuse.reasons import reason
from newsfuse.types import RawDocument

if TYPE_CHECKING:
    from newsfuse.config import Settings

_TEXT_TYPES = ("text/html", "application/xhtml", "text/plain")


def read_warc(path: Path, settings: Settings) -> Iterator[RawDocument]:
    """Yield a document for each response or conversion record of a WARC/WET file."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed
    from warcio.statusandheaders import StatusAndHeadersParserException

    # What warcio raises on broken archives (found by fuzzing: bad headers, absurd lengths).
    broken = (ArchiveLoadFailed, StatusAndHeadersParserException, OSError, EOFError, ValueError,
              OverflowError, AttributeError, zlib.error)

    try:
        with path.open("rb") as stream:
            records = ArchiveIterator(stream)
            for record in records:
                payload = _payload(record, settings)
                # The offset is known only once the record has been read to its end.
                offset = records.get_record_offset()
                if payload is not None:
                    yield _record_document(path, offset, record, payload, settings)
    except broken as error:
        yield RawDocument(f"{path}", "", "text", rejected=reason("R202", error=error))


def _payload(record: Any, settings: Settings) -> bytes | None:
    """The record's payload if it is a page or WET text, else None (requests, images ...)."""
    if record.rec_type not in ("response", "conversion", "resource"):
        return None
    content_type, _ = _content_type(record)
    if record.rec_type != "conversion" and not content_type.startswith(_TEXT_TYPES):
        return None
    data = bytes(record.content_stream().read(settings.max_document_bytes + 1))
    if len(data) <= settings.max_document_bytes and getattr(record.raw_stream, "limit", 0) > 0:
        raise EOFError("the archive is cut short inside a record")
    return data


def _record_document(
    path: Path, offset: int, record: Any, data: bytes, settings: Settings
) -> RawDocument:
    url = record.rec_headers.get_header("WARC-Target-URI")
    crawl_date = (record.rec_headers.get_header("WARC-Date") or "")[:10] or None
    content_type, charset = _content_type(record)
    kind = (
        "text" if record.rec_type == "conversion" or content_type.startswith("text/plain") else None
    )
    return document_from_bytes(
        f"{path}#{offset}",
        data,
        settings=settings,
        url=url,
        crawl_date=crawl_date,
        charset=charset,
        kind=kind,
    )


def _content_type(record: Any) -> tuple[str, str | None]:
    headers = record.http_headers if record.rec_type == "response" else record.rec_headers
    value = (headers.get_header("Content-Type") if headers else None) or ""
    if not value and record.rec_type == "conversion":
        value = "text/plain"
    parts = [part.strip() for part in value.split(";")]
    charset = next(
        (p.split("=", 1)[1].strip("\"' ") for p in parts[1:] if p.lower().startswith("charset=")),
        None,
    )
    return parts[0].lower(), charset
