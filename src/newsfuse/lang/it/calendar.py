"""Italian month and weekday names."""

from __future__ import annotations

WEEKDAYS = ("lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica")
MONTHS = (
    "gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio",
    "agosto", "settembre", "ottobre", "novembre", "dicembre",
)  # fmt: skip
MONTH_NUMBERS: dict[str, int] = {name: n for n, name in enumerate(MONTHS, 1)}
"""Month names to month numbers, lower-case."""
