"""The briefing's ``copies`` section: which documents were set aside as copies of which, in
every format, counted as copies (never as articles or outlets), and absent when there are none."""

from __future__ import annotations

from dataclasses import replace

import pytest
from render_helpers import Loaded, parse_html, squash

from newsfuse.render import html, markdown, text
from newsfuse.render.json import briefing_dict, briefing_from_dict, output_dict, schema_errors
from newsfuse.render.view import Tally, build_page, coverage_parts
from newsfuse.types import Copy


@pytest.fixture()
def copied(flood: Loaded) -> Loaded:
    """The flood story with the Regional Post page (a duplicate of Nordic Wire's report) set
    aside as its copy, as ``build_briefing`` lists it."""
    articles, briefings = flood
    storm = next(b for b in briefings if b.story_id == "s-hilde")
    storm = replace(
        storm, documents=(*storm.documents, "rp-77"), copies=(Copy("nw-0311a", ("rp-77",)),)
    )
    return articles, [storm]


def test_a_copy_is_counted_as_a_copy_not_an_article_nor_an_outlet(copied: Loaded) -> None:
    story = build_page(*copied).stories[0]
    assert story.coverage.tally == Tally(articles=4, copies=1, outlets=4)
    assert coverage_parts(story.coverage)[:3] == ["4 outlets", "4 articles", "1 copy"]


def test_the_copies_round_trip_through_json_and_the_schema(copied: Loaded) -> None:
    articles, briefings = copied
    by_id = {article.id: article for article in articles}
    data = briefing_dict(briefings[0], by_id)
    assert data["copies"] == [{"original": "nw-0311a", "copies": ["rp-77"]}]
    assert briefing_from_dict(data).copies == briefings[0].copies
    output = output_dict(articles, briefings, version="x", generated_at="2026-01-01T00:00:00Z")
    assert schema_errors(output) == []
    output["stories"][0]["copies"][0]["copies"] = []
    assert schema_errors(output)


def test_a_story_without_copies_writes_no_copies_key(flood: Loaded) -> None:
    articles, briefings = flood
    by_id = {article.id: article for article in articles}
    for briefing in briefings:
        assert "copies" not in briefing_dict(briefing, by_id)
    assert briefing_from_dict(briefing_dict(briefings[0], by_id)).copies == ()


def test_the_copies_show_under_their_original_in_every_format(copied: Loaded) -> None:
    articles, briefings = copied
    numbers = {doc: n for n, doc in enumerate(briefings[0].cited_ids(), start=1)}
    original, copy = numbers["nw-0311a"], numbers["rp-77"]
    shown = text.render_text(articles, briefings, color=False)
    assert f"COPIES SET ASIDE\nNordic Wire [{original}]: 1 copy: Regional Post [{copy}]" in shown
    written = markdown.render_markdown(articles, briefings)
    assert (
        f"## Copies set aside\n\n- Nordic Wire [{original}]: _1 copy_: Regional Post [{copy}]"
    ) in written
    page = parse_html(html.render_html(articles, briefings, generated_at="2026-01-01"))
    (section,) = page.find_all("section", "copies")
    (item,) = section.find_all("li")
    shown_item = squash(item.text()).replace("\u2060", "")
    assert shown_item == f"Nordic Wire[{original}]: 1 copy: Regional Post[{copy}]"
    links = [a.attrs["href"] for a in item.find_all("a", "cite")]
    assert links == ["#doc-nw-0311a", "#doc-rp-77"]


def test_no_copies_no_section(flood: Loaded) -> None:
    articles, briefings = flood
    assert "COPIES" not in text.render_text(articles, briefings, color=False)
    assert "Copies set aside" not in markdown.render_markdown(articles, briefings)
    page = parse_html(html.render_html(articles, briefings, generated_at="2026-01-01"))
    assert page.find_all("section", "copies") == []
