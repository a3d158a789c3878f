"""Sentences parsed on their own: which ones the analysis parses, and how later stages read them.

The analysis (:mod:`newsfuse.nlp.analyze`) parses the sentences a later stage reads a parse
of, each on its own as those stages always did: the ones that can hold a quote (a quote mark
or a speech cue of the article's language) and the long ones that claims cut at their
clauses (more than ``PARSE_WORDS`` words). It keeps a compact record per word
(:class:`newsfuse.types.Token`) on ``Sentence.tokens``.

Later stages read a sentence through :func:`parse`, a :class:`Parse` that answers the few
questions spaCy's ``Doc`` answered them (``token.dep_``, ``token.head``, ``token.children``,
``doc[a:b].text`` ...). A sentence the analysis did not parse (built by hand, or read from a
store written before parses were kept) is parsed when asked, with the same result.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, overload

from newsfuse import lang
from newsfuse.nlp.models import load_spacy, without
from newsfuse.types import AnalyzedArticle, Sentence, Token

PARSE_WORDS = 40
"""Sentences of more words than this are parsed (claims cuts them at their main clauses)."""


def wants_parse(text: str, language: str | None = None) -> bool:
    """Whether a later stage reads the parse of this sentence."""
    cues = lang.part(language, "quotes")
    return (
        len(text.split()) > PARSE_WORDS
        or cues.QUOTE.search(text) is not None
        or cues.SPEECH_CUE.search(text) is not None
    )


def records(doc: Any) -> tuple[Token, ...]:
    """The words of a spaCy ``Doc`` as compact records (strings interned: one copy each)."""
    intern = sys.intern
    parsed = doc.has_annotation("DEP")  # a tagged-only Doc's heads and edges are not set
    return tuple(
        Token(
            token.text, token.idx, intern(token.lemma_), intern(token.pos_),
            intern(token.dep_) if parsed else "",
            *((token.head.i, token.left_edge.i, token.right_edge.i) if parsed else (token.i,) * 3),
            token.like_num, token.is_punct,
        )
        for token in doc
    )


def parse_texts(texts: Sequence[str], language: str | None = None) -> list[Parse]:
    """Parse texts each on its own (tagger and parser; no entities), in one batch."""
    nlp = load_spacy(language)
    docs = nlp.pipe(texts, batch_size=64, disable=without(nlp, "ner"))
    return [Parse(text, records(doc)) for text, doc in zip(texts, docs, strict=True)]


def tag_texts(texts: Sequence[str], language: str | None = None) -> list[Parse]:
    """Tag texts each on its own (parts of speech as the tagger alone gives them: no parse,
    no entities), in one batch."""
    nlp = load_spacy(language)
    docs = nlp.pipe(texts, batch_size=64, disable=without(nlp, "parser", "ner"))
    return [Parse(text, records(doc)) for text, doc in zip(texts, docs, strict=True)]


def parse(sentence: Sentence, language: str | None = None) -> Parse:
    """The sentence's parse: the analysis's, else parsed now."""
    if sentence.tokens is not None:
        return Parse(sentence.text, sentence.tokens)
    return parse_texts([sentence.text], language)[0]


def parses(sentences: Iterable[Sentence], language: str | None = None) -> dict[str, Parse]:
    """The parses of sentences by text (those the analysis did not parse: in one batch)."""
    found: dict[str, Parse] = {}
    missing: dict[str, None] = {}
    for sentence in sentences:
        if sentence.tokens is not None:
            found.setdefault(sentence.text, Parse(sentence.text, sentence.tokens))
        else:
            missing[sentence.text] = None
    texts = [text for text in missing if text not in found]
    if texts:
        found.update(zip(texts, parse_texts(texts, language), strict=True))
    return found


def parser_for(articles: Sequence[AnalyzedArticle]) -> Callable[[str], Parse]:
    """A parser of the articles' sentence texts that reads the analysis's parses (parsing a
    text no analysed sentence has, or one not parsed, when asked)."""
    known = {
        sentence.text: Parse(sentence.text, sentence.tokens)
        for article in articles
        for sentence in article.sentences
        if sentence.tokens is not None
    }
    language = articles[0].article.language if articles else None

    def read(text: str) -> Parse:
        found = known.get(text)
        return found if found is not None else parse_texts([text], language)[0]

    return read


class Parse:
    """A parsed sentence read the way spaCy's ``Doc`` is: iterate its words, index or slice it."""

    __slots__ = ("text", "tokens")

    def __init__(self, text: str, tokens: tuple[Token, ...]) -> None:
        self.text = text
        self.tokens = tokens

    def __len__(self) -> int:
        return len(self.tokens)

    def __iter__(self) -> Iterator[Word]:
        return (Word(self, i) for i in range(len(self.tokens)))

    @overload
    def __getitem__(self, key: int) -> Word: ...
    @overload
    def __getitem__(self, key: slice) -> Span: ...
    def __getitem__(self, key: int | slice) -> Word | Span:
        if isinstance(key, slice):
            start, stop, _ = key.indices(len(self.tokens))
            return Span(self, start, stop)
        return Word(self, key if key >= 0 else key + len(self.tokens))


class Span:
    """Words ``start`` to ``stop`` (excluded) of a parse."""

    __slots__ = ("doc", "start", "stop")

    def __init__(self, doc: Parse, start: int, stop: int) -> None:
        self.doc, self.start, self.stop = doc, start, stop

    def __iter__(self) -> Iterator[Word]:
        return (Word(self.doc, i) for i in range(self.start, self.stop))

    @property
    def text(self) -> str:
        """The words' text as written, without the space after the last."""
        if self.stop <= self.start:
            return ""
        last = self.doc.tokens[self.stop - 1]
        return self.doc.text[self.doc.tokens[self.start].idx : last.idx + len(last.text)]


class Word:
    """One word of a parse, with spaCy's attribute names."""

    __slots__ = ("doc", "i")

    def __init__(self, doc: Parse, i: int) -> None:
        self.doc, self.i = doc, i

    @property
    def _token(self) -> Token:
        return self.doc.tokens[self.i]

    @property
    def text(self) -> str:
        return self._token.text

    @property
    def lower_(self) -> str:
        return self._token.text.lower()

    @property
    def idx(self) -> int:
        return self._token.idx

    @property
    def lemma_(self) -> str:
        return self._token.lemma

    @property
    def pos_(self) -> str:
        return self._token.pos

    @property
    def dep_(self) -> str:
        return self._token.dep

    @property
    def like_num(self) -> bool:
        return self._token.like_num

    @property
    def is_punct(self) -> bool:
        return self._token.is_punct

    @property
    def head(self) -> Word:
        return Word(self.doc, self._token.head)

    @property
    def left_edge(self) -> Word:
        return Word(self.doc, self._token.left)

    @property
    def right_edge(self) -> Word:
        return Word(self.doc, self._token.right)

    @property
    def children(self) -> Iterator[Word]:
        """The words that depend on this one, in order."""
        tokens = self.doc.tokens
        token = self._token
        for j in range(token.left, token.right + 1):
            if j != self.i and tokens[j].head == self.i:
                yield Word(self.doc, j)
