"""French words printed around a date on a dateline ("Publié le 12 septembre 2023 à 10h57")."""

from __future__ import annotations

FILLER_WORDS = ("le", "publié", "h")
TIME_SEPARATORS = ("h",)
"""Between the hours and the minutes of a time: ``10h57``."""
