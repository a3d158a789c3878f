"""Briefings as Markdown (CommonMark + GFM tables). Document text is escaped so that it can
never become a link, an image, a heading or raw HTML."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from urllib.parse import quote as url_quote

from newsfuse.render.text import ENTITY_GROUPS
from newsfuse.render.view import (
    PageView,
    StoryView,
    build_page,
    citation_numbers,
    coverage_parts,
    display_date,
    outlet_list,
    quotes_by_speaker,
)
from newsfuse.types import Article, Briefing, Conflict, Entity

_SPECIAL = re.compile(r"([\\`*_\[\]#|~])")
_LINE_START = re.compile(r"^(\d+)([.)])|^([-+=])")
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_URL_SAFE = ":/?#@!$&'*+,;=%~-._[]"


def md_escape(text: str) -> str:
    """``text`` as literal Markdown: one line, ``& < >`` as entities, emphasis, code, link,
    heading and table characters backslash-escaped, and no list marker at its start."""
    flat = " ".join(text.split())
    escaped = _SPECIAL.sub(r"\\\1", "".join(_HTML.get(char, char) for char in flat))
    return _LINE_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", escaped)


def md_link(label: str, url: str) -> str:
    """A link whose destination cannot break out of its parentheses."""
    return f"[{md_escape(label)}](<{url_quote(url, safe=_URL_SAFE)}>)"


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
    if briefing.summary:
        sentences = (md_escape(item.text) + _cite(story, item.sources) for item in briefing.summary)
        blocks.append(" ".join(sentences))
    sections = (
        ("Key facts", _facts(story)),
        ("Where sources differ", _conflicts(story)),
        ("Quotes", _quotes(story)),
        ("Timeline", _timeline(story)),
        ("Who and what", _entities(story)),
        ("Sources", _sources(story)),
    )
    for title, body in sections:
        if body:
            blocks.append(f"## {title}")
            blocks.extend(body)
    return blocks


def _cite(story: StoryView, ids: Iterable[str]) -> str:
    marker = citation_numbers(story.cite(ids))
    return f" {marker}" if marker else ""


def _facts(story: StoryView) -> list[str]:
    if not story.briefing.facts:
        return []
    outlets = story.coverage.independent
    rows = ["| # | Fact | Support | Rests on |", "|--:|---|--:|---|"]
    for number, fact in enumerate(story.briefing.facts, start=1):
        support = f"{fact.support} of {outlets}" if outlets else str(fact.support)
        rests = ", ".join(md_escape(name) for name in fact.attributed_to) or "—"
        rows.append(
            f"| {number} | {md_escape(fact.text)}{_cite(story, fact.sources)} "
            f"| {support} | {rests} |"
        )
    return ["\n".join(rows)]


def _conflicts(story: StoryView) -> list[str]:
    blocks: list[str] = []
    for conflict in story.briefing.conflicts:
        label = "updated" if conflict.kind == "update" else "sources disagree"
        blocks.append(f"### {md_escape(conflict.topic)} ({label})")
        blocks.append(_sides(story, conflict))
    return blocks


def _sides(story: StoryView, conflict: Conflict) -> str:
    """The claims side by side: one table column per claim."""
    header = "| " + " | ".join(_side_label(conflict, i) for i in range(len(conflict.claims))) + " |"
    rule = "|" + "---|" * len(conflict.claims)
    claims = "| " + " | ".join(md_escape(claim.text) for claim in conflict.claims) + " |"
    outlets = (
        "| "
        + " | ".join(
            "_"
            + md_escape(", ".join(story.outlets_of(claim.sources)) or "?")
            + "_"
            + _cite(story, claim.sources)
            for claim in conflict.claims
        )
        + " |"
    )
    return "\n".join([header, rule, claims, outlets])


def _side_label(conflict: Conflict, index: int) -> str:
    if conflict.kind != "update":
        return f"Side {chr(ord('A') + index)}" if index < 26 else f"Side {index + 1}"
    if index == 0:
        return "Earlier report"
    return "Latest report" if index == len(conflict.claims) - 1 else "Later report"


def _quotes(story: StoryView) -> list[str]:
    blocks = []
    for speaker, quotes in quotes_by_speaker(story):
        lines = [f"**{md_escape(speaker)}**"]
        for quote in quotes:
            text = md_escape(quote.text)
            text = f"“{text}”" if quote.kind == "direct" else f"_{text}_ (reported)"
            lines.append(f"- {text}{_cite(story, quote.sources)}")
        blocks.append("\n".join(lines))
    return blocks


def _timeline(story: StoryView) -> list[str]:
    lines = []
    for event in story.briefing.timeline:
        expression = f" (“{md_escape(event.expression)}”)" if event.expression else ""
        lines.append(
            f"- **{md_escape(display_date(event.date, event.precision))}** "
            f"{md_escape(event.text)}{_cite(story, event.sources)}{expression}"
        )
    return ["\n".join(lines)] if lines else []


def _entities(story: StoryView) -> list[str]:
    lines = []
    for kind, label in ENTITY_GROUPS:
        members = [entity for entity in story.briefing.entities if entity.type == kind]
        if members:
            lines.append(f"- **{label}:** " + "; ".join(_entity(entity) for entity in members))
    if any(entity.flagged for entity in story.briefing.entities):
        lines.append("- _Aliases marked (?) were matched by sound, not spelling._")
    return ["\n".join(lines)] if lines else []


def _entity(entity: Entity) -> str:
    aliases = [
        md_escape(alias) + (" (?)" if alias in entity.flagged else "")
        for alias in dict.fromkeys(entity.aliases)
        if alias != entity.name
    ]
    return md_escape(entity.name) + (f" (also {', '.join(aliases)})" if aliases else "")


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
