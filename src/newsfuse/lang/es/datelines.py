"""Spanish words printed around a date on a dateline ("Publicado el 12 de septiembre de 2023")."""

from __future__ import annotations

FILLER_WORDS = ("el", "de", "del", "publicado")
