"""English words printed around a date on a dateline ("Published on Tue, 12 Sep 2023 10:57 am
GMT"), and the label of a date written out in a line ("date 2023-09-12")."""

from __future__ import annotations

FILLER_WORDS = (
    "published", "updated", "posted", "on", "date", "last", "modified", "am", "pm", "a.m", "p.m",
    "at",
    # time zones, by their English abbreviations
    "ist", "gmt", "utc", "cet", "cest", "est", "edt", "pst", "kst", "jst", "npt",
)  # fmt: skip
"""Words a dateline may hold besides its date (weekday names come from ``calendar``)."""
TIME_SEPARATORS = (":", ".")
"""Between the hours and the minutes of a time: ``10:57``, ``10.57``."""
TIME_SUFFIXES = ("am", "pm")
"""Written right after a time: ``10:57am``."""
DATE_LABELS = ("date",)
"""A label before an ISO date inside a line: ``date 2023-09-12``."""
