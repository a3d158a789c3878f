"""Where two claims' slots disagree: a different place, timing, day, number, set of years or
person, or one side denying what the other states.

Not disagreements: a vague statement against a precise one (a country against a city, "at
least 12" against 15), values said of different things (no shared words before them), or
the same weekday read as different dates by reports a week apart. Both the conflict finder
and the fact builder ask this module, so a document that disagrees with a fact's wording is
exactly one the conflicts show.
"""

from __future__ import annotations

import re
from datetime import date

from rapidfuzz import fuzz

from newsfuse import lang
from newsfuse.brief.slots.days import event_stem
from newsfuse.brief.slots.numbers import ORDINAL_MARK
from newsfuse.brief.slots.read import Slots, Statement

NEGATION_OVERLAP = 0.45
FRAME_OVERLAP = 0.5
TALLIES = frozenset({"dead", "injured", "missing"})
_GATHERING = {"meet", "visit"}  # where a visit stops is where the meeting is
_COMPATIBLE = {"date": {"date", "weekday"}, "weekday": {"date", "weekday"},
               "month-day": {"month-day"}}


def disagreements(
    a: Statement,
    b: Statement,
    sa: Slots,
    sb: Slots,
    *,
    aligned: bool = True,
    nested: frozenset[tuple[str, str]] = frozenset(),
) -> list[str]:
    """The points ("place", "day", "number", "years", "negation") on which two claims differ.

    Only the place is compared for claims that are merely on the same topic (not aligned).
    """
    kinds: list[str] = []
    if _same_event(a, b, aligned) and _places_differ(sa, sb) and not _nested(sa, sb, nested):
        kinds.append("place")
    if not aligned:
        return kinds
    checks = (
        ("timing", lambda: _venue_relation_differs(sa, sb)),  # "during" / "after the forum"
        ("day", lambda: _days_differ(sa, sb, a.language)),
        ("number", lambda: numbers_differ(sa, sb, frame=term_overlap(a, b))),
        ("years", lambda: _years_differ(sa, sb)),
        ("negation", lambda: _negation_differs(a, b)),
        ("actor", lambda: _people_differ(sa, sb) and _same_frame(a, b, sa, sb)),
    )
    return kinds + [kind for kind, differs in checks if differs()]


def _same_event(a: Statement, b: Statement, aligned: bool) -> bool:
    """Aligned claims, or claims reporting the same kind of event (a visit's stop and a
    meeting are one gathering)."""
    events_a, events_b = event_stem(a.text, a.language), event_stem(b.text, b.language)
    return aligned or bool(events_a & events_b) or bool(
        events_a & _GATHERING and events_b & _GATHERING
    )


def _places_differ(a: Slots, b: Slots) -> bool:
    """Specific places on both sides, none of them named by the other side at all."""
    if not a.places or not b.places:
        return False
    if any(same_place(x, y) for x in a.places for y in b.places):
        return False
    named_a, named_b = a.places | a.mentioned, b.places | b.mentioned
    if any(same_place(x, y) for x in a.places for y in named_b) or any(
        same_place(x, y) for x in b.places for y in named_a
    ):
        return False
    return any(  # the places are said of the same thing: shared words before them
        (cx & cy) and _same_scale(x, y, a, b)
        for x, cx in _located(a, "place") if x in a.places
        for y, cy in _located(b, "place") if y in b.places
    )


def _same_scale(x: str, y: str, a: Slots, b: Slots) -> bool:
    """A site (a stadium, a street) and a town are vague against each other — the site may
    lie in the town — unless one side says the site is away from the other's town ("the
    spaceport 1,500 km north of Vladivostok")."""
    if (x in a.sites) == (y in b.sites):
        return True
    return y in a.landmarks or x in b.landmarks


def _nested(a: Slots, b: Slots, nested: frozenset[tuple[str, str]]) -> bool:
    """One side's place lies in the other's, as the story writes somewhere ("Millom,
    Cumbria"; "Richmond Hill in Queens")."""
    return any(
        (x, y) in nested or (y, x) in nested for x in a.places for y in b.places
    )


