"""Who says what in a sentence: a typed grammar over its dependency parse.

A *frame* is a speech verb outside the quotation marks ("X said", "said X", "X told Y",
"X added", "X wrote in a letter", "..., police said") or "according to X", with

- its speaker: the subject's name when the subject is a person or organisation named in the
  text (its head word inside a named-entity mention: a possessive, a year or a title alone is
  not a speaker); the organisation of "a spokesman for <org>"; a person pronoun ("she added")
  resolved to the nearest compatible named person of the article (gender from honorifics and
  pronouns; "it" to the last organisation); a bare surname to the person most recently named
  with it in that article; a role ("the spokesman") to the person the article named in it.
  Anything else ("police said", "a source told us", an unresolved pronoun) leaves the speaker
  None: the quote is shown unattributed, never given to a guess;
- whether it denies its clause ("X denied that ...", "X did not say ...");
- its reported clause (character span), when the verb reports one.

:class:`Names` follows one article sentence by sentence (who was named, as what, with which
gender) so later sentences resolve pronouns, surnames and roles. The words are the article's
language's (``lang.part(language, "quotes")``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from types import ModuleType

from rapidfuzz import fuzz

from newsfuse import lang
from newsfuse.brief.entities import EntityIndex
from newsfuse.nlp.parsed import Parse, Word
from newsfuse.types import Mention, Sentence

_RARE = 2.8
"""Zipf frequency under which a lower-case word may be a name (as the entities read it)."""
_SHARED_SUBJECT = 15
"""Words at most between a speech verb and the subject it shares with the verb it hangs on
(an unpunctuated transcript parses far-off verbs as one clause)."""
_WINDOW = 6
"""Sentences back that an organisation ("it", "the company") is looked for."""
_SAME_GIVEN_NAME = 50
"""Similarity (0-100) of two spellings of one given name ("Vladimir", "Volodymyr": 59;
"Mike", "Matt": 25)."""


@dataclass(slots=True)
class Frame:
    """One attribution in a sentence: where its verb is, who speaks, what it reports."""

    at: int
    speaker: str | None
    negated: bool
    clause: tuple[int, int] | None
    how: str = "noun"
    """What named the speaker: "pronoun", "name" (proper nouns), "noun" or "according"."""

    @property
    def unresolved(self) -> bool:
        """The subject names someone (a pronoun, a proper noun) whom the grammar could not
        resolve: the words are not shown at all rather than shown unattributed."""
        return self.speaker is None and self.how in ("pronoun", "name")


@dataclass(slots=True)
class _Named:
    name: str
    kind: str  # PERSON or ORG
    sentence: int


class Names:
    """The people and organisations one article has named so far, for resolving speakers."""

    def __init__(self, entities: EntityIndex, language: str | None) -> None:
        self.entities = entities
        self.words = lang.part(language, "quotes")
        self.article = lang.part(language, "entities").ARTICLE
        self.titles = lang.part(language, "entities").TITLES
        self.frequency = lang.part(language, "core").frequency
        self.recent: list[_Named] = []
        self.by_token: dict[str, str] = {}
        self.gender: dict[str, str] = {}
        self.roles: dict[str, str] = {}
        self.sentence = -1
        self.speaker: _Named | None = None

    # ----------------------------------------------------------------- reading the article

    def read(self, sentence: Sentence) -> None:
        """Remember the people and organisations named in the sentence (and their genders)."""
        self.sentence += 1
        people: list[str] = []
        for mention in sentence.mentions:
            if mention.label not in self.words.SPEAKER_LABELS or mention.label == "GPE":
                continue
            if not re.fullmatch(r"[\w.'’ -]+", mention.text):
                continue  # "Name/Agency" photo credits
            name = self.speaker_name(mention.text, mention.label)
            kind = self._kind(name, mention.label) if name else None
            if name is None or kind is None:
                continue
            self.recent.append(_Named(name, kind, self.sentence))
            if kind != "PERSON":
                continue
            people.append(name)
            self._honorific(sentence.text[max(0, mention.start - 6) : mention.start], name)
            self._beside(sentence.text, mention, name)
            self._role(sentence.text, mention, name)
        self._pronoun_gender(sentence.text, people)

    def spoke(self, speaker: str | None) -> None:
        """The sentence's frame named ``speaker``: the first candidate of a later pronoun."""
        if speaker is not None:
            kind = self._kind(speaker, "PERSON") or "PERSON"
            self.speaker = _Named(speaker, kind, self.sentence)

    def name_of(self, text: str, label: str | None = None) -> tuple[str, str] | None:
        """The canonical speaker name and kind (PERSON or ORG) of a written name, else None."""
        written = " ".join(re.sub(r"['’]s?$", "", text.strip()).split())
        written = self.titles.sub("", self.article.sub("", written))
        tokens = written.split()
        if not tokens or any(ch.isdigit() for ch in written):
            return None
        if not written[0].isupper() and self.entities.get(written) is None:
            return None
        if len(tokens) == 1 and tokens[0] in self.by_token:
            full = self.by_token[tokens[0]]
            return full, "PERSON"
        canonical = self.entities.canonical(written)
        kind = self._kind(canonical, label)
        if kind is None:
            return None
        if kind == "PERSON" and len(tokens) > 1:
            canonical = _keep_written(written, canonical)
            for token in (tokens[0], tokens[-1]):
                self.by_token[token] = canonical
        return canonical, kind

    def speaker_name(self, text: str, label: str | None) -> str | None:
        """The speaker a subject's name is: a bare surname (or given name) the article gave
        a person earlier, else the name if the entities or the mention's label make it a
        person or organisation, else the only person of the story with that surname."""
        written = self.article.sub("", text.strip())
        tokens = written.split()
        if len(tokens) == 1 and tokens[0] in self.by_token:
            return self.by_token[tokens[0]]
        named = self.name_of(written, label if label in self.words.SPEAKER_LABELS else None)
        if named is not None:
            return named[0]
        if len(tokens) == 1:
            owners = {
                entity.name
                for entity in self.entities.entities
                if entity.type == "PERSON" and len(entity.name.split()) > 1
                and tokens[0] in (entity.name.split()[0], entity.name.split()[-1])
            }
            if len(owners) == 1:
                return owners.pop()
        return None

    def lowercase_name(self, word: str) -> str | None:
        """The one person of the story whose surname a rare lower-case word is ("peskov" in
        an unpunctuated transcript), else None."""
        if not word.isalpha() or self.frequency(word) >= _RARE:
            return None
        owners = {
            entity.name
            for entity in self.entities.of_type("PERSON")
            for alias in (entity.name, *entity.aliases)
            if alias.split()[-1].lower() == word
        }
        return owners.pop() if len(owners) == 1 else None

    def organisation(self) -> str | None:
        """The organisation the article named last (for "it", "the company")."""
        for named in reversed(self.recent):
            if self.sentence - named.sentence > _WINDOW:
                break
            if named.kind == "ORG":
                return named.name
        return None

    def _kind(self, name: str, label: str | None) -> str | None:
        entity = self.entities.get(name)
        if entity is not None and entity.type in ("PERSON", "ORG"):
            return entity.type
        if entity is not None and entity.type == "PLACE":
            return "ORG" if label == "GPE" else None
        if label in self.words.SPEAKER_LABELS:
            return "PERSON" if label == "PERSON" else "ORG"
        return None

    def _honorific(self, before: str, name: str) -> None:
        words = before.lower().split()
        if words and words[-1] in self.words.HONORIFICS:
            self.gender.setdefault(name, self.words.HONORIFICS[words[-1]])

    def _beside(self, text: str, mention: Mention, name: str) -> None:
        """A gendered noun next to the name, in its comma phrase ("his wife, Ann Lee")."""
        span = self.words.BESIDE_NAME
        before = re.split(r"[;:.]", text[: mention.start])[-1].split(",")[-2:]
        after = re.split(r"[;:.]", text[mention.end :])[0].split(",")[:2]
        near = [*" ".join(before).lower().split()[-span:], *" ".join(after).lower().split()[:span]]
        genders = {self.words.GENDERED_NOUNS[w] for w in near if w in self.words.GENDERED_NOUNS}
        if len(genders) == 1:
            self.gender.setdefault(name, genders.pop())

    def _pronoun_gender(self, text: str, people: Sequence[str]) -> None:
        """One person named in a sentence that says only "he/his" (or "she/her") is that."""
        if len(set(people)) != 1:
            return
        words = set(re.findall(r"[a-z]+", text.lower()))
        male, female = bool(words & self.words.MALE), bool(words & self.words.FEMALE)
        if male != female:
            self.gender.setdefault(people[0], "m" if male else "f")

    def _role(self, text: str, mention: Mention, name: str) -> None:
        before = text[max(0, mention.start - 30) : mention.start]
        after = text[mention.end : mention.end + 40]
        role = self.words.ROLE_BEFORE.search(before) or self.words.ROLE_AFTER.match(after)
        if role is not None:
            self.roles[self.words.role_key(role.group(1))] = name

    # ----------------------------------------------------------------- resolving

    def pronoun(self, word: str) -> str | None:
        """The nearest named person (or organisation for "it") a subject pronoun can be."""
        word = word.lower()
        if word in self.words.ORG_PRONOUNS:
            return self.organisation()
        if word in self.words.PERSON_PRONOUNS:
            gender = "m" if word in self.words.MALE else "f"
        else:
            return None
        last = self.speaker
        if last is not None and last.kind == "PERSON" and self.sentence - last.sentence <= 2:
            if self.gender.get(last.name, gender) == gender:
                return last.name
        people = {  # else the only person the sentence before named
            n.name for n in self.recent if n.kind == "PERSON" and n.sentence == self.sentence - 1
        }
        if len(people) == 1 and self.gender.get(min(people), gender) == gender:
            return people.pop()
        return None

    def role(self, text: str) -> str | None:
        """The person the article named in the role ``text`` names ("the spokesman")."""
        role = self.words.ROLE.search(text)
        return self.roles.get(self.words.role_key(role.group(1))) if role else None


