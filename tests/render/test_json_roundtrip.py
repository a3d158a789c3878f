"""The JSON round trip: Briefing -> story dict (``briefing_dict``) -> Briefing
(``briefing_from_dict``), as the web app reads back what the store keeps."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from render_helpers import Loaded

from newsfuse.render.json import briefing_dict, briefing_from_dict
from newsfuse.render.view import clean_briefing
from newsfuse.types import (
    Article,
    Briefing,
    Conflict,
    Entity,
    Fact,
    Quote,
    Sourced,
    TimelineEvent,
)

REPO = Path(__file__).resolve().parents[2]

_ids = st.sampled_from(["doc-a", "doc-b", "doc-c", "doc-d", "doc-e"])
_text = st.text(max_size=12)
_date = st.dates().map(lambda day: day.isoformat())


def _tuple(of: st.SearchStrategy[Any], *, least: int = 0, unique: bool = False) -> Any:
    return st.lists(of, min_size=least, max_size=3, unique=unique).map(tuple)


def _briefings(*, sourced: bool) -> st.SearchStrategy[Briefing]:
    """Briefings; ``sourced``: as ``briefing_dict`` leaves them (every statement cites a
    document, conflicts have two sides or more, support is at least one, ``outlets`` are
    placeholders), so that the round trip must give them back unchanged."""
    least = 1 if sourced else 0
    sources = _tuple(_ids, least=least, unique=True)
    said = st.builds(Sourced, _text, sources)
    return st.builds(
        Briefing,
        story_id=_text,
        headline=_text,
        documents=_tuple(_ids, unique=True),
        summary=_tuple(said),
        facts=_tuple(
            st.builds(
                Fact, _text, sources, st.integers(least, 9),
                attributed_to=_tuple(_text), variants=_tuple(said),
            )
        ),
        conflicts=_tuple(
            st.builds(
                Conflict, _text, _tuple(said, least=2 * least),
                kind=st.sampled_from(["conflict", "update"]),
            )
        ),
        quotes=_tuple(
            st.builds(Quote, _text, sources, _text, kind=st.sampled_from(["direct", "reported"]))
        ),
        timeline=_tuple(
            st.builds(
                TimelineEvent, _date, _text, sources,
                precision=st.sampled_from(["day", "month", "year"]),
                expression=st.none() | _text,
            )
        ),
        entities=_tuple(
            st.builds(
                Entity, _text, st.sampled_from(["PERSON", "ORG", "PLACE", "EVENT", "OTHER"]),
                _tuple(_text), sources, mentions=st.integers(0, 9), flagged=_tuple(_text),
                place=st.none() | st.dictionaries(_text, _text, max_size=2),
            )
        ),
        first_published=st.none() | _date,
        last_published=st.none() | _date,
        outlets=st.integers(0, 3).map(lambda n: tuple(f"outlet-{i}" for i in range(n))),
    )  # fmt: skip


def _through_json(data: dict[str, Any]) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(json.dumps(data))
    return loaded


@settings(max_examples=150, deadline=None)
@given(_briefings(sourced=True))
def test_a_briefing_comes_back_from_its_json(briefing: Briefing) -> None:
    assert briefing_from_dict(_through_json(briefing_dict(briefing, {}))) == briefing


@settings(max_examples=150, deadline=None)
@given(_briefings(sourced=False))
def test_reading_a_story_dict_back_writes_the_same_dict(briefing: Briefing) -> None:
    data = _through_json(briefing_dict(briefing, {}))
    again = briefing_from_dict(data)
    assert _through_json(briefing_dict(again, {})) == data
    assert again == _as_written(briefing, data)


def _as_written(briefing: Briefing, data: dict[str, Any]) -> Briefing:
    """What the dict keeps of ``briefing``: cleaned, support at least one, outlets counted."""
    clean = clean_briefing(briefing)
    facts = tuple(replace(fact, support=max(1, fact.support)) for fact in clean.facts)
    count = data["independent_outlets"]
    return replace(clean, facts=facts, outlets=tuple(f"outlet-{n}" for n in range(count)))


@pytest.mark.parametrize("name", ["flood", "hostile"])
def test_the_render_fixtures_come_back(name: str, request: pytest.FixtureRequest) -> None:
    articles, briefings = request.getfixturevalue(name)
    _assert_round_trip(articles, briefings)


def _assert_round_trip(articles: list[Article], briefings: list[Briefing]) -> None:
    by_id = {article.id: article for article in articles}
    for briefing in briefings:
        data = _through_json(briefing_dict(briefing, by_id))
        again = briefing_from_dict(data)
        assert _through_json(briefing_dict(again, by_id)) == data
        expected = _as_written(briefing, data)
        first, last = data["first_published"], data["last_published"]
        assert again == replace(expected, first_published=first, last_published=last)


@pytest.mark.slow  # loads spaCy and the embedder, briefs the examples
def test_the_examples_briefings_come_back(tmp_path: Path) -> None:
    from newsfuse.pipeline import StreamingBrief, read_articles
    from newsfuse.spill import Spill

    articles = []
    with Spill(tmp_path) as spill:
        brief = StreamingBrief(spill, words=120)
        for article in read_articles([str(REPO / "examples")], workers=1):
            articles.append(article)
            brief.add(article)
        briefings = brief.briefings()
    assert len(briefings) >= 2
    _assert_round_trip(articles, briefings)


def test_a_section_missing_from_a_stored_dict_reads_as_empty(flood: Loaded) -> None:
    articles, briefings = flood
    data = briefing_dict(briefings[1], {article.id: article for article in articles})
    del data["timeline"]
    again = briefing_from_dict(data)
    assert again.timeline == ()
    assert again.facts
