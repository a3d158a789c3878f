"""Terminal output: same order as the page, colour only when asked, document text literal."""

from __future__ import annotations

import re

import pytest
from render_helpers import Loaded, squash

from newsfuse.render.text import render_extract_text, render_text

ANSI = re.compile(r"\x1b[\[\]]")
SECTIONS = ["SUMMARY", "KEY FACTS", "WHERE SOURCES DIFFER", "QUOTES", "TIMELINE", "ENTITIES",
            "SOURCES"]  # fmt: skip


def test_plain_text_has_no_ansi_codes_and_colour_does(flood: Loaded) -> None:
    plain = render_text(*flood, color=False)
    assert not ANSI.search(plain) and "\x1b" not in plain
    coloured = render_text(*flood, color=True, width=100)
    assert ANSI.search(coloured)
    assert squash(ANSI.sub("", coloured)) != ""


def test_extract_listing_plain_has_no_ansi(flood: Loaded) -> None:
    assert "\x1b" not in render_extract_text(flood[0], color=False)
    assert "\x1b" in render_extract_text(flood[0], color=True)


def test_sections_in_page_order_and_stories_most_outlets_first(flood: Loaded) -> None:
    text = render_text(*flood, color=False, width=100)
    storm, chess = (
        text.index("Storm Hilde floods Varnholm harbour, killing five"),
        text.index("Varnholm chess open postponed to May"),
    )
    assert storm < chess
    lines = text[storm:chess].splitlines()
    positions = [lines.index(name) for name in SECTIONS]
    assert positions == sorted(positions)
    assert "4 outlets · 4 articles · first seen 10 Mar 2024" in text


def test_citation_markers_follow_their_sentences(flood: Loaded) -> None:
    text = squash(render_text(*flood, color=False, width=100))
    assert "flooding the old town. [1,2] Five people have died" in text
    assert "two more than first reported. [3,4]" in text
    assert "[4] Baltic Business Daily — Port closure hits salmon exports" in text


def test_facts_show_support_and_agencies(flood: Loaded) -> None:
    text = render_text(*flood, color=False, width=160)
    line = next(line for line in text.splitlines() if "A red warning had been issued" in line)
    assert "1/4" in line and "Norwegian Meteorological Institute" in line


def test_conflict_claims_side_by_side(flood: Loaded) -> None:
    lines = render_text(*flood, color=False, width=120).splitlines()
    assert any(
        "Water flowed over the dam" in ln and "Part of the dam's spillway" in ln for ln in lines
    )
    assert any("— Nordic Wire · 10 Mar 2024 [1]" in ln and "— Coastal Radio" in ln for ln in lines)


@pytest.mark.parametrize("width", [50, 80, 132])
def test_lines_fit_the_width(flood: Loaded, width: int) -> None:
    for line in render_text(*flood, color=False, width=width).splitlines():
        assert len(line) <= width, line


def test_document_text_is_never_read_as_markup(hostile: Loaded) -> None:
    for color in (False, True):
        text = render_text(*hostile, color=color, width=200)
        assert "Other [bold]claim[/bold]" in ANSI.sub("", text)
        assert "\x1b]8;" not in text  # no terminal hyperlink smuggled in by [link=...]
    listing = render_extract_text(hostile[0], color=True, width=200)
    assert "\x1b]8;" not in listing
    plain = render_extract_text(hostile[0], color=False, width=200)
    assert "Rich [bold red]markup[/] [link=https://evil.example]link[/link]" in plain


def test_extract_listing_shows_every_document(flood: Loaded) -> None:
    articles, _ = flood
    full = render_extract_text(articles, color=False, width=100)
    short = render_extract_text(articles, color=False, width=100, body=False)
    for article in articles:
        assert article.id in full and article.id in short
    assert "not an article: cookie consent page" in full
    assert "copy of nw-0311a" in full
    assert "sol berg → Solberg" in full
    paragraph = "About 400 residents of the low-lying quay district"
    assert paragraph in squash(full) and paragraph not in squash(short)


def test_a_wrapped_line_hangs_under_its_item(flood: Loaded) -> None:
    """A long item's continuation is indented under it, never back at column 0."""
    text = render_text(*flood, color=False, width=50)
    lines = text.splitlines()
    coverage = lines.index("4 outlets · 4 articles · first seen 10 Mar 2024 ·")
    assert lines[coverage + 1].startswith("  ") and lines[coverage + 1].strip()
    people = next(n for n, line in enumerate(lines) if line.startswith("People: "))
    assert lines[people + 1] == "  Ingrid Sollberg?); Lars Eide"
    quotes = lines.index("QUOTES")
    said = [line for line in lines[quotes + 1 : lines.index("TIMELINE")] if line.strip()]
    continued = [line for line in said if line.startswith("    ")]
    assert continued, "a quote wraps at width 50"
    starts = [line for line in said if line.startswith("  ") and line[2] != " "]
    speakers = [line for line in said if not line.startswith(" ")]
    assert len(continued) + len(starts) + len(speakers) == len(said)


def test_hanging_wraps_the_rest_to_the_narrower_width() -> None:
    from rich.text import Text

    from newsfuse.render.hanging import Hanging
    from newsfuse.render.text import _print

    words = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu"
    lines = _print([Hanging(Text(words), indent=4)], color=False, width=20).splitlines()
    assert lines == [
        "alpha beta gamma",
        "    delta epsilon",
        "    zeta eta theta",
        "    iota kappa",
        "    lambda mu",
    ]
    assert _print([Hanging(Text("short"))], color=False, width=20) == "short\n"
