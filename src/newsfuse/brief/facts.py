"""Key facts: aligned claim groups, most corroborated first, each with the outlets that state
it, how many of them are independent, and the primary sources they attribute it to.

Layers: a document backs a fact only if its claim's slots do not disagree with the fact's
wording; the slots and that comparison are ``brief/slots/``'s, the same the conflict finder
asks, so facts and ``brief/conflicts.py`` sit side by side and neither imports the other.
Below them are ``brief/align.py`` (the groups) and ``brief/claims.py`` (the claims). The
words read here are the claims' language's part ``facts`` (``lang/en/facts.py``).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from types import ModuleType
from typing import Any

from rapidfuzz import fuzz

from newsfuse import lang
from newsfuse.brief.align import ClaimGroup
from newsfuse.brief.attribution import attributions
from newsfuse.brief.claims import Claim
from newsfuse.brief.slots import SlotReader, disagreements
from newsfuse.nlp.parsed import tag_texts
from newsfuse.types import Fact, Sourced

_KEY_LABELS = {"PERSON", "GPE", "LOC", "FAC", "ORG", "NORP", "EVENT", "DATE", "CARDINAL"}
LEAD = 3
MISSING = 0.2  # share of a wording's particulars (by rarity) its backers may leave unsaid
_DETAIL_POS = {"NOUN", "PROPN", "NUM"}


def key_facts(
    groups: Sequence[ClaimGroup], *, independence: Mapping[str, str], limit: int = 12
) -> list[Fact]:
    """The groups as facts: support (independent outlets) first, then importance."""
    scored: list[tuple[int, float, Fact]] = []
    reader = _reader(groups)
    documents = document_words(groups)
    for whole in groups:
        group, unbacked = backed(agreeing(whole, independence, reader), independence,
                                 documents, reader)
        claims = list(group.claims)
        if not _is_key(claims):
            continue
        fact = _fact(group, independence, unbacked)
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
    event = any(_words(claim.language).EVENT_WORDS.search(claim.text) for claim in claims)
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
    reader = reader or _reader([group])
    slots = {claim: reader.slots(claim) for claim in group.claims}
    best: tuple[int, float, list[int]] = (-1, 0.0, [])
    for i, claim in enumerate(group.claims):
        members = [
            j for j, other in enumerate(group.claims)
            if j == i
            or not disagreements(claim, other, slots[claim], slots[other], nested=reader.nested)
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


def document_words(groups: Sequence[ClaimGroup]) -> dict[str, frozenset[str]]:
    """Every document's word stems, read from all its claims: what it states anywhere."""
    words: dict[str, set[str]] = {}
    for group in groups:
        for claim in group.claims:
            words.setdefault(claim.doc_id, set()).update(_stems(claim))
    return {doc: frozenset(stems) for doc, stems in words.items()}


def _stems(claim: Claim) -> frozenset[str]:
    """The stems of all of a claim's words."""
    stem = _words(claim.language).stem
    return frozenset(stem(word) for word in re.findall(r"[a-z0-9]+", claim.text.lower()))


def details(text: str, nlp: Any | None = None, language: str | None = None) -> list[str]:
    """The particulars a wording states: stems of its nouns, names and numbers, leaving out
    speakers' titles and the media it cites ("Kremlin spokesman", "reported CNN")."""
    return _details(text, _tagged([text], nlp)[0], language)


def _tagged(texts: Sequence[str], nlp: Any | None = None) -> list[Any]:
    """The texts tagged in one batch (the entity recogniser is not needed for parts of
    speech, and costs as much as the tagger)."""
    if nlp is None:
        return tag_texts(texts)
    disable = [name for name in ("ner",) if name in nlp.pipe_names]
    return list(nlp.pipe(texts, disable=disable))


def _details(text: str, doc: Any, language: str | None = None) -> list[str]:
    words = _words(language)
    stop_words = lang.part(language, "core").STOP_WORDS
    cited = {words.stem(word) for source in attributions(text) for word in source.split()}
    found: list[str] = []
    for token in doc:
        stem = words.stem(token.text)
        if token.like_num and words.APPROXIMATE.search(text[: token.idx]):
            continue  # "more than 200" is not contradicted by 212; conflicts compare counts
        if (
            token.pos_ in _DETAIL_POS
            and token.lower_ not in stop_words
            and len(stem) > 1
            and stem not in words.REPORTING
            and stem not in cited
            and stem not in found
        ):
            found.append(stem)
    return found


