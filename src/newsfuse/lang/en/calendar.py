"""English month and weekday names: the one table every stage reads dates with."""

from __future__ import annotations

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december",
)  # fmt: skip
MONTH_NUMBERS: dict[str, int] = {
    **{name: n for n, name in enumerate(MONTHS, 1)},
    **{name[:3]: n for n, name in enumerate(MONTHS, 1)},
    "sept": 9,
}
"""Full names and abbreviations (``jan``, ``sept``) to month numbers, lower-case."""
MONTH_SHORT_NAMES = tuple(name[:3].title() for name in MONTHS)
"""How a date is shown: ``Jan`` .. ``Dec``."""

WEEKDAY_PATTERN = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
MONTH_PATTERN = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
"""A month name or abbreviation (match case-insensitively)."""

WEEKDAY_ABBREVIATIONS = ("mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun")
ORDINAL_SUFFIXES = ("st", "nd", "rd", "th")
"""What follows a day's number: ``1st``, ``2nd``, ``3rd``, ``4th``."""
DATE_JOINERS: tuple[str, ...] = ()
"""Words between a day, its month and its year (Spanish ``12 de mayo de 2023``): none."""
