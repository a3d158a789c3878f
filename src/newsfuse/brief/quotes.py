"""Quotes with their canonical speakers, merged across the documents that carry them.

Direct quotes are the spans inside straight or curly double quotes; reported quotes are the
clauses of a speech verb ("Peskov said that ...") whose speaker is a person. The speaker is the
subject of the speech verb (the sentence's parse from the analysis, which parses the sentences
with quote marks or a speech cue), "according to X", a pronoun resolved to the last person
named before, or "the spokesman" resolved to the last person named as spokesman. Fragments of
one or two words ("a “sensitive” issue") belong to their sentence's reported quote, not to a
quote of their own.
The words and patterns are the article's language's (``lang.part(language, "quotes")``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from types import ModuleType

from rapidfuzz import fuzz

from newsfuse import lang
from newsfuse.brief.entities import EntityIndex
from newsfuse.nlp.parsed import Parse, Word, parses, wants_parse
from newsfuse.types import AnalyzedArticle, Quote, Sentence

_MIN_WORDS = 3
_MAX_DESCRIPTION = 6
_RARE = 3.0
_MAX_REPORTED_WORDS = 45
_MAX_TRANSCRIPT_WORDS = 30
_MERGE_SCORE = 88


@dataclass(slots=True)
class _Found:
    text: str
    speaker: str
    kind: str
    doc_id: str


class _Context:
    """What earlier sentences of one article said: the last person, the last spokesman."""

    def __init__(self, entities: EntityIndex, language: str | None) -> None:
        self.entities = entities
        self.words = lang.part(language, "quotes")
        self.frequency = lang.part(language, "core").frequency
        self.person: str | None = None
        self.roles: dict[str, str] = {}

    def update(self, sentence: Sentence, speakers: Sequence[str] = ()) -> None:
        """Remember the sentence's speaker, else its first person (most often its subject)."""
        first: str | None = None
        for mention in sentence.mentions:
            name = self.entities.canonical(mention.text)
            entity = self.entities.get(name)
            if entity is None or entity.type != "PERSON":
                continue
            first = first or name
            before = sentence.text[max(0, mention.start - 30) : mention.start]
            after = sentence.text[mention.end : mention.end + 40]
            role = self.words.ROLE_BEFORE.search(before) or self.words.ROLE_AFTER.match(after)
            if role is not None:
                self.roles[self.words.role_key(role.group(1))] = name
        persons = [name for name in speakers if _is_person(name, self.entities)]
        self.person = persons[0] if persons else first or self.person

    def resolve(self, words: str) -> str | None:
        """The speaker a subject phrase names, else None."""
        text = words.strip()
        named = self._named(text)
        if named is not None and _is_person(named, self.entities):
            return named
        role = self.words.ROLE.search(text)
        if role is not None and self.roles.get(self.words.role_key(role.group(1))):
            return self.roles[self.words.role_key(role.group(1))]
        if text.lower() in self.words.PRONOUNS:
            return self.person
        return named

    def _named(self, text: str) -> str | None:
        best: tuple[int, str] | None = None
        for entity in self.entities.entities:
            if entity.type == "EVENT":
                continue
            for alias in (entity.name, *entity.aliases):
                if alias not in entity.flagged and self._mentions(text, alias):
                    rank = (0 if entity.type == "PERSON" else 1, entity.name)
                    if best is None or rank < best:
                        best = rank
        return best[1] if best is not None else None

    def _mentions(self, text: str, alias: str) -> bool:
        """Whether ``text`` names ``alias`` (in any case for a rare name: "peskov")."""
        rare = len(alias) > 3 and self.frequency(alias.lower()) < _RARE
        flags = re.IGNORECASE if rare else 0
        return re.search(rf"(?<![\w-]){re.escape(alias)}(?![\w-])", text, flags) is not None


def extract_quotes(articles: Sequence[AnalyzedArticle], entities: EntityIndex) -> list[Quote]:
    """Direct and reported quotes of a story, merged across documents."""
    found: list[_Found] = []
    for article in articles:
        language = article.article.language
        context = _Context(entities, language)
        docs = parses(
            (s for s in article.sentences if wants_parse(s.text, language)), language
        )
        for sentence in article.sentences:
            quotes: list[_Found] = []
            if sentence.text in docs:
                quotes = _sentence_quotes(sentence, docs[sentence.text], context, article)
            found.extend(quotes)
            context.update(sentence, [quote.speaker for quote in quotes])
    return _merge(found)


