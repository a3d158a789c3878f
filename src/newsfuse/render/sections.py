"""The briefing's sections as the renderers show them: one table, ``SECTIONS``, one row each.

The terminal (``text.py``), Markdown (``markdown.py``) and HTML (``templates/story.html``)
renderers draw a story's frame (headline, coverage, sources) and, between, every row of
``SECTIONS`` in order, skipping empty sections. A row names the ``Briefing`` field, its title,
and how each format draws the section; a section of plain statements (records with ``text``
and ``sources``) needs only its name and title: the defaults draw one line per item with
its citation markers.

A new section touches these files, and no others:

1. ``types.py``: its record and its ``Briefing`` field, ``tuple[<record>, ...] = ()``
   (``sourced``, ``cited_ids``, ``map_sources``, ``keep_sourced``, the JSON round trip, the
   source numbering of every format and the web app's story page find it from the field);
2. ``brief/<section>.py``: the function that builds it;
3. ``brief/__init__.py``: one keyword in ``build_briefing``'s ``Briefing(...)``;
4. ``render/briefing.schema.json``: its JSON shape (the schema is written by hand; a section
   that a story writes only when it has items, like ``copies``, is named in
   ``json.OPTIONAL_SECTIONS`` and left out of the schema's ``required``);
5. this module: its row (and, if the defaults will not do, its text and Markdown functions
   here and its HTML template ``templates/sections/<name>.html``, a new file).

``render/json.py`` changes only if the JSON is not the record's fields in order (see
``json._ITEM_DICTS``). Forgetting a row or the schema fails a test, not silently:
``tests/render/test_sections.py`` checks that every section of ``Briefing`` has a row and
draws a section added the way this list says; ``tests/render/test_json_schema.py`` that
the schema describes every section.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from rich import box
from rich.console import RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from newsfuse.render.escape import md_escape
from newsfuse.render.hanging import Hanging
from newsfuse.render.view import (
    StoryView,
    citation_numbers,
    copies_phrase,
    display_date,
    quotes_by_speaker,
    source_label,
)
from newsfuse.types import Conflict, Copy, Entity

TextSection = Callable[[StoryView, Sequence[Any]], list[RenderableType]]
MarkdownSection = Callable[[StoryView, Sequence[Any]], list[str]]

ENTITY_GROUPS = (
    ("PERSON", "People"),
    ("ORG", "Organisations"),
    ("PLACE", "Places"),
    ("EVENT", "Events"),
    ("OTHER", "Other"),
)


# --------------------------------------------------------------------------- defaults


def text_cite(story: StoryView, ids: Iterable[str]) -> Text:
    """`` [1,3]`` in the terminal's citation style (empty when nothing is cited)."""
    marker = citation_numbers(story.cite(ids))
    return Text(f" {marker}", style="cyan") if marker else Text("")


def md_cite(story: StoryView, ids: Iterable[str]) -> str:
    """`` [1,3]`` after a Markdown statement (empty when nothing is cited)."""
    marker = citation_numbers(story.cite(ids))
    return f" {marker}" if marker else ""


def text_items(story: StoryView, items: Sequence[Any]) -> list[RenderableType]:
    """One line per statement with its citation markers."""
    lines: list[RenderableType] = []
    for item in items:
        line = Text(item.text)
        line.append_text(text_cite(story, item.sources))
        lines.append(Hanging(line))
    return lines


def md_items(story: StoryView, items: Sequence[Any]) -> list[str]:
    """A bullet list: one statement per item with its citation markers."""
    lines = [f"- {md_escape(item.text)}{md_cite(story, item.sources)}" for item in items]
    return ["\n".join(lines)] if lines else []


# --------------------------------------------------------------------------- summary


def text_summary(story: StoryView, sentences: Sequence[Any]) -> list[RenderableType]:
    paragraph = Text()
    for index, sentence in enumerate(sentences):
        if index:
            paragraph.append(" ")
        paragraph.append(sentence.text)
        paragraph.append_text(text_cite(story, sentence.sources))
    return [paragraph] if sentences else []


def md_summary(story: StoryView, sentences: Sequence[Any]) -> list[str]:
    text = " ".join(md_escape(item.text) + md_cite(story, item.sources) for item in sentences)
    return [text] if sentences else []


