"""French words the scraped-text cleaner reads a page's lines with."""

from __future__ import annotations

CONTINUE_WORDS = frozenset("le la les un une des du de et à au aux il en".split())
TOPIC_STOP_WORDS = frozenset(
    "le la les un une des du de et en dans pour par sur avec est sont aux ce cette qui que il "
    "elle".split()
)
