"""Who a sentence says its information comes from: "according to TASS", "reported CNN citing
state media", "Japanese media reported", "confirmed North Korean state media KCNA".

Only sources that look like media, agencies or official bodies are kept (a name in capitals,
an acronym, or a phrase with "media", "agency", "ministry" ...); the named agency inside a
description ("Russian state news agency RIA") is preferred to the description.
"""

from __future__ import annotations

import re
from types import ModuleType

from newsfuse import lang

_ACRONYM = re.compile(r"^[A-Z]{2,6}$")
_AGENCY_NAME = re.compile(r"\b(?:[A-Z]{2,6}|[A-Z][a-z]+(?:\s+[A-Z][\w-]+)?)$")


def attributions(sentence_text: str, language: str | None = None) -> list[str]:
    """The media, agencies and officials a sentence attributes its content to, in order
    (read with ``language``'s patterns: ``lang/<language>/attribution.py``)."""
    words = lang.part(language, "attribution")
    found: list[str] = []
    for pattern, strict in words.PATTERNS:
        for match in pattern.finditer(sentence_text):
            for name in ("b", "a"):
                source = match.groupdict().get(name)
                cleaned = _clean(source, strict, words) if source else None
                if cleaned and cleaned not in found:
                    found.append(cleaned)
    return _without_parts(found)


def _clean(source: str, strict: bool, words: ModuleType) -> str | None:
    source = words.DROP.sub("", source.strip(" ,.'’")).strip()
    source = words.LEADING_TIME.sub("", words.LEADING_WORDS.sub("", source))
    if not source or source.split()[0] in words.NOT_SOURCES:
        return None
    if " " not in source and source.islower():
        return None  # "the agency", "officials": no one in particular
    if words.MEDIA_WORD.search(source):
        leading = words.NAMED_AGENCY.match(source)
        if leading and not words.NATIONALITY.search(leading.group(1)):
            return leading.group(1)
        named = _AGENCY_NAME.search(source)
        tail = named.group(0) if named else ""
        if tail and not words.MEDIA_WORD.search(tail) and tail.split()[0][0].isupper():
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
