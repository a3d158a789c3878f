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

ROLE = re.compile(r"\b(spokes(?:man|woman|person)|minister|president|adviser|official)\b", re.I)
"""A speaker's role, in a subject or beside a name."""
ROLE_BEFORE = re.compile(ROLE.pattern + r"\s*$", re.I)
"""The role just before a name ("Kremlin spokesman Dmitry Peskov")."""
ROLE_AFTER = re.compile(r"\s*,\s*(?:[\w-]+\s+){0,2}?" + ROLE.pattern, re.I)
"""The role just after a name ("Dmitry Peskov, the Kremlin spokesman")."""

CLAUSE_OPENER = re.compile(r"^(?:that|:)\s+")
"""What opens a reported clause and is not part of it ("that ...")."""



def role_key(role: str) -> str:
    """One key for the forms of a role ("spokeswoman" -> "spokesman")."""
    return "spokesman" if role.lower().startswith("spokes") else role.lower()


# --------------------------------------------------------------------------- speaker grammar
# (read by newsfuse.brief.speakers: the typed grammar over the dependency parse)

ACCORDING_WORDS = ("according", "to")
"""The words of "according to X" (the parse hangs "to" on "according", X on "to")."""
DEFINITE = frozenset({"the"})
"""Articles of a definite description ("the spokesman", "the company")."""

REPORT_VERBS = frozenset("report reveal tweet post recall testify".split())
"""More lemmas that report what someone said when a clause follows ("ITV reported that ...")."""

DENIAL_VERBS = frozenset("deny dispute reject dismiss".split())
"""Speech verbs whose reported clause is denied, not asserted ("X denied that ...")."""

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
"""Dependency labels of a verb's subject."""
CONTENT_DEPS = frozenset({"ccomp"})
"""Dependency labels of the clause a speech verb reports."""
FRAME_DEPS = frozenset({"parataxis", "ccomp", "advcl"})
"""How an inverted frame ("..., police said") hangs on the clause it reports."""
SHARED_SUBJECT_DEPS = frozenset({"conj", "advcl", "xcomp"})
"""A speech verb without a subject of its own takes its head's ("..., saying ...", "and added")."""
NAME_DEPS = frozenset({"compound", "flat", "amod"})
"""Words that are part of a name before its head word."""
NOT_DESCRIBING = frozenset({"poss", "prep", "relcl", "acl", "conj", "cc"})
"""Parts of a subject that name someone other than the speaker ("Smith's lawyer", "a friend
of Smith", "a man who knew Smith", "Smith and Jones")."""
ON_BEHALF = frozenset({"for", "from", "of", "by"})
"""Prepositions of "a spokesman for <org>", "a statement from <org>"."""
SPOKES_HEADS = frozenset(
    "spokesman spokeswoman spokesperson representative statement release".split()
)
"""Subject heads that speak for the organisation named after them."""

ORG_NOUNS = frozenset(
    "company firm giant maker group agency ministry department office government council "
    "airline bank retailer manufacturer studio network carrier".split()
)
"""Heads of "the company said": the organisation the article named last."""

SPEAKER_LABELS = frozenset({"PERSON", "ORG", "GPE"})
"""Named-entity labels of a speaker (a country speaks through its government)."""

MALE = frozenset({"he", "him", "his", "himself"})
FEMALE = frozenset({"she", "her", "hers", "herself"})
PERSON_PRONOUNS = frozenset({"he", "she"})
"""Subject pronouns resolved to the nearest compatible named person."""
ORG_PRONOUNS = frozenset({"it"})
"""Subject pronouns resolved to the nearest named organisation."""
HONORIFICS = {
    "mr": "m", "mr.": "m", "sir": "m", "lord": "m", "mrs": "f", "mrs.": "f", "ms": "f",
    "ms.": "f", "miss": "f", "dame": "f", "lady": "f",
}
"""Titles that give a person's gender ("Mrs Smith")."""

GENDERED_NOUNS = {
    **dict.fromkeys(
        "wife mother daughter sister fiancee fiancée girlfriend widow woman girl aunt niece "
        "grandmother granddaughter actress queen princess nun".split(), "f"),
    **dict.fromkeys(
        "husband father son brother fiance fiancé boyfriend widower man boy uncle nephew "
        "grandfather grandson actor king prince priest".split(), "m"),
}
"""Nouns beside a name that give the person's gender ("his fiancee, Rhonda Rouer")."""
BESIDE_NAME = 3
"""Words either side of a name read for a gendered noun."""

FRAME_CUE = re.compile(
    r"\b(?:wr[io]te|writes|den(?:y|ies|ied)|tweeted|testified|admitted|insist(?:s|ed))\b",
    re.IGNORECASE,
)
"""More words of a sentence that may frame speech (the quotes stage parses these too)."""

MIN_QUOTE_WORDS = 3
"""A quoted span of fewer words is a partial quote: it keeps its sentence's frame."""
