"""Why a document is rejected: one table of reasons, each a stable code beside its message.

Every rejection is made here, ``reason("R104", size=..., limit=...)``, so a reason's wording
lives in one place and its code stays the same when the wording changes (spaCy numbers its
errors the same way). ``Article.reason`` keeps the readable message, as the JSON output always
had it; ``reason_code(message)`` gives its code back (counts group rejections by it).

Codes: R1xx a file or its bytes (ingest), R2xx a record of an export or archive, R3xx the
content is no article (extraction), R9xx reading failed (a crash, a time limit).
"""

from __future__ import annotations

import re
from functools import cache
from string import Formatter
from typing import Any

REASONS: dict[str, str] = {
    "R101": "no readable file in this folder",
    "R102": "empty document",
    "R103": "too large: {size:,} bytes (limit {limit:,})",
    "R104": "too large: more than {limit:,} bytes once decompressed",
    "R105": "broken gzip: {error}",
    "R106": "not text: binary content",
    "R107": "unreadable: the bytes are not text in any known encoding",
    "R108": "unreadable: unknown encoding {encoding}",
    "R109": "unreadable: {error}",
    "R110": "a feed, not an article: ingest its items with `newsfuse ingest URL`",
    "R201": "too many records: more than {limit:,} in one file; the rest was not read",
    "R202": "broken WARC file: {error}",
    "R203": "too large: the JSON line exceeds the limit",
    "R204": "not JSON: nested too deeply",
    "R205": "not JSON: {error}",
    "R206": "not a JSON object",
    "R207": "no `text` or `html` field in the record",
    "R301": "not an article: only {words} of {kind} (an article has at least {least})",
    "R302": "not an article: only {body} of body text in {words} of plain text "
    "(an article has at least {least})",
    "R303": "not an article: only {body} of body text (an article has at least {least})",
    "R304": "not an article: the page is empty",
    "R305": "not an article: the body is a list of short teasers",
    "R306": "too complex: {tags:,} tags (limit {limit:,})",
    "R307": "unreadable HTML: {error}",
    "R308": "not an article: page furniture (boilerplate lines) in {words} of plain text, "
    "only {body} of body text",
    "R901": "extraction failed: {error}",
    "R902": "extraction crashed: the worker {how}",
    "R903": "extraction crashed: {error}",
    "R904": "timed out after {seconds:g} s",
}
"""Code -> message template (``str.format`` fields). Never reuse or renumber a code."""

OTHER = "R000"
"""The code of a message that is not made from the table (an older store's reasons)."""


def reason(code: str, **fields: Any) -> str:
    """The message of ``code`` with its fields filled in."""
    return REASONS[code].format(**fields)


def reason_code(message: str) -> str:
    """The code of a message made by ``reason`` (``OTHER`` for any other text)."""
    return next(
        (code for code, pattern in _patterns().items() if pattern.fullmatch(message)), OTHER
    )


def word_count(count: int) -> str:
    """``1 word``, ``6 words``: a count of words for a message."""
    return f"{count:,} word{'' if count == 1 else 's'}"


def too_short(body: int, read: int, least: int, *, kind: str = "plain text") -> str:
    """Too few words for an article: ``body`` words of body text among ``read`` words read."""
    if body == read:
        return reason("R301", words=word_count(read), kind=kind, least=word_count(least))
    return reason(
        "R302", body=word_count(body), words=word_count(read), least=word_count(least)
    )


def short_body(body: int, least: int) -> str:
    """Too few words of body text on a page for an article."""
    return reason("R303", body=word_count(body), least=word_count(least))


def error_text(error: BaseException) -> str:
    """An exception for a message: its type and what it says."""
    return f"{type(error).__name__}: {error}"


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    """Each template as a regular expression (fields match any text), the most specific
    first: the one with the most fixed text."""
    by_text = sorted(REASONS.items(), key=lambda item: -len(_fixed_text(item[1])))
    return {code: _pattern(template) for code, template in by_text}


def _fixed_text(template: str) -> str:
    return "".join(literal for literal, _, _, _ in Formatter().parse(template))


def _pattern(template: str) -> re.Pattern[str]:
    parts = [
        re.escape(literal) + ("(.*?)" if field is not None else "")
        for literal, field, _, _ in Formatter().parse(template)
    ]
    return re.compile("".join(parts), re.DOTALL)
