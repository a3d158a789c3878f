"""English attributions: how a sentence names where its information comes from ("according to
TASS", "reported CNN citing state media", "Japanese media reported")."""

from __future__ import annotations

import re

_NAME = r"(?:[A-Z][\w'’.-]*|of|the|for|de|al)"
_DESCRIBED = (
    r"(?:(?:[A-Z][\w'’.-]*|state|news|official|government|local|national|foreign|unnamed|"
    r"russian|an|the|a|other)\s+){0,4}(?:[a-z]+\s+)?"
    r"(?:media|news agency|news agencies|agency|agencies|outlets?|television|TV|newspaper|"
    r"broadcaster|channel|officials?|sources?|ministry|Ministry|police|authority|authorities|guard|army|military|"
    r"spokes(?:man|woman|person))"
    r"(?:\s+(?:outlet\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)?"
)
_SOURCE = rf"(?:{_DESCRIBED}|[A-Z][\w'’.-]*(?:\s+{_NAME}){{0,4}})"
_VERB = (
    r"(?:reported|reports|said|says|stated|confirmed|announced|told|cited|quoted|"
    r"corroborated|showed|shows)"
)

# (pattern, strict): a strict match must look like media or an agency; a loose one (after
# "according to", "citing", "reported by") may be any capitalised name ("Reuters").
PATTERNS: tuple[tuple[re.Pattern[str], bool], ...] = (
    (re.compile(rf"\b[Aa]ccording to (?:the )?(?P<a>{_SOURCE})"), False),
    (re.compile(rf"\b{_VERB} (?:by )?(?P<a>{_SOURCE}),? citing (?:the )?(?P<b>{_SOURCE})"), False),
    (re.compile(rf"\bciting (?:the )?(?P<a>{_SOURCE})"), False),
    (re.compile(rf"\b(?:reported|confirmed|announced|quoted|cited) by (?:the )?(?P<a>{_SOURCE})"),
     False),
    (re.compile(rf"(?P<a>{_SOURCE}) (?:reported|said) (?:on \w+ )?citing"), False),
    (re.compile(rf"\b(?:media|agencies|outlets),? such as (?P<a>{_SOURCE})"), False),
    (re.compile(r"\btold (?P<a>[A-Z][\w-]+(?: [A-Z][\w-]+)?)"), False),
    (re.compile(rf"\b(?i:reports?|footage|images?) (?:from|by|of) (?P<a>{_SOURCE})"), True),
    (re.compile(rf"\b(?:confirmed|said|told|reported) (?P<a>{_DESCRIBED})"), True),
    (re.compile(rf"(?P<a>{_SOURCE})(?:,[^,]{{1,40}},)? (?:also )?{_VERB}\b"), True),
)
MEDIA_WORD = re.compile(
    r"\b(?:media|agency|agencies|news|TV|television|newspaper|outlet|channel|broadcaster|"
    r"ministry|Ministry|officials?|sources?|police|authority|authorities|guard|army|military)\b"
)
NAMED_AGENCY = re.compile(r"^([A-Z][\w-]+)\s+(?:news agency|agency|TV|television|newspaper)$")
NATIONALITY = re.compile(r"(?:ese|ian|an|ish|ch|i|State|National|Official)$")
DROP = re.compile(r"^(?:the|a|an|such as|other)\s+", re.IGNORECASE)
LEADING_TIME = re.compile(
    r"^(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday)\s+)+"
)
NOT_SOURCES = frozenset(
    {"He", "She", "It", "They", "We", "This", "That", "There", "The", "I", "Who"}
)
"""First words of a phrase that is no source ("They reported")."""


LEADING_WORDS = re.compile(r"^(?:[Ss]uch as|also)\s+")
"""Words before a source's name that are not part of it."""