def backed(
    group: ClaimGroup,
    independence: Mapping[str, str],
    documents: Mapping[str, frozenset[str]],
    reader: SlotReader,
) -> tuple[ClaimGroup, tuple[Claim, ...]]:
    """The wording backed by most outlets, and only the claims whose documents state each of
    its particulars (a document missing "a formal dinner" does not back a wording with it);
    the other claims are returned apart (variants of the fact, not counted)."""
    if len(group.claims) < 2:
        return group, ()
    best: tuple[int, float, int, list[int]] = (-1, 0.0, 0, [])
    rarity = _rarity(documents)
    stated = [_stems(c) for c in group.claims]
    tagged = _tagged([claim.text for claim in group.claims])
    for i, claim in enumerate(group.claims):
        wanted = {stem: rarity(stem) for stem in _details(claim.text, tagged[i], claim.language)}
        day_stems = _words(claim.language).DAY_STEMS
        extra = _extra(wanted, [words for j, words in enumerate(stated) if j != i], day_stems)
        members = [
            j for j, other in enumerate(group.claims)
            if j == i
            or _states(other, wanted, extra, documents.get(other.doc_id, frozenset()), reader,
                       day_stems)
        ]
        backers = support((group.claims[j].doc_id for j in members), independence)
        score = len(members) + _wording_score(claim) + 3.0 * group.centrality[i]
        if (backers, score) > best[:2]:
            best = (backers, score, i, members)
    _, _, chosen, members = best
    order = [chosen, *(j for j in members if j != chosen)]
    chosen_group = ClaimGroup(
        claims=tuple(group.claims[j] for j in order),
        cohesion=group.cohesion,
        neighbours=group.neighbours,
        centrality=tuple(group.centrality[j] for j in order),
    )
    return chosen_group, tuple(c for j, c in enumerate(group.claims) if j not in members)


def _rarity(documents: Mapping[str, frozenset[str]]) -> Callable[[str], float]:
    """Inverse document frequency in the story: "a formal dinner" two outlets name weighs
    more than "Far East" every outlet names."""
    frequency = Counter(stem for stems in documents.values() for stem in stems)
    total = len(documents) + 1
    return lambda stem: math.log(total / max(1, frequency[stem]))


def _extra(
    wanted: Mapping[str, float], others: Sequence[frozenset[str]], day_stems: frozenset[str]
) -> set[str]:
    """A wording's particulars that most other claims of its group do not name: what it adds
    ("and a formal dinner is planned"); the others name the shared ones in their own words
    ("walked out" for "strike"), so only the added ones are checked, and days and numbers
    always."""
    return {
        stem for stem in wanted
        if stem in day_stems
        or stem[:1].isdigit()
        or 2 * sum(stem in words for words in others) < len(others)
    }


def _states(
    claim: Claim,
    wanted: Mapping[str, float],
    extra: set[str],
    words: frozenset[str],
    reader: SlotReader,
    day_stems: frozenset[str],
) -> bool:
    """Does the claim's document state what the wording adds (its days and numbers, and the
    rest but for ``MISSING`` of the weight)? A day named differently ("Tuesday" / "September
    12") counts when the claim names a day: the day itself was compared by the conflict check.
    """
    dated = bool(reader.slots(claim).days)
    missing = [
        stem for stem in extra
        if stem not in words and not (dated and stem in day_stems)
    ]
    if any(stem in day_stems or stem[:1].isdigit() for stem in missing):
        return False  # a day or a number the document does not give
    return sum(wanted[stem] for stem in missing) <= MISSING * sum(wanted.values())


def _reader(groups: Sequence[ClaimGroup]) -> SlotReader:
    return SlotReader.for_claims(claim for group in groups for claim in group.claims)


def _words(language: str | None) -> ModuleType:
    return lang.part(language, "facts")


def _fact(
    group: ClaimGroup, independence: Mapping[str, str], unbacked: Sequence[Claim] = ()
) -> Fact:
    """The group's first claim is its wording and its other claims back it; ``unbacked``
    claims (aligned, but not stating all of the wording) are variants only."""
    claims = group.claims
    best = claims[0]
    sources = tuple(dict.fromkeys(claim.doc_id for claim in claims))
    attributed: list[str] = []
    for claim in claims:
        for source in attributions(claim.text):
            _add_source(attributed, source)
    wordings: dict[str, list[str]] = {}
    for claim in (*claims, *unbacked):
        if claim.text != best.text:
            wordings.setdefault(claim.text, []).append(claim.doc_id)
    variants = tuple(Sourced(text, tuple(docs)) for text, docs in wordings.items())
    return Fact(
        text=_tidy(best.text, best.language),
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


def _tidy(text: str, language: str | None = None) -> str:
    hedge = _words(language).HEDGE
    text = hedge.sub("", text, count=1) if hedge.match(text) else text
    text = text.strip()
    return text[:1].upper() + text[1:]