def _sentence_quotes(
    sentence: Sentence, doc: Parse, context: _Context, article: AnalyzedArticle
) -> list[_Found]:
    text = sentence.text
    quote_marks = context.words.QUOTE
    fragments = [(m.group(1) or m.group(2)).strip(" ,.") for m in quote_marks.finditer(text)]
    attributions = _attributions(doc, context)
    if not attributions:
        return []
    limit = _MAX_TRANSCRIPT_WORDS if article.article.transcript else _MAX_REPORTED_WORDS
    long = [fragment for fragment in fragments if len(fragment.split()) >= _MIN_WORDS]
    quotes = [_Found(fragment, attributions[0][0], "direct", article.id) for fragment in long]
    if long:
        return quotes
    for speaker, clause in attributions:
        words = clause.split()
        if article.article.transcript and len(words) > limit:
            clause = " ".join(words[:limit]) + " …"
        if _is_person(speaker, context.entities) and 2 < len(clause.split()) <= limit + 1:
            quotes.append(_Found(clause, speaker, "reported", article.id))
    return quotes


def _is_person(name: str, entities: EntityIndex) -> bool:
    entity = entities.get(name)
    return entity is not None and entity.type == "PERSON"


def _attributions(doc: Parse, context: _Context) -> list[tuple[str, str]]:
    """(speaker, reported clause) for each speech verb with a speaker; named speakers first,
    then unnamed ones described by a noun phrase ("a port official")."""
    found: list[tuple[str, str]] = []
    unnamed: list[tuple[str, str]] = []  # after the named ones: direct quotes prefer a name
    words = context.words
    for token in doc:
        if token.lemma_.lower() not in words.SPEECH_VERBS or token.pos_ not in ("VERB", "AUX"):
            continue
        subjects = [child for child in token.children if child.dep_ in ("nsubj", "nsubjpass")]
        if any(child.dep_ == "neg" for child in token.children):
            continue
        if subjects:
            phrase = doc[subjects[0].left_edge.i : subjects[0].right_edge.i + 1].text
        else:  # the parser lost the subject (unpunctuated text): the words just before
            before = doc[max(0, token.i - 3) : token.i]
            if any(word.is_punct for word in before):
                continue
            phrase = before.text
        speaker = context.resolve(phrase)
        if speaker is not None:
            found.append((speaker, _clause(doc, token, words)))
        elif subjects and _descriptive(subjects[0], words):
            unnamed.append((_tidy(phrase, words).rstrip("."), _clause(doc, token, words)))
    match = words.ACCORDING.search(doc.text)
    if not found and match is not None:
        speaker = context.resolve(match.group(1))
        if speaker is not None:
            rest = doc.text[: match.start()] + doc.text[match.end() :]
            found.append((speaker, _tidy(rest, words)))
    return found + unnamed


def _descriptive(subject: Word, words: ModuleType) -> bool:
    """A subject that describes an unnamed speaker: "a senior official", "the ministry"."""
    length = subject.right_edge.i - subject.left_edge.i + 1
    head = subject.lemma_.lower()
    return subject.pos_ == "NOUN" and length <= _MAX_DESCRIPTION and head not in words.NOT_SPEAKERS


def _clause(doc: Parse, verb: Word, words: ModuleType) -> str:
    """The reported clause of a speech verb: its complement, else what follows the verb."""
    for child in verb.children:
        if child.dep_ in ("ccomp", "xcomp") and child.i > verb.i:
            span = doc[child.left_edge.i : child.right_edge.i + 1]
            return _tidy(span.text, words)
    return _tidy(doc[verb.i + 1 :].text, words)


def _tidy(text: str, words: ModuleType) -> str:
    text = words.CLAUSE_OPENER.sub("", text.strip())
    text = words.ACCORDING.sub("", text)
    return text.strip(" ,;:").rstrip(".") + "."


def _normal(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def _merge(found: list[_Found]) -> list[Quote]:
    merged: list[tuple[_Found, list[str]]] = []
    for quote in found:
        for head, sources in merged:
            same_speaker = head.speaker == quote.speaker
            score = fuzz.token_set_ratio(_normal(head.text), _normal(quote.text))
            if same_speaker and score >= _MERGE_SCORE:
                if quote.doc_id not in sources:
                    sources.append(quote.doc_id)
                if head.kind == "reported" and quote.kind == "direct":
                    head.text, head.kind = quote.text, "direct"
                break
        else:
            merged.append((quote, [quote.doc_id]))
    return [
        Quote(head.text, tuple(sources), head.speaker, head.kind)  # type: ignore[arg-type]
        for head, sources in merged
    ]
