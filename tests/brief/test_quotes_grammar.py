"""Speakers from sentence structure (brief/speakers.py), on invented articles: each clause
shape, pronouns, bare surnames of relatives, denials, partial and continued quotes, and what
is never a speaker or never a quote."""

from functools import lru_cache

import pytest

from newsfuse.brief.entities import resolve_entities
from newsfuse.brief.quotes import extract_quotes
from newsfuse.nlp.analyze import Analyzer
from newsfuse.types import Article, Block, Quote

HARBOUR = (
    "Harbour engineer Marta Lindqvist said the new breakwater would be finished by May.",
    "“The concrete has cured faster than we planned,” said Marta Lindqvist, who leads the "
    "project. “We expect the first ships in June,” she added.",
    "Port director Oskar Brandt told reporters that the budget had not grown since March.",
    "According to Oskar Brandt, the dredging of the channel will start next week.",
    "Brandt denied that the contractor had been paid twice for the same work.",
    "Brandt did not say whether the city council had approved the new timetable.",
    "Tomas Varga wrote in a letter to the council that the noise at night was unbearable.",
    "Varga's 1995 letter said the old harbour wall was already unsafe.",
    "Residents said the night work kept their children awake for weeks.",
    "“I saw the crane fall into the water,” said Lena Holm, a nurse at the harbour clinic.",
    "Lindqvist said the storm had been “the worst in forty years” for the building site.",
    "“The pumps failed at midnight. We had them running again by dawn,” Brandt said.",
    "“Nobody was hurt, and the tide did the rest.”",
)

FERRY = (
    "Anna Berg and her son Erik Berg run the island ferry company together.",
    "Erik Berg said the summer tickets would cost more this year.",
    "“We had no choice after the fuel prices rose again,” Berg said.",
    "Anna Berg said the new prices were fair to the island families.",
    "Berg added that pensioners would still travel for free on weekdays.",
)

UNSAID = (
    "The night ferry sailed two hours late on Friday.",
    "“It was the wind and nothing else,” he said.",
    "Visitors watched “The Last Ferry Home Tonight” at the harbour cinema on Saturday.",
)


def _article(name: str, paragraphs: tuple[str, ...]) -> Article:
    return Article(
        id=name, source=name, status="ok", published="2024-05-02",
        blocks=tuple(Block("paragraph", text) for text in paragraphs),
    )


@lru_cache(maxsize=1)
def _quotes() -> dict[str, list[Quote]]:
    articles = Analyzer().analyze_all(
        [_article("harbour", HARBOUR), _article("ferry", FERRY), _article("unsaid", UNSAID)]
    )
    found: dict[str, list[Quote]] = {}
    for article in articles:  # each article its own story: speakers never cross them
        found[article.id] = extract_quotes([article], resolve_entities([article]))
    return found


@pytest.fixture(scope="module")
def quotes() -> dict[str, list[Quote]]:
    return _quotes()


def _find(quotes: list[Quote], words: str) -> Quote:
    matches = [quote for quote in quotes if words in quote.text]
    assert matches, f"no quote with {words!r} in {[q.text for q in quotes]}"
    assert len(matches) == 1, matches
    return matches[0]


def test_x_said_reports_its_clause(quotes: dict[str, list[Quote]]) -> None:
    quote = _find(quotes["harbour"], "breakwater would be finished")
    assert (quote.speaker, quote.kind, quote.negated) == ("Marta Lindqvist", "reported", False)


def test_said_x_and_a_pronoun_that_follows(quotes: dict[str, list[Quote]]) -> None:
    said = _find(quotes["harbour"], "cured faster")
    assert (said.speaker, said.kind) == ("Marta Lindqvist", "direct")
    added = _find(quotes["harbour"], "first ships in June")  # "she added"
    assert added.speaker == "Marta Lindqvist"


def test_x_told_y_and_according_to_x(quotes: dict[str, list[Quote]]) -> None:
    assert _find(quotes["harbour"], "budget had not grown").speaker == "Oskar Brandt"
    assert _find(quotes["harbour"], "dredging of the channel").speaker == "Oskar Brandt"


