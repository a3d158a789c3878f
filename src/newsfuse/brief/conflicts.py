"""Conflicts: aligned (or same-topic) claims whose slots disagree — a different place, day,
number or set of years, or one side denying what the other states.

Not conflicts: a vague statement against a precise one (a country against a city, "in the
coming days" against "on Wednesday", "at least 12" against 15), or two claims of the same
outlet. A later report that changes a number or a day with an update cue ("rose to") is
labelled ``"update"``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from rapidfuzz import fuzz
from spacy.lang.en.stop_words import STOP_WORDS

from newsfuse.brief.align import ClaimGroup
from newsfuse.brief.claims import (
    Claim,
    Slots,
    claim_slots,
    event_stem,
    nested_places,
    reference_points,
)
from newsfuse.types import AnalyzedArticle, Conflict, Sourced

_NEGATION = re.compile(
    r"\b(?:not|no|never|denied|denies|deny|denying|rejected|dismissed|refuted|false|"
    r"discounted|yet to)\b|n['’]t\b",
    re.I,
)
_DENIAL = re.compile(
    r"\b(?:denied|denies|deny|denying|rejected|dismissed|refuted|never|did not)\b|"
    r"\bdidn['’]t\b",
    re.I,
)  # a plain denial of a fact; "would not say", "is not the means" are not
_FRAGMENT = re.compile(r"(?:Who|Whom|Whose|Which)\b")
_ASIDE = re.compile(r",\s*(?:who|which|whose|where|when)\b[^,]*,", re.I)
_NOT_ONLY = re.compile(
    r"\bnot (?:only|just|until)\b|n['’]t (?:only|just|until)\b|\bno (?:doubt|longer)\b|"
    r"\bNo\.\s*\d",
    re.I,
)
_UNCERTAIN = re.compile(
    r"\b(?:whether|unclear|unknown|no confirmation|not (?:yet )?(?:been )?(?:confirmed|said|"
    r"stated|mentioned)|when or where|if)\b",
    re.I,
)
_UPDATE = re.compile(
    r"\b(?:rose|risen|rises|climbed|increased|jumped|grew|now|updated|revised|latest|"
    r"has reached|reached|moved|moving|transferred|relocated|has left)\b",
    re.I,
)
NEGATION_OVERLAP = 0.45
FRAME_OVERLAP = 0.5
_TALLIES = {"dead", "injured", "missing"}
_GATHERING = {"meet", "visit"}  # where a visit stops is where the meeting is
_GEO_WORDS = {"island", "islands", "point", "port", "city", "river", "lake", "bay", "cape",
              "mount", "station", "street", "square", "north", "south", "east", "west", "new",
              "san", "saint", "st", "fort", "beach", "county", "district", "valley", "of"}
_COMPATIBLE = {"date": {"date", "weekday"}, "weekday": {"date", "weekday"},
               "month-day": {"month-day"}}
_LABELS = {"actor": "who", "place": "where", "day": "when", "timing": "when",
           "number": "how many",
           "years": "which years", "negation": "whether"}


_TOPIC_STOP = {"that", "this", "with", "from", "have", "will", "would", "said", "were", "been",
               "expected", "their", "which", "they", "there", "about", "after", "into",
               "reports", "reported", "according", "also", "when", "where", "take", "the"}


@dataclass(slots=True)
class SlotReader:
    """Reads claims' slots for one story: its names, its latest day, the days of its named
    events ("Kim's arrival"), each claim read once."""

    canonical: Callable[[str], str] | None
    base: str | None
    anchors: Mapping[tuple[str, str], str]
    cache: dict[Claim, Slots] = field(default_factory=dict)
    nested: frozenset[tuple[str, str]] = frozenset()

    @classmethod
    def for_groups(
        cls,
        groups: Sequence[ClaimGroup],
        canonical: Callable[[str], str] | None = None,
        *,
        base: str | None = None,
    ) -> SlotReader:
        claims = {claim for group in groups for claim in group.claims}
        votes: dict[tuple[str, str], Counter[str]] = {}
        for claim in claims:
            days = [d for d in claim_slots(claim, base=base).days if d[:1].isdigit()]
            if len(days) == 1:
                _vote(claim, days[0], votes)
        anchors = {key: counter.most_common(1)[0][0] for key, counter in votes.items()}
        name = canonical or (lambda text: text)
        nested = {
            pair
            for claim in claims
            for inner, outer in nested_places(claim)
            for pair in ((name(inner).lower(), name(outer).lower()), (inner, outer))
        }
        return cls(canonical, base, anchors, nested=frozenset(nested))

    def slots(self, claim: Claim) -> Slots:
        if claim not in self.cache:
            self.cache[claim] = claim_slots(
                claim, self.canonical, base=self.base, anchors=self.anchors
            )
        return self.cache[claim]


def _vote(claim: Claim, day: str, votes: dict[tuple[str, str], Counter[str]]) -> None:
    """A dated claim about a person's arrival, departure ... votes for that event's day."""
    for mention in claim.mentions:
        if mention.label != "PERSON":
            continue
        for word in mention.text.lower().replace("-", " ").split():
            for stem in event_stem(claim.text):
                votes.setdefault((word, stem), Counter())[day] += 1


@dataclass(frozen=True, slots=True)
class _Disagreement:
    kind: str
    a: Claim
    b: Claim
    update: bool
    values: tuple[Hashable, Hashable]


def find_conflicts(
    groups: Sequence[ClaimGroup],
    articles: Sequence[AnalyzedArticle],
    *,
    independence: Mapping[str, str],
    canonical: Callable[[str], str] | None = None,
) -> list[Conflict]:
    """Conflicts and updates among aligned claims, each side with its sources."""
    context = _context(groups, articles, canonical)
    found: list[_Disagreement] = []
    seen: set[tuple[str, str]] = set()
    for group in groups:
        for a, b, mode in _pairs(group):
            pair = tuple(sorted((a.key, b.key)))
            if pair in seen or _same_outlet(a, b, independence):
                continue
            seen.add(pair)  # type: ignore[arg-type]
            found.extend(_compare(a, b, mode, context))
    return _merge(found, _preceding(articles) if found else {})


def _preceding(articles: Sequence[AnalyzedArticle]) -> dict[str, str]:
    """Each sentence's id -> the sentence before it in its article."""
    return {
        sentence.id: before.text
        for article in articles
        for before, sentence in zip(article.sentences, article.sentences[1:], strict=False)
    }


