"""What every output format shows, decided once: story order, citation numbers, coverage.

The renderers (JSON, text, Markdown, HTML) differ only in presentation; which statements a
briefing makes, in which order, and which numbered source backs each, is computed here so
that every format says the same thing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TypeVar
from urllib.parse import urlsplit

from newsfuse import lang
from newsfuse.types import Article, Briefing, Conflict, Quote

_ANCHOR_UNSAFE = re.compile(r"[^A-Za-z0-9_.:-]+")
_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class SourceRef:
    """One numbered source of a story: what a citation marker points to."""

    number: int
    doc_id: str
    anchor: str
    article: Article | None
    href: str | None

    @property
    def outlet(self) -> str | None:
        return outlet_label(self.article) if self.article else None

    @property
    def label(self) -> str:
        """Who says it: the outlet, else the start of the title, else the document id."""
        if self.outlet:
            return self.outlet
        if self.article and self.article.title:
            return _shorten(self.article.title, 40)
        return self.doc_id

    @property
    def title(self) -> str:
        if self.article and self.article.title:
            return self.article.title
        return self.doc_id

    @property
    def published(self) -> str | None:
        return self.article.published if self.article else None


@dataclass(frozen=True, slots=True)
class Tally:
    """How many articles, copies and outlets: the one way every surface counts them (the
    briefing in every format, the web app's front page, cards, story pages and API, the CLI's
    summary line).

    ``articles`` are the ok documents: originals. ``copies`` are the near-duplicates set aside
    (status ``duplicate``): each is shown under the article it copies and is never counted as
    an article. ``outlets`` are the independent newsrooms (an outlet's articles and every copy
    of them count once; an article without a known outlet counts one), None where they are not
    counted.
    """

    articles: int
    copies: int
    outlets: int | None = None

    def parts(self) -> list[str]:
        """``["4 outlets", "4 articles", "1 copy"]``: outlets when counted (and any), articles
        always, copies when there are any."""
        parts = [count_of(self.outlets, "outlet")] if self.outlets else []
        parts.append(count_of(self.articles, "article"))
        if self.copies:
            parts.append(copies_phrase(self.copies))
        return parts


def story_tally(briefing: Briefing, articles: Mapping[str, Article]) -> Tally:
    """A story's tally: its documents less its copies (its ``copies`` section), its copies,
    and its independent outlets (:func:`independent_outlets`)."""
    copies = {doc_id for copy in briefing.copies for doc_id in copy.copies}
    originals = sum(1 for doc_id in briefing.documents if doc_id not in copies)
    return Tally(originals, len(copies), independent_outlets(briefing, articles))


@dataclass(frozen=True, slots=True)
class Coverage:
    """The one line under a headline: who covers the story and over which dates.

    ``outlets`` are the names known; ``tally`` counts articles, copies and independent outlets
    (documents without a named outlet count as one each unless the briefing says otherwise).
    """

    outlets: tuple[str, ...]
    tally: Tally
    first_published: str | None
    last_published: str | None
    events_from: str | None
    events_to: str | None

    @property
    def independent(self) -> int:
        """How many independent outlets cover the story."""
        return self.tally.outlets or 0

    @property
    def unnamed(self) -> int:
        """Independent outlets without a known name."""
        return max(0, self.independent - len(self.outlets))


@dataclass(frozen=True, slots=True)
class StoryView:
    """A briefing ready to show: cleaned, with numbered sources and its coverage."""

    briefing: Briefing
    sources: tuple[SourceRef, ...]
    coverage: Coverage
    anchor: str
    by_id: Mapping[str, SourceRef] = field(default_factory=dict, repr=False, compare=False)

    def cite(self, ids: Iterable[str]) -> tuple[SourceRef, ...]:
        """The numbered sources for ``ids``, in number order, each once."""
        by_id = self.by_id
        found = {by_id[doc_id].number: by_id[doc_id] for doc_id in ids if doc_id in by_id}
        return tuple(found[number] for number in sorted(found))

    def outlets_of(self, ids: Iterable[str]) -> tuple[str, ...]:
        """Who is behind ``ids`` (outlets, else short titles), each once, in citation order."""
        return _unique(source.label for source in self.cite(ids))

    def first_date(self, ids: Iterable[str]) -> str | None:
        """The earliest publication date among ``ids``."""
        dates = sorted(source.published for source in self.cite(ids) if source.published)
        return dates[0] if dates else None


@dataclass(frozen=True, slots=True)
class PageView:
    """All stories in display order, and the documents no story uses."""

    stories: tuple[StoryView, ...]
    others: tuple[Article, ...]
    anchors: Mapping[str, str] = field(default_factory=dict, repr=False, compare=False)

    def anchor_of(self, doc_id: str) -> str | None:
        """The anchor of ``doc_id``'s first source entry on the page, if it has one."""
        return self.anchors.get(doc_id)


