"""The renderers' one table of sections: every Briefing section has its row, and a section
added the way ``render/sections.py`` says (a field, a row) shows everywhere."""

from __future__ import annotations

from dataclasses import dataclass, replace

import pytest
from render_helpers import Loaded, parse_html, squash

from newsfuse.render import html, markdown, text
from newsfuse.render.json import briefing_dict, briefing_from_dict
from newsfuse.render.sections import SECTIONS, Section
from newsfuse.types import Briefing, Sourced


def test_every_section_of_the_briefing_has_one_row_in_field_order() -> None:
    assert [section.name for section in SECTIONS] == [name for name, _ in Briefing.sections()]


def test_every_row_has_a_template() -> None:
    environment = html._environment()
    for section in SECTIONS:
        assert environment.get_template(section.html)


@dataclass(frozen=True, slots=True)
class WithWarnings(Briefing):
    """A briefing with one more section, as ``types.py`` would declare it."""

    warnings: tuple[Sourced, ...] = ()


@pytest.fixture()
def warned(flood: Loaded, monkeypatch: pytest.MonkeyPatch) -> Loaded:
    """The flood story with a ``warnings`` section and its row in the table (the defaults
    draw it); its one warning cites the rejected page, so that page becomes a source."""
    articles, briefings = flood
    storm = next(b for b in briefings if b.story_id == "s-hilde")
    fields = {name: getattr(storm, name) for name in Briefing.__dataclass_fields__}
    warning = Sourced("Residents were told to stay <home>.", ("rp-77",))
    table = (*SECTIONS, Section("warnings", "Warnings issued"))
    monkeypatch.setattr(text, "SECTIONS", table)
    monkeypatch.setattr(markdown, "SECTIONS", table)
    monkeypatch.setitem(html._environment().globals, "sections", table)
    return articles, [WithWarnings(**fields, warnings=(warning,))]


def test_a_new_section_is_cited_widened_and_round_tripped(warned: Loaded) -> None:
    articles, (briefing,) = warned
    assert briefing.sections()[-1] == ("warnings", Sourced)
    assert briefing.cited_ids()[-1] == "rp-77"
    widened = briefing.map_sources(lambda sources: (*sources, "copy"))
    assert isinstance(widened, WithWarnings)
    assert widened.warnings[0].sources == ("rp-77", "copy")
    data = briefing_dict(briefing, {article.id: article for article in articles})
    assert data["warnings"] == [
        {"text": "Residents were told to stay <home>.", "sources": ["rp-77"]}
    ]
    again = briefing_from_dict(data, WithWarnings)
    assert isinstance(again, WithWarnings)
    assert again.warnings == briefing.warnings


def test_a_new_section_shows_in_every_format(warned: Loaded) -> None:
    articles, briefings = warned
    source = next(
        number for number, doc in enumerate(briefings[0].cited_ids(), 1) if doc == "rp-77"
    )
    shown = text.render_text(articles, briefings, color=False)
    assert "WARNINGS ISSUED\nResidents were told to stay <home>. " f"[{source}]" in shown
    written = markdown.render_markdown(articles, briefings)
    assert (
        "## Warnings issued\n\n- Residents were told to stay &lt;home&gt;. " f"[{source}]"
    ) in written
    page = parse_html(html.render_html(articles, briefings, generated_at="2026-01-01"))
    (section,) = page.find_all("section", "warnings")
    assert squash(section.find_all("h2")[0].text()) == "Warnings issued"
    (item,) = section.find_all("li")
    assert squash(item.text()).startswith("Residents were told to stay <home>.")
    assert [a.attrs["href"] for a in item.find_all("a", "cite")] == ["#doc-rp-77"]


def test_an_empty_new_section_shows_nowhere(warned: Loaded) -> None:
    articles, briefings = warned
    quiet = [replace(briefings[0], warnings=())]
    assert "WARNINGS" not in text.render_text(articles, quiet, color=False)
    assert "Warnings" not in markdown.render_markdown(articles, quiet)
    page = parse_html(html.render_html(articles, quiet, generated_at="2026-01-01"))
    assert page.find_all("section", "warnings") == []
