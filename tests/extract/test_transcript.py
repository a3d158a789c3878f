"""Transcript detection, sentence splitting and word repair on invented speech."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfuse.extract.transcript import (
    is_transcript,
    paragraphs_of,
    repair_spans,
    repair_words,
    split_transcript,
)

SPEECH = (
    "good evening the storm that hit the coast of Lindmark overnight has now moved inland "
    "the national weather office said on Monday morning that winds of more than one hundred "
    "kilometres an hour were recorded at the harbour Mayor Ellen Brandt told reporters that "
    "three ferries had been cancelled and that the schools would stay closed until Wednesday "
    "she said the clean-up would take several days officials have asked residents to stay "
    "away from the sea front however the airport reopened at noon and the first flights left "
    "for the capital in the afternoon the storm is expected to weaken over the mountains "
    "tonight forecasters said"
)
ARTICLE = (
    "The storm hit the coast overnight. Winds of more than 100 km/h were recorded at the "
    "harbour, the weather office said. Three ferries were cancelled. Schools will stay closed "
    "until Wednesday, the mayor said. The airport reopened at noon. " * 3
)


def test_unpunctuated_speech_is_a_transcript() -> None:
    assert is_transcript(SPEECH)


def test_punctuated_text_and_short_text_are_not() -> None:
    assert not is_transcript(ARTICLE)
    assert not is_transcript("no punctuation here but only a few words")


def test_speech_is_split_at_sentence_starts() -> None:
    sentences = split_transcript(SPEECH)
    assert len(sentences) >= 5
    assert all(s[0].isupper() and s.endswith(".") for s in sentences)
    starts = [" ".join(s.split()[:2]) for s in sentences]
    assert "Mayor Ellen" in starts
    assert "She said" in starts
    assert "However the" in starts
    # names and phrases are not cut
    assert any("Mayor Ellen Brandt told reporters" in s for s in sentences)
    assert any("until Wednesday" in s for s in sentences)


def test_splitting_keeps_every_word_in_order() -> None:
    sentences = split_transcript(SPEECH)
    assert re.findall(r"\w+", " ".join(sentences).lower()) == re.findall(r"\w+", SPEECH.lower())


def test_existing_punctuation_ends_sentences() -> None:
    text = "the council met on Monday. the vote was close and the motion passed"
    assert split_transcript(text) == [
        "The council met on Monday.", "The vote was close and the motion passed.",
    ]


@pytest.mark.parametrize(
    ("word", "fixed"),
    [
        ("weremactively", "were actively"),
        ("thatmPutin", "that Putin"),
        ("discussmproviding", "discuss providing"),
        ("themwar", "the war"),
        ("residentsmwere", "residents were"),
        ("ferriesmhad", "ferries had"),
    ],
)
def test_run_together_words_are_split(word: str, fixed: str) -> None:
    text, repairs = repair_words(f"officials said {word} today")
    assert text == f"officials said {fixed} today"
    assert repairs == [(word, fixed)]


@pytest.mark.parametrize(
    "word",
    [
        # rare but real words
        "sesquipedalian", "pyrocumulus", "overmanned", "floccinaucinihilipilification",
        "bergamot", "humdrum", "unmissable",
        # names, capitalised or not
        "Ussuriysk", "Dzhankoi", "Zaporizhzhia", "Okonkwo", "McAllister", "iPhone",
        "shoigu", "peskov", "Kostiantynivka", "wagnerite",
        # numbers and codes
        "1505", "076-77", "COVID-19",
    ],
)
def test_real_words_names_and_numbers_stay(word: str) -> None:
    text = f"the report on {word} was published"
    assert repair_words(text) == (text, [])


def test_paragraphs_group_sentences() -> None:
    sentences = [f"Sentence number {i} has exactly seven words." for i in range(20)]
    paragraphs = paragraphs_of(sentences, target_words=30)
    assert " ".join(paragraphs) == " ".join(sentences)
    assert all(20 <= len(p.split()) <= 60 for p in paragraphs)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_never_raises_and_never_loses_words(text: str) -> None:
    repaired, pairs = repair_words(text)
    for original, replacement in pairs:
        assert replacement.replace(" ", "") in original
    sentences = split_transcript(repaired)
    # sentences without a letter or digit are dropped; every letter and digit stays in order
    assert re.findall(r"[^\W_]+", " ".join(sentences).casefold()) == re.findall(
        r"[^\W_]+", repaired.casefold()
    )


def test_repairs_use_the_texts_own_language() -> None:
    assert repair_words("il sindaco hadetto che il ponte resta chiuso", "it") == (
        "il sindaco ha detto che il ponte resta chiuso", [("hadetto", "ha detto")]
    )
    french = "les parlementaires ont voté la réforme des retraites"
    assert repair_words(french, "fr") == (french, [])
    assert repair_words("they werembattling the fire", "") == ("they werembattling the fire", [])
    assert repair_words("they werembattling the fire", "ja")[1] == []


def test_repair_spans_point_into_the_repaired_text() -> None:
    text = "the war went on and officials said themwar had to end"
    repaired, spans = repair_spans(text)
    assert repaired == "the war went on and officials said the war had to end"
    [(original, replacement, start)] = spans
    assert (original, replacement) == ("themwar", "the war")
    assert repaired[start : start + len(replacement)] == replacement and start > 0
