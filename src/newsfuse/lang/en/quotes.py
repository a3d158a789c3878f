"""English quotes: speech verbs, the cues of a sentence that may quote someone, speaker roles."""

from __future__ import annotations

import re

SPEECH_VERBS = frozenset(
    "say tell state add continue warn claim announce stress note insist explain confirm deny "
    "indicate clarify declare reply ask pledge admit argue suggest write emphasize emphasise "
    "assert vow promise predict acknowledge describe urge".split()
)
"""Lemmas of the verbs that report speech ("said", "told", "warned")."""

QUOTE = re.compile(r"“([^”]+)”|\"([^\"]+)\"")
"""A quoted span (group 1 or 2 is its inside)."""

SPEECH_CUE = re.compile(
    r"\b(?:says?|said|told|tells|stated|added|continued|warned|claimed|announced|stressed|noted|"
    r"insisted|explained|confirmed|denied|indicated|clarified|declared|according to)\b",
    re.IGNORECASE,
)
"""Words of a sentence that may report speech (with ``QUOTE``: the sentences parsed)."""

PRONOUNS = frozenset({"he", "she"})
"""Subjects that stand for the last person named."""

ROLE = re.compile(r"\b(spokes(?:man|woman|person)|minister|president|adviser|official)\b", re.I)
"""A speaker's role, in a subject or beside a name."""
ROLE_BEFORE = re.compile(ROLE.pattern + r"\s*$", re.I)
"""The role just before a name ("Kremlin spokesman Dmitry Peskov")."""
ROLE_AFTER = re.compile(r"\s*,\s*(?:[\w-]+\s+){0,2}?" + ROLE.pattern, re.I)
"""The role just after a name ("Dmitry Peskov, the Kremlin spokesman")."""

ACCORDING = re.compile(r",?\s*according to ([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})")
"""", according to Peskov": the speaker is group 1."""

CLAUSE_OPENER = re.compile(r"^(?:that|:)\s+")
"""What opens a reported clause and is not part of it ("that ...")."""

NOT_SPEAKERS = frozenset({"report", "medium", "media", "statement", "video", "photo", "image"})
"""Subject lemmas that do not speak for themselves ("the report said")."""


def role_key(role: str) -> str:
    """One key for the forms of a role ("spokeswoman" -> "spokesman")."""
    return "spokesman" if role.lower().startswith("spokes") else role.lower()
