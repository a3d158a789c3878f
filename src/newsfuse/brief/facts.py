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
from dataclasses import replace
from types import ModuleType
from typing import Any

from rapidfuzz import fuzz, process

from newsfuse import lang
from newsfuse.brief.align import ClaimGroup, SentenceEmbedder
from newsfuse.brief.attribution import attributions
from newsfuse.brief.claims import Claim
from newsfuse.brief.newsrooms import Newsrooms
from newsfuse.brief.slots import SlotReader, disagreements
from newsfuse.nlp.parsed import tag_texts
from newsfuse.types import Fact, Sourced

_KEY_LABELS = {"PERSON", "GPE", "LOC", "FAC", "ORG", "NORP", "EVENT", "DATE", "CARDINAL"}
LEAD = 3
MISSING = 0.2  # share of a wording's particulars (by rarity) its backers may leave unsaid
_DETAIL_POS = {"NOUN", "PROPN", "NUM"}


def key_facts(
    groups: Sequence[ClaimGroup],
    *,
    independence: Mapping[str, str],
    limit: int = 12,
    newsrooms: Newsrooms | None = None,
    embedder: SentenceEmbedder | None = None,
) -> list[Fact]:
    """The groups as facts: support (independent newsrooms) first, then importance.

    ``newsrooms`` (``brief/newsrooms.py``) counts copies of one dispatch once; without it
    each ``independence`` key counts. With ``embedder``, a document whose claims were not
    aligned with the fact but state it in other words (``stating``) backs it too."""
    scored: list[tuple[int, float, Fact]] = []
    reader = _reader(groups)
    documents = document_words(groups)
    others = Stating(groups, embedder, reader) if embedder is not None else None
    for whole in groups:
        group, unbacked = backed(agreeing(whole, independence, reader), independence,
                                 documents, reader)
        if others is not None:
            group = others.widen(group)
        claims = list(group.claims)
        if not _is_key(claims):
            continue
        fact = _fact(group, independence, unbacked, newsrooms)
        if fact.support < 2 and min(claim.position for claim in claims) > LEAD:
            continue
        scored.append((fact.support, importance(claims), fact))
    scored.sort(key=lambda item: (-item[0], -item[1]))
    language = groups[0].claims[0].language if groups and groups[0].claims else None
    return distinct(statements([fact for _, _, fact in scored], language), language)[:limit]


def statements(facts: Sequence[Fact], language: str | None = None) -> list[Fact]:
    """The facts worded as statements about the event, read from their parts of speech: a
    finished declarative sentence, not a question, a quotation, a first-person line (no
    speaker), speculation (a modal of possibility) or a fragment whose subject is a pronoun
    the wording does not resolve ("It has 14 days ..."). A fact whose chosen wording is none
    of these takes the first of its variants that is; a fact without one is left out."""
    wordings = [[fact.text, *(v.text for v in fact.variants)] for fact in facts]
    tagged = iter(_tagged([text for texts in wordings for text in texts]) if facts else [])
    kept: list[Fact] = []
    for fact, texts in zip(facts, wordings, strict=True):
        passing = [n for n, doc in enumerate([next(tagged) for _ in texts])
                   if _is_statement(doc, language)]
        if not passing:
            continue
        if passing[0] == 0:
            kept.append(fact)
            continue
        chosen = fact.variants[passing[0] - 1]
        variants = tuple(v for v in fact.variants if v is not chosen)
        kept.append(replace(fact, text=_tidy(chosen.text, language),
                            variants=(Sourced(fact.text, fact.sources[:1]), *variants)))
    return kept


def _is_statement(doc: Any, language: str | None = None) -> bool:
    words = _words(language)
    text = doc.text.strip()
    if not text or text[-1] not in ".!" or any(mark in text for mark in words.QUOTE_MARKS):
        return False
    tokens = [token for token in doc if token.pos_ not in {"PUNCT", "SPACE"}]
    if not tokens or tokens[0].pos_ == "PRON":
        return False  # a dangling subject: "It has ...", "He was ..."
    if len(tokens) > 1 and tokens[0].pos_ == "DET" and tokens[1].pos_ in {"AUX", "VERB"}:
        return False  # a determiner standing alone as the subject: "This was reported ..."
    every = [token for token in doc if token.pos_ != "SPACE"]
    if _opens_without_subject(every, words):
        return False
    for token in tokens:
        lemma = token.lemma_.lower()
        if token.pos_ == "PRON" and lemma in words.FIRST_PERSON:
            return False
        if token.pos_ == "AUX" and lemma in words.SPECULATIVE:
            return False
    return True