# --------------------------------------------------------------------------- key facts


def text_facts(story: StoryView, facts: Sequence[Any]) -> list[RenderableType]:
    if not facts:
        return []
    outlets = max(1, story.coverage.independent)
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=True)
    table.add_column("#", justify="right", style="dim", no_wrap=True)
    table.add_column("Fact", ratio=3)
    table.add_column("Support", justify="right", no_wrap=True)
    table.add_column("Rests on", style="dim", ratio=1)
    for number, fact in enumerate(facts, start=1):
        text = Text(fact.text)
        text.append_text(text_cite(story, fact.sources))
        support = f"{fact.support}/{outlets}"
        table.add_row(str(number), text, support, ", ".join(rests_on(fact)) or "—")
    return [table]


def rests_on(fact: Any) -> tuple[str, ...]:
    """The primary sources a fact is attributed to, then the agencies whose dispatch it
    rests on ("AP dispatch")."""
    agencies = tuple(f"{name} dispatch" for name in getattr(fact, "agencies", ()))
    return (*fact.attributed_to, *agencies)


def md_facts(story: StoryView, facts: Sequence[Any]) -> list[str]:
    if not facts:
        return []
    outlets = story.coverage.independent
    rows = ["| # | Fact | Support | Rests on |", "|--:|---|--:|---|"]
    for number, fact in enumerate(facts, start=1):
        support = f"{fact.support} of {outlets}" if outlets else str(fact.support)
        rests = ", ".join(md_escape(name) for name in rests_on(fact)) or "—"
        rows.append(
            f"| {number} | {md_escape(fact.text)}{md_cite(story, fact.sources)} "
            f"| {support} | {rests} |"
        )
    return ["\n".join(rows)]


# --------------------------------------------------------------------------- conflicts


def text_conflicts(story: StoryView, conflicts: Sequence[Conflict]) -> list[RenderableType]:
    """Each conflict headed by its attribute and values ("Death toll: 5 -> 24 (update)"),
    then its sides with their outlets and dates (an update's latest first)."""
    parts: list[RenderableType] = []
    for conflict in conflicts:
        heading = Text(conflict.topic, style="bold")
        heading.append(f"  ({conflict_label(conflict)})", style="yellow")
        parts.append(Hanging(heading))
        parts.append(_text_sides(story, conflict))
    return parts


def conflict_label(conflict: Conflict) -> str:
    """What kind of difference a conflict is, as its heading says."""
    return "update" if conflict.kind == "update" else "sources disagree"


def _text_sides(story: StoryView, conflict: Conflict) -> RenderableType:
    table = Table(box=box.MINIMAL, show_header=False, show_edge=False, expand=True)
    stacked = len(conflict.claims) > 3
    for _ in range(1 if stacked else len(conflict.claims)):
        table.add_column(ratio=1)
    cells: list[Text] = []
    for index, claim in enumerate(conflict.claims):
        cell = Text(side_label(conflict, index) + "\n", style="dim") if conflict.kind == (
            "update"
        ) else Text()
        cell.append(claim.text)
        cell.append("\n— " + _side_sources(story, claim.sources), style="dim")
        cell.append_text(text_cite(story, claim.sources))
        cells.append(cell)
    if stacked:
        for cell in cells:
            table.add_row(cell)
    else:
        table.add_row(*cells)
    return table


def _side_sources(story: StoryView, sources: Sequence[str]) -> str:
    """A side's outlets and its earliest publication day: "BBC, AP · 12 Sep 2023"."""
    outlets = ", ".join(story.outlets_of(sources)) or "?"
    first = story.first_date(sources)
    return f"{outlets} · {display_date(first)}" if first else outlets


def md_conflicts(story: StoryView, conflicts: Sequence[Conflict]) -> list[str]:
    blocks: list[str] = []
    for conflict in conflicts:
        blocks.append(f"### {md_escape(conflict.topic)} ({conflict_label(conflict)})")
        blocks.append(_md_sides(story, conflict))
    return blocks


