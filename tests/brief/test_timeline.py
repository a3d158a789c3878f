"""Timeline of the invented fixture story (tests/fixtures/entities), published 2024-03-15 (Fri)."""

from dataclasses import replace

import pytest
from test_entities import fixture_story

from newsfuse.brief.timeline import build_timeline, story_date
from newsfuse.types import AnalyzedArticle, TimelineEvent


@pytest.fixture(scope="module")
def timeline() -> list[TimelineEvent]:
    return build_timeline(fixture_story())


def _on(timeline: list[TimelineEvent], date: str, words: str) -> TimelineEvent:
    matches = [e for e in timeline if e.date == date and words.lower() in e.text.lower()]
    assert matches, f"no event on {date} with {words!r}: {[(e.date, e.text) for e in timeline]}"
    return matches[0]


def test_events_are_in_date_order(timeline: list[TimelineEvent]) -> None:
    dates = [event.date for event in timeline]
    assert dates == sorted(dates)


def test_weekdays_resolve_against_each_documents_date(timeline: list[TimelineEvent]) -> None:
    meeting = _on(timeline, "2024-03-14", "Jeddah")  # Thursday, the day before 15 March
    assert {"a_wire", "b_daily", "c_transcript"} <= set(meeting.sources)  # one event, merged
    _on(timeline, "2024-03-13", "arrived in Jeddah")  # "on Wednesday evening"


def test_future_weekday_is_the_next_one(timeline: list[TimelineEvent]) -> None:
    event = _on(timeline, "2024-03-19", "meet again")  # "will meet again on Tuesday"
    assert event.precision == "day"


def test_year_and_month_keep_their_precision(timeline: list[TimelineEvent]) -> None:
    assert _on(timeline, "2023-01-01", "first visited").precision == "year"
    assert _on(timeline, "2024-03-01", "Tartus").precision == "month"
    assert _on(timeline, "2024-06-01", "ready to host").precision == "month"


def test_undated_documents_take_the_story_date() -> None:
    story = fixture_story()
    assert story_date(story) == "2024-03-15"
    undated = [
        AnalyzedArticle(replace(a.article, published=None), a.sentences)
        for a in story
        if a.id != "c_transcript"
    ]
    events = build_timeline(undated, story_date="2024-03-15")
    assert any(e.date == "2024-03-14" for e in events)
    # No date anywhere: only absolute dates ("in 2023") can be placed.
    assert [(e.date, e.precision) for e in build_timeline(undated)] == [("2023-01-01", "year")]
