"""Stored briefings (the schema's ``story`` dicts) back into the dataclasses render's views use.

The store keeps each briefing as the JSON ``brief --format json`` prints; the HTML story page
reuses render's templates, which read :class:`~newsfuse.types.Briefing` through
:func:`newsfuse.render.view.build_page`. This module rebuilds one from the other.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from newsfuse.render.view import StoryView, build_page
from newsfuse.store import Store
from newsfuse.types import (
    Article,
    Briefing,
    Conflict,
    Entity,
    Fact,
    Quote,
    Sourced,
    TimelineEvent,
)


def briefing_from_dict(data: Mapping[str, Any]) -> Briefing:
    """The Briefing a stored story dict was made from (as far as render needs it).

    ``Briefing.outlets`` holds independence keys, which the dict only counts
    (``independent_outlets``): placeholder keys keep that count.
    """
    return Briefing(
        story_id=data["id"],
        headline=data["headline"],
        documents=tuple(data["documents"]),
        summary=tuple(_sourced(item) for item in data["summary"]),
        facts=tuple(_fact(item) for item in data["facts"]),
        conflicts=tuple(_conflict(item) for item in data["conflicts"]),
        quotes=tuple(_quote(item) for item in data["quotes"]),
        timeline=tuple(_event(item) for item in data["timeline"]),
        entities=tuple(_entity(item) for item in data["entities"]),
        first_published=data.get("first_published"),
        last_published=data.get("last_published"),
        outlets=tuple(f"outlet-{n}" for n in range(int(data.get("independent_outlets") or 0))),
    )


def cited_ids(data: Mapping[str, Any]) -> list[str]:
    """Every document id a story dict names: its documents, then anything it cites."""
    found: dict[str, None] = dict.fromkeys(data["documents"])
    for section in ("summary", "facts", "quotes", "timeline", "entities"):
        for item in data[section]:
            found.update(dict.fromkeys(item["sources"]))
            for variant in item.get("variants", ()):
                found.update(dict.fromkeys(variant["sources"]))
    for conflict in data["conflicts"]:
        for claim in conflict["claims"]:
            found.update(dict.fromkeys(claim["sources"]))
    return list(found)


def story_view(store: Store, data: Mapping[str, Any]) -> StoryView:
    """The story ready for render's ``story.html``: numbered sources with their articles."""
    articles = story_articles(store, data)
    page = build_page(list(articles.values()), [briefing_from_dict(data)])
    return page.stories[0]


def story_articles(store: Store, data: Mapping[str, Any]) -> dict[str, Article]:
    """The stored articles a story dict names, by id (missing ones left out)."""
    found = {doc_id: store.article(doc_id) for doc_id in cited_ids(data)}
    return {doc_id: article for doc_id, article in found.items() if article is not None}


def _sourced(item: Mapping[str, Any]) -> Sourced:
    return Sourced(item["text"], tuple(item["sources"]))


def _fact(item: Mapping[str, Any]) -> Fact:
    return Fact(
        item["text"], tuple(item["sources"]), int(item["support"]),
        attributed_to=tuple(item.get("attributed_to", ())),
        variants=tuple(_sourced(variant) for variant in item.get("variants", ())),
    )


def _conflict(item: Mapping[str, Any]) -> Conflict:
    claims = tuple(_sourced(claim) for claim in item["claims"])
    return Conflict(item["topic"], claims, kind=item.get("kind", "conflict"))


def _quote(item: Mapping[str, Any]) -> Quote:
    return Quote(item["text"], tuple(item["sources"]), item["speaker"], kind=item["kind"])


def _event(item: Mapping[str, Any]) -> TimelineEvent:
    return TimelineEvent(
        item["date"], item["text"], tuple(item["sources"]),
        precision=item.get("precision", "day"), expression=item.get("expression"),
    )


def _entity(item: Mapping[str, Any]) -> Entity:
    return Entity(
        item["name"], item["type"], tuple(item["aliases"]), tuple(item["sources"]),
        mentions=int(item.get("mentions", 0)), flagged=tuple(item.get("flagged", ())),
        place=item.get("place"),
    )
