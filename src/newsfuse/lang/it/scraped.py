"""Italian words the scraped-text cleaner reads a page's lines with."""

from __future__ import annotations

CONTINUE_WORDS = frozenset("il lo gli della delle dei di e per con".split())
TOPIC_STOP_WORDS = frozenset(
    "il lo gli uno della delle degli nella nel per con sono che non una di da".split()
)