def test_x_wrote_in_a_letter(quotes: dict[str, list[Quote]]) -> None:
    assert _find(quotes["harbour"], "noise at night").speaker == "Tomas Varga"


def test_denials_stay_denials(quotes: dict[str, list[Quote]]) -> None:
    denied = _find(quotes["harbour"], "paid twice")  # "Brandt denied that ..."
    assert (denied.speaker, denied.negated) == ("Oskar Brandt", True)
    unsaid = _find(quotes["harbour"], "approved the new timetable")  # "did not say whether"
    assert unsaid.negated
    asserted = _find(quotes["harbour"], "breakwater would be finished")
    assert not asserted.negated


def test_a_possessive_or_a_year_is_not_a_speaker(quotes: dict[str, list[Quote]]) -> None:
    quote = _find(quotes["harbour"], "harbour wall was already unsafe")  # "Varga's 1995 letter"
    assert quote.speaker is None
    assert not any((q.speaker or "").startswith(("Varga's", "1995")) for q in quotes["harbour"])


def test_unnamed_speakers_are_shown_unattributed(quotes: dict[str, list[Quote]]) -> None:
    assert _find(quotes["harbour"], "children awake").speaker is None  # "Residents said"


def test_an_attribution_clause_is_not_a_quote(quotes: dict[str, list[Quote]]) -> None:
    crane = _find(quotes["harbour"], "crane fall")
    assert crane.speaker == "Lena Holm"
    assert not any("a nurse at the harbour clinic" in q.text for q in quotes["harbour"])


def test_a_partial_quote_keeps_its_frame(quotes: dict[str, list[Quote]]) -> None:
    quote = _find(quotes["harbour"], "the worst in forty years")
    assert (quote.speaker, quote.kind) == ("Marta Lindqvist", "reported")
    assert "storm had been" in quote.text


def test_quotations_over_sentences_and_paragraphs(quotes: dict[str, list[Quote]]) -> None:
    assert _find(quotes["harbour"], "pumps failed at midnight").speaker == "Oskar Brandt"
    assert _find(quotes["harbour"], "running again by dawn").speaker == "Oskar Brandt"
    # the next paragraph is all quotation, without a frame: the same speaker goes on
    assert _find(quotes["harbour"], "tide did the rest").speaker == "Oskar Brandt"


def test_a_bare_surname_is_the_relative_named_last(quotes: dict[str, list[Quote]]) -> None:
    assert _find(quotes["ferry"], "summer tickets").speaker == "Erik Berg"
    assert _find(quotes["ferry"], "no choice").speaker == "Erik Berg"  # "Berg said" after Erik
    assert _find(quotes["ferry"], "prices were fair").speaker == "Anna Berg"
    assert _find(quotes["ferry"], "pensioners").speaker == "Anna Berg"  # "Berg added" after Anna


def test_unresolved_pronouns_and_titles_are_not_quotes(quotes: dict[str, list[Quote]]) -> None:
    texts = [quote.text for quote in quotes["unsaid"]]
    assert not any("the wind" in text for text in texts)  # "he said", nobody named before
    assert not any("Last Ferry" in text for text in texts)  # a title, no frame


def test_an_unattributed_denial_in_json() -> None:
    """The shared contract's speaker is a string: an unattributed quote is written
    "unattributed" (and read back as None); ``negated`` is an extension of the schema."""
    from newsfuse.render.json import briefing_dict, briefing_from_dict, schema_errors
    from newsfuse.types import Briefing

    quote = Quote("the pier was never closed", ("a",), None, "reported", negated=True)
    briefing = Briefing(
        story_id="s1", headline="Pier", documents=("a",), summary=(), facts=(), conflicts=(),
        quotes=(quote,), timeline=(), entities=(),
    )
    data = briefing_dict(briefing, {})
    assert data["quotes"][0]["speaker"] == "unattributed" and data["quotes"][0]["negated"]
    output = {"newsfuse_version": "0", "generated_at": "now", "documents": [], "stories": [data]}
    assert schema_errors(output) == []
    assert briefing_from_dict(data).quotes == (quote,)