def safe_href(url: str | None) -> str | None:
    """``url`` when it is an absolute http(s) URL with a host, else None (never a link)."""
    if not url:
        return None
    candidate = url.strip()
    if any(ord(char) < 33 for char in candidate):
        return None
    try:
        parts = urlsplit(candidate)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return candidate


def outlet_label(article: Article) -> str | None:
    """The outlet's name, else the URL's host, else None."""
    if article.outlet:
        return article.outlet
    href = safe_href(article.url)
    if href:
        host = urlsplit(href).hostname or ""
        return host.removeprefix("www.")
    return None


def clean_briefing(briefing: Briefing) -> Briefing:
    """The briefing without statements that cite no document (a briefing says nothing
    unsourced) and without conflicts left with fewer than two sides."""
    sourced = briefing.keep_sourced()
    return replace(
        sourced, conflicts=tuple(c for c in sourced.conflicts if _two_sided(c))
    )


def story_outlets(briefing: Briefing, articles: Mapping[str, Article]) -> tuple[str, ...]:
    """The named outlets of the story's documents, each once, in document order."""
    labels = (outlet_label(article) for article in _story_articles(briefing, articles))
    return _unique(label for label in labels if label)


def independent_outlets(briefing: Briefing, articles: Mapping[str, Article]) -> int:
    """How many independent outlets cover the story: ``len(briefing.outlets)`` (one key per
    independent group) when set, else named outlets plus documents without one."""
    if briefing.outlets:
        return len(briefing.outlets)
    found = _story_articles(briefing, articles)
    unnamed = sum(1 for article in found if not outlet_label(article))
    return len(story_outlets(briefing, articles)) + unnamed


def _story_articles(briefing: Briefing, articles: Mapping[str, Article]) -> list[Article]:
    found = (articles[doc_id] for doc_id in briefing.documents if doc_id in articles)
    return [article for article in found if article.status == "ok"]


def published_range(
    briefing: Briefing, articles: Mapping[str, Article]
) -> tuple[str | None, str | None]:
    """First and last publication dates: the briefing's own, else from its documents."""
    dates = sorted(
        articles[doc_id].published or ""
        for doc_id in briefing.documents
        if doc_id in articles and articles[doc_id].published
    )
    first = briefing.first_published or (dates[0] if dates else None)
    last = briefing.last_published or (dates[-1] if dates else None)
    return first, last


def order_briefings(
    briefings: Sequence[Briefing], articles: Mapping[str, Article]
) -> list[Briefing]:
    """Stories with the most outlets first, then the most documents; ties keep their order."""
    return sorted(
        briefings,
        key=lambda b: (-independent_outlets(b, articles), -len(b.documents)),
    )


def build_page(articles: Sequence[Article], briefings: Sequence[Briefing]) -> PageView:
    """Order the stories, number each story's sources and collect unused documents."""
    by_id = {article.id: article for article in articles}
    used_anchors: set[str] = set()
    stories = tuple(
        _story_view(clean_briefing(briefing), by_id, used_anchors)
        for briefing in order_briefings(briefings, by_id)
    )
    anchors: dict[str, str] = {}
    for story in stories:
        for source in story.sources:
            anchors.setdefault(source.doc_id, source.anchor)
    others = tuple(article for article in articles if article.id not in anchors)
    return PageView(stories=stories, others=others, anchors=anchors)


def _story_view(
    briefing: Briefing, articles: Mapping[str, Article], used_anchors: set[str]
) -> StoryView:
    doc_ids = briefing.cited_ids()
    sources = tuple(
        SourceRef(
            number=number,
            doc_id=doc_id,
            anchor=_anchor(doc_id, used_anchors),
            article=articles.get(doc_id),
            href=safe_href(articles[doc_id].url) if doc_id in articles else None,
        )
        for number, doc_id in enumerate(doc_ids, start=1)
    )
    first, last = published_range(briefing, articles)
    events = sorted(event.date for event in briefing.timeline if event.precision == "day")
    coverage = Coverage(
        outlets=story_outlets(briefing, articles),
        tally=story_tally(briefing, articles),
        first_published=first,
        last_published=last,
        events_from=events[0] if events else None,
        events_to=events[-1] if events else None,
    )
    anchor = _anchor(briefing.story_id, used_anchors, prefix="story-")
    by_id: dict[str, SourceRef] = {}
    for source in sources:
        by_id.setdefault(source.doc_id, source)
    return StoryView(
        briefing=briefing, sources=sources, coverage=coverage, anchor=anchor, by_id=by_id
    )


