"""English timelines: where a clause ends, and words that say nothing of an event."""

from __future__ import annotations

import re

CLAUSE_BREAK = re.compile(
    r"[;:]\s+|\s[–—]\s|,\s+(?=(?:and|but|while|whereas|which|where|as|after)\b)"
)
"""Where a clause ends: a semicolon or colon, or a comma before a new clause."""
JOINED = re.compile(r"\s*,?\s*(?:and|or|to|until|till|through|[-–—])\s*", re.IGNORECASE)
"""What joins two dates of one list or range ("in 2014 and 2015", "January 2017 to May 2018")."""
RELATIVE = frozenset({"which", "who", "whom", "whose", "where"})
"""Words that open a relative clause: a clause cut there keeps the words it hangs on."""
STOP = frozenset(
    """the a an of in on at to for from by with and or but that which who as is are was were be
    been has have had will would it its his her their he she they this after before said says
    also than then there early late morning afternoon evening night""".split()
)
"""Words left out when comparing two events' wordings."""
