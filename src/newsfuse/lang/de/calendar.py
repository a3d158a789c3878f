"""German month and weekday names."""

from __future__ import annotations

WEEKDAYS = ("montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag")
MONTHS = (
    "januar", "februar", "märz", "april", "mai", "juni", "juli",
    "august", "september", "oktober", "november", "dezember",
)  # fmt: skip
MONTH_NUMBERS: dict[str, int] = {name: n for n, name in enumerate(MONTHS, 1)}
"""Month names to month numbers, lower-case."""
ORDINAL_SUFFIXES = (".",)
"""``12. März``."""
