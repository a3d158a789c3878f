"""English headlines: labels, attributions and small words of titles and lead sentences."""

from __future__ import annotations

import re

LABEL = re.compile(
    r"^(?:breaking(?: news)?|watch|video|live|update[d]?|exclusive|opinion|analysis|photos?)"
    r"\s*[:|-]\s*",
    re.I,
)
"""A label before a title ("BREAKING:", "WATCH -")."""
ATTRIBUTION = re.compile(
    r",?\s+(?:(?:police|officials|authorities|sources|reports?|[A-Z][\w.]*(?: [A-Z][\w.]*){0,3})"
    r" (?:said|says|reported|reports|confirmed|told \w+))\.?$"
)
"""Who said it, at the end of a sentence ("..., police said.")."""
CLAUSE = re.compile(r",(?!\d)|;| —| -| when | after | as | amid | while | because | but | which ")
"""Where a long sentence may be cut to a headline."""
DATE_PREFIX = re.compile(r"^\s*date\s+\d{4}-\d{2}-\d{2}\s*", re.I)
"""A date stamp some scrapes put before the title."""
STOP = frozenset(
    "a an the of in on at to for and or but is are was were be by with from as its it this "
    "that after over into about says say said will has have had new".split()
)
"""Words that say nothing of what a title is about."""
SMALL = frozenset("a an the of in on at to for and or but by with from as vs via".split())
"""Words kept lower-case in a title ("of", "the")."""
