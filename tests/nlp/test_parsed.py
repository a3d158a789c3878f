"""Sentences parsed once by the analysis: which ones, and read back as spaCy would read them."""

from __future__ import annotations

import pickle
from dataclasses import replace

import pytest

from newsfuse.nlp.analyze import Analyzer
from newsfuse.nlp.models import load_spacy
from newsfuse.nlp.parsed import (
    PARSE_WORDS,
    Parse,
    parse,
    parse_texts,
    parser_for,
    records,
    tag_texts,
    wants_parse,
)
from newsfuse.types import AnalyzedArticle, Article, Block, Sentence

# Invented: a ferry strike in a made-up port.
QUOTED = "“We will not sail until the contract is signed,” said Mara Lind, who leads the crews."
REPORTED = "The port authority told reporters that the ferries to Ostholm would resume on Friday."
PLAIN = "Three ferries stayed in the harbour of Kessvik."
LONG = (
    "The crews stopped work at dawn and the first ferry of the morning never left the quay, "
    "while passengers waited in the terminal for news and the company, which runs eleven "
    "routes along the coast, offered refunds to anyone who had booked a crossing this week"
)


def _article(*paragraphs: str) -> Article:
    blocks = tuple(Block("paragraph", text) for text in paragraphs)
    return Article("f1", "f1.txt", "ok", title="Ferry strike", blocks=blocks)


@pytest.fixture(scope="module")
def analyzed() -> AnalyzedArticle:
    [article] = Analyzer(workers=1).analyze_all([_article(f"{QUOTED} {PLAIN}", REPORTED, LONG)])
    return article


def test_the_sentences_a_later_stage_reads_are_chosen() -> None:
    assert wants_parse(QUOTED) and wants_parse(REPORTED)
    assert len(LONG.split()) > PARSE_WORDS and wants_parse(LONG)
    assert not wants_parse(PLAIN)


def test_the_analysis_parses_exactly_those_sentences(analyzed: AnalyzedArticle) -> None:
    by_text = {sentence.text: sentence for sentence in analyzed.sentences}
    assert set(by_text) == {QUOTED, PLAIN, REPORTED, LONG}
    for text, sentence in by_text.items():
        assert (sentence.tokens is not None) == wants_parse(text)


def test_a_carried_parse_is_the_sentence_parsed_on_its_own(analyzed: AnalyzedArticle) -> None:
    parsed = [s for s in analyzed.sentences if s.tokens is not None]
    alone = parse_texts([s.text for s in parsed])
    assert [s.tokens for s in parsed] == [p.tokens for p in alone]


def test_a_sentence_without_a_parse_is_parsed_when_asked(analyzed: AnalyzedArticle) -> None:
    sentence = next(s for s in analyzed.sentences if s.text == REPORTED)
    bare = replace(sentence, tokens=None)
    assert parse(bare).tokens == parse(sentence).tokens == sentence.tokens
    read = parser_for([analyzed])
    assert read(REPORTED).tokens == sentence.tokens
    assert read("A text no sentence has was parsed.").text.startswith("A text")


@pytest.mark.parametrize("text", [QUOTED, REPORTED, LONG])
def test_a_parse_reads_like_spacy(text: str) -> None:
    doc = load_spacy()(text, disable=["ner"])
    view = Parse(text, records(doc))
    assert len(view) == len(doc)
    for word, token in zip(view, doc, strict=True):
        assert (word.i, word.text, word.lower_, word.idx) == (token.i, token.text, token.lower_,
                                                              token.idx)
        assert (word.lemma_, word.pos_, word.dep_) == (token.lemma_, token.pos_, token.dep_)
        assert (word.like_num, word.is_punct) == (token.like_num, token.is_punct)
        assert word.head.i == token.head.i
        assert (word.left_edge.i, word.right_edge.i) == (token.left_edge.i, token.right_edge.i)
        assert [child.i for child in word.children] == [child.i for child in token.children]
    size = len(doc)
    for start, stop in [(0, 3), (2, size), (size - 1, size), (4, 4), (5, 2)]:
        assert view[start:stop].text == doc[start:stop].text
    assert view[3:].text == doc[3:].text
    assert [w.i for w in view[1:4]] == [t.i for t in doc[1:4]]


def test_tagging_alone_gives_the_tagger_s_parts_of_speech() -> None:
    """Facts read parts of speech as the tagger gives them: the parse would turn "which"
    (a determiner to the tagger) into a pronoun."""
    text = "The crews, which met on Monday, rejected the offer."
    nlp = load_spacy()
    expected = [t.pos_ for t in nlp(text, disable=["parser", "ner"])]
    [tagged] = tag_texts([text])
    assert [word.pos_ for word in tagged] == expected
    assert {word.dep_ for word in tagged} == {""}


def test_parsed_sentences_pickle_as_small_tuples(analyzed: AnalyzedArticle) -> None:
    again = pickle.loads(pickle.dumps(analyzed, protocol=pickle.HIGHEST_PROTOCOL))
    assert again == analyzed
    sentence = next(s for s in analyzed.sentences if s.text == LONG)
    assert sentence.tokens is not None
    # the part-of-speech and dependency strings are interned: stored once per pickle
    nouns = [token.pos for token in sentence.tokens if token.pos == "NOUN"]
    assert len(nouns) > 1 and all(pos is nouns[0] for pos in nouns)
    data = pickle.dumps(sentence.tokens, protocol=pickle.HIGHEST_PROTOCOL)
    assert len(data) < 64 * len(sentence.tokens)  # about 40 bytes a word


def test_a_sentence_built_by_hand_has_no_parse() -> None:
    assert Sentence("d", 0, 0, PLAIN).tokens is None


def test_an_analysis_for_clustering_only_parses_nothing() -> None:
    [article] = Analyzer(workers=1, parse=False).analyze_all([_article(QUOTED, LONG)])
    assert article.sentences and all(s.tokens is None for s in article.sentences)