def _shown(claim: Claim, preceding: Mapping[str, str]) -> str:
    """A claim as a side shows it: a sentence that opens on a relative pronoun ("Who is
    expected to stop at the spaceport ...", a fragment some translations leave) is shown
    after the sentence it hangs on, so that the reader sees who is meant."""
    before = preceding.get(claim.sentence_id)
    if before and _FRAGMENT.match(claim.text):
        return f"{before} {claim.text}"
    return claim.text


def _pairs(group: ClaimGroup) -> list[tuple[Claim, Claim, str]]:
    """Claim pairs to compare: ``"aligned"``, ``"close"`` (a close neighbour: compared on
    place and counts) or ``"topic"`` (a same-topic neighbour: compared on place)."""
    claims = group.claims
    pairs = [(a, b, "aligned") for i, a in enumerate(claims) for b in claims[i + 1 :]]
    close = set(group.close)
    pairs += [
        (a, n, "close" if n in close else "topic")
        for a in claims for n in group.neighbours if _same_topic(a, n)
    ]
    return [(a, b, mode) for a, b, mode in pairs if a.doc_id != b.doc_id]


def _same_topic(a: Claim, b: Claim) -> bool:
    """Same-topic neighbours share a name and an event word, not just a name."""
    shared = a.terms & b.terms
    names = {word[:5] for m in a.mentions for word in m.text.lower().split()}
    if _landmark_of(a, b) or _landmark_of(b, a):
        return True  # "north of Vladivostok" against "in Vladivostok": where, precisely
    return len(shared) >= 3 and bool(shared - names) and bool(shared & names)


def _landmark_of(a: Claim, b: Claim) -> bool:
    """``b`` places its event away from a place ``a`` names as where it happens."""
    marks = reference_points(b.text)
    return bool(marks) and any(m.text.lower() in marks for m in a.mentions)


def _same_outlet(a: Claim, b: Claim, independence: Mapping[str, str]) -> bool:
    return independence.get(a.doc_id, a.doc_id) == independence.get(b.doc_id, b.doc_id)


def _context(
    groups: Sequence[ClaimGroup],
    articles: Sequence[AnalyzedArticle],
    canonical: Callable[[str], str] | None,
) -> SlotReader:
    """Undated documents get no stand-in date: one bad date in a story would move them all."""
    del articles
    return SlotReader.for_groups(groups, canonical)