def _keep_written(written: str, canonical: str) -> str:
    """The canonical name, unless it gives the surname another given name ("Bob Smith" for
    "Joe Smith": the story's entities merged two relatives; "Vladimir" for "Volodymyr" is
    one name spelt two ways)."""
    first, canon = written.split()[0].lower(), canonical.split()
    if len(canon) > 1 and canon[-1] == written.split()[-1]:
        if fuzz.ratio(canon[0].lower(), first) < _SAME_GIVEN_NAME:
            return written
    return canonical


# --------------------------------------------------------------------------- frames


def frames(doc: Parse, sentence: Sentence, names: Names, quoted: Sequence[tuple[int, int]]
           ) -> list[Frame]:
    """The attributions of a parsed sentence whose verbs are outside the ``quoted`` spans."""
    words = names.words
    found: list[Frame] = []
    for token in doc:
        if _inside(token.idx, quoted):
            continue
        if token.lower_ == words.ACCORDING_WORDS[0] and _according(doc, token, sentence, names,
                                                                   found):
            continue
        lemma = token.lemma_.lower()
        if token.pos_ not in ("VERB", "AUX"):
            continue
        if lemma not in words.SPEECH_VERBS and lemma not in words.REPORT_VERBS:
            continue
        subject = _subject(token, words)
        if subject is None or _inside(subject.idx, quoted):
            continue
        clause = _clause(doc, token, words)
        if lemma in words.REPORT_VERBS and lemma not in words.SPEECH_VERBS and clause is None:
            continue
        negated = lemma in words.DENIAL_VERBS or any(c.dep_ == "neg" for c in token.children)
        speaker = _speaker(doc, subject, sentence, names)
        how = {"PRON": "pronoun", "PROPN": "name"}.get(subject.pos_, "noun")
        found.append(Frame(token.idx, speaker, negated, clause, how))
    return found