def same_place(x: str, y: str, language: str | None = None) -> bool:
    """One place in two spellings or extents ("Kessel Point" / "Kessel point harbour"); a
    shared common word ("Gull Island" / "Vessa Island") does not make one place."""
    geo_words = lang.part(language, "slots").GEO_WORDS
    shared = (set(x.split()) & set(y.split())) - geo_words
    return x in y or y in x or fuzz.ratio(x, y) >= 80 or bool(shared)


def _venue_relation_differs(a: Slots, b: Slots) -> bool:
    relations_a, relations_b = dict(a.venues), dict(b.venues)
    return any(
        relations_a[word] != relations_b[word]
        for word in relations_a.keys() & relations_b.keys()
    )


def _days_differ(a: Slots, b: Slots, language: str | None = None) -> bool:
    """Days said of the same thing (shared words before them) that never coincide. The same
    weekday name on both sides agrees, whatever days the publication dates make of it ("found
    on Saturday" in reports a week apart: a writer's "Saturday", not two Saturdays)."""
    pairs = [
        (_comparable_day(x, y, language), _comparable_day(y, x, language))
        for x, cx in _located(a, "day")
        for y, cy in _located(b, "day")
        if cx & cy and _day_class(x) in _COMPATIBLE[_day_class(y)]
    ]
    return bool(pairs) and all(
        x != y and not _same_weekday(x, y, a, b, language) for x, y in pairs
    )


def _same_weekday(x: str, y: str, a: Slots, b: Slots, language: str | None) -> bool:
    """Two dates both read from the same weekday name."""
    if x not in a.weekday_days or y not in b.weekday_days:
        return False
    return _weekday_name(x, language) == _weekday_name(y, language)


def _weekday_name(day: str, language: str | None) -> str:
    if _day_class(day) != "date":
        return day
    return str(lang.part(language, "calendar").WEEKDAYS[date.fromisoformat(day).weekday()])


def _years_differ(a: Slots, b: Slots) -> bool:
    """Other years said of the same thing (shared words before them). A list of years that
    holds the other side's year ("visits in 2018 and 2019" / "met in 2019") agrees with it."""
    if not a.years or not b.years or a.years & b.years:
        return False
    return any(cx & cy for _, cx in _located(a, "year") for _, cy in _located(b, "year"))


def _comparable_day(day: str, other: str, language: str | None) -> str:
    """A date is compared with a bare weekday by its weekday name."""
    if _day_class(other) == "weekday":
        return _weekday_name(day, language)
    return day


def _located(slots: Slots, kind: str) -> list[tuple[str, frozenset[str]]]:
    return [(value, context) for slot, value, context in slots.contexts if slot == kind]


def _day_class(day: str) -> str:
    """A resolved date, a month and day without a year, or a bare weekday name."""
    return "date" if day[:1].isdigit() else "month-day" if day[:1] == "-" else "weekday"


def numbers_differ(
    a: Slots, b: Slots, *, typed_only: bool = False, frame: float = 0.0
) -> bool:
    """Some counted thing has values on both sides and none in common. Tallies of the dead,
    injured or missing, people aboard and ordinals ("second summit") are typed by their
    noun; other counts must be one figure a side, said of the same thing (shared words
    before them): several figures of one noun are statistics ("404 yards ... 440 yards").
    Ordinals count only between claims that say the same words otherwise (``frame``, their
    share of words in common): "his first season" is not "his fourth season as coach"."""
    values_a, values_b = _values(a), _values(b)
    for noun in values_a.keys() & values_b.keys():
        if noun in a.approximate or noun in b.approximate:
            continue
        if values_a[noun] & values_b[noun]:
            continue  # a value in common: lists of figures, not a disagreement
        several = len(values_a[noun]) > 1 or len(values_b[noun]) > 1
        if _count_differs(noun, a, b, several=several, typed_only=typed_only, frame=frame):
            return True
    return False


def _count_differs(
    noun: str, a: Slots, b: Slots, *, several: bool, typed_only: bool, frame: float
) -> bool:
    """Two sides whose values of ``noun`` have none in common (``several`` on one side at
    least): does that make a disagreement?"""
    if noun in TALLIES or noun == "aboard":
        return True
    if noun.startswith(ORDINAL_MARK):  # "second ferry accident" / "third ...": same words
        return not typed_only and frame >= FRAME_OVERLAP
    if typed_only or several:
        return False
    if len(a.numbers) > 2 or len(b.numbers) > 2:
        return False  # a line of statistics ("13 homers and 43 RBIs in 54 games")
    pairs = [
        (x, y)
        for x, cx in _located(a, f"number-verb:{noun}")
        for y, cy in _located(b, f"number-verb:{noun}")
        if cx & cy
    ]
    return bool(pairs) and all(x != y for x, y in pairs)


