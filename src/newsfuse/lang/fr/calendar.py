"""French month and weekday names."""

from __future__ import annotations

WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet",
    "août", "septembre", "octobre", "novembre", "décembre",
)  # fmt: skip
MONTH_NUMBERS: dict[str, int] = {
    **{name: n for n, name in enumerate(MONTHS, 1)},
    "fevrier": 2,
    "aout": 8,
}
"""Month names (with their unaccented spellings) to month numbers, lower-case."""
ORDINAL_SUFFIXES = ("er",)
"""``1er mai``."""
