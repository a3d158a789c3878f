"""JSONL exports: one article per line with ``text`` or ``html`` and optional metadata.

The optional fields ``id``, ``title``, ``url``, ``date``, ``outlet`` and ``author`` are trusted as
given. A line's source is ``PATH#N`` with N its line number from 1.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING

from newsfuse.types import RawDocument

if TYPE_CHECKING:
    from newsfuse.config import Settings

GIVEN_FIELDS = ("id", "title", "url", "date", "outlet", "author")


def read_jsonl(
    path: Path, settings: Settings, *, compressed: bool = False
) -> Iterator[RawDocument]:
    """Yield one RawDocument per non-blank line; bad lines become rejected documents."""
    from newsfuse.ingest.files import open_maybe_gzip

    try:
        with open_maybe_gzip(path) as handle:
            for number, line in enumerate(_lines(handle, settings.max_document_bytes), start=1):
                if line.strip():
                    yield record_document(f"{path}#{number}", line, settings)
    except (OSError, EOFError, zlib.error) as error:
        yield RawDocument(str(path), "", "text", rejected=f"unreadable: {error}")


def _lines(handle: IO[bytes], limit: int) -> Iterator[bytes]:
    """Each line; of a line longer than ``limit`` only its first ``limit + 1`` bytes."""
    while line := handle.readline(limit + 1):
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := handle.readline(limit + 1)) and not rest.endswith(b"\n"):
                pass
        yield line


def record_document(source: str, line: bytes | str, settings: Settings) -> RawDocument:
    """One JSONL line as a RawDocument."""
    from newsfuse.ingest.files import document_from_bytes

    if len(line) > settings.max_document_bytes:
        return RawDocument(
            source, "", "text", rejected="too large: the JSON line exceeds the limit"
        )
    try:
        record = json.loads(line)
    except (ValueError, UnicodeDecodeError) as error:
        return RawDocument(source, "", "text", rejected=f"not JSON: {error}")
    except RecursionError:
        return RawDocument(source, "", "text", rejected="not JSON: nested too deeply")
    if not isinstance(record, dict):
        return RawDocument(source, "", "text", rejected="not a JSON object")
    given = {
        key: str(record[key]).strip()
        for key in GIVEN_FIELDS
        if record.get(key) not in (None, "") and isinstance(record[key], str | int)
    }
    body, kind = _body(record)
    if body is None:
        return RawDocument(
            source, "", "text", given=given, rejected="no `text` or `html` field in the record"
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
