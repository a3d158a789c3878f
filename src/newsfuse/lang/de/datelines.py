"""German words around a date on a dateline ("Veröffentlicht am 12.09.2023 um 10:57 Uhr")."""

from __future__ import annotations

FILLER_WORDS = ("am", "um", "uhr", "veröffentlicht")
