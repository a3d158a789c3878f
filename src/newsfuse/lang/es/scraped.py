"""Spanish words the scraped-text cleaner reads a page's lines with."""

from __future__ import annotations

CONTINUE_WORDS = frozenset("el los las del y en al de".split())
TOPIC_STOP_WORDS = frozenset(
    "el los las unos unas del y con por para es son que como al".split()
)
