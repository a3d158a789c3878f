"""Conflicts: statements that give different values to the same attribute of the same thing,
at the same scope and time — where and when an event happens, the day of someone's arrival,
a death toll, a person's age, a measure said of one name (a magnitude at one island, "more
than 19 inches" of snow in one town; ``brief/slots/measures.py``) — and updates (a toll
that rises over reports, latest first).

Compared like with like only: the attribute is read from the statements' slots (the kind of
event and who takes part in it, the counted tally, the person an age is given to), never from
shared words alone. Not conflicts: a vague statement against a precise one (a country against
a city, "at least 12" against 15), two claims of the same outlet, a count of another scope
or time (a total, a plan, a past event: "since 2007", "the 2003 quake killed ..."), a day or
a place said without a kind of event to name it by. A doubtful pair is not shown. A later
report with a higher toll or an update cue ("rose to") is an ``"update"``.

Each conflict carries its attribute ("Death toll") and one value per side ("5", "24"); its
topic is the heading a reader sees ("Death toll: 5 -> 24", "Age of Frank Hale: 33 vs 32",
"Where Kim and Putin meet: Vladivostok vs the spaceport"). Sides of an update are the latest
first; ``Conflict.latest`` is the value the summary and the key facts should show.

Layers: the slots and where two claims' slots disagree are ``brief/slots/``'s (the same
reading the key facts use); this module picks the pairs to compare, joins the pairwise
disagreements into conflicts and writes their headings. It sits beside ``brief/facts.py``,
above ``brief/align.py`` and ``brief/claims.py``; neither it nor facts imports the other. Its
words are the claims' language's part ``conflicts`` (``lang/en/conflicts.py``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from types import ModuleType
from typing import cast

from newsfuse import lang
from newsfuse.brief.align import ClaimGroup
from newsfuse.brief.claims import Claim
from newsfuse.brief.slots import (
    FRAME_OVERLAP,
    ORDINAL_MARK,
    TALLIES,
    SlotReader,
    Slots,
    clock_times,
    disagreements,
    event_stem,
    read_ages,
    reference_points,
    same_place,
    term_overlap,
)
from newsfuse.brief.slots.measures import Measure, measures_differ, read_measures
from newsfuse.types import AnalyzedArticle, Conflict, Mention, Sentence, Sourced

SHOWN = ("place", "timing", "day", "number", "actor")
"""The kinds of disagreement shown: those whose attribute a heading can name. Years and
denials are left to the key facts (compatible statistics and hedged denials made most of the
false conflicts, and a heading cannot name what they are about)."""
EVENT_ORDER = ("meet", "visit", "arriv", "depar")
"""Which kind of event names a place or timing conflict when the sides report several."""
COUNTED = frozenset(TALLIES | {"aboard"})
"""Counts compared: the dead, injured, missing and those aboard (typed by their noun)."""


@dataclass(frozen=True, slots=True)
class _Disagreement:
    kind: str  # "place", "timing", "day" or "number:<tally>"
    a: Claim
    b: Claim
    update: bool
    values: tuple[Hashable, Hashable]
    event: str = ""  # the kind of event a place, timing or day is of ("meet")


def find_conflicts(
    groups: Sequence[ClaimGroup],
    articles: Sequence[AnalyzedArticle],
    *,
    independence: Mapping[str, str],
    canonical: Callable[[str], str] | None = None,
) -> list[Conflict]:
    """Conflicts and updates among aligned claims, each side with its sources, then the
    persons given two ages."""
    context = _reader(groups, canonical)
    preceding = _preceding(articles)
    found: list[_Disagreement] = []
    seen: set[tuple[str, str]] = set()
    for group in groups:
        for a, b, mode in _pairs(group):
            pair = tuple(sorted((a.key, b.key)))
            if pair in seen or _same_outlet(a, b, independence):
                continue
            seen.add(pair)  # type: ignore[arg-type]
            found.extend(_compare(a, b, mode, context, preceding))
    return _merge(found, preceding) + _age_conflicts(articles, independence, canonical)


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
    if before and _words(claim.language).FRAGMENT.match(claim.text):
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
    marks = reference_points(b.text, b.language)
    return bool(marks) and any(m.text.lower() in marks for m in a.mentions)


def _same_outlet(a: Claim, b: Claim, independence: Mapping[str, str]) -> bool:
    return independence.get(a.doc_id, a.doc_id) == independence.get(b.doc_id, b.doc_id)


def _reader(groups: Sequence[ClaimGroup], canonical: Callable[[str], str] | None) -> SlotReader:
    """Undated documents get no stand-in date: one bad date in a story would move them all."""
    return SlotReader.for_claims((claim for group in groups for claim in group.claims), canonical)


def _compare(
    a: Claim, b: Claim, mode: str, context: SlotReader, preceding: Mapping[str, str]
) -> list[_Disagreement]:
    """Where two claims disagree on an attribute a heading can name: the place, timing or
    day of a kind of event both report, or a tally (aligned and close claims only)."""
    sa, sb = context.slots(a), context.slots(b)
    kinds = disagreements(a, b, sa, sb, aligned=mode != "topic", nested=context.nested)
    kinds = [kind for kind in kinds if kind in SHOWN and (mode != "close" or kind == "place")]
    update = _is_update(a, b, sa, sb)
    counts = [] if mode == "topic" else _counts_differ(a, b, sa, sb, update)
    found = [
        _Disagreement(f"number:{noun}", a, b, update, values) for noun, values in counts
    ]
    if mode != "topic":
        found += _clock_differs(a, b) + _measures_differ(a, b)
    event = _event(_shown(a, preceding), _shown(b, preceding), a.language)
    for kind in kinds:
        if kind == "number" or (kind == "day" and update and counts):
            continue  # counts are read above; the day a new count came is no conflict
        if not event and kind in {"day", "timing"}:
            continue  # a day of no named kind of event: doubtful
        values = (_value(kind, sa), _value(kind, sb))
        if kind == "day":
            values = (_event_days(a, event, context), _event_days(b, event, context))
            if not all(values) or values[0] == values[1]:
                continue
        found.append(_Disagreement(kind, a, b, update and kind != "timing", values, event))
    return found


def _event(a: str, b: str, language: str | None) -> str:
    """The kind of event both texts report ("meet"; a visit's stop and a meeting are one
    gathering), or "" when they report none in common."""
    events_a, events_b = event_stem(a, language), event_stem(b, language)
    shared = events_a & events_b
    if not shared and events_a & {"meet", "visit"} and events_b & {"meet", "visit"}:
        shared = {"meet"}
    return next((event for event in EVENT_ORDER if event in shared), "")


def _clock_differs(a: Claim, b: Claim) -> list[_Disagreement]:
    """One time of day on each side, more than ``CLOCK_SLACK`` minutes apart ("about 1:30
    a.m." / "about 1 a.m."), in claims of the same scope and time (no plan, no past month)."""
    words = _words(a.language)
    if any(words.BACKGROUND.search(c.text) or words.SCOPE.search(c.text) for c in (a, b)):
        return []
    times_a, times_b = clock_times(a.text, a.language), clock_times(b.text, b.language)
    if len(times_a) != 1 or len(times_b) != 1:
        return []
    (at_a, shown_a, zone_a), (at_b, shown_b, zone_b) = times_a[0], times_b[0]
    if zone_a or zone_b:
        return []  # "4:30 p.m. ET" against "3:30 p.m.": perhaps one moment in two zones
    gap = abs(at_a - at_b)
    if min(gap, 24 * 60 - gap) <= CLOCK_SLACK:
        return []
    return [_Disagreement("clock", a, b, False, (shown_a, shown_b))]


CLOCK_SLACK = 20
"""Minutes within which two times of day agree ("about 11:40" / "about 11:45")."""

NAMED = frozenset({"PERSON", "GPE", "LOC", "FAC", "ORG", "NORP"})
"""Kinds of tagged names that say what a measure is of."""


def _measures_differ(a: Claim, b: Claim) -> list[_Disagreement]:
    """One measure of a unit on each side that cannot both be right ("more than 19 inches" /
    "15.2 inches"), in claims of the same scope and time, of a name both claims give
    ("Madison", "Charles"); headed by it or by the noun a compound measures ("Yards of the
    touchdown")."""
    words = _words(a.language)
    if any(words.BACKGROUND.search(c.text) or words.MEASURE_SCOPE.search(c.text) for c in (a, b)):
        return []
    by_key_a, by_key_b = _measures_by_key(a), _measures_by_key(b)
    found = []
    for key in sorted(by_key_a.keys() & by_key_b.keys()):
        (x,), (y,) = by_key_a[key], by_key_b[key]
        if not measures_differ(x, y):
            continue
        what = _measured(a, b, x, y)
        if what is not None:
            found.append(
                _Disagreement(f"measure:{x.unit}", a, b, False, (x.written, y.written), what)
            )
    return found


MEASURE_REACH = 60
"""Characters before a measure where the name it is of is written ("In Madison, Wis., more
than 19 inches")."""


def _measured(a: Claim, b: Claim, x: Measure, y: Measure) -> str | None:
    """What two measures are of, as a heading names it, or None when they may be of
    different things: a measure must follow the same name on both sides, and a compound
    ("86-yard run") must measure the same noun in claims that say the same words otherwise
    (a game has many passes and field goals). A magnitude is no exception: a story of one
    quake also reports its aftershocks, each with its own magnitude."""
    compound = x.key != x.unit  # "86-yard run"; not "6.1-magnitude", a magnitude as any
    if compound and (x.thing != y.thing or not x.thing or term_overlap(a, b) < FRAME_OVERLAP):
        return None
    before_b = {m.text.lower() for m in _names_before(b, y)}
    names = [m for m in _names_before(a, x) if m.text.lower() in before_b]
    if not names:
        return None
    words = _words(a.language)
    if compound:
        return str(words.THE.format(noun=x.thing))
    place = names[-1].label in {"GPE", "LOC", "FAC"}
    return str((words.MEASURE_IN if place else "{what}").format(what=names[-1].text))


def _names_before(claim: Claim, measure: Measure) -> list[Mention]:
    """The tagged names written up to ``MEASURE_REACH`` characters before a measure."""
    return [
        m for m in claim.mentions
        if m.label in NAMED and measure.start - MEASURE_REACH <= m.start < measure.start
    ]


def _measures_by_key(claim: Claim) -> dict[str, list[Measure]]:
    """A claim's measures by key, only the keys it gives once."""
    found: dict[str, list[Measure]] = {}
    for measure in read_measures(claim.text, claim.language):
        found.setdefault(measure.key, []).append(measure)
    return {key: values for key, values in found.items() if len(values) == 1}



def _event_days(claim: Claim, event: str, context: SlotReader) -> frozenset[str]:
    """The day written nearest after the words of the event ("arrive ... on Tuesday", not
    "the forum, which runs through Wednesday")."""
    stems = lang.part(claim.language, "slots").EVENT_STEMS
    at = [
        word.start() for word in re.finditer(r"[a-z]+", claim.text.lower())
        if stems.get(word.group(0)[:5]) == event
    ]
    days = context.days_at(claim)
    if not at or not days:
        return frozenset()
    distance = {day: min(abs(i - a) + (0 if i > a else 1000) for a in at) for day, i in days}
    nearest = min(distance.values())
    return frozenset(day for day, gap in distance.items() if gap == nearest)


def _counts_differ(
    a: Claim, b: Claim, sa: Slots, sb: Slots, update: bool
) -> list[tuple[str, tuple[Hashable, Hashable]]]:
    """The tallies (dead, injured, missing, aboard) two claims give one figure each, with no
    figure in common: of the same scope (no total, plan or possibility), the same time (no
    past month, year or "since") and the same place level (the same places, or none)."""
    words = _words(a.language)
    if any(words.BACKGROUND.search(c.text) or words.SCOPE.search(c.text) for c in (a, b)):
        return []
    placed = all(place in b.text.lower() for place in sa.places) and all(
        place in a.text.lower() for place in sb.places
    )  # each side's place named by the other too (tagged or not)
    values_a, values_b = _counted(sa, a, b), _counted(sb, a, b)
    return [
        (noun, (frozenset(values_a[noun]), frozenset(values_b[noun])))
        for noun in sorted(values_a.keys() & values_b.keys())
        if len(values_a[noun]) == len(values_b[noun]) == 1
        and values_a[noun] != values_b[noun]
        and (update or noun not in sa.approximate | sb.approximate)
        and (placed or noun not in TALLIES)  # a district's toll against the country's
    ]


def _counted(slots: Slots, a: Claim, b: Claim) -> dict[str, set[float]]:
    """The tallies of a claim, and its ordinals ("the second accident") when the two claims
    say the same words otherwise."""
    frame = term_overlap(a, b) >= FRAME_OVERLAP
    values: dict[str, set[float]] = {}
    for noun, value in slots.numbers:
        if noun in COUNTED or (frame and noun.startswith(ORDINAL_MARK)):
            values.setdefault(noun, set()).add(value)
    return values


def _value(kind: str, slots: Slots) -> Hashable:
    """What a claim says on the disputed point: sides that say the same are joined."""
    if kind == "place":
        return slots.places
    if kind == "timing":
        return frozenset(slots.venues)
    if kind == "actor":
        return frozenset(person for person, _ in slots.people)
    return slots.days


def _is_update(a: Claim, b: Claim, sa: Slots, sb: Slots) -> bool:
    """A later report with an update cue ("rose to"), or a higher casualty count."""
    if not a.published or not b.published or a.published == b.published:
        return False
    (early, s_early), (later, s_later) = sorted(
        ((a, sa), (b, sb)), key=lambda pair: pair[0].published or ""
    )
    if _words(later.language).UPDATE.search(later.text):
        return True
    before, after = dict(s_early.numbers), dict(s_later.numbers)
    return any(
        after[key] > before[key] for key in TALLIES & before.keys() & after.keys()
    )


def _merge(found: Sequence[_Disagreement], preceding: Mapping[str, str]) -> list[Conflict]:
    """Join pairwise disagreements of one kind that share a claim into one conflict."""
    clusters: list[tuple[str, bool, str, dict[Claim, Hashable]]] = []
    for item in found:
        pair = {item.a: item.values[0], item.b: item.values[1]}
        for kind, update, _, values in clusters:
            same = pair.keys() & values.keys() or (  # one measure read twice: one conflict
                kind.startswith("measure:") and set(pair.values()) <= set(values.values())
            )
            if kind == item.kind and update == item.update and same:
                values.update(pair)
                break
        else:
            clusters.append((item.kind, item.update, item.event, pair))
    conflicts = [
        _conflict(kind, update, event, values, preceding)
        for kind, update, event, values in clusters
    ]
    return [conflict for conflict in conflicts if conflict is not None]


def _conflict(
    kind: str,
    update: bool,
    event: str,
    values: dict[Claim, Hashable],
    preceding: Mapping[str, str],
) -> Conflict | None:
    """One side per distinct value, with every document that holds it (earliest first; an
    update's latest first), headed by the attribute and the values; None when a side's
    value cannot be written."""
    claims = sorted(values, key=lambda claim: (claim.published or "", claim.transcript))
    sides: dict[Hashable, list[Claim]] = {}
    for claim in claims:
        value = values[claim]
        if kind == "place":  # "Kessel Point" and "Kessel point, the harbour" are one side
            value = next((seen for seen in sides if _overlap(seen, value)), value)
        sides.setdefault(value, []).append(claim)
    if update:
        sides = _one_per_day(sides)
    words = _words(claims[0].language)
    shown = [_side_value(kind, value, members, words) for value, members in sides.items()]
    if len(sides) < 2 or not all(shown) or len(set(shown)) < len(shown):
        return None
    texts = [_shown(members[0], preceding) for members in sides.values()]
    attribute = _attribute(kind, event, texts, claims, words)
    if not attribute:
        return None  # what the sides disagree on cannot be named: doubtful
    order = list(range(len(shown)))
    joiner = words.ARROW if update else words.VERSUS
    topic = f"{attribute}: {joiner.join(shown)}"
    if update:
        order.reverse()  # the latest report first
    members = list(sides.values())
    return Conflict(
        topic=topic,
        claims=tuple(
            Sourced(texts[i], tuple(dict.fromkeys(claim.doc_id for claim in members[i])))
            for i in order
        ),
        kind="update" if update else "conflict",
        attribute=attribute,
        values=tuple(shown[i] for i in order),
    )


def _one_per_day(sides: dict[Hashable, list[Claim]]) -> dict[Hashable, list[Claim]]:
    """An update's steps: one value per day of publication, the one most documents give
    (two values of one day are a conflict, shown on its own, not a step)."""
    best: dict[str, Hashable] = {}
    for value, members in sides.items():
        day = members[0].published or ""
        if day not in best or len(members) > len(sides[best[day]]):
            best[day] = value
    return {value: sides[value] for value in best.values()}


def _side_value(kind: str, value: Hashable, members: Sequence[Claim], words: ModuleType) -> str:
    """A side's value as the heading writes it: "Vladivostok", "after the forum", "12
    September", "24"."""
    if kind == "place":  # as a written report has it, not a transcript ("Kessel point")
        return _place_names(value, min(members, key=lambda claim: claim.transcript), words)
    if kind == "timing":
        return words.AND.join(
            words.TIMING.format(relation=words.RELATIONS[relation], venue=venue)
            for venue, relation in sorted(cast("frozenset[tuple[str, str]]", value))
        )
    if kind == "clock" or kind.startswith("measure:"):
        return str(value)
    items = sorted(cast("frozenset[Hashable]", value), key=str)
    if kind == "actor":
        return words.AND.join(str(item) for item in items)
    if kind.startswith(f"number:{ORDINAL_MARK}"):
        ordinals = lang.part(members[0].language, "slots").ORDINALS
        return words.AND.join(ordinals[int(float(str(item))) - 1] for item in items)
    if kind == "day":
        return words.AND.join(_day(str(day), words) for day in items)
    return words.AND.join(f"{float(str(item)):g}" for item in items)


def _day(day: str, words: ModuleType) -> str:
    """``2023-09-12`` -> "12 September"; a bare weekday -> "Tuesday"."""
    try:
        parsed = date.fromisoformat(day)
    except ValueError:
        if day.startswith("--") and day[2:4].isdigit():
            return words.DAY_FORMAT.format(
                day=int(day[5:7]), month=words.MONTH_NAMES[int(day[2:4]) - 1]
            )
        return day.title()
    return words.DAY_FORMAT.format(day=parsed.day, month=words.MONTH_NAMES[parsed.month - 1])


def _attribute(
    kind: str, event: str, texts: Sequence[str], claims: Sequence[Claim], words: ModuleType
) -> str:
    """What the sides disagree on: "Death toll", "Where Kim and Putin meet", "Day of
    Putin's arrival"."""
    if kind.startswith("number:"):
        noun = kind.split(":", 1)[1]
        if noun.startswith(ORDINAL_MARK):
            return _ordinal_attribute(texts[0], claims[0].language, words)
        return str(words.TALLY_LABELS.get(noun, words.COUNT_LABEL.format(noun=noun)))
    if kind == "actor":  # who acts; never who said it ("Undersheriff X said")
        found = _words_around(texts[0], claims, words.WHO_LABEL, after=True)
        return "" if words.SAID.search(found) else found
    if kind == "clock":
        return str(words.CLOCK_LABEL)
    if kind.startswith("measure:"):
        label = str(words.MEASURE_LABELS[kind.split(":", 1)[1]])
        if not event:
            return label
        joined = words.MEASURE_OF if not event.startswith(words.IN) else words.MEASURE_AT
        return str(joined.format(label=label, what=event))
    if not event:  # a place: "Where the Marisol overturned"
        return _words_around(texts[0], claims, words.WHERE_LABEL_WHAT, after=False)
    names = _common_names(texts, claims)
    noun = words.EVENT_NOUNS[event]
    if kind == "day":
        whose = words.POSSESSIVE.format(who=names[0]) if len(names) == 1 else words.THE.format(
            noun=""
        ).strip()
        return str(words.DAY_LABEL.format(whose=whose, noun=noun))
    label = words.WHERE_LABEL if kind == "place" else words.WHEN_LABEL
    if len(names) >= 2:
        return str(label.format(who=words.AND.join(names[:2]), verb=words.EVENT_VERBS[event]))
    who = words.POSSESSIVE.format(who=names[0]) + " " + noun if names else words.THE.format(
        noun=noun
    )
    return str(label.format(who=who, verb=words.IS))


def _ordinal_attribute(text: str, language: str | None, words: ModuleType) -> str:
    """"Which ferry accident": the noun the ordinal counts, as written."""
    found = lang.part(language, "slots").ORDINAL.search(text)
    noun = " ".join(part for part in (found.group(2), found.group(3)) if part) if found else ""
    return str(words.ORDINAL_LABEL.format(noun=noun.lower())) if noun else ""


def _words_around(text: str, claims: Sequence[Claim], label: str, *, after: bool) -> str:
    """An attribute from the words of the first side's text: after its person ("Who steered
    the ferry") or before its place ("Where the Marisol overturned"); "" when none."""
    labels = {"PERSON"} if after else {"GPE", "LOC", "FAC"}
    mention = next(
        (m for claim in claims for m in claim.mentions
         if m.label in labels and m.text in text), None,
    )
    if mention is None:
        return ""
    at = text.index(mention.text)
    if after:
        piece = re.split(r"[,.;:]", text[at + len(mention.text) :])[0].split()[:3]
    else:
        piece = _before_place(re.split(r"[,.;:]", text[:at])[-1], claims[0].language)
    phrase = " ".join(piece).strip()
    if not phrase or not any(word.islower() for word in piece):
        return ""
    return str(label.format(what=phrase[:1].lower() + phrase[1:] if not after else phrase))


def _before_place(text: str, language: str | None) -> list[str]:
    """The last words before a place, without its preposition and the time around it ("The
    ferry capsized on Sunday evening near" -> "The ferry capsized")."""
    cues = _words(language).PLACE_WORDS
    time_words = lang.part(language, "slots").TIME_WORDS
    tokens = text.split()
    while tokens and (tokens[-1].lower() in cues or tokens[-1].lower() in time_words):
        tokens.pop()
    return tokens[-5:]


def _common_names(texts: Sequence[str], claims: Sequence[Claim]) -> list[str]:
    """The surnames of the persons every side names, in the order the first side names
    them."""
    surnames = dict.fromkeys(
        m.text.split()[-1].removesuffix("'s").removesuffix("’s")
        for claim in claims for m in claim.mentions if m.label == "PERSON"
    )
    found = [
        name for name in surnames
        if all(re.search(rf"\b{re.escape(name)}\b", text) for text in texts)
    ]
    return sorted(found, key=lambda name: texts[0].find(name))


def _place_names(value: Hashable, claim: Claim, words: ModuleType) -> str:
    """A side's places as its claim writes them ("Gull Island and Kessel Point"; "the
    spaceport")."""
    if not isinstance(value, frozenset):
        return ""
    names = []
    for place in sorted(value, key=str):
        found = re.search(rf"\b(?i:{re.escape(str(place))})(?:\s+[A-Z][\w-]+)*", claim.text)
        name = found.group(0) if found else str(place).title()
        names.append(words.THE.format(noun=name) if name.islower() else name)
    return words.AND.join(names)


def _overlap(a: Hashable, b: Hashable) -> bool:
    return isinstance(a, frozenset) and isinstance(b, frozenset) and any(
        same_place(str(x), str(y)) for x in a for y in b
    )


# --------------------------------------------------------------------------- ages


def _age_conflicts(
    articles: Sequence[AnalyzedArticle],
    independence: Mapping[str, str],
    canonical: Callable[[str], str] | None,
) -> list[Conflict]:
    """A person the story gives two ages (at one time: "Frank Hale, 33," and "32-year-old
    Frank Hale"), in documents of at least two newsrooms."""
    readings = _ages(articles, canonical or (lambda name: name))
    conflicts: list[Conflict] = []
    for person, found in readings.items():
        sides: dict[int, list[tuple[str, str]]] = {}
        for age, doc, text in found:
            sides.setdefault(age, []).append((doc, text))
        newsrooms = {independence.get(doc, doc) for _, doc, _ in found}
        ages = sorted(sides)
        if len(ages) != 2 or len(newsrooms) < 2 or ages[1] - ages[0] > MAX_AGE_GAP:
            continue  # three ages, or ages far apart: perhaps two persons
        words = _words(articles[0].article.language)
        attribute = str(words.AGE_LABEL.format(who=person))
        values = tuple(str(age) for age in sides)
        conflicts.append(Conflict(
            topic=f"{attribute}: {words.VERSUS.join(values)}",
            claims=tuple(
                Sourced(held[0][1], tuple(dict.fromkeys(doc for doc, _ in held)))
                for held in sides.values()
            ),
            attribute=attribute,
            values=values,
        ))
    return conflicts


MAX_AGE_GAP = 15
"""Ages further apart than this are more likely two persons of one name than a disagreement."""


def _ages(
    articles: Sequence[AnalyzedArticle], name: Callable[[str], str]
) -> dict[str, list[tuple[int, str, str]]]:
    """Each person's ages as the story gives them: ``(age, document, sentence)``; a surname
    alone is the one full name of the story that ends with it."""
    readings: dict[str, list[tuple[int, str, str]]] = {}
    surnames = _surnames(articles)
    for article in articles:
        previous: tuple[Sentence, ...] = ()
        for sentence in article.sentences:
            before = previous[-1].mentions if previous else ()
            mentions = _with_surnames(sentence, surnames)
            language = article.article.language
            for age in read_ages(sentence.text, mentions, before, language):
                shown = sentence.text
                if not any(m.label == "PERSON" for m in mentions) and previous:
                    shown = f"{previous[-1].text} {shown}"  # "He was 35." and who he is
                readings.setdefault(name(age.person), []).append((age.age, article.id, shown))
            previous = (sentence,)
    return _join_surnames(readings)


def _surnames(articles: Sequence[AnalyzedArticle]) -> frozenset[str]:
    """The last words of the story's full names of persons ("Macomber")."""
    return frozenset(
        m.text.split()[-1]
        for article in articles for sentence in article.sentences for m in sentence.mentions
        if m.label == "PERSON" and len(m.text.split()) >= 2 and m.text.split()[-1][:1].isupper()
    )


def _with_surnames(sentence: Sentence, surnames: frozenset[str]) -> tuple[Mention, ...]:
    """The sentence's names, with the story's surnames the tagger missed in it ("Macomber,
    65, was found")."""
    taken = [(m.start, m.end) for m in sentence.mentions]
    extra = tuple(
        Mention(found.group(0), "PERSON", found.start(), found.end())
        for name in surnames
        for found in re.finditer(rf"\b{re.escape(name)}\b", sentence.text)
        if not any(start <= found.start() < end for start, end in taken)
    )
    return sentence.mentions + extra


def _join_surnames(
    readings: dict[str, list[tuple[int, str, str]]],
) -> dict[str, list[tuple[int, str, str]]]:
    """A one-word name joins the one full name ending with it; with none or several, it is
    left out (two persons of one surname). A name with a title before it ("Farmer Tomas
    Veld") joins the name it ends with ("Tomas Veld")."""
    full = [person for person in readings if " " in person]
    shorter = {
        person: min(ends, key=len)
        for person in full
        if (ends := [other for other in full if person.endswith(" " + other)])
    }
    joined: dict[str, list[tuple[int, str, str]]] = {}
    for person in full:
        joined.setdefault(shorter.get(person, person), []).extend(readings[person])
    for person, found in readings.items():
        if " " in person:
            continue
        fuller = [full for full in joined if full.split()[-1] == person]
        if len(fuller) == 1:
            joined[fuller[0]].extend(found)
    return joined


def _words(language: str | None) -> ModuleType:
    return lang.part(language, "conflicts")
