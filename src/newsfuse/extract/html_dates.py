"""Publication dates as ``YYYY-MM-DD`` from meta values, URLs and datelines.

What ``extract/meta.py`` does not cover for HTML pages: dates in meta values, month names in
URLs (``/2019/nov/18/``), datelines that open a paragraph, and htmldate's markup search. Month
names are every language's (``meta.MONTHS``): dates are read before the language is known.
"""

from __future__ import annotations

import re
from datetime import date

from newsfuse.extract.meta import MONTH_NAMES, MONTHS, ORDINAL

_MONTH = r"(" + MONTH_NAMES + r")\.?"
_DAY = r"(\d{1,2})" + ORDINAL + r"?"
_ISO = re.compile(r"(?<!\d)((?:19|20)\d\d)[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_COMPACT = re.compile(r"(?<!\d)((?:19|20)\d\d)(\d\d)(\d\d)(?:T|$)")
_MONTH_DAY_YEAR = re.compile(_MONTH + r"\s+" + _DAY + r",?\s+((?:19|20)\d\d)", re.I)
_DAY_MONTH_YEAR = re.compile(_DAY + r"\.?\s+" + _MONTH + r",?\s+((?:19|20)\d\d)", re.I)
_URL_MONTH_NAME = re.compile(r"/((?:19|20)\d\d)/" + _MONTH[:-3] + r"/(\d{1,2})(?:/|$)", re.I)


def _valid(year: str, month: str | int, day: str | int) -> str | None:
    try:
        value = date(int(year), int(month), int(day))
    except ValueError:
        return None
    if not 1990 <= value.year <= 2100:
        return None
    return value.isoformat()


def _month_name_date(text: str) -> str | None:
    match = _MONTH_DAY_YEAR.search(text)
    if match:
        month = MONTHS[match.group(1).lower().rstrip(".")]
        return _valid(match.group(3), month, match.group(2))
    match = _DAY_MONTH_YEAR.search(text)
    if match:
        month = MONTHS[match.group(2).lower().rstrip(".")]
        return _valid(match.group(3), month, match.group(1))
    return None


def normalise_date(value: str | None) -> str | None:
    """A date written as ISO 8601, ``YYYYMMDD`` or with a month name, as ``YYYY-MM-DD``."""
    if not value:
        return None
    value = value.strip()
    match = _ISO.search(value) or _COMPACT.match(value)
    if match:
        return _valid(*match.groups())
    return _month_name_date(value[:200])


def url_month_name_date(url: str | None) -> str | None:
    """A ``/2019/nov/18/`` date in a URL's path."""
    if not url:
        return None
    match = _URL_MONTH_NAME.search("/" + url.split("//", 1)[-1].partition("/")[2])
    if not match:
        return None
    return _valid(match.group(1), MONTHS[match.group(2).lower()], match.group(3))


def dateline_date(line: str) -> str | None:
    """A full date at the start of a paragraph ("WASHINGTON, Nov. 18, 2019 (Reuters) -")."""
    head = line[:80]
    return _month_name_date(head) or (
        _valid(*match.groups()) if (match := _ISO.search(head)) else None
    )


def date_from_markup(html: str, url: str | None) -> str | None:
    """htmldate's search of the markup for the original publication date (no text search)."""
    from htmldate import find_date

    try:
        found = find_date(html, url=url, original_date=True, extensive_search=False)
    except (ValueError, TypeError):
        return None
    return normalise_date(found) if found else None
