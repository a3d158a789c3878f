"""The standalone HTML page: structure, citations, sections, and escaping of hostile text."""

from __future__ import annotations

import re

import pytest
from render_helpers import Loaded, Node, parse_html, squash

from newsfuse.render.html import render_html

STAMP = "2026-11-22T15:00:00Z"
# every element the page itself uses: anything else came from a document
OWN_TAGS = {
    "#root", "html", "head", "meta", "title", "style", "body", "header", "main", "footer",
    "nav", "h1", "h2", "h3", "h4", "p", "span", "a", "ol", "ul", "li", "section", "article",
    "table", "thead", "tbody", "tr", "th", "td", "details", "summary", "div", "figure",
    "figcaption", "blockquote", "time", "mark", "code", "s", "svg", "line", "text", "rect",
    "circle",
}  # fmt: skip


def _page(loaded: Loaded) -> tuple[str, Node]:
    articles, briefings = loaded
    markup = render_html(articles, briefings, generated_at=STAMP, version="0.1.0")
    return markup, parse_html(markup)


def _story(tree: Node, headline_start: str) -> Node:
    for story in tree.find_all("article", "story"):
        if story.find("h1").text().startswith(headline_start):
            return story
    raise AssertionError(f"no story headed {headline_start!r}")


def _ids(tree: Node) -> dict[str, Node]:
    return {node.attrs["id"]: node for node in tree.iter() if "id" in node.attrs}


def test_every_summary_sentence_links_to_existing_sources(flood: Loaded) -> None:
    _, tree = _page(flood)
    ids = _ids(tree)
    storm = _story(tree, "Storm Hilde")
    sentences = storm.find("section", "summary").find_all("span", "sentence")
    assert len(sentences) == len(flood[1][1].summary)
    for sentence, expected in zip(sentences, flood[1][1].summary, strict=True):
        cites = sentence.find_all("a", "cite")
        assert len(cites) == len(set(expected.sources))
        for cite in cites:
            target = ids[cite.attrs["href"].removeprefix("#")]
            assert target.tag == "li" and "source" in target.attrs["class"]
            number = target.find("span", "source-number").text()
            assert cite.text() == f"[{number}]"
            assert target.attrs["id"].startswith("doc-")


def test_sources_list_outlet_title_date_and_cleaned_text(flood: Loaded) -> None:
    _, tree = _page(flood)
    wire = _ids(tree)["doc-nw-0311a"]
    text = squash(wire.text())
    assert "Nordic Wire" in text and "Storm Hilde floods Varnholm harbour; three dead" in text
    assert "10 Mar 2024" in text
    link = wire.find("a", "source-title")
    assert link.attrs["href"] == "https://nordicwire.example/2024/03/10/storm-hilde-varnholm"
    body = wire.find("details", "article-text")
    assert "About 400 residents of the low-lying quay district" in body.text()
    assert body.find("h4").text() == "Dam held"


def test_facts_in_given_order_with_support_and_agencies(flood: Loaded) -> None:
    _, tree = _page(flood)
    facts = flood[1][1].facts
    rows = _story(tree, "Storm Hilde").find("section", "facts").find("tbody").find_all("tr")
    assert len(rows) == len(facts)
    for row, fact in zip(rows, facts, strict=True):
        assert squash(row.find("td", "fact").text()).startswith(fact.text)
        support = squash(row.find("td", "support").text())
        assert support == f"{fact.support} of 4"
        rests = row.find("td", "rests").text()
        assert all(name in rests for name in fact.attributed_to)
    assert "1 other wording" in rows[0].find("details", "variants").text()


def test_conflicts_are_side_by_side_with_their_outlets(flood: Loaded) -> None:
    markup, tree = _page(flood)
    articles = {a.id: a for a in flood[0]}
    conflicts = _story(tree, "Storm Hilde").find_all("div", "conflict")
    assert len(conflicts) == len(flood[1][1].conflicts)
    for node, conflict in zip(conflicts, flood[1][1].conflicts, strict=True):
        assert conflict.topic in node.find("h3").text()
        sides = node.find("div", "sides").find_all("div", "side")
        assert len(sides) == len(conflict.claims) >= 2
        for side, claim in zip(sides, conflict.claims, strict=True):
            assert side.find("p", "claim").text() == claim.text
            outlets = side.find("p", "side-outlets").text()
            for doc_id in claim.sources:
                assert articles[doc_id].outlet in outlets
    assert "conflict-update" in conflicts[0].attrs["class"]
    assert re.search(r"\.sides\s*\{[^}]*display:\s*grid", markup)


