"""German words the scraped-text cleaner reads a page's lines with."""

from __future__ import annotations

CONTINUE_WORDS = frozenset("der die das ein eine und mit von für dem den des".split())
TOPIC_STOP_WORDS = frozenset(
    "der die das ein eine und mit von für auf ist sind nicht dass den dem des im zu".split()
)
