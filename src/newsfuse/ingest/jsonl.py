"""JSONL exports: one article per line with ``text`` or ``html`` and optional metadata.

The optional fields ``id``, ``title``, ``url``, ``date``, ``outlet`` and ``author`` are trusted as
given. A line's source is ``PATH#N`` with N its line number from 1.
"""

from __future__ import annotations

import io
import json
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from newsfuse.ingest.payload import document_from_bytes, open_maybe_gzip
from newsfuse.reasons import reason
from newsfuse.types import RawDocument

if TYPE_CHECKING:
    from newsfuse.config import Settings

GIVEN_FIELDS = ("id", "title", "url", "date", "outlet", "author")


def read_jsonl(path: Path, settings: Settings) -> Iterator[RawDocument]:
    """Yield one RawDocument per non-blank line (gzip undone); bad lines become rejected
    documents."""
    try:
        with open_maybe_gzip(path) as handle:
            for number, line in enumerate(_lines(handle, settings.max_document_bytes), start=1):
                if line.strip():
                    yield record_document(f"{path}#{number}", line, settings)
    except (OSError, EOFError, zlib.error) as error:
        yield RawDocument(str(path), "", "text", rejected=reason("R109", error=error))


def _lines(handle: io.BufferedIOBase, limit: int) -> Iterator[bytes]:
    """Each line; of a line longer than ``limit`` only its first ``limit + 1`` bytes."""
    while line := handle.readline(limit + 1):
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := handle.readline(limit + 1)) and not rest.endswith(b"\n"):
                pass
        yield line


def record_document(source: str, line: bytes | str, settings: Settings) -> RawDocument:
    """One JSONL line as a RawDocument."""
    if len(line) > settings.max_document_bytes:
        return RawDocument(
            source, "", "text", rejected=reason("R203")
        )
    try:
        record = json.loads(line)
    except (ValueError, UnicodeDecodeError) as error:
        return RawDocument(source, "", "text", rejected=reason("R205", error=error))
    except RecursionError:
        return RawDocument(source, "", "text", rejected=reason("R204"))
    if not isinstance(record, dict):
        return RawDocument(source, "", "text", rejected=reason("R206"))
    given = {
        key: str(record[key]).strip()
        for key in GIVEN_FIELDS
        if record.get(key) not in (None, "") and isinstance(record[key], str | int)
    }
    body, kind = _body(record)
    if body is None:
        return RawDocument(
            source, "", "text", given=given, rejected=reason("R207")
        )
    raw = document_from_bytes(
        source, body.encode("utf-8"), settings=settings, url=given.get("url"), kind=kind
    )
    return RawDocument(
        raw.source, raw.content, raw.kind, url=raw.url, given=given, rejected=raw.rejected
    )


def _body(record: dict[str, object]) -> tuple[str | None, str | None]:
    for key, kind in (("html", "html"), ("text", "text")):
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            return value, kind
    return None, None