def test_quotes_timeline_and_entities(flood: Loaded) -> None:
    _, tree = _page(flood)
    storm = _story(tree, "Storm Hilde")
    speakers = [node.text() for node in storm.find_all("span", "speaker")]
    assert speakers == ["Ingrid Solberg", "Lars Eide"]
    events = storm.find("ol", "events").find_all("li")
    assert [e.find("time").attrs["datetime"] for e in events] == [
        e.date for e in flood[1][1].timeline
    ]
    chart = storm.find("figure", "chart")
    # 1987 lies far outside the coverage, "April" beyond the day-precise events: listed only
    assert len(chart.find_all("circle")) == len(events) - 2
    assert "2 earlier or later events" in chart.find("figcaption").text()
    assert len(chart.find_all("rect", "article")) == 3  # articles on 10, 11 and 12 March
    flagged = storm.find("div", "entity-groups").find_all("mark", "flagged")
    assert [node.text() for node in flagged] == ["Ingrid Sollberg"]


def test_stories_most_outlets_first_with_contents(flood: Loaded) -> None:
    _, tree = _page(flood)
    headlines = [story.find("h1").text() for story in tree.find_all("article", "story")]
    assert headlines[0].startswith("Storm Hilde") and headlines[1].startswith("Varnholm chess")
    links = [a.attrs["href"] for a in tree.find("nav", "contents").find_all("a")]
    ids = _ids(tree)
    assert all(ids[href[1:]].tag == "article" for href in links)


def test_documents_in_no_story_are_listed_with_why(flood: Loaded) -> None:
    _, tree = _page(flood)
    others = tree.find("section", "others")
    text = squash(others.text())
    assert "not an article: cookie consent page" in text
    copy = [a for a in others.find_all("a") if a.text() == "nw-0311a"]
    assert copy and copy[0].attrs["href"] == "#doc-nw-0311a"


def test_page_is_standalone_and_has_no_javascript(flood: Loaded) -> None:
    markup, tree = _page(flood)
    assert not tree.find_all("script") and not tree.find_all("link")
    assert tree.find_all("style") and "@media print" in markup and "@media (max-width" in markup
    for node in tree.iter():
        assert not [name for name in node.attrs if name.startswith("on")], node.tag
        assert "src" not in node.attrs


def test_hostile_text_is_escaped_everywhere(hostile: Loaded) -> None:
    markup, tree = _page(hostile)
    assert {node.tag for node in tree.iter()} <= OWN_TAGS
    for node in tree.iter():
        assert not [name for name in node.attrs if name.startswith("on")], node.tag
        href = node.attrs.get("href")
        if href is not None:
            assert href.startswith(("#", "http://", "https://")), href
            assert "javascript" not in href.lower()
    text = squash(tree.text())
    for literal in (
        "<script>alert('title')</script> Breaking",
        "Evil <img src=x onerror=alert('outlet')>",
        "Summary <svg onload=alert('summary')>",
        "<b onclick=alert('speaker')>Bob</b>",
        "<script>alert('reason')</script>",
        "{{ 7*7 }}",
    ):
        assert literal in text, literal
    assert "49" not in text
    assert "<script" not in markup.lower()


def test_hostile_urls_never_become_links(hostile: Loaded) -> None:
    _, tree = _page(hostile)
    hrefs = [a.attrs["href"] for a in tree.find_all("a") if not a.attrs["href"].startswith("#")]
    # only evil-3 has an http(s) URL; its quotes and brackets stay inside the attribute
    assert hrefs == ["https://ok.example/path?q=\"><script>alert('href')</script>"]


def test_hostile_ids_make_safe_working_anchors(hostile: Loaded) -> None:
    _, tree = _page(hostile)
    ids = _ids(tree)
    for cite in tree.find_all("a", "cite"):
        anchor = cite.attrs["href"][1:]
        assert re.fullmatch(r"[A-Za-z0-9_.:-]+", anchor), anchor
        assert ids[anchor].tag == "li"


@pytest.mark.parametrize("count", [0, 1])
def test_page_with_few_stories_has_no_contents(flood: Loaded, count: int) -> None:
    articles, briefings = flood
    _, tree = _page((articles, briefings[1 : 1 + count]))
    assert not tree.find_all("nav")
    assert len(tree.find_all("article", "story")) == count
