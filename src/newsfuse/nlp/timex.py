"""Time expressions: find them in a sentence and resolve them against a publication date.

Rules, not guesses (dateparser errs on the cases that matter most in news):

- a weekday equal to the publication day's weekday is the publication day;
- a weekday in a future context ("will meet on Wednesday") is its next occurrence;
- any other weekday is its previous occurrence, within six days;
- "in July" keeps month precision and "in 2019" year precision: no day is invented.

Resolved dates are ``(YYYY-MM-DD, precision)`` with precision ``"day"``, ``"month"`` or
``"year"`` (the unknown parts are ``01``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

Resolved = tuple[str, str]

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december",
)
_MONTH_ABBR = {name[:3]: index + 1 for index, name in enumerate(MONTHS)}
_NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}

_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"
_WEEKDAY_PREFIX = r"(?:on|early|late|last|next|this|since|until|through|by)"
_YEAR = r"(?:19|20)\d{2}"

# Ordered: the first pattern that matches at a position wins (longer forms first).
_PATTERNS: tuple[tuple[str, str], ...] = (
    ("iso", rf"\b{_YEAR}-\d{{2}}-\d{{2}}\b"),
    ("day_month_year", rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\s*,?\s+{_YEAR}\b"),
    ("month_day_year", rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\s*,?\s+{_YEAR}\b"),
    ("year_month_day", rf"\b{_YEAR}\s+{_MONTH}\s+\d{{1,2}}\b"),
    ("month_day", rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?![,.]?\d)"),
    ("day_month", rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\b"),
    ("month_year", rf"\b(?:in\s+|since\s+|during\s+|by\s+|until\s+)?{_MONTH}\s+{_YEAR}\b"),
    ("month", rf"\b(?:in|since|during|by|until|early|late|mid-?|last|next|this)\s+{_MONTH}\b"),
    ("year", rf"\b(?:in|since|during|by|until|from|of|and|early|late|mid-?)\s+{_YEAR}\b(?![-/]\d)"),
    ("weekday", rf"\b(?:{_WEEKDAY_PREFIX}\s+)?{_WEEKDAY}{_PART}\b"),
    ("relative_day", rf"\b(?:yesterday|today|tomorrow|tonight|last\s+night)(?:['’]s)?{_PART}\b"),
    ("this_part", r"\bthis\s+(?:morning|afternoon|evening)\b"),
    ("days_ago", r"\b(?:\d|a|one|two|three|four|five|six|seven)\s+days?\s+ago\b"),
    ("period", r"\b(?:last|next|this|earlier\s+this|later\s+this)\s+(?:week|month|year)\b"),
)
_COMPILED = tuple((kind, re.compile(pattern, re.IGNORECASE)) for kind, pattern in _PATTERNS)

_QUOTED = re.compile(r"“[^”]*”?|\"[^\"]*\"?")
_PAST_REPORT = re.compile(
    r"\b(?:said|told|announced|added|reported|stated|confirmed|warned|wrote|explained|"
    r"declared|insisted|claimed|noted)\s*$",
    re.IGNORECASE,
)
_FUTURE = re.compile(
    r"\b(?:will|shall|would|'ll|expected\s+to|set\s+to|scheduled\s+to|due\s+to|plans?\s+to|"
    r"planning\s+to|going\s+to|to\s+be\s+held|upcoming|runs?\s+(?:through|until|till)|"
    r"ready\s+to|aims?\s+to|hopes?\s+to|to\s+(?:host|hold|visit|meet|open|begin|start)|"
    r"through|until|till|next)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A time expression inside a text: ``text[start:end]``, of a pattern ``kind``."""

    text: str
    start: int
    end: int
    kind: str


def find_expressions(text: str) -> list[TimeExpression]:
    """The time expressions of ``text``, left to right, not overlapping."""
    found: list[TimeExpression] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _COMPILED:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < right and left < end for left, right in taken):
                continue
            if kind == "relative_day" and _is_name_part(text, start):
                continue  # "Russia Today", "USA Today": a name, not a date
            taken.append((start, end))
            found.append(TimeExpression(match.group(0), start, end, kind))
    return sorted(found, key=lambda expression: expression.start)


ABSOLUTE_KINDS = frozenset(
    {"iso", "day_month_year", "month_day_year", "year_month_day", "month_year", "year"}
)


def _is_name_part(text: str, start: int) -> bool:
    previous = text[:start].split()
    return text[start].isupper() and bool(previous) and previous[-1][:1].isupper()


def is_future(context: str) -> bool:
    """Whether the words before a time expression speak of the future.

    Quoted words are the speaker's, not the report's tense, so they are left out; and an
    expression right after a past reporting verb ("Vell said on Monday") is past.
    """
    narration = _QUOTED.sub(" ", context)
    if _PAST_REPORT.search(narration):
        return False
    return _FUTURE.search(narration) is not None


