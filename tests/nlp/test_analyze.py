"""The Analyzer: sentences, mentions and lemmas, the same in one process and in workers."""

from __future__ import annotations

import pytest

from newsfuse.nlp.analyze import Analyzer, load_spacy, paragraph_sentences
from newsfuse.nlp.sentences import sentence_spans
from newsfuse.types import Article, Block

# Invented events: a harbour in a made-up town, a council vote, a bridge closure.
PARAGRAPHS = (
    "The harbour master of Velmora, Ines Dorvik, said on Tuesday that two cargo ships had "
    "collided near the northern pier. Nobody was hurt, she said.",
    "Mr.  Anton Keller, who chairs the Velmora port council, called the crash  "
    "'a warning'. The council will meet in Oslo on 3 May.",
    "Engineers were inspecting the damaged quay wall. Repairs could cost 4.5 million euros.",
)


def _article(doc_id: str, paragraphs: tuple[str, ...] = PARAGRAPHS) -> Article:
    blocks = (Block("heading", "Ships collide in Velmora"),) + tuple(
        Block("paragraph", text) for text in paragraphs
    )
    return Article(doc_id, f"{doc_id}.txt", "ok", title="Ships collide", blocks=blocks)


def test_sentences_are_numbered_across_paragraphs_and_point_at_their_paragraph() -> None:
    [analyzed] = Analyzer(workers=1).analyze_all([_article("a1")])
    numbers = [s.index for s in analyzed.sentences]
    assert numbers == list(range(len(numbers)))
    # Block 0 is a heading: paragraphs are blocks 1-3, and no sentence comes from the heading.
    paragraphs = [s.paragraph for s in analyzed.sentences]
    assert paragraphs == sorted(paragraphs) and set(paragraphs) == {1, 2, 3}
    assert analyzed.sentences[0].text.endswith("northern pier.")
    assert analyzed.sentences[-1].text.endswith("Repairs could cost 4.5 million euros.")
    assert all(s.doc_id == "a1" for s in analyzed.sentences)


def test_mentions_are_offsets_into_their_sentence() -> None:
    [analyzed] = Analyzer(workers=1).analyze_all([_article("a1")])
    mentions = [(s, m) for s in analyzed.sentences for m in s.mentions]
    assert mentions
    for sentence, mention in mentions:
        assert sentence.text[mention.start : mention.end] == mention.text
    labels = {m.text: m.label for _, m in mentions}
    assert labels.get("Oslo") == "GPE"


def test_lemmas_are_lower_case_content_words() -> None:
    [analyzed] = Analyzer(workers=1).analyze_all([_article("a1")])
    first = analyzed.sentences[0].lemmas
    assert "ship" in first and "collide" in first
    assert "the" not in first and "had" not in first
    assert all(lemma == lemma.lower() and lemma.isalpha() for lemma in first)


def test_token_table_matches_spacy_char_spans() -> None:
    """The array-based reading gives the lemmas spaCy's own char_span('expand') gives."""
    nlp = load_spacy()
    for text in PARAGRAPHS:
        doc = nlp(text)
        spans = sentence_spans(text)
        for sentence, (start, end) in zip(
            paragraph_sentences("d", 0, 0, doc, spans), spans, strict=True
        ):
            span = doc.char_span(start, end, alignment_mode="expand")
            expected = tuple(
                t.lemma_.lower()
                for t in span
                if t.is_alpha and not (t.is_stop or t.is_punct or t.is_space)
            )
            assert sentence.lemmas == expected
            assert sentence.text == text[start:end]


def test_no_paragraphs_no_sentences() -> None:
    article = Article("e", "e.txt", "ok", blocks=(Block("heading", "Only a heading"),))
    [analyzed] = Analyzer(workers=1).analyze_all([article])
    assert analyzed.sentences == ()


@pytest.mark.slow
def test_workers_give_the_same_result_in_the_same_order() -> None:
    articles = [
        _article(f"w{n}", tuple(p.replace("Velmora", f"Velmora{n}") for p in PARAGRAPHS))
        for n in range(12)
    ]
    serial = Analyzer(workers=1).analyze_all(articles)
    parallel = Analyzer(workers=2, parallel_words=1, chunk_words=100).analyze_all(articles)
    assert [a.id for a in parallel] == [f"w{n}" for n in range(12)]
    assert parallel == serial