def disagreements(
    a: Claim,
    b: Claim,
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
    events_a, events_b = event_stem(a.text), event_stem(b.text)
    same_event = aligned or bool(events_a & events_b) or bool(
        events_a & _GATHERING and events_b & _GATHERING
    )
    if same_event and _places_differ(sa, sb) and not _nested(sa, sb, nested):
        kinds.append("place")
    if aligned and _venue_relation_differs(sa, sb):
        kinds.append("timing")  # "on the sidelines of the forum" / "after the forum's close"
    if aligned and _days_differ(sa, sb):
        kinds.append("day")
    if aligned and _numbers_differ(sa, sb, frame=_term_overlap(a, b)):
        kinds.append("number")
    if aligned and _years_differ(sa, sb):
        kinds.append("years")
    if aligned and _negation_differs(a, b):
        kinds.append("negation")
    if aligned and _people_differ(sa, sb) and _same_frame(a, b, sa, sb):
        kinds.append("actor")
    return kinds


def _compare(a: Claim, b: Claim, mode: str, context: SlotReader) -> list[_Disagreement]:
    sa, sb = context.slots(a), context.slots(b)
    kinds = disagreements(a, b, sa, sb, aligned=mode != "topic", nested=context.nested)
    if mode == "close":  # places, and counts of a typed thing (the dead, those aboard)
        kinds = [kind for kind in kinds if kind == "place"
                 or (kind == "number" and _numbers_differ(sa, sb, typed_only=True))]
    update = _is_update(a, b, sa, sb)
    if update and "number" in kinds:
        kinds = [kind for kind in kinds if kind != "day"]  # the day the new count came
    return [
        _Disagreement(
            kind, a, b, update and kind in {"number", "day", "place"},
            (_value(kind, a, sa, sb), _value(kind, b, sb, sa)),
        )
        for kind in kinds
    ]


def _value(kind: str, claim: Claim, slots: Slots, other: Slots) -> Hashable:
    """What a claim says on the disputed point: sides that say the same are joined."""
    if kind == "place":
        return slots.places
    if kind == "timing":
        return frozenset(slots.venues)
    if kind == "day":
        return slots.days
    if kind == "number":  # the counts of the nouns both sides count
        shared = {noun for noun, _ in slots.numbers} & {noun for noun, _ in other.numbers}
        return frozenset(pair for pair in slots.numbers if pair[0] in shared)
    if kind == "years":
        return slots.years
    if kind == "actor":
        return frozenset(person for person, _ in slots.people)
    return _negated(claim.text)


def _places_differ(a: Slots, b: Slots) -> bool:
    """Specific places on both sides, none of them named by the other side at all."""
    if not a.places or not b.places:
        return False
    if any(_same_place(x, y) for x in a.places for y in b.places):
        return False
    named_a, named_b = a.places | a.mentioned, b.places | b.mentioned
    if any(_same_place(x, y) for x in a.places for y in named_b) or any(
        _same_place(x, y) for x in b.places for y in named_a
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


def _same_place(x: str, y: str) -> bool:
    shared = (set(x.split()) & set(y.split())) - _GEO_WORDS  # "Gull Island" / "Vessa Island"
    return x in y or y in x or fuzz.ratio(x, y) >= 80 or bool(shared)


def _venue_relation_differs(a: Slots, b: Slots) -> bool:
    relations_a, relations_b = dict(a.venues), dict(b.venues)
    return any(
        relations_a[word] != relations_b[word]
        for word in relations_a.keys() & relations_b.keys()
    )


def _days_differ(a: Slots, b: Slots) -> bool:
    """Days said of the same thing (shared words before them) that never coincide. The same
    weekday name on both sides agrees, whatever days the publication dates make of it ("found
    on Saturday" in reports a week apart: a writer's "Saturday", not two Saturdays)."""
    pairs = [
        (_comparable_day(x, y), _comparable_day(y, x))
        for x, cx in _located(a, "day")
        for y, cy in _located(b, "day")
        if cx & cy and _day_class(x) in _COMPATIBLE[_day_class(y)]
    ]
    return bool(pairs) and all(
        x != y and not _same_weekday(x, y, a, b) for x, y in pairs
    )


def _same_weekday(x: str, y: str, a: Slots, b: Slots) -> bool:
    """Two dates both read from the same weekday name."""
    if x not in a.weekday_days or y not in b.weekday_days:
        return False
    return _weekday_name(x) == _weekday_name(y)


def _weekday_name(day: str) -> str:
    return date.fromisoformat(day).strftime("%A").lower() if _day_class(day) == "date" else day


def _years_differ(a: Slots, b: Slots) -> bool:
    """Other years said of the same thing (shared words before them). A list of years that
    holds the other side's year ("visits in 2018 and 2019" / "met in 2019") agrees with it."""
    if not a.years or not b.years or a.years & b.years:
        return False
    return any(cx & cy for _, cx in _located(a, "year") for _, cy in _located(b, "year"))


def _comparable_day(day: str, other: str) -> str:
    """A date is compared with a bare weekday by its weekday name."""
    if _day_class(other) == "weekday":
        return _weekday_name(day)
    return day


def _located(slots: Slots, kind: str) -> list[tuple[str, frozenset[str]]]:
    return [(value, context) for slot, value, context in slots.contexts if slot == kind]


def _day_class(day: str) -> str:
    """A resolved date, a month and day without a year, or a bare weekday name."""
    return "date" if day[:1].isdigit() else "month-day" if day[:1] == "-" else "weekday"


def _numbers_differ(
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
        if noun in _TALLIES or noun == "aboard":
            return True
        if noun.startswith("#"):  # "second ferry accident" / "third ...": same words around
            if not typed_only and frame >= FRAME_OVERLAP:
                return True
            continue
        if typed_only or len(values_a[noun]) > 1 or len(values_b[noun]) > 1:
            continue
        if len(a.numbers) > 2 or len(b.numbers) > 2:
            continue  # a line of statistics ("13 homers and 43 RBIs in 54 games")
        pairs = [
            (x, y)
            for x, cx in _located(a, f"number-verb:{noun}")
            for y, cy in _located(b, f"number-verb:{noun}")
            if cx & cy
        ]
        if pairs and all(x != y for x, y in pairs):
            return True
    return False


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


def _term_overlap(a: Claim, b: Claim) -> float:
    return len(a.terms & b.terms) / (len(a.terms | b.terms) or 1)


def _same_frame(a: Claim, b: Claim, sa: Slots, sb: Slots) -> bool:
    """The two claims say the same words around the names ("Captain X steered the ferry")."""
    names = {w[:5] for person, _ in sa.people | sb.people for w in person.lower().split()}
    terms_a, terms_b = a.terms - names, b.terms - names
    return len(terms_a & terms_b) / (len(terms_a | terms_b) or 1) >= FRAME_OVERLAP


def _same_person(x: str, y: str) -> bool:
    tokens_x = {t for t in re.split(r"[\s-]+", x.lower()) if len(t) > 2}
    tokens_y = {t for t in re.split(r"[\s-]+", y.lower()) if len(t) > 2}
    return bool(tokens_x & tokens_y) or fuzz.token_set_ratio(x, y) >= 80


def _negation_differs(a: Claim, b: Claim) -> bool:
    if _UNCERTAIN.search(a.text) or _UNCERTAIN.search(b.text):
        return False
    if _negated(a.text) == _negated(b.text):
        return False
    if len(a.terms & b.terms) / (len(a.terms | b.terms) or 1) < NEGATION_OVERLAP:
        return False
    negative, positive = (a, b) if _negated(a.text) else (b, a)
    if not _DENIAL.search(_NOT_ONLY.sub(" ", _ASIDE.sub(" ", negative.text))):
        return False
    return len(_negated_words(negative.text) & positive.terms) >= 2  # what is denied


def _negated_words(text: str) -> set[str]:
    """Stems of the three content words after each negation ("denied that the bridge had
    failed" -> bridge, failed ...): what is being denied."""
    main = _NOT_ONLY.sub(" ", _ASIDE.sub(" ", text))
    words: set[str] = set()
    for match in _NEGATION.finditer(main):
        following = re.findall(r"[a-z]+", main[match.end() :].lower())
        content = [w for w in following if w not in STOP_WORDS and len(w) > 2]
        words |= {w[:5] for w in content[:3]}
    return words


def _negated(text: str) -> bool:
    """A denial or "not" in the main clause (asides ", who was not there," do not count)."""
    main = _ASIDE.sub(" ", text)
    return bool(_NEGATION.search(_NOT_ONLY.sub(" ", main)))


def _is_update(a: Claim, b: Claim, sa: Slots, sb: Slots) -> bool:
    """A later report with an update cue ("rose to"), or a higher casualty count."""
    if not a.published or not b.published or a.published == b.published:
        return False
    (early, s_early), (later, s_later) = sorted(
        ((a, sa), (b, sb)), key=lambda pair: pair[0].published or ""
    )
    if _UPDATE.search(later.text):
        return True
    before, after = dict(s_early.numbers), dict(s_later.numbers)
    return any(
        after[key] > before[key] for key in _TALLIES & before.keys() & after.keys()
    )


def _merge(found: Sequence[_Disagreement], preceding: Mapping[str, str]) -> list[Conflict]:
    """Join pairwise disagreements of one kind that share a claim into one conflict."""
    clusters: list[tuple[str, bool, dict[Claim, Hashable]]] = []
    for item in found:
        pair = {item.a: item.values[0], item.b: item.values[1]}
        for kind, update, values in clusters:
            if kind == item.kind and update == item.update and pair.keys() & values.keys():
                values.update(pair)
                break
        else:
            clusters.append((item.kind, item.update, pair))
    conflicts = [
        _conflict(kind, update, values, preceding) for kind, update, values in clusters
    ]
    return [conflict for conflict in conflicts if len(conflict.claims) >= 2]


def _conflict(
    kind: str, update: bool, values: dict[Claim, Hashable], preceding: Mapping[str, str]
) -> Conflict:
    """One side per distinct value, with every document that holds it (earliest first)."""
    claims = sorted(values, key=lambda claim: (claim.published or "", claim.transcript))
    sides: dict[Hashable, list[Claim]] = {}
    for claim in claims:
        value = values[claim]
        if kind == "place":  # "Kessel Point" and "Kessel point, the harbour" are one side
            value = next((seen for seen in sides if _overlap(seen, value)), value)
        sides.setdefault(value, []).append(claim)
    sourced = [
        Sourced(
            _shown(members[0], preceding),
            tuple(dict.fromkeys(claim.doc_id for claim in members)),
        )
        for members in sides.values()
    ]
    return Conflict(
        topic=_topic(kind, claims, sides),
        claims=tuple(sourced),
        kind="update" if update else "conflict",
    )


def _place_names(value: Hashable, text: str) -> str:
    """A side's places as its claim writes them ("Gull Island and Kessel Point")."""
    if not isinstance(value, frozenset):
        return ""
    names = []
    for place in sorted(value, key=str):
        found = re.search(rf"\b(?i:{re.escape(str(place))})(?:\s+[A-Z][\w-]+)*", text)
        names.append(found.group(0) if found else str(place).title())
    return " and ".join(names)


def _overlap(a: Hashable, b: Hashable) -> bool:
    return isinstance(a, frozenset) and isinstance(b, frozenset) and any(
        _same_place(str(x), str(y)) for x in a for y in b
    )


def _topic(kind: str, claims: Sequence[Claim], sides: Mapping[Hashable, list[Claim]]) -> str:
    """The slot and, for places and timings, each side's value ("where: Vladivostok or
    spaceport"); otherwise the words every side shares, in the first side's order."""
    if kind == "place":
        shown = [  # as a written report has it, not a transcript ("Kessel point")
            _place_names(value, min(members, key=lambda claim: claim.transcript).text)
            for value, members in sides.items()
        ]
        if all(shown):
            return f"{_LABELS[kind]}: {' or '.join(shown)}"
    if kind == "timing":  # "when: at the forum or after the forum"
        shown = [f"{relation} the {venue}" for value in sides for venue, relation in sorted(value)]
        if shown:
            return f"{_LABELS[kind]}: {' or '.join(dict.fromkeys(shown))}"
    others = [{w[:5] for w in re.findall(r"[a-z]+", c.text.lower())} for c in claims[1:]]
    shared: list[str] = []
    for word in re.findall(r"[A-Z][\w-]{2,}|[a-z][\w-]{3,}", claims[0].text):
        lower = word.lower()
        if lower in _TOPIC_STOP or lower in (w.lower() for w in shared):
            continue
        if all(lower[:5] in words for words in others):
            shared.append(word)
    about = ", ".join(shared[:4]) or claims[0].text.split(".")[0][:60]
    return f"{_LABELS[kind]}: {about}"
