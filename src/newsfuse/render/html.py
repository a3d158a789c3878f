"""Briefings as one standalone HTML page: inline CSS, inline SVG, no JavaScript.

Everything that came from a document is escaped by Jinja2's autoescaping (no ``|safe`` on
document text anywhere in the templates); links are made only from http(s) URLs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined

from newsfuse.render.chart import TimelineChart, timeline_chart
from newsfuse.render.sections import SECTIONS, entity_groups
from newsfuse.render.view import (
    DATE_ORIGINS,
    StoryView,
    Tally,
    build_page,
    copies_phrase,
    coverage_parts,
    display_date,
    quotes_by_speaker,
    source_label,
)
from newsfuse.types import Article, Briefing, Entity


def render_html(
    articles: Sequence[Article],
    briefings: Sequence[Briefing],
    *,
    generated_at: str,
    version: str | None = None,
) -> str:
    """One page: every story (most outlets first) with its sections and its sources."""
    page = build_page(articles, briefings)
    if len(page.stories) == 1:
        title = page.stories[0].briefing.headline
    else:
        title = f"newsfuse briefing: {len(page.stories)} stories"
    return (
        _environment()
        .get_template("page.html")
        .render(
            page=page,
            title=title,
            generated_at=generated_at,
            version=version,
        )
    )


def with_texts(
    articles: Sequence[Article],
    briefings: Sequence[Briefing],
    full: Callable[[str], Article | None],
) -> list[Article]:
    """``articles`` with every document a briefing names (:meth:`Briefing.cited_ids`) as
    ``full(id)`` when found: the page shows each source's text, slim records lack it."""
    wanted = {doc_id for briefing in briefings for doc_id in briefing.cited_ids()}
    return [
        (full(article.id) or article) if article.id in wanted else article
        for article in articles
    ]


@lru_cache(maxsize=1)
def _environment() -> Environment:
    environment = Environment(
        loader=PackageLoader("newsfuse.render", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.globals.update(template_globals(cite_href=lambda ref: f"#{ref.anchor}"))
    return environment


def template_globals(*, cite_href: Callable[[Any], str]) -> dict[str, Any]:
    """What the briefing templates call. ``cite_href(ref)`` is where a citation marker links:
    the source's anchor on a standalone page, the cleaned article's page in the web app."""
    return {
        "Tally": Tally,
        "copies_phrase": copies_phrase,
        "coverage_parts": coverage_parts,
        "date_origins": DATE_ORIGINS,
        "display_date": display_date,
        "display_timestamp": display_timestamp,
        "entity_groups": entity_groups,
        "story_chart": story_chart,
        "support_percent": support_percent,
        "other_aliases": other_aliases,
        "quotes_by_speaker": quotes_by_speaker,
        "source_label": source_label,
        "sections": SECTIONS,
        "cite_href": cite_href,
    }


def display_timestamp(value: str) -> str:
    """``2026-11-22T15:00:00Z`` as ``22 Nov 2026, 15:00 UTC``; other strings as they are."""
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return value
    zone = " UTC" if moment.utcoffset() == timedelta(0) else ""
    return f"{display_date(moment.date().isoformat())}, {moment:%H:%M}{zone}"


def story_chart(story: StoryView) -> TimelineChart | None:
    """The timeline chart of a story: its events and its articles' publication dates."""
    published = [source.published for source in story.sources]
    return timeline_chart(story.briefing.timeline, published)


def other_aliases(entity: Entity) -> list[str]:
    """An entity's aliases other than its canonical name, each once."""
    return [alias for alias in dict.fromkeys(entity.aliases) if alias != entity.name]


def support_percent(support: int, story: StoryView) -> int:
    """A fact's support as a share of the story's outlets (0-100) for the support bar."""
    outlets = max(1, story.coverage.independent, support)
    return round(100 * support / outlets)