def _md_sides(story: StoryView, conflict: Conflict) -> str:
    """The claims side by side: one table column per claim."""
    header = "| " + " | ".join(side_label(conflict, i) for i in range(len(conflict.claims))) + " |"
    rule = "|" + "---|" * len(conflict.claims)
    claims = "| " + " | ".join(md_escape(claim.text) for claim in conflict.claims) + " |"
    outlets = (
        "| "
        + " | ".join(
            "_"
            + md_escape(_side_sources(story, claim.sources))
            + "_"
            + md_cite(story, claim.sources)
            for claim in conflict.claims
        )
        + " |"
    )
    return "\n".join([header, rule, claims, outlets])


def side_label(conflict: Conflict, index: int) -> str:
    """"Side A", "Side B" ...; an update's sides are the latest report first, then the
    earlier ones. With values known, the side's value follows ("Side A: 33")."""
    if conflict.kind != "update":
        label = f"Side {chr(ord('A') + index)}" if index < 26 else f"Side {index + 1}"
    else:
        label = "Latest report" if index == 0 else "Earlier report"
    if index < len(conflict.values):
        label += f": {conflict.values[index]}"
    return label


# --------------------------------------------------------------------------- quotes


def text_quotes(story: StoryView, quotes: Sequence[Any]) -> list[RenderableType]:
    parts: list[RenderableType] = []
    for speaker, said in quotes_by_speaker(story):
        parts.append(Text(speaker, style="bold"))
        for quote in said:
            text = Text(f"“{quote.text}”" if quote.kind == "direct" else quote.text)
            if quote.kind == "reported":
                text.stylize("italic")
                text.append(" (reported)", style="dim")
            if quote.negated:
                text.append(" (not asserted: denied or not said)", style="dim")
            text.append_text(text_cite(story, quote.sources))
            parts.append(Padding(Hanging(text), (0, 0, 0, 2)))
    return parts


def md_quotes(story: StoryView, quotes: Sequence[Any]) -> list[str]:
    blocks = []
    for speaker, said in quotes_by_speaker(story):
        lines = [f"**{md_escape(speaker)}**"]
        for quote in said:
            text = md_escape(quote.text)
            text = f"“{text}”" if quote.kind == "direct" else f"_{text}_ (reported)"
            text += " (not asserted: denied or not said)" if quote.negated else ""
            lines.append(f"- {text}{md_cite(story, quote.sources)}")
        blocks.append("\n".join(lines))
    return blocks


# --------------------------------------------------------------------------- timeline


def text_timeline(story: StoryView, events: Sequence[Any]) -> list[RenderableType]:
    if not events:
        return []
    grid = Table.grid(padding=(0, 2), expand=True)
    grid.add_column(no_wrap=True, style="bold")
    grid.add_column(ratio=1)
    for event in events:
        text = Text(event.text)
        text.append_text(text_cite(story, event.sources))
        if event.expression:
            text.append(f"  ({event.expression}{_inferred(event)})", style="dim")
        grid.add_row(display_date(event.date, event.precision), text)
    return [grid]


def md_timeline(story: StoryView, events: Sequence[Any]) -> list[str]:
    lines = []
    for event in events:
        expression = (
            f" (“{md_escape(event.expression)}”{_inferred(event)})" if event.expression else ""
        )
        lines.append(
            f"- **{md_escape(display_date(event.date, event.precision))}** "
            f"{md_escape(event.text)}{md_cite(story, event.sources)}{expression}"
        )
    return ["\n".join(lines)] if lines else []


def _inferred(event: Any) -> str:
    """How a timeline entry says its date was inferred from a publication date, not stated."""
    return ", inferred" if getattr(event, "basis", "stated") == "inferred" else ""


# --------------------------------------------------------------------------- entities


def entity_groups(entities: Sequence[Entity]) -> list[tuple[str, list[Entity]]]:
    """Entities by kind, in a fixed order (people first), empty kinds left out."""
    groups = [
        (label, [entity for entity in entities if entity.type == kind])
        for kind, label in ENTITY_GROUPS
    ]
    return [(label, members) for label, members in groups if members]


def text_entities(story: StoryView, entities: Sequence[Entity]) -> list[RenderableType]:
    parts: list[RenderableType] = []
    for label, members in entity_groups(entities):
        line = Text(f"{label}: ", style="bold")
        for index, entity in enumerate(members):
            line.append("; " if index else "")
            line.append_text(_text_entity(entity))
        parts.append(Hanging(line))
    if any(entity.flagged for entity in entities):
        parts.append(Text("? = alias matched by sound, not spelling", style="dim"))
    return parts