def _inside(at: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(start <= at < end for start, end in spans)


def _subject(verb: Word, words: ModuleType) -> Word | None:
    """The verb's subject, else (", saying ...", "and added") its head verb's when near."""
    speech = verb
    for _ in range(3):
        subjects = [c for c in verb.children if c.dep_ in words.SUBJECT_DEPS]
        if subjects:
            near = verb.i == speech.i or abs(speech.i - subjects[0].i) <= _SHARED_SUBJECT
            return subjects[0] if near else None
        if verb.dep_ not in words.SHARED_SUBJECT_DEPS or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def _clause(doc: Parse, verb: Word, words: ModuleType) -> tuple[int, int] | None:
    """The character span of the clause a speech verb reports, else None."""
    for child in verb.children:
        if child.dep_ in words.CONTENT_DEPS and child.i > verb.i:
            return _span(doc, child.left_edge.i, child.right_edge.i)
    head = verb.head
    if verb.dep_ in words.FRAME_DEPS and head.i < verb.i and head.pos_ in ("VERB", "AUX"):
        return _span(doc, head.left_edge.i, verb.left_edge.i - 1)
    for child in verb.children:  # "..., police said": the clause before the verb
        if child.dep_ in words.CONTENT_DEPS and child.i < verb.i:
            return _span(doc, child.left_edge.i, child.right_edge.i)
    return None


def _span(doc: Parse, first: int, last: int) -> tuple[int, int] | None:
    while last >= first and doc[last].is_punct:
        last -= 1
    while first <= last and doc[first].is_punct:
        first += 1
    if last < first:
        return None
    return doc[first].idx, doc[last].idx + len(doc[last].text)


def _according(doc: Parse, token: Word, sentence: Sentence, names: Names,
               found: list[Frame]) -> bool:
    """"according to X, ...": a frame whose clause is the rest of the sentence."""
    to = next((c for c in token.children if c.lower_ == names.words.ACCORDING_WORDS[1]), None)
    source = next((c for c in to.children if c.dep_ == "pobj"), None) if to else None
    if source is None:
        return False
    speaker = _speaker(doc, source, sentence, names)
    start, end = doc[token.left_edge.i].idx, _end(doc, token.right_edge.i)
    text = sentence.text
    rest = (0, start) if start > len(text) - end else (end, len(text))
    clause = _trim(text, rest)
    found.append(Frame(token.idx, speaker, False, clause, "according"))
    return True


def _end(doc: Parse, i: int) -> int:
    return doc[i].idx + len(doc[i].text)


def _trim(text: str, span: tuple[int, int]) -> tuple[int, int] | None:
    start, end = span
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return (start, end) if end - start > 0 else None


def _speaker(doc: Parse, subject: Word, sentence: Sentence, names: Names) -> str | None:
    """The named speaker a subject is, else None (unattributed)."""
    if subject.pos_ == "PRON":
        return names.pronoun(subject.text)
    if subject.like_num:
        return None
    for read in (_mention_name, _described, _on_behalf, _lowercase, _definite):
        named = read(doc, subject, sentence, names)
        if named is not None:
            return named
    return None


def _on_behalf(doc: Parse, subject: Word, sentence: Sentence, names: Names) -> str | None:
    """The organisation of "a spokesman for <org>", "a statement from <org>"."""
    words = names.words
    if subject.lemma_.lower() not in words.SPOKES_HEADS:
        return None
    for prep in subject.children:
        if prep.dep_ == "prep" and prep.lower_ in words.ON_BEHALF:
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.pos_ == "PROPN":
                    named = _mention_name(doc, obj, sentence, names, "ORG")
                    if named is not None:
                        return named
    return None


def _lowercase(doc: Parse, subject: Word, sentence: Sentence, names: Names) -> str | None:
    """"peskov said" in an unpunctuated transcript: the story's one Peskov."""
    if subject.lower_ == subject.text and subject.pos_ in ("NOUN", "PROPN"):
        return names.lowercase_name(subject.text)
    return None


def _definite(doc: Parse, subject: Word, sentence: Sentence, names: Names) -> str | None:
    """"the company": the organisation named last; "the spokesman": the person the article
    named in that role."""
    words = names.words
    phrase = doc[subject.left_edge.i : subject.i + 1].text
    if subject.pos_ != "NOUN" or phrase.split()[0].lower() not in words.DEFINITE:
        return None
    plain = all(c.dep_ in ("det", "amod", "compound") for c in subject.children)
    if subject.lemma_.lower() in words.ORG_NOUNS and plain:
        return names.organisation()
    return names.role(phrase)


def _described(doc: Parse, subject: Word, sentence: Sentence, names: Names) -> str | None:
    """The one name a described subject holds outside its possessives and prepositional
    phrases ("Wildcats coach Pat Fitzgerald", "the bus matron, Elaina Feliciano")."""
    found: set[str] = set()
    stack = [subject]
    while stack:
        word = stack.pop()
        for child in word.children:
            if child.dep_ not in names.words.NOT_DESCRIBING:
                stack.append(child)
        if word.pos_ == "PROPN" and word.head.pos_ != "PROPN" or word.dep_ == "appos":
            named = _mention_name(doc, word, sentence, names)
            if named is not None:
                found.add(named)
    return found.pop() if len(found) == 1 else None


def _mention_name(doc: Parse, head: Word, sentence: Sentence, names: Names,
                  unknown: str = "PERSON") -> str | None:
    """The speaker a proper-noun subject names, else None: the name of the mention that
    holds it (or of its proper nouns when no mention does), as :meth:`Names.speaker_name`
    reads it; proper nouns that nothing knows are an ``unknown`` (a person when they are a
    given name and a surname, an organisation when one word)."""
    if head.pos_ != "PROPN":
        return None
    at = head.idx
    mention = next((m for m in sentence.mentions if m.start <= at < m.end), None)
    if mention is not None:
        return names.speaker_name(mention.text, mention.label)
    first = head
    while first.i > 0 and doc[first.i - 1].head.i == head.i and doc[first.i - 1].dep_ in (
        names.words.NAME_DEPS
    ) and doc[first.i - 1].pos_ == "PROPN":
        first = doc[first.i - 1]
    text = doc[first.i : head.i + 1].text
    named = names.speaker_name(text, None)
    if named is None and (unknown == "PERSON") == (len(text.split()) > 1):
        named = names.speaker_name(text, unknown)
    return named
