"""Quotes with canonical speakers on the invented fixture story (tests/fixtures/entities)."""

from dataclasses import replace

import pytest
from test_entities import fixture_story

from newsfuse.brief.entities import resolve_entities
from newsfuse.brief.quotes import extract_quotes
from newsfuse.types import AnalyzedArticle, Quote


@pytest.fixture(scope="module")
def quotes() -> list[Quote]:
    story = fixture_story()
    return extract_quotes(story, resolve_entities(story))


def _find(quotes: list[Quote], words: str) -> Quote:
    matches = [quote for quote in quotes if words in quote.text]
    assert matches, f"no quote with {words!r} in {[q.text for q in quotes]}"
    return matches[0]


def test_direct_quote_merged_across_documents(quotes: list[Quote]) -> None:
    quote = _find(quotes, "peace plan")
    assert quote.kind == "direct"
    assert quote.speaker == "Volodymyr Zelensky"  # "Zelensky told", "Mr Zelensky told"
    assert set(quote.sources) == {"a_wire", "b_daily"}
    assert sum("peace plan" in q.text for q in quotes) == 1


def test_the_spokesman_is_the_person_named_as_spokesman(quotes: list[Quote]) -> None:
    quote = _find(quotes, "long and honest")
    assert quote.speaker == "Serhiy Nykyforov"


def test_reported_quote_with_title_speaker(quotes: list[Quote]) -> None:
    quote = _find(quotes, "ready to host")
    assert quote.kind == "reported"
    assert quote.speaker in {"Mohammed bin Salman", "Muhammad bin Salman"}


def test_an_unnamed_speaker_is_no_speaker(quotes: list[Quote]) -> None:
    """"according to the port authority" names no one: the quote is unattributed."""
    quote = _find(quotes, "will reach Odesa")
    assert quote.speaker is None
    assert not any("port authority" in (quote.speaker or "") for quote in quotes)


def test_pronoun_speaker_is_the_previous_speaker_not_the_last_name(quotes: list[Quote]) -> None:
    # The sentence before names the spokesman as speaker, then Zelensky: "he" is the spokesman.
    quote = _find(quotes, "listened carefully")
    assert quote.speaker == "Serhiy Nykyforov"


def test_a_described_speaker_is_unattributed(quotes: list[Quote]) -> None:
    quote = _find(quotes, "Exports will resume")
    assert quote.kind == "direct"
    assert quote.speaker is None  # "a senior port official said": not a name


def test_the_same_quotes_when_the_analysis_kept_no_parse(quotes: list[Quote]) -> None:
    """Sentences built by hand or read from an older store carry no parse: they are parsed
    when asked, with the same quotes."""
    story = fixture_story()
    assert any(s.tokens is not None for a in story for s in a.sentences)
    bare = [
        AnalyzedArticle(a.article, tuple(replace(s, tokens=None) for s in a.sentences))
        for a in story
    ]
    assert extract_quotes(bare, resolve_entities(bare)) == quotes
