"""Key facts: aligned claim groups, most corroborated first, each with the outlets that state
it, how many of them are independent, and the primary sources they attribute it to.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from rapidfuzz import fuzz

from newsfuse.brief.align import ClaimGroup
from newsfuse.brief.attribution import attributions
from newsfuse.brief.claims import Claim
from newsfuse.brief.conflicts import SlotReader, disagreements
from newsfuse.types import Fact, Sourced

_KEY_LABELS = {"PERSON", "GPE", "LOC", "FAC", "ORG", "NORP", "EVENT", "DATE", "CARDINAL"}
_EVENT_WORDS = re.compile(
    r"\b(?:arriv\w*|depart\w*|left|leav\w*|met|meet\w*|talks?|summit|visit\w*|kill\w*|"
    r"died|dead|death|injur\w*|announc\w*|sign\w*|attack\w*|launch\w*|elect\w*|"
    r"warn\w*|deal|plan\w*|entered|reach\w*|collaps\w*|evacuat\w*|arrest\w*|toll)\b",
    re.IGNORECASE,
)
_HEDGE = re.compile(r"\b(?:reportedly|also|moreover|meanwhile|however|further)\b,?\s*", re.I)
LEAD = 3


def key_facts(
    groups: Sequence[ClaimGroup], *, independence: Mapping[str, str], limit: int = 12
) -> list[Fact]:
    """The groups as facts: support (independent outlets) first, then importance."""
    scored: list[tuple[int, float, Fact]] = []
    reader = SlotReader.for_groups(groups)
    for whole in groups:
        group = agreeing(whole, independence, reader)
        claims = list(group.claims)
        if not _is_key(claims):
            continue
        fact = _fact(group, independence)
        if fact.support < 2 and min(claim.position for claim in claims) > LEAD:
            continue
        scored.append((fact.support, importance(claims), fact))
    scored.sort(key=lambda item: (-item[0], -item[1]))
    return [fact for _, _, fact in scored[:limit]]


def support(doc_ids: Iterable[str], independence: Mapping[str, str]) -> int:
    """Independent outlets among ``doc_ids``: documents sharing a group key count once."""
    return len({independence.get(doc_id, doc_id) for doc_id in doc_ids})


def importance(claims: Sequence[Claim]) -> float:
    """How central a claim group is to the event: early in articles, names, an event verb."""
    lead = max(1.0 / (1.0 + claim.position) for claim in claims)
    labels = {m.label for claim in claims for m in claim.mentions if m.label in _KEY_LABELS}
    event = any(_EVENT_WORDS.search(claim.text) for claim in claims)
    return lead + 0.15 * len(labels) + (0.4 if event else 0.0)


def best_wording(group: ClaimGroup) -> Claim:
    """The clearest, most typical wording: punctuated prose over transcript, central first."""
    ranked = zip(group.claims, group.centrality, strict=True)
    return max(ranked, key=lambda pair: _wording_score(pair[0]) + 3.0 * pair[1])[0]


def agreeing(
    group: ClaimGroup, independence: Mapping[str, str], reader: SlotReader | None = None
) -> ClaimGroup:
    """The group's largest set of claims that do not contradict its chosen wording.

    A document whose claim differs on a place, day, number or negation does not back the
    fact (the conflict finder reports it); the wording backed by most outlets is kept.
    """
    if len(group.claims) < 2:
        return group
    reader = reader or SlotReader.for_groups([group])
    slots = {claim: reader.slots(claim) for claim in group.claims}
    best: tuple[int, float, list[int]] = (-1, 0.0, [])
    for i, claim in enumerate(group.claims):
        members = [
            j for j, other in enumerate(group.claims)
            if j == i or not disagreements(claim, other, slots[claim], slots[other])
        ]
        backed = support((group.claims[j].doc_id for j in members), independence)
        if (backed, group.centrality[i]) > best[:2]:
            best = (backed, group.centrality[i], members)
    members = best[2]
    return ClaimGroup(
        claims=tuple(group.claims[j] for j in members),
        cohesion=group.cohesion,
        neighbours=group.neighbours,
        centrality=tuple(group.centrality[j] for j in members),
    )


def _fact(group: ClaimGroup, independence: Mapping[str, str]) -> Fact:
    claims = group.claims
    best = best_wording(group)
    sources = tuple(dict.fromkeys(claim.doc_id for claim in claims))
    attributed: list[str] = []
    for claim in claims:
        for source in attributions(claim.text):
            _add_source(attributed, source)
    wordings: dict[str, list[str]] = {}
    for claim in claims:
        if claim.text != best.text:
            wordings.setdefault(claim.text, []).append(claim.doc_id)
    variants = tuple(Sourced(text, tuple(docs)) for text, docs in wordings.items())
    return Fact(
        text=_tidy(best.text),
        sources=sources,
        support=support(sources, independence),
        attributed_to=tuple(attributed),
        variants=variants,
    )


def _add_source(attributed: list[str], source: str) -> None:
    """Add a source unless a spelling of it is there; the fuller name wins."""
    for index, seen in enumerate(attributed):
        if fuzz.token_set_ratio(source, seen) >= 85:
            if len(source) > len(seen):
                attributed[index] = source
            return
    attributed.append(source)


def _wording_score(claim: Claim) -> float:
    words = len(claim.text.split())
    score = 1.0 if claim.text[:1].isupper() else 0.0
    score += 1.0 if claim.text.rstrip()[-1:] in ".!?\"”" else 0.0
    score -= 2.0 if claim.transcript else 0.0
    score -= 0.04 * max(0, words - 30) + 0.1 * max(0, 10 - words)
    return score


def _is_key(claims: Sequence[Claim]) -> bool:
    """A key fact names someone or something and is not a page fragment."""
    names = {m.text for claim in claims for m in claim.mentions if m.label in _KEY_LABELS}
    return bool(names) and any(len(claim.text.split()) >= 7 for claim in claims)


def _tidy(text: str) -> str:
    text = _HEDGE.sub("", text, count=1) if _HEDGE.match(text) else text
    text = text.strip()
    return text[:1].upper() + text[1:]