def _anchor(doc_id: str, used: set[str], *, prefix: str = "doc-") -> str:
    base = prefix + (_ANCHOR_UNSAFE.sub("-", doc_id) or "x")
    anchor, counter = base, 1
    while anchor in used:
        counter += 1
        anchor = f"{base}-{counter}"
    used.add(anchor)
    return anchor


def _two_sided(conflict: Conflict) -> bool:
    return len(conflict.claims) >= 2


def _unique(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(values))


DATE_ORIGINS = {
    "meta": "date from page metadata",
    "dateline": "date from dateline",
    "url": "date from URL",
    "text": "date from text",
    "story": "date inferred from the story",
}
"""How a publication date was found (``Article.published_signal``), for readers; a date
``given`` by the input needs no note."""

_MONTHS = lang.part(lang.DEFAULT, "calendar").MONTH_SHORT_NAMES
"""How a month is shown: briefings are written in the default language."""


def display_date(value: str | None, precision: str = "day") -> str:
    """``2023-09-12`` as ``12 Sep 2023`` (``Sep 2023``, ``2023`` for coarser precision)."""
    if not value:
        return "undated"
    try:
        day = date.fromisoformat(value[:10])
    except ValueError:
        return value
    if precision == "year":
        return str(day.year)
    if precision == "month":
        return f"{_MONTHS[day.month - 1]} {day.year}"
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def coverage_parts(coverage: Coverage) -> list[str]:
    """The coverage line's pieces: outlets, articles, copies (:meth:`Tally.parts`), first
    seen, last updated, event dates."""
    parts = coverage.tally.parts()
    if coverage.first_published:
        parts.append(f"first seen {display_date(coverage.first_published)}")
    if coverage.last_published and coverage.last_published != coverage.first_published:
        parts.append(f"last updated {display_date(coverage.last_published)}")
    if coverage.events_from and coverage.events_to:
        parts.append("events " + date_range(coverage.events_from, coverage.events_to))
    return parts


def date_range(start: str, end: str) -> str:
    """``9–14 Mar 2024``, ``28 Feb – 2 Mar 2024``, or one date when both are the same."""
    first, last = display_date(start), display_date(end)
    if first == last:
        return f"on {first}"
    head, tail = first.split(" "), last.split(" ")
    if len(head) == len(tail) == 3 and head[1:] == tail[1:]:
        return f"{head[0]}–{last}"
    if len(head) == len(tail) == 3 and head[2] == tail[2]:
        return f"{head[0]} {head[1]} – {last}"
    return f"{first} – {last}"


UNATTRIBUTED = "unattributed"
"""How a quote without a speaker (``Quote.speaker`` None) is written and headed."""


def quotes_by_speaker(story: StoryView) -> list[tuple[str, list[Quote]]]:
    """Quotes grouped under their speaker, speakers in order of their first quote; quotes
    without one under "Unattributed", last."""
    groups: dict[str, list[Quote]] = {}
    unattributed: list[Quote] = []
    for quote in story.briefing.quotes:
        if quote.speaker in (None, UNATTRIBUTED):
            unattributed.append(quote)
        else:
            groups.setdefault(str(quote.speaker), []).append(quote)
    return [*groups.items(), *([(UNATTRIBUTED.capitalize(), unattributed)] if unattributed else [])]


def outlet_list(coverage: Coverage) -> str:
    """``Nordic Wire, Coastal Radio and 2 unnamed``."""
    names = ", ".join(coverage.outlets)
    if not coverage.unnamed:
        return names
    unnamed = f"{coverage.unnamed} unnamed"
    return f"{names} and {unnamed}" if names else unnamed


def copies_phrase(number: int) -> str:
    """``1 copy``, ``3 copies``."""
    return count_of(number, "copy", "copies")


def source_label(story: StoryView, doc_id: str) -> str:
    """Who ``doc_id`` is in ``story``: its source's label (outlet, short title or id)."""
    found = story.by_id.get(doc_id)
    return found.label if found else doc_id


def citation_numbers(sources: Sequence[SourceRef]) -> str:
    """``[1,3]`` for sources 1 and 3; empty when there are none."""
    return f"[{','.join(str(source.number) for source in sources)}]" if sources else ""


def _shorten(text: str, limit: int) -> str:
    words = text.split()
    short = ""
    for word in words:
        if len(short) + len(word) + 1 > limit:
            return f"{short}…"
        short = f"{short} {word}".strip()
    return short


def count_of(number: int, noun: str, plural: str | None = None) -> str:
    """``1 story``, ``2 stories``: a number with its noun in the right number."""
    return f"{number} {noun}" if number == 1 else f"{number} {plural or noun + 's'}"
