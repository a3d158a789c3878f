"""Turning bytes into text: byte-order marks, declared charsets, then detection."""

from __future__ import annotations

import codecs
import re

from newsfuse.errors import DocumentError
from newsfuse.reasons import reason

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_\-:.]+)""", re.IGNORECASE
)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_\-.]+)""", re.IGNORECASE)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML or XML document declares in its first 4 KB, if Python knows it."""
    head = data[:4096]
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    if not match:
        return None
    name = match.group(1).decode("ascii", "ignore").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_bytes(data: bytes, *, header_charset: str | None = None) -> str:
    """Decode ``data`` to text: BOM, then HTTP or in-document charset, then UTF-8, then detection.

    Raises DocumentError when the bytes are not text in any encoding.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    for candidate in (header_charset, declared_charset(data)):
        if candidate:
            try:
                return data.decode(_normalise(candidate))
            except (LookupError, ValueError):  # UnicodeError, or a NUL in the name
                pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    return _detect(data)


def _normalise(name: str) -> str:
    # Pages that declare latin-1 or ascii are nearly always windows-1252 in practice (WHATWG).
    lowered = name.lower()
    if lowered in {"iso-8859-1", "latin-1", "latin_1", "iso8859-1", "ascii", "us-ascii"}:
        return "cp1252"
    return name


def _detect(data: bytes) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None:
        raise DocumentError(reason("R107"))
    try:
        return data.decode(best.encoding, errors="replace")
    except LookupError as error:  # pragma: no cover - charset_normalizer names known codecs
        raise DocumentError(reason("R108", encoding=best.encoding)) from error


def looks_binary(data: bytes) -> bool:
    """True for data that is not text: NUL bytes or many control characters in the first 8 KB."""
    head = data[:8192]
    if not head:
        return False
    if b"\x00" in head and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return True
    controls = sum(1 for byte in head if byte < 32 and byte not in (9, 10, 12, 13, 27))
    return controls / len(head) > 0.05
