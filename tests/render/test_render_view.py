"""What every format shares: safe links, source numbering, story order, coverage, the chart."""

from __future__ import annotations

from dataclasses import replace

import pytest
from render_helpers import Loaded

from newsfuse.render.chart import timeline_chart
from newsfuse.render.view import build_page, coverage_parts, date_range, display_date, safe_href
from newsfuse.types import Sourced, TimelineEvent


@pytest.mark.parametrize(
    "url",
    [
        "http://a.example/x",
        "https://a.example/x?y=1#z",
        "HTTPS://A.EXAMPLE/",
        " https://a.example ",
    ],
)
def test_http_urls_are_links(url: str) -> None:
    assert safe_href(url) == url.strip()


@pytest.mark.parametrize(
    "url",
    [None, "", "javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)",
     "\tjavascript:alert(1)", "java\nscript:alert(1)", "data:text/html,<b>x</b>",
     "vbscript:x", "//evil.example/x", "http:/no-host", "https://a b.example/",
     "file:///etc/passwd", "mailto:a@b.example", "/relative/path", "https://[::1"],
)  # fmt: skip
def test_other_urls_are_not(url: str | None) -> None:
    assert safe_href(url) is None


def test_sources_numbered_in_document_order_then_extra_citations(flood: Loaded) -> None:
    articles, briefings = flood
    storm = briefings[1]
    # a summary sentence citing a document the briefing does not list still gets a number
    extended = replace(storm, summary=(*storm.summary, Sourced("Copied.", ("rp-77",))))
    page = build_page(articles, [extended])
    story = page.stories[0]
    assert [s.doc_id for s in story.sources] == [*storm.documents, "rp-77"]
    assert [s.number for s in story.sources] == [1, 2, 3, 4, 5]
    assert [s.number for s in story.cite(["cr-tx-5", "nw-0311a", "nw-0311a"])] == [1, 3]
    assert "rp-77" not in {a.id for a in page.others}


def test_coverage_line(flood: Loaded) -> None:
    page = build_page(*flood)
    storm, chess = page.stories
    assert coverage_parts(storm.coverage) == [
        "4 outlets",
        "4 articles",
        "first seen 10 Mar 2024",
        "last updated 12 Mar 2024",
        "events 9–14 Mar 2024",  # day-precise events only: not 1987, not "April"
    ]
    assert coverage_parts(chess.coverage) == [
        "1 outlet",
        "1 article",
        "first seen 11 Mar 2024",
        "events on 15 Mar 2024",
    ]


def test_dates_by_precision() -> None:
    assert display_date("2024-03-09") == "9 Mar 2024"
    assert display_date("2024-04-01", "month") == "Apr 2024"
    assert display_date("1987-01-01", "year") == "1987"
    assert display_date(None) == "undated" and display_date("soon") == "soon"
    assert date_range("2024-02-28", "2024-03-02") == "28 Feb – 2 Mar 2024"
    assert date_range("2023-12-30", "2024-01-02") == "30 Dec 2023 – 2 Jan 2024"


def _event(day: str, precision: str = "day") -> TimelineEvent:
    return TimelineEvent(date=day, text=f"on {day}", sources=("a",), precision=precision)  # type: ignore[arg-type]


def test_chart_places_dates_left_to_right_and_hides_far_events() -> None:
    events = [_event("1987-01-01", "year"), _event("2024-03-09"), _event("2024-03-14")]
    chart = timeline_chart(events, ["2024-03-10", "2024-03-10", "2024-03-12"])
    assert chart is not None
    assert chart.hidden == 1
    xs = [mark.x for mark in chart.events]
    assert xs == sorted(xs) and xs[0] == chart.left and xs[-1] == chart.right
    assert [bar.label for bar in chart.articles] == [
        "10 Mar 2024: 2 articles",
        "12 Mar 2024: 1 article",
    ]
    assert chart.articles[0].height > chart.articles[1].height
    assert chart.ticks[0].label == "9 Mar 2024" and chart.ticks[-1].label == "14 Mar"
    gaps = [b.x - a.x for a, b in zip(chart.ticks, chart.ticks[1:], strict=False)]
    assert all(gap > 0 for gap in gaps)


def test_chart_stacks_same_day_events_and_needs_a_date() -> None:
    chart = timeline_chart([_event("2024-03-10"), _event("2024-03-10")], [])
    assert chart is not None
    assert chart.events[0].x == chart.events[1].x and chart.events[0].y != chart.events[1].y
    assert timeline_chart([], [None, None]) is None


def test_outlet_names_come_from_articles_and_group_keys_only_count(flood: Loaded) -> None:
    articles, briefings = flood
    # the radio transcript loses its outlet and has no URL: it is counted, not named
    anonymous = [replace(a, outlet=None) if a.id == "cr-tx-5" else a for a in articles]
    keyed = replace(briefings[1], outlets=("g:wire", "g:tidende", "g:radio", "g:bbd"))
    story = build_page(anonymous, [keyed]).stories[0]
    assert story.coverage.outlets == ("Nordic Wire", "Varnholm Tidende", "Baltic Business Daily")
    assert story.coverage.independent == 4 and story.coverage.unnamed == 1
    radio = next(s for s in story.sources if s.doc_id == "cr-tx-5")
    assert radio.outlet is None and radio.label == "Coastal Radio morning bulletin"
    unkeyed = build_page(anonymous, [replace(keyed, outlets=())]).stories[0]
    assert unkeyed.coverage.independent == 4
    # an outlet known only by its URL is named by the host
    hosted = [replace(a, outlet=None) if a.id == "bbd-2024-311" else a for a in articles]
    assert "bbd.example" in build_page(hosted, [keyed]).stories[0].coverage.outlets
