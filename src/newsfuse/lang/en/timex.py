"""English time expressions: how each kind of expression is written, and the words its
resolver reads ("next", "last", "yesterday" ...).

``PATTERNS`` is ordered: at a position the first pattern that matches wins (longer forms
first). Each kind names the resolver in ``newsfuse.nlp.timex`` that turns it into a date.
"""

from __future__ import annotations

from newsfuse.lang.en.calendar import (
    MONTH_NUMBERS,
    MONTH_PATTERN,
    ORDINAL_SUFFIXES,
    WEEKDAY_PATTERN,
    WEEKDAYS,
)

__all__ = [
    "FUTURE", "LAST", "MONTH_NUMBERS", "NEXT", "NUMBERS", "ORDINAL", "PAST_REPORT", "PATTERNS",
    "PERIOD_UNITS", "SINCE", "TOMORROW", "UNTIL", "WEEKDAYS", "YESTERDAY",
]  # fmt: skip

ORDINAL = "(?:" + "|".join(ORDINAL_SUFFIXES) + ")"
"""A day number's suffix: ``1st`` .. ``4th``."""
NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
"""Counts written as words ("two days ago")."""

_MONTH = MONTH_PATTERN
_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"
_WEEKDAY_PREFIX = r"(?:on|early|late|last|next|this|since|until|through|by)"
_YEAR = r"(?:19|20)\d{2}"

PATTERNS: tuple[tuple[str, str], ...] = (
    ("iso", rf"\b{_YEAR}-\d{{2}}-\d{{2}}\b"),
    ("day_month_year", rf"\b\d{{1,2}}{ORDINAL}?\s+{_MONTH}\s*,?\s+{_YEAR}\b"),
    ("month_day_year", rf"\b{_MONTH}\s+\d{{1,2}}{ORDINAL}?\s*,?\s+{_YEAR}\b"),
    ("year_month_day", rf"\b{_YEAR}\s+{_MONTH}\s+\d{{1,2}}\b"),
    ("month_day", rf"(?<!\d\s)\b{_MONTH}\s+\d{{1,2}}{ORDINAL}?\b(?![,.]?\d)"),
    ("day_month", rf"\b\d{{1,2}}{ORDINAL}?\s+(?:of\s+)?{_MONTH}\b"),
    ("month_year",
     rf"\b(?:in\s+|since\s+|during\s+|by\s+|until\s+)?{_MONTH}\s+(?:of\s+)?{_YEAR}\b"),
    ("month", rf"\b(?:in|since|during|by|until|early|late|mid-?|last|next|this)\s+{_MONTH}\b"),
    ("year",
     rf"\b(?:in|since|during|by|until|from|of|and|between|early|late|mid-?)\s+{_YEAR}\b(?![-/]\d)"),
    ("weekday", rf"\b(?:{_WEEKDAY_PREFIX}\s+)?{WEEKDAY_PATTERN}{_PART}\b"),
    ("relative_day", rf"\b(?:yesterday|today|tomorrow|tonight|last\s+night)(?:['’]s)?{_PART}\b"),
    ("this_part", r"\bthis\s+(?:morning|afternoon|evening)\b"),
    ("days_ago", r"\b(?:\d|a|one|two|three|four|five|six|seven)\s+days?\s+ago\b"),
    ("period", r"\b(?:last|next|this|earlier\s+this|later\s+this)\s+(?:week|month|year)\b"),
)
"""(kind, pattern) pairs, matched case-insensitively."""

PAST_REPORT = (
    r"\b(?:said|told|announced|added|reported|stated|confirmed|warned|wrote|explained|"
    r"declared|insisted|claimed|noted)\s*$"
)
"""A past reporting verb right before an expression ("Vell said on Monday"): the past."""
FUTURE = (
    r"\b(?:will|shall|would|'ll|expected\s+to|set\s+to|scheduled\s+to|due\s+to|plans?\s+to|"
    r"planning\s+to|going\s+to|to\s+be\s+held|upcoming|runs?\s+(?:through|until|till)|"
    r"ready\s+to|aims?\s+to|hopes?\s+to|to\s+(?:host|hold|visit|meet|open|begin|start)|"
    r"(?:scheduled|set|slated|planned)\s+for|through|until|till|next)\b"
)
"""Words before an expression that speak of the future ("will meet on Wednesday")."""

NEXT = ("next",)
"""An expression opening with one of these is the next occurrence ("next Monday")."""
LAST = ("last",)
"""An expression opening with one of these is the previous occurrence ("last July")."""
SINCE = ("since",)
"""An expression opening with one of these lies before publication ("since Monday")."""
UNTIL = ("until", "through", "by")
"""A weekday after one of these lies ahead ("until Friday")."""
YESTERDAY = ("yesterday", "last")
"""Relative days that mean the day before ("yesterday", "last night")."""
TOMORROW = ("tomorrow",)
"""Relative days that mean the day after."""
PERIOD_UNITS = {"week": "week", "month": "month", "year": "year"}
"""The unit word closing a period ("last week") -> week, month or year."""