def _opens_without_subject(tokens: Sequence[Any], words: ModuleType) -> bool:
    """A participle clause with nothing before its verb that could be its subject and no main
    clause after it ("Thus adding that ..."): a piece of another sentence, not a statement.
    "Citing officials, the agency said ..." has its main clause after the comma."""
    for n, token in enumerate(tokens):
        if token.pos_ in {"NOUN", "PROPN", "PRON", "NUM"}:
            return False
        if token.pos_ in {"VERB", "AUX"}:
            later = tokens[n + 1:]
            return words.non_finite(token.text, token.lemma_) and not any(
                t.text == "," for t in later)
    return False


def distinct(facts: Sequence[Fact], language: str | None = None) -> list[Fact]:
    """Each fact once: a fact sharing a source and most of its content words with one
    ranked before it is the same fact again (its wording is kept as a variant of the first)."""
    kept: list[Fact] = []
    words: list[frozenset[str]] = []
    for fact in facts:
        mine = _text_stems(fact.text, language)
        twin = next(
            (n for n, other in enumerate(kept)
             if set(other.sources) & set(fact.sources) and _shared(mine, words[n]) >= SAME_FACT),
            None,
        )
        if twin is None:
            kept.append(fact)
            words.append(mine)
        else:
            variant = Sourced(fact.text, fact.sources)
            kept[twin] = replace(kept[twin], variants=(*kept[twin].variants, variant))
    return kept


SAME_FACT = 0.5
"""Share of the shorter wording's content words two facts share when they are one fact."""


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


STATES = 0.65
"""A claim states a fact when its cosine with the fact's wording plus ``WORD_WEIGHT`` x the
share of content words they share (of the shorter) reaches this (chosen on the tune half of
the briefing gold: the count of newsrooms that state a fact)."""
WORD_WEIGHT = 0.5
UNSAID = 0.6
"""Share of a wording's particulars (by rarity) a document found in other words may leave
unsaid: a paraphrase names fewer of them than an aligned claim (``MISSING``)."""


