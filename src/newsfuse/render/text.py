"""Briefings for the terminal: colour (rich) when asked, plain text without any ANSI code
otherwise. Document text is always shown as text, never read as rich markup."""

from __future__ import annotations

import shutil
from collections.abc import Iterable, Sequence
from io import StringIO

from rich import box
from rich.console import Console, RenderableType
from rich.padding import Padding
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from newsfuse.render.view import (
    DATE_ORIGINS,
    StoryView,
    build_page,
    citation_numbers,
    coverage_parts,
    display_date,
    outlet_label,
    outlet_list,
    quotes_by_speaker,
)
from newsfuse.types import Article, Briefing, Conflict, Entity

ENTITY_GROUPS = (
    ("PERSON", "People"),
    ("ORG", "Organisations"),
    ("PLACE", "Places"),
    ("EVENT", "Events"),
    ("OTHER", "Other"),
)
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
        Text(" · ".join(coverage_parts(story.coverage)), style="dim"),
    ]
    if story.coverage.outlets or story.coverage.unnamed:
        parts.append(Text("Outlets: " + outlet_list(story.coverage), style="dim"))
    sections = (
        ("Summary", _summary(story)),
        ("Key facts", _facts(story)),
        ("Where sources differ", _conflicts(story)),
        ("Quotes", _quotes(story)),
        ("Timeline", _timeline(story)),
        ("Entities", _entities(story)),
        ("Sources", _sources(story)),
    )
    for title, body in sections:
        if body:
            parts.append(Text(""))
            parts.append(Text(title.upper(), style="bold cyan"))
            parts.extend(body)
    parts.append(Text(""))
    return parts


def _cite(story: StoryView, ids: Iterable[str]) -> Text:
    marker = citation_numbers(story.cite(ids))
    return Text(f" {marker}", style="cyan") if marker else Text("")


def _summary(story: StoryView) -> list[RenderableType]:
    paragraph = Text()
    for index, sentence in enumerate(story.briefing.summary):
        if index:
            paragraph.append(" ")
        paragraph.append(sentence.text)
        paragraph.append_text(_cite(story, sentence.sources))
    return [paragraph] if story.briefing.summary else []


def _facts(story: StoryView) -> list[RenderableType]:
    if not story.briefing.facts:
        return []
    outlets = max(1, story.coverage.independent)
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=True)
    table.add_column("#", justify="right", style="dim", no_wrap=True)
    table.add_column("Fact", ratio=3)
    table.add_column("Support", justify="right", no_wrap=True)
    table.add_column("Rests on", style="dim", ratio=1)
    for number, fact in enumerate(story.briefing.facts, start=1):
        text = Text(fact.text)
        text.append_text(_cite(story, fact.sources))
        support = f"{fact.support}/{outlets}"
        table.add_row(str(number), text, support, ", ".join(fact.attributed_to) or "—")
    return [table]


def _conflicts(story: StoryView) -> list[RenderableType]:
    parts: list[RenderableType] = []
    for conflict in story.briefing.conflicts:
        label = "update" if conflict.kind == "update" else "sources disagree"
        heading = Text(conflict.topic, style="bold")
        heading.append(f"  ({label})", style="yellow")
        parts.append(heading)
        parts.append(_sides(story, conflict))
    return parts


def _sides(story: StoryView, conflict: Conflict) -> RenderableType:
    table = Table(box=box.MINIMAL, show_header=False, show_edge=False, expand=True)
    stacked = len(conflict.claims) > 3
    for _ in range(1 if stacked else len(conflict.claims)):
        table.add_column(ratio=1)
    cells: list[Text] = []
    for claim in conflict.claims:
        cell = Text(claim.text)
        cell.append("\n— " + (", ".join(story.outlets_of(claim.sources)) or "?"), style="dim")
        cell.append_text(_cite(story, claim.sources))
        cells.append(cell)
    if stacked:
        for cell in cells:
            table.add_row(cell)
    else:
        table.add_row(*cells)
    return table


def _quotes(story: StoryView) -> list[RenderableType]:
    parts: list[RenderableType] = []
    for speaker, quotes in quotes_by_speaker(story):
        parts.append(Text(speaker, style="bold"))
        for quote in quotes:
            text = Text(f"“{quote.text}”" if quote.kind == "direct" else quote.text)
            if quote.kind == "reported":
                text.stylize("italic")
                text.append(" (reported)", style="dim")
            text.append_text(_cite(story, quote.sources))
            parts.append(Padding(text, (0, 0, 0, 2)))
    return parts


def _timeline(story: StoryView) -> list[RenderableType]:
    if not story.briefing.timeline:
        return []
    grid = Table.grid(padding=(0, 2), expand=True)
    grid.add_column(no_wrap=True, style="bold")
    grid.add_column(ratio=1)
    for event in story.briefing.timeline:
        text = Text(event.text)
        text.append_text(_cite(story, event.sources))
        if event.expression:
            text.append(f"  ({event.expression})", style="dim")
        grid.add_row(display_date(event.date, event.precision), text)
    return [grid]


def _entities(story: StoryView) -> list[RenderableType]:
    parts: list[RenderableType] = []
    for kind, label in ENTITY_GROUPS:
        members = [entity for entity in story.briefing.entities if entity.type == kind]
        if members:
            line = Text(f"{label}: ", style="bold")
            for index, entity in enumerate(members):
                line.append("; " if index else "")
                line.append_text(_entity(entity))
            parts.append(line)
    if any(entity.flagged for entity in story.briefing.entities):
        parts.append(Text("? = alias matched by sound, not spelling", style="dim"))
    return parts


def _entity(entity: Entity) -> Text:
    text = Text(entity.name)
    aliases = [
        f"{alias}?" if alias in entity.flagged else alias
        for alias in entity.aliases
        if alias != entity.name
    ]
    if aliases:
        text.append(f" ({', '.join(aliases)})", style="dim")
    return text


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
        parts.append(Padding(_status_line(article), (0, 0, 0, 2)))
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
    parts: list[RenderableType] = [first, Padding(meta, (0, 0, 0, 2))]
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
