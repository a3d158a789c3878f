"""Italian words printed around a date on a dateline ("Pubblicato il 12 settembre 2023")."""

from __future__ import annotations

FILLER_WORDS = ("il", "pubblicato")