def _values(slots: Slots) -> dict[str, set[float]]:
    values: dict[str, set[float]] = {}
    for noun, value in slots.numbers:
        values.setdefault(noun, set()).add(value)
    return values


def _people_differ(a: Slots, b: Slots) -> bool:
    """Only one full name on each side, plainly different, followed by the same words
    ("Captain X steered" / "Captain Y steered"). NER is too noisy for more: a misspelt
    "King Jong", a partial "Kim" or a team tagged as a person must not make a conflict."""
    if len(a.people) != 1 or len(b.people) != 1:
        return False
    (x, after_x), (y, after_y) = next(iter(a.people)), next(iter(b.people))
    if len(x.split()) < 2 or len(y.split()) < 2 or not after_x & after_y:
        return False
    return not _same_person(x, y) and fuzz.token_set_ratio(x, y) < 60


def term_overlap(a: Statement, b: Statement) -> float:
    """The share of content words two claims have in common."""
    return len(a.terms & b.terms) / (len(a.terms | b.terms) or 1)


def _same_frame(a: Statement, b: Statement, sa: Slots, sb: Slots) -> bool:
    """The two claims say the same words around the names ("Captain X steered the ferry")."""
    names = {w[:5] for person, _ in sa.people | sb.people for w in person.lower().split()}
    terms_a, terms_b = a.terms - names, b.terms - names
    return len(terms_a & terms_b) / (len(terms_a | terms_b) or 1) >= FRAME_OVERLAP


def _same_person(x: str, y: str) -> bool:
    tokens_x = {t for t in re.split(r"[\s-]+", x.lower()) if len(t) > 2}
    tokens_y = {t for t in re.split(r"[\s-]+", y.lower()) if len(t) > 2}
    return bool(tokens_x & tokens_y) or fuzz.token_set_ratio(x, y) >= 80


def _negation_differs(a: Statement, b: Statement) -> bool:
    """One side plainly denies what the other states (the same words, and what is denied
    among them)."""
    if _uncertain(a) or _uncertain(b):
        return False
    if negated(a.text, a.language) == negated(b.text, b.language):
        return False
    if term_overlap(a, b) < NEGATION_OVERLAP:
        return False
    negative, positive = (a, b) if negated(a.text, a.language) else (b, a)
    words = lang.part(negative.language, "slots")
    if not words.DENIAL.search(_main_clause(negative.text, negative.language)):
        return False
    return len(_negated_words(negative.text, negative.language) & positive.terms) >= 2


def _uncertain(claim: Statement) -> bool:
    """"whether", "unclear", "not confirmed": neither stated nor denied."""
    return bool(lang.part(claim.language, "slots").UNCERTAIN.search(claim.text))


def _main_clause(text: str, language: str | None) -> str:
    """The text without asides (", who was not there,") and without "not only", "no
    longer" ...: negations that deny nothing."""
    words = lang.part(language, "slots")
    return str(words.NOT_ONLY.sub(" ", words.NEGATION_ASIDE.sub(" ", text)))


def _negated_words(text: str, language: str | None) -> set[str]:
    """Stems of the three content words after each negation ("denied that the bridge had
    failed" -> bridge, failed ...): what is being denied."""
    main = _main_clause(text, language)
    stop_words = lang.part(language, "core").STOP_WORDS
    words: set[str] = set()
    for match in lang.part(language, "slots").NEGATION.finditer(main):
        following = re.findall(r"[a-z]+", main[match.end() :].lower())
        content = [w for w in following if w not in stop_words and len(w) > 2]
        words |= {w[:5] for w in content[:3]}
    return words


def negated(text: str, language: str | None = None) -> bool:
    """A denial or "not" in the main clause (asides ", who was not there," do not count)."""
    return bool(lang.part(language, "slots").NEGATION.search(_main_clause(text, language)))
