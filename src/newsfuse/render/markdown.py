"""Briefings as Markdown (CommonMark + GFM tables). Document text is escaped so that it can
never become a link, an image, a heading or raw HTML."""

from __future__ import annotations

from collections.abc import Sequence

from newsfuse.render.escape import md_escape, md_link
from newsfuse.render.sections import SECTIONS
from newsfuse.render.view import (
    PageView,
    StoryView,
    build_page,
    coverage_parts,
    display_date,
    outlet_list,
)
from newsfuse.types import Article, Briefing

__all__ = ["md_escape", "md_link", "render_markdown"]


def render_markdown(articles: Sequence[Article], briefings: Sequence[Briefing]) -> str:
    """Every story (most outlets first) with its sections and numbered sources."""
    page = build_page(articles, briefings)
    blocks: list[str] = []
    for story in page.stories:
        blocks.extend(_story(story))
    if page.others:
        blocks.extend(_others(page))
    if not page.stories:
        blocks.append("_No stories were found in these documents._")
    return "\n\n".join(blocks) + "\n"


def _story(story: StoryView) -> list[str]:
    briefing = story.briefing
    coverage = " · ".join(coverage_parts(story.coverage))
    blocks = [f"# {md_escape(briefing.headline)}", md_escape(coverage)]
    if story.coverage.outlets or story.coverage.unnamed:
        blocks.append("Outlets: " + md_escape(outlet_list(story.coverage)))
    sections = [
        (section.title if section.heading else None, section.markdown(story, section.items(story)))
        for section in SECTIONS
    ]
    for title, body in [*sections, ("Sources", _sources(story))]:
        if body:
            blocks.extend([f"## {title}"] if title else [])
            blocks.extend(body)
    return blocks


def _sources(story: StoryView) -> list[str]:
    lines = []
    for source in story.sources:
        title = md_link(source.title, source.href) if source.href else md_escape(source.title)
        lines.append(
            f"{source.number}. {_bold(source.outlet)}{title} · "
            f"{md_escape(display_date(source.published))}"
        )
    return ["\n".join(lines)]


def _bold(outlet: str | None) -> str:
    return f"**{md_escape(outlet)}**: " if outlet else ""


def _others(page: PageView) -> list[str]:
    lines = []
    for article in page.others:
        if article.status == "duplicate":
            why = f"copy of {md_escape(article.duplicate_of or '?')}"
        elif article.status == "rejected":
            why = md_escape(article.reason or "no reason given")
        else:
            why = "clustered into no story"
        name = md_escape(article.title or article.source)
        lines.append(f"- {name} ({md_escape(article.id)}): {article.status}, {why}")
    return ["## Documents not in any story", "\n".join(lines)]
