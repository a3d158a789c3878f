"""Who a sentence says its information comes from: "according to TASS", "reported CNN citing
state media", "Japanese media reported", "confirmed North Korean state media KCNA".

Only sources that look like media, agencies or official bodies are kept (a name in capitals,
an acronym, or a phrase with "media", "agency", "ministry" ...); the named agency inside a
description ("Russian state news agency RIA") is preferred to the description.
"""

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
_PATTERNS = (
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
_MEDIA_WORD = re.compile(
    r"\b(?:media|agency|agencies|news|TV|television|newspaper|outlet|channel|broadcaster|"
    r"ministry|Ministry|officials?|sources?|police|authority|authorities|guard|army|military)\b"
)
_ACRONYM = re.compile(r"^[A-Z]{2,6}$")
_AGENCY_NAME = re.compile(r"\b(?:[A-Z]{2,6}|[A-Z][a-z]+(?:\s+[A-Z][\w-]+)?)$")
_NAMED_AGENCY = re.compile(r"^([A-Z][\w-]+)\s+(?:news agency|agency|TV|television|newspaper)$")
_NATIONALITY = re.compile(r"(?:ese|ian|an|ish|ch|i|State|National|Official)$")
_DROP = re.compile(r"^(?:the|a|an|such as|other)\s+", re.IGNORECASE)
_LEADING_TIME = re.compile(
    r"^(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday)\s+)+"
)
_NOT_SOURCES = {"He", "She", "It", "They", "We", "This", "That", "There", "The", "I", "Who"}


def attributions(sentence_text: str) -> list[str]:
    """The media, agencies and officials a sentence attributes its content to, in order."""
    found: list[str] = []
    for pattern, strict in _PATTERNS:
        for match in pattern.finditer(sentence_text):
            for name in ("b", "a"):
                source = match.groupdict().get(name)
                cleaned = _clean(source, strict) if source else None
                if cleaned and cleaned not in found:
                    found.append(cleaned)
    return _without_parts(found)


def _clean(source: str, strict: bool) -> str | None:
    source = _DROP.sub("", source.strip(" ,.'’")).strip()
    source = _LEADING_TIME.sub("", re.sub(r"^(?:[Ss]uch as|also)\s+", "", source))
    if not source or source.split()[0] in _NOT_SOURCES:
        return None
    if " " not in source and source.islower():
        return None  # "the agency", "officials": no one in particular
    if _MEDIA_WORD.search(source):
        leading = _NAMED_AGENCY.match(source)
        if leading and not _NATIONALITY.search(leading.group(1)):
            return leading.group(1)
        named = _AGENCY_NAME.search(source)
        tail = named.group(0) if named else ""
        if tail and not _MEDIA_WORD.search(tail) and tail.split()[0][0].isupper():
            if _ACRONYM.match(tail.split()[-1]) or len(tail.split()) <= 2:
                return tail
        return source
    if _ACRONYM.match(source.split()[0]):
        return source.split()[0]
    return None if strict or not source[0].isupper() else source


def _without_parts(found: list[str]) -> list[str]:
    """Drop a source that is part of a longer one found too ("media" in "state media")."""
    return [
        source
        for source in found
        if not any(source != other and source in other.split(" ") for other in found)
    ]