def resolve_expression(expression: str, published: str, *, future: bool = False) -> Resolved | None:
    """Resolve ``expression`` against ``published`` (YYYY-MM-DD); None when it cannot be."""
    try:
        base = date.fromisoformat(published[:10])
    except (TypeError, ValueError):
        return None
    for kind, pattern in _COMPILED:
        match = pattern.search(expression)
        if match is None:
            continue
        try:
            return _RESOLVERS[kind](match.group(0).lower(), base, future)
        except (ValueError, OverflowError):
            return None
    return None


# --------------------------------------------------------------------------- resolvers


def _day(value: date) -> Resolved:
    return value.isoformat(), "day"


def _month(value: date) -> Resolved:
    return f"{value.year:04d}-{value.month:02d}-01", "month"


def _year(year: int) -> Resolved:
    if not 1 <= year <= 9999:
        raise ValueError(f"year {year} is outside the calendar")
    return f"{year:04d}-01-01", "year"


def _month_number(text: str) -> int:
    match = re.search(_MONTH, text, re.IGNORECASE)
    if match is None:
        raise ValueError(text)
    return _MONTH_ABBR[match.group(0)[:3].lower()]


def _year_number(text: str) -> int:
    match = re.search(_YEAR, text)
    if match is None:
        raise ValueError(text)
    return int(match.group(0))


def _day_number(text: str) -> int:
    without_year = re.sub(_YEAR, " ", text)
    match = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\b", without_year)
    if match is None:
        raise ValueError(text)
    return int(match.group(1))


def _iso(text: str, base: date, future: bool) -> Resolved:
    return _day(date.fromisoformat(text))


def _full_date(text: str, base: date, future: bool) -> Resolved:
    return _day(date(_year_number(text), _month_number(text), _day_number(text)))


def _month_day(text: str, base: date, future: bool) -> Resolved:
    month, day = _month_number(text), _day_number(text)
    candidates = [date(base.year + shift, month, day) for shift in (-1, 0, 1)]
    return _day(min(candidates, key=lambda value: abs((value - base).days)))


def _month_year(text: str, base: date, future: bool) -> Resolved:
    return _month(date(_year_number(text), _month_number(text), 1))


def _month_only(text: str, base: date, future: bool) -> Resolved:
    month = _month_number(text)
    year = base.year
    if text.startswith("next") or (future and month < base.month):
        year = base.year + (1 if month <= base.month else 0)
    elif text.startswith("last"):
        year = base.year - (1 if month >= base.month else 0)
    elif not future and month > base.month:
        year = base.year - 1
    return _month(date(year, month, 1))


def _year_only(text: str, base: date, future: bool) -> Resolved:
    return _year(_year_number(text))


def _weekday(text: str, base: date, future: bool) -> Resolved:
    target = next(index for index, name in enumerate(WEEKDAYS) if name in text)
    ahead = (target - base.weekday()) % 7
    if text.startswith("next"):
        return _day(base + timedelta(days=ahead or 7))
    if text.startswith("last"):
        return _day(base - timedelta(days=(7 - ahead) % 7 or 7))
    if ahead == 0:
        return _day(base)
    if future or text.startswith(("until", "through", "by")):
        return _day(base + timedelta(days=ahead))
    return _day(base - timedelta(days=7 - ahead))


def _relative_day(text: str, base: date, future: bool) -> Resolved:
    if text.startswith("yesterday") or text.startswith("last"):
        return _day(base - timedelta(days=1))
    if text.startswith("tomorrow"):
        return _day(base + timedelta(days=1))
    return _day(base)


def _this_part(text: str, base: date, future: bool) -> Resolved:
    return _day(base)


def _days_ago(text: str, base: date, future: bool) -> Resolved:
    word = text.split()[0]
    count = int(word) if word.isdigit() else _NUMBERS[word]
    return _day(base - timedelta(days=count))


def _period(text: str, base: date, future: bool) -> Resolved:
    unit = text.split()[-1]
    step = -1 if text.startswith("last") else 1 if text.startswith("next") else 0
    if unit == "year":
        return _year(base.year + step)
    if unit == "month":
        month_index = base.year * 12 + base.month - 1 + step
        return _month(date(month_index // 12, month_index % 12 + 1, 1))
    return _month(base + timedelta(days=7 * step))


_RESOLVERS = {
    "iso": _iso,
    "day_month_year": _full_date,
    "month_day_year": _full_date,
    "year_month_day": _full_date,
    "month_day": _month_day,
    "day_month": _month_day,
    "month_year": _month_year,
    "month": _month_only,
    "year": _year_only,
    "weekday": _weekday,
    "relative_day": _relative_day,
    "this_part": _this_part,
    "days_ago": _days_ago,
    "period": _period,
}
