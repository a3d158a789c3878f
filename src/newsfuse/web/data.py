"""The data behind each page and its JSON twin, read from the store in one place."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from newsfuse.render.json import briefing_from_dict, document_dict
from newsfuse.render.view import Tally, story_tally
from newsfuse.store import SearchHit, Store, StoredStory, StoreStats
from newsfuse.types import Article
from newsfuse.web.context import article_path, story_path
from newsfuse.web.errors import ApiError

Order = Literal["recent", "outlets", "new"]
SearchKind = Literal["story", "article"]


@dataclass(frozen=True, slots=True)
class StoryCard:
    """One story on the front page: its tally (articles, copies, outlets, counted as its
    story page counts them) and names from its briefing."""

    story: StoredStory
    outlet_names: tuple[str, ...]
    tally: Tally
    lead: str | None

    def as_dict(self) -> dict[str, Any]:
        story = self.story
        return {
            "id": story.id,
            "headline": story.headline,
            "documents": self.tally.articles + self.tally.copies,
            "articles": self.tally.articles,
            "copies": self.tally.copies,
            "outlets": self.tally.outlets,
            "outlet_names": list(self.outlet_names),
            "first_published": story.first_published,
            "last_published": story.last_published,
            "updated_at": story.updated_at,
            "revision": story.revision,
            "stale": story.stale,
            "lead": self.lead,
            "url": "/api" + story_path(story.id),
            "html_url": story_path(story.id),
        }


def story_cards(store: Store, *, limit: int, offset: int, order: Order) -> list[StoryCard]:
    """A page of stories, ordered as asked, each with its outlets' names and first sentence."""
    cards = []
    for story in store.stories(limit=limit, offset=offset, order=order):
        briefing = store.briefing_json(story.id) or {}
        summary = briefing.get("summary") or []
        names = tuple(briefing.get("outlets") or ())
        lead = summary[0]["text"] if summary else None
        cards.append(StoryCard(story, names, card_tally(story, briefing), lead))
    return cards


def card_tally(story: StoredStory, briefing: dict[str, Any]) -> Tally:
    """The story's tally from its stored briefing, as its page counts it; a story not yet
    briefed counts its placed members (its copies are not known before its briefing)."""
    if not briefing:
        return Tally(len(story.article_ids), 0, story.outlets)
    return story_tally(briefing_from_dict(briefing), {})


def store_tally(stats: StoreStats) -> Tally:
    """What the whole store holds, counted the same way: its ok articles and its copies."""
    return Tally(stats.ok, stats.duplicate)


def story_briefing(store: Store, story_id: str) -> dict[str, Any]:
    """The story's briefing in the schema's ``story`` shape, or a 404/409 ApiError."""
    briefing = store.briefing_json(story_id)
    if briefing is not None:
        return briefing
    if store.story(story_id) is None:
        raise ApiError(404, f"no story with id {story_id!r}")
    raise ApiError(409, f"story {story_id!r} has no briefing yet: run `newsfuse ingest` "
                   "to finish it", headers={"Retry-After": "30"})


def article(store: Store, article_id: str) -> Article:
    found = store.article(article_id)
    if found is None:
        raise ApiError(404, f"no article with id {article_id!r}")
    return found


def article_json(found: Article) -> dict[str, Any]:
    """The schema's ``document`` for a stored article."""
    return document_dict(found)


def search(
    store: Store, q: str, *, kind: SearchKind, limit: int, offset: int
) -> list[SearchHit]:
    return list(store.search(q, limit=limit, offset=offset, kind=kind))


def hit_dict(hit: SearchHit) -> dict[str, Any]:
    path = story_path(hit.id) if hit.kind == "story" else article_path(hit.id)
    return {
        "kind": hit.kind, "id": hit.id, "title": hit.title, "snippet": hit.snippet,
        "score": float(f"{hit.score:.4g}"), "copies": hit.copies, "url": "/api" + path,
        "html_url": path,
    }


def snippet_parts(snippet: str) -> list[tuple[str, bool]]:
    """A search snippet (matches in ``[brackets]``) as ``(text, is_match)`` pieces to escape."""
    parts: list[tuple[str, bool]] = []
    rest = snippet
    while "[" in rest and "]" in rest.split("[", 1)[1]:
        before, rest = rest.split("[", 1)
        match, rest = rest.split("]", 1)
        parts.extend([(before, False), (match, True)])
    parts.append((rest, False))
    return [part for part in parts if part[0]]
