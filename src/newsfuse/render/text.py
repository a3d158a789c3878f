"""Briefings for the terminal: colour (rich) when asked, plain text without any ANSI code
otherwise. Document text is always shown as text, never read as rich markup."""

from __future__ import annotations

import shutil
from collections.abc import Iterable, Sequence
from io import StringIO

from rich.console import Console, RenderableType
from rich.padding import Padding
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from newsfuse.render.hanging import Hanging
from newsfuse.render.sections import SECTIONS
from newsfuse.render.view import (
    DATE_ORIGINS,
    StoryView,
    build_page,
    coverage_parts,
    display_date,
    outlet_label,
    outlet_list,
)
from newsfuse.types import Article, Briefing

_MAX_WIDTH = 100
_PLAIN_WIDTH = 80


def render_text(
    articles: Sequence[Article],
    briefings: Sequence[Briefing],
    *,
    color: bool,
    width: int | None = None,
) -> str:
    """Every story (most outlets first) with its sections, then the sources it cites."""
    page = build_page(articles, briefings)
    parts: list[RenderableType] = []
    for index, story in enumerate(page.stories, start=1):
        if len(page.stories) > 1:
            parts.append(Rule(f"story {index} of {len(page.stories)}", style="dim", align="left"))
        parts.extend(_story(story))
    if page.others:
        parts.extend(_others(page.others))
    if not page.stories:
        parts.append(Text("No stories.", style="dim"))
    return _print(parts, color=color, width=width)


def render_extract_text(
    articles: Sequence[Article],
    *,
    color: bool,
    width: int | None = None,
    body: bool = True,
) -> str:
    """Every document with its status, metadata and (when ``body``) its cleaned text."""
    parts: list[RenderableType] = []
    for article in articles:
        parts.extend(_document(article, body=body))
    if not articles:
        parts.append(Text("No documents.", style="dim"))
    return _print(parts, color=color, width=width)


def _print(parts: Iterable[RenderableType], *, color: bool, width: int | None) -> str:
    buffer = StringIO()
    console = Console(
        file=buffer,
        width=width or _default_width(color),
        color_system="standard" if color else None,
        force_terminal=color,
        no_color=not color,
        highlight=False,
        emoji=False,
        markup=False,
        legacy_windows=False,
    )
    for part in parts:
        console.print(part)
    output = buffer.getvalue()
    return output if color else "\n".join(line.rstrip() for line in output.split("\n"))


def _default_width(color: bool) -> int:
    if not color:
        return _PLAIN_WIDTH
    return max(40, min(_MAX_WIDTH, shutil.get_terminal_size((_PLAIN_WIDTH, 24)).columns))


def _story(story: StoryView) -> list[RenderableType]:
    briefing = story.briefing
    parts: list[RenderableType] = [
        Text(briefing.headline, style="bold"),
        Hanging(Text(" · ".join(coverage_parts(story.coverage)), style="dim")),
    ]
    if story.coverage.outlets or story.coverage.unnamed:
        parts.append(Hanging(Text("Outlets: " + outlet_list(story.coverage), style="dim")))
    sections = [
        (section.text_title or section.title, section.text(story, section.items(story)))
        for section in SECTIONS
    ]
    for title, body in [*sections, ("Sources", _sources(story))]:
        if body:
            parts.append(Text(""))
            parts.append(Text(title.upper(), style="bold cyan"))
            parts.extend(body)
    parts.append(Text(""))
    return parts


def _sources(story: StoryView) -> list[RenderableType]:
    grid = Table.grid(padding=(0, 1), expand=True)
    grid.add_column(no_wrap=True, style="cyan")
    grid.add_column(ratio=1)
    for source in story.sources:
        line = Text(f"{source.outlet} — " if source.outlet else "", style="bold")
        line.append(source.title)
        line.append(f" · {display_date(source.published)}", style="dim")
        if source.href:
            line.append(f"\n{source.href}", style="dim")
        grid.add_row(f"[{source.number}]", line)
    return [grid]


def _others(others: Sequence[Article]) -> list[RenderableType]:
    parts: list[RenderableType] = [Text("OTHER DOCUMENTS", style="bold cyan")]
    for article in others:
        parts.append(Padding(Hanging(_status_line(article)), (0, 0, 0, 2)))
    parts.append(Text(""))
    return parts


def _status_line(article: Article) -> Text:
    line = Text(f"{article.status:<9} ", style=_STATUS_STYLE[article.status])
    line.append(article.id, style="bold")
    line.append(f"  {article.title or article.source}")
    if article.status == "duplicate":
        line.append(f"  (copy of {article.duplicate_of or '?'})", style="dim")
    elif article.status == "rejected":
        line.append(f"  ({article.reason or 'no reason given'})", style="dim")
    elif article.status == "ok":
        line.append("  (in no story)", style="dim")
    return line


_STATUS_STYLE = {"ok": "green", "duplicate": "yellow", "rejected": "red"}


def _document(article: Article, *, body: bool) -> list[RenderableType]:
    first = _status_line(article) if article.status != "ok" else _ok_line(article)
    meta = Text(" · ".join(_document_meta(article)), style="dim")
    parts: list[RenderableType] = [Hanging(first), Padding(Hanging(meta), (0, 0, 0, 2))]
    if article.transcript:
        parts.append(Padding(_repairs(article), (0, 0, 0, 2)))
    if body and article.blocks:
        for block in article.blocks:
            style = "bold" if block.kind == "heading" else ""
            parts.append(Padding(Text(block.text, style=style), (1, 0, 0, 4)))
    parts.append(Text(""))
    return parts


def _document_meta(article: Article) -> list[str]:
    if article.status == "rejected":
        crawled = f"crawled {article.crawl_date}" if article.crawl_date else ""
        return [item for item in (article.source, crawled) if item]
    when = display_date(article.published)
    if article.published_signal in DATE_ORIGINS:
        when += f" ({DATE_ORIGINS[article.published_signal]})"
    meta = [
        outlet_label(article) or "",
        when,
        article.author or "",
        article.language or "",
        f"{article.word_count} words",
        article.source,
    ]
    return [item for item in meta if item]


def _ok_line(article: Article) -> Text:
    line = Text(f"{article.status:<9} ", style=_STATUS_STYLE[article.status])
    line.append(article.id, style="bold")
    line.append(f"  {article.title or '(no title)'}")
    return line


def _repairs(article: Article) -> Text:
    text = Text(f"transcript, {len(article.repairs)} repairs", style="dim")
    for repair in article.repairs[:10]:
        text.append(f"; {repair.original} → {repair.replacement}", style="dim")
    return text