def _text_entity(entity: Entity) -> Text:
    text = Text(entity.name)
    aliases = [
        f"{alias}?" if alias in entity.flagged else alias
        for alias in entity.aliases
        if alias != entity.name
    ]
    if aliases:
        text.append(f" ({', '.join(aliases)})", style="dim")
    return text


def md_entities(story: StoryView, entities: Sequence[Entity]) -> list[str]:
    lines = [
        f"- **{label}:** " + "; ".join(_md_entity(entity) for entity in members)
        for label, members in entity_groups(entities)
    ]
    if any(entity.flagged for entity in entities):
        lines.append("- _Aliases marked (?) were matched by sound, not spelling._")
    return ["\n".join(lines)] if lines else []


def _md_entity(entity: Entity) -> str:
    aliases = [
        md_escape(alias) + (" (?)" if alias in entity.flagged else "")
        for alias in dict.fromkeys(entity.aliases)
        if alias != entity.name
    ]
    return md_escape(entity.name) + (f" (also {', '.join(aliases)})" if aliases else "")


# --------------------------------------------------------------------------- copies


def text_copies(story: StoryView, copies: Sequence[Copy]) -> list[RenderableType]:
    """One line per copied article: ``Daily Beacon [2]: 1 copy: Meridian Press [5]``."""
    lines: list[RenderableType] = []
    for copy in copies:
        line = Text(source_label(story, copy.original))
        line.append_text(text_cite(story, [copy.original]))
        line.append(f": {copies_phrase(len(copy.copies))}: ", style="dim")
        for index, doc_id in enumerate(copy.copies):
            line.append(", " if index else "")
            line.append(source_label(story, doc_id))
            line.append_text(text_cite(story, [doc_id]))
        lines.append(Hanging(line))
    return lines


def md_copies(story: StoryView, copies: Sequence[Copy]) -> list[str]:
    lines = [
        f"- {md_escape(source_label(story, copy.original))}{md_cite(story, [copy.original])}: "
        f"_{copies_phrase(len(copy.copies))}_: "
        + ", ".join(
            md_escape(source_label(story, doc_id)) + md_cite(story, [doc_id])
            for doc_id in copy.copies
        )
        for copy in copies
    ]
    return ["\n".join(lines)] if lines else []


# --------------------------------------------------------------------------- the table


@dataclass(frozen=True, slots=True)
class Section:
    """How the renderers show one ``Briefing`` section.

    ``title`` heads it in every format (upper-cased in the terminal), unless ``text_title``
    gives the terminal its own; ``heading=False`` leaves the Markdown and HTML heading out
    (the summary opens the story). ``text`` and ``markdown`` draw the section's items (empty
    list: nothing shown); ``html`` is its template, which reads ``story``, ``section`` and
    ``items``.
    """

    name: str
    title: str
    text: TextSection = text_items
    markdown: MarkdownSection = md_items
    html: str = "sections/items.html"
    text_title: str | None = None
    heading: bool = True

    def items(self, story: StoryView) -> Sequence[Any]:
        """The section's items in ``story`` (its cleaned briefing)."""
        items: Sequence[Any] = getattr(story.briefing, self.name)
        return items


SECTIONS: tuple[Section, ...] = (
    Section(
        "summary", "Summary", text_summary, md_summary, "sections/summary.html",
        heading=False,
    ),
    Section("facts", "Key facts", text_facts, md_facts, "sections/facts.html"),
    Section(
        "conflicts", "Where sources differ", text_conflicts, md_conflicts,
        "sections/conflicts.html",
    ),
    Section("quotes", "Quotes", text_quotes, md_quotes, "sections/quotes.html"),
    Section("timeline", "Timeline", text_timeline, md_timeline, "sections/timeline.html"),
    Section(
        "entities", "Who and what", text_entities, md_entities, "sections/entities.html",
        text_title="Entities",
    ),
    Section(
        "copies", "Copies set aside", text_copies, md_copies, "sections/copies.html",
    ),
)
"""The briefing's sections in the order every format shows them."""
