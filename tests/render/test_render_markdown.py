"""Markdown output: the same sections, and document text that never turns into markup."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from render_helpers import Loaded, parse_html, squash

from newsfuse.render.markdown import md_escape, md_link, render_markdown

# GFM tables on, raw HTML allowed: the renderer must not rely on a renderer stripping HTML
MARKDOWN = MarkdownIt("commonmark", {"html": True}).enable("table")
OWN_TAGS = {"#root", "h1", "h2", "h3", "p", "ul", "ol", "li", "strong", "em", "a", "table",
            "thead", "tbody", "tr", "th", "td", "blockquote"}  # fmt: skip


def test_sections_and_sources(flood: Loaded) -> None:
    markdown = render_markdown(*flood)
    tree = parse_html(MARKDOWN.render(markdown))
    assert [h.text() for h in tree.find_all("h1")] == [
        "Storm Hilde floods Varnholm harbour, killing five",
        "Varnholm chess open postponed to May",
    ]
    sections = [h.text() for h in tree.find_all("h2")][:6]
    assert sections == ["Key facts", "Where sources differ", "Quotes", "Timeline",
                        "Who and what", "Sources"]  # fmt: skip
    links = [a.attrs["href"] for a in tree.find("ol").find_all("a")]
    assert links[0] == "https://nordicwire.example/2024/03/10/storm-hilde-varnholm"
    assert "flooding the old town. [1,2] Five people have died" in squash(tree.text())


def test_conflicts_are_a_table_with_one_column_per_side(flood: Loaded) -> None:
    tree = parse_html(MARKDOWN.render(render_markdown(*flood)))
    tables = tree.find_all("table")
    dam = next(t for t in tables if "Part of the dam's spillway" in t.text())
    cells = dam.find("tbody").find_all("tr")[0].find_all("td")
    assert [c.text() for c in cells] == [
        "Water flowed over the dam, but the structure held.",
        "Part of the dam's spillway gave way overnight.",
    ]
    outlets = [c.text() for c in dam.find("tbody").find_all("tr")[1].find_all("td")]
    # each side: its outlets, its earliest publication day, its citations
    assert [cell.split(" · ")[0] for cell in outlets] == ["Nordic Wire", "Coastal Radio"]
    assert outlets[0] == "Nordic Wire · 10 Mar 2024 [1]" and outlets[1].endswith("[3]")


def test_hostile_documents_render_as_text_only(hostile: Loaded) -> None:
    markdown = render_markdown(*hostile)
    tree = parse_html(MARKDOWN.render(markdown))
    assert {node.tag for node in tree.iter()} <= OWN_TAGS
    for node in tree.iter():
        assert not [name for name in node.attrs if name.startswith("on")]
        if "href" in node.attrs:
            assert node.attrs["href"].startswith("https://ok.example/")
    text = squash(tree.text())
    for literal in (
        "</title><script>alert('headline')</script>",
        "[link](javascript:alert('summary-md'))",
        "Fact <img src=x onerror=alert('fact')> | pipe",
        "Wire | with *stars* and _under_ and `tick`",
        "<script>alert('reason')</script>",
    ):
        assert literal in text, literal


_TEXT = st.text(st.characters(exclude_categories=("Cc", "Cs")), min_size=1, max_size=80)


@settings(max_examples=300, deadline=None)
@given(_TEXT.filter(lambda text: text.strip()))
def test_escaped_text_renders_back_to_itself(text: str) -> None:
    html = MARKDOWN.render(md_escape(text))
    tree = parse_html(html)
    assert [node.tag for node in tree.iter()] == ["#root", "p"], html
    assert tree.find("p").text() == " ".join(text.split())


def test_links_keep_their_destination_inside_the_parentheses() -> None:
    url = 'https://ok.example/a b)(<x>"y'
    tree = parse_html(MARKDOWN.render(md_link("title [x]", url)))
    link = tree.find("a")
    assert link.text() == "title [x]"
    assert link.attrs["href"].startswith("https://ok.example/a%20b%29%28%3Cx%3E%22y")