class Stating:
    """Finds, for a fact, the documents that state it in claims the alignment left in other
    groups (a paraphrase, a differently spelled name, a longer sentence that says more)."""

    def __init__(
        self, groups: Sequence[ClaimGroup], embedder: SentenceEmbedder, reader: SlotReader
    ) -> None:
        self.claims = list(dict.fromkeys(c for group in groups for c in group.claims))
        self.reader = reader
        self.documents = document_words(groups)
        self.rarity = _rarity(self.documents)
        self.vectors = embedder.embed([c.text for c in self.claims]) if self.claims else None
        self.index = {claim: n for n, claim in enumerate(self.claims)}
        self.words = [_content_stems(c) for c in self.claims]
        self.vocabulary: dict[str, set[str]] = {}
        for claim in self.claims:
            words = _WORD.findall(claim.text.lower())
            self.vocabulary.setdefault(claim.doc_id, set()).update(words)

    def widen(self, group: ClaimGroup) -> ClaimGroup:
        """The group with, for each document it lacks, that document's claim that states its
        first claim best, when one does (and does not contradict it)."""
        if self.vectors is None or not group.claims:
            return group
        best = group.claims[0]
        n = self.index.get(best)
        if n is None:
            return group
        have = {claim.doc_id for claim in group.claims}
        scores = self.vectors @ self.vectors[n]
        chosen: dict[str, tuple[float, Claim]] = {}
        for m, claim in enumerate(self.claims):
            if claim.doc_id in have:
                continue
            score = float(scores[m]) + WORD_WEIGHT * _shared(self.words[n], self.words[m])
            if score >= STATES and score > chosen.get(claim.doc_id, (0.0, best))[0]:
                chosen[claim.doc_id] = (score, claim)
        particulars = _particulars(best)
        wanted = self._wanted(best, particulars[1])
        added = [
            claim for _, claim in chosen.values()
            if self._names(claim.doc_id, particulars)
            and self._stated(claim.doc_id, wanted)
            and not disagreements(best, claim, self.reader.slots(best), self.reader.slots(claim),
                                 nested=self.reader.nested)
        ]
        if not added:
            return group
        return ClaimGroup(
            claims=(*group.claims, *added),
            cohesion=group.cohesion,
            neighbours=group.neighbours,
            centrality=(*group.centrality, *(0.0 for _ in added)),
        )


    def _wanted(self, best: Claim, names: frozenset[str]) -> dict[str, float]:
        """The wording's particulars but its names (matched by spelling), by rarity."""
        stem = _words(best.language).stem
        spelled = {stem(name) for name in names}
        found = _details(best.text, _tagged([best.text])[0], best.language)
        return {detail: self.rarity(detail) for detail in found if detail not in spelled}

    def _stated(self, doc_id: str, wanted: Mapping[str, float]) -> bool:
        """Does the document state the wording's particulars (all but ``UNSAID`` of their
        weight: a document without "a formal dinner" does not back a wording with it)?"""
        words = self.documents.get(doc_id, frozenset())
        missing = sum(weight for detail, weight in wanted.items() if detail not in words)
        return missing <= UNSAID * sum(wanted.values())

    def _names(self, doc_id: str, particulars: tuple[frozenset[str], frozenset[str]]) -> bool:
        """Does the document give the wording's numbers, and its names in some spelling
        (a character-level match: "Khasan" / "Hasan", "Primorsky" / "Primorskiy")?"""
        numbers, names = particulars
        words = self.vocabulary.get(doc_id, set())
        if not numbers <= words:
            return False
        return all(
            name in words or process.extractOne(name, words, scorer=fuzz.ratio,
                                                score_cutoff=SPELLING) is not None
            for name in names
        )


SPELLING = 80
"""Character-level similarity (0-100) at which two spellings name the same thing."""
_WORD = re.compile(r"\w+")
_NAME_LABELS = frozenset({"PERSON", "GPE", "LOC", "FAC", "ORG", "NORP", "EVENT"})


def _particulars(claim: Claim) -> tuple[frozenset[str], frozenset[str]]:
    """The numbers (digits) of a wording, and the words of its names (four letters or
    more), lower-cased."""
    numbers = frozenset(w for w in _WORD.findall(claim.text.lower()) if w.isdigit())
    names = frozenset(
        word
        for mention in claim.mentions if mention.label in _NAME_LABELS
        for word in _WORD.findall(mention.text.lower()) if len(word) >= 4 and word.isalpha()
    )
    return numbers, names


def _content_stems(claim: Claim) -> frozenset[str]:
    return _text_stems(claim.text, claim.language)


def _text_stems(text: str, language: str | None) -> frozenset[str]:
    """The stems of a text's content words."""
    stop_words = lang.part(language, "core").STOP_WORDS
    stem = _words(language).stem
    return frozenset(
        stem(word) for word in re.findall(r"[a-z0-9]+", text.lower())
        if word not in stop_words and len(word) > 1
    )


def _shared(a: frozenset[str], b: frozenset[str]) -> float:
    """Share of the shorter set that the other holds."""
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


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
    group: ClaimGroup,
    independence: Mapping[str, str],
    unbacked: Sequence[Claim] = (),
    newsrooms: Newsrooms | None = None,
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
    agencies: tuple[str, ...] = ()
    if newsrooms is None:
        count = support(sources, independence)
    else:
        count = newsrooms.count((claim.doc_id, claim.text) for claim in claims)
        agencies = newsrooms.agencies_of(sources)
    return Fact(
        text=_tidy(best.text, best.language),
        sources=sources,
        support=count,
        attributed_to=tuple(attributed),
        variants=variants,
        agencies=agencies,
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
