"""Conflicts: aligned (or same-topic) claims whose slots disagree — a different place, day,
number or set of years, or one side denying what the other states.

Not conflicts: a vague statement against a precise one (a country against a city, "in the
coming days" against "on Wednesday", "at least 12" against 15), or two claims of the same
outlet. A later report that changes a number or a day with an update cue ("rose to") is
labelled ``"update"``.

Layers: the slots and where two claims' slots disagree are ``brief/slots/``'s (the same
reading the key facts use); this module picks the pairs to compare, joins the pairwise
disagreements into conflicts and writes their topic lines. It sits beside
``brief/facts.py``, above ``brief/align.py`` and ``brief/claims.py``; neither it nor facts
imports the other. Its words are the claims' language's part ``conflicts``
(``lang/en/conflicts.py``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from types import ModuleType
from typing import cast

from newsfuse import lang
from newsfuse.brief.align import ClaimGroup
from newsfuse.brief.claims import Claim
from newsfuse.brief.slots import (
    TALLIES,
    SlotReader,
    Slots,
    disagreements,
    negated,
    numbers_differ,
    reference_points,
    same_place,
)
from newsfuse.types import AnalyzedArticle, Conflict, Sourced


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
    context = _reader(groups, canonical)
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


def _compare(a: Claim, b: Claim, mode: str, context: SlotReader) -> list[_Disagreement]:
    sa, sb = context.slots(a), context.slots(b)
    kinds = disagreements(a, b, sa, sb, aligned=mode != "topic", nested=context.nested)
    if mode == "close":  # places, and counts of a typed thing (the dead, those aboard)
        kinds = [kind for kind in kinds if kind == "place"
                 or (kind == "number" and numbers_differ(sa, sb, typed_only=True))]
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
    return negated(claim.text, claim.language)


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


def _place_names(value: Hashable, claim: Claim) -> str:
    """A side's places as its claim writes them ("Gull Island and Kessel Point")."""
    if not isinstance(value, frozenset):
        return ""
    names = []
    for place in sorted(value, key=str):
        found = re.search(rf"\b(?i:{re.escape(str(place))})(?:\s+[A-Z][\w-]+)*", claim.text)
        names.append(found.group(0) if found else str(place).title())
    return _words(claim.language).AND.join(names)


def _overlap(a: Hashable, b: Hashable) -> bool:
    return isinstance(a, frozenset) and isinstance(b, frozenset) and any(
        same_place(str(x), str(y)) for x in a for y in b
    )


def _topic(kind: str, claims: Sequence[Claim], sides: Mapping[Hashable, list[Claim]]) -> str:
    """The slot and, for places and timings, each side's value ("where: Vladivostok or
    spaceport"); otherwise the words every side shares, in the first side's order."""
    words = _words(claims[0].language)
    shown = _sides_shown(kind, sides, words)
    if shown:
        return f"{words.LABELS[kind]}: {words.OR.join(shown)}"
    return f"{words.LABELS[kind]}: {_about(claims, words)}"


def _sides_shown(kind: str, sides: Mapping[Hashable, list[Claim]], words: ModuleType) -> list[str]:
    """Each side's place ("Gull Island") or timing ("after the forum"), when every side shows
    one; else nothing."""
    if kind == "place":
        shown = [  # as a written report has it, not a transcript ("Kessel point")
            _place_names(value, min(members, key=lambda claim: claim.transcript))
            for value, members in sides.items()
        ]
        return shown if all(shown) else []
    if kind == "timing":  # "when: at the forum or after the forum"
        shown = [
            words.TIMING.format(relation=words.RELATIONS[relation], venue=venue)
            for value in sides
            for venue, relation in sorted(cast("frozenset[tuple[str, str]]", value))
        ]
        return list(dict.fromkeys(shown))
    return []


def _about(claims: Sequence[Claim], words: ModuleType) -> str:
    """Up to four words of the first claim that every other claim says too."""
    others = [{w[:5] for w in re.findall(r"[a-z]+", c.text.lower())} for c in claims[1:]]
    shared: list[str] = []
    for word in re.findall(r"[A-Z][\w-]{2,}|[a-z][\w-]{3,}", claims[0].text):
        lower = word.lower()
        if lower in words.TOPIC_STOP or lower in (w.lower() for w in shared):
            continue
        if all(lower[:5] in stems for stems in others):
            shared.append(word)
    return ", ".join(shared[:4]) or claims[0].text.split(".")[0][:60]


def _words(language: str | None) -> ModuleType:
    return lang.part(language, "conflicts")
