"""A claim's slots, read once: the record (``Slots``), how one claim is read
(``claim_slots``) and the reader that reads each claim of a story once (``SlotReader``).

The readers of each slot are beside this module: ``days`` (when), ``places`` (where),
``numbers`` (how many); who is read here, from the names tagged as persons.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Protocol

from newsfuse import lang
from newsfuse.brief.slots.days import event_stem, relative_days, statement_days
from newsfuse.brief.slots.numbers import read_counts
from newsfuse.brief.slots.places import Located, nested_places, read_places
from newsfuse.types import Mention


class Statement(Protocol):
    """What slots are read from: a claim (``brief.claims.Claim``) or anything shaped like one."""

    @property
    def text(self) -> str: ...
    @property
    def mentions(self) -> tuple[Mention, ...]: ...
    @property
    def terms(self) -> frozenset[str]: ...
    @property
    def published(self) -> str | None: ...
    @property
    def language(self) -> str | None: ...


@dataclass(frozen=True, slots=True)
class Slots:
    """The checkable particulars of a claim.

    ``places`` are specific places and venues (countries and regions are left out as vague);
    ``venues`` map a venue word ("forum") to how the claim relates to it ("during", "after");
    ``days`` are resolved ``YYYY-MM-DD`` days, or weekday names when no date is known;
    ``numbers`` map a counted noun to a value (ordinals as ``"#trip"``: "his first trip"),
    ``approximate`` lists the nouns hedged ("at least 12"); ``years`` are the bare years
    named; ``people`` the persons acting or acted on, each with the words after the name
    (speakers — "X said" — left out).
    ``mentioned`` are all places named, in any role; ``sites`` the places that are buildings,
    roads or venues (a stadium, a spaceport) rather than towns or regions;
    ``landmarks`` the places named only to say where something is from them. ``contexts``
    hold ``(slot, value, words before it)`` for days, years and counts, so that only values
    said of the same thing are compared ("arrived ... on Tuesday").
    """

    places: frozenset[str]
    venues: tuple[tuple[str, str], ...]
    days: frozenset[str]
    numbers: tuple[tuple[str, float], ...]
    approximate: frozenset[str]
    years: frozenset[str]
    people: frozenset[tuple[str, frozenset[str]]] = frozenset()
    contexts: tuple[tuple[str, str, frozenset[str]], ...] = ()
    mentioned: frozenset[str] = frozenset()
    weekday_days: frozenset[str] = frozenset()
    sites: frozenset[str] = frozenset()
    landmarks: frozenset[str] = frozenset()


def claim_slots(
    claim: Statement,
    canonical: Callable[[str], str] | None = None,
    *,
    base: str | None = None,
    anchors: Mapping[tuple[str, str], str] | None = None,
) -> Slots:
    """Extract the slots of one claim.

    ``canonical`` maps place aliases to one name; ``base`` is the day weekdays resolve
    against when the claim's article has no date (the story's); ``anchors`` give the days of
    named events (``("kim", "arriv") -> "2023-09-12"``) for "a day before Kim's arrival".
    """
    text, language = claim.text, claim.language
    name = canonical or (lambda text: text)
    where = read_places(text, claim.mentions, name, language)
    counts = read_counts(text, language)
    said = statement_days(text, claim.published or base, language)
    days = [(v, i) for v, i, _ in said] + relative_days(text, anchors or {}, language)
    years = _years(text, language)
    located = [("day", v, i) for v, i in days] + [("year", v, i) for v, i in years]
    located += counts.located + _year_lists(text, language) + where.located
    return Slots(
        places=where.places,
        venues=where.venues,
        days=frozenset(value for value, _ in days),
        numbers=counts.numbers,
        approximate=counts.approximate,
        years=frozenset(value for value, _ in years),
        people=_people(claim, name),
        contexts=_contexts(text, located, language),
        mentioned=where.mentioned,
        weekday_days=frozenset(v for v, _, weekday in said if weekday),
        sites=where.sites,
        landmarks=where.landmarks,
    )


def _years(text: str, language: str | None) -> list[tuple[str, int]]:
    return [(m.group(1), m.start()) for m in lang.part(language, "slots").YEAR.finditer(text)]


def _year_lists(text: str, language: str | None) -> list[Located]:
    """"in 2018 and 2019": one value, the years it lists."""
    words = lang.part(language, "slots")
    return [
        ("year-list", " ".join(words.YEAR.findall(m.group(0))), m.start())
        for m in words.YEAR_LIST.finditer(text)
    ]


def _people(claim: Statement, name: Callable[[str], str]) -> frozenset[tuple[str, frozenset[str]]]:
    """The persons acting or acted on, each with the words after the name; speakers ("X
    said") are left out."""
    text, language = claim.text, claim.language
    speaker = lang.part(language, "slots").SPEAKER
    return frozenset(
        (name(m.text), _words_after(text, m.end, language))
        for m in claim.mentions
        if m.label == "PERSON" and not speaker.match(text[m.end : m.end + 40])
    )


def _contexts(
    text: str, located: Iterable[Located], language: str | None
) -> tuple[tuple[str, str, frozenset[str]], ...]:
    """Each located value with the stems of the words before it: one word for a count's verb,
    three otherwise; for days, without the words of plans ("expected", "scheduled")."""
    modal = lang.part(language, "slots").MODAL
    return tuple(
        (
            kind,
            value,
            _words_before(text, at, 1 if kind.startswith("number-verb") else 3, language)
            - (modal if kind == "day" else frozenset()),
        )
        for kind, value, at in located
    )


def _words_after(text: str, index: int, language: str | None, count: int = 2) -> frozenset[str]:
    stop_words = lang.part(language, "core").STOP_WORDS
    words = [w[:5] for w in re.findall(r"[a-z]+", text[index:]) if w not in stop_words]
    return frozenset(words[:count])


def _words_before(text: str, index: int, count: int, language: str | None) -> frozenset[str]:
    """Stems of the few content words before a value: what the value is said of."""
    stop_words = lang.part(language, "core").STOP_WORDS
    time_words = lang.part(language, "slots").TIME_WORDS
    words = [
        word[:5]
        for word in re.findall(r"[A-Za-z]+", text[:index])
        if word.islower() and word not in stop_words and word not in time_words and len(word) > 2
    ]
    return frozenset(words[-count:])  # lower-case words only: the verb or noun, not names


@dataclass(slots=True)
class SlotReader:
    """Reads claims' slots for one story: its names, its latest day, the days of its named
    events ("Kim's arrival"), each claim read once."""

    canonical: Callable[[str], str] | None
    base: str | None
    anchors: Mapping[tuple[str, str], str]
    cache: dict[Statement, Slots] = field(default_factory=dict)
    nested: frozenset[tuple[str, str]] = frozenset()

    @classmethod
    def for_claims(
        cls,
        claims: Iterable[Statement],
        canonical: Callable[[str], str] | None = None,
        *,
        base: str | None = None,
    ) -> SlotReader:
        """A reader for a story's claims: the days of its named events are the days most of
        its dated claims give them; its nested places are those any claim writes."""
        story = set(claims)
        name = canonical or (lambda text: text)
        nested = {
            pair
            for claim in story
            for inner, outer in nested_places(claim.text, claim.mentions, claim.language)
            for pair in ((name(inner).lower(), name(outer).lower()), (inner, outer))
        }
        return cls(canonical, base, _anchors(story, base), nested=frozenset(nested))

    def days_at(self, claim: Statement) -> list[tuple[str, int]]:
        """The days a claim dates what it reports (as in its ``Slots``), each with where
        it is written: ``("2023-09-11", 42)``."""
        said = statement_days(claim.text, claim.published or self.base, claim.language)
        return [(v, i) for v, i, _ in said] + relative_days(
            claim.text, self.anchors, claim.language
        )

    def slots(self, claim: Statement) -> Slots:
        if claim not in self.cache:
            self.cache[claim] = claim_slots(
                claim, self.canonical, base=self.base, anchors=self.anchors
            )
        return self.cache[claim]


def _anchors(claims: Iterable[Statement], base: str | None) -> dict[tuple[str, str], str]:
    """``(a word of a person's name, kind of event) -> day``, by the votes of the claims that
    give one day: "Kim arrived on Tuesday" votes for ``("kim", "arriv")``."""
    votes: dict[tuple[str, str], Counter[str]] = {}
    for claim in claims:
        days = [d for d in claim_slots(claim, base=base).days if d[:1].isdigit()]
        if len(days) == 1:
            _vote(claim, days[0], votes)
    return {key: counter.most_common(1)[0][0] for key, counter in votes.items()}


def _vote(claim: Statement, day: str, votes: dict[tuple[str, str], Counter[str]]) -> None:
    """A dated claim about a person's arrival, departure ... votes for that event's day."""
    for mention in claim.mentions:
        if mention.label != "PERSON":
            continue
        for word in mention.text.lower().replace("-", " ").split():
            for stem in event_stem(claim.text, claim.language):
                votes.setdefault((word, stem), Counter())[day] += 1
