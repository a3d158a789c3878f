"""Stored briefings (the schema's ``story`` dicts) shown with render's story template.

The store keeps each briefing as the JSON ``brief --format json`` prints; the HTML story page
reuses render's templates, which read :class:`~newsfuse.types.Briefing` through
:func:`newsfuse.render.view.build_page`. ``render.json.briefing_from_dict`` rebuilds one.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from newsfuse.render.json import briefing_from_dict
from newsfuse.render.view import StoryView, build_page
from newsfuse.store import Store
from newsfuse.types import Article


def story_view(store: Store, data: Mapping[str, Any]) -> StoryView:
    """The story ready for render's ``story.html``: numbered sources with their articles."""
    briefing = briefing_from_dict(data)
    articles = story_articles(store, briefing.cited_ids())
    page = build_page(list(articles.values()), [briefing])
    return page.stories[0]


def story_articles(store: Store, ids: tuple[str, ...]) -> dict[str, Article]:
    """The stored articles of ``ids`` (a briefing's ``cited_ids``), by id (missing ones left
    out)."""
    found = {doc_id: store.article(doc_id) for doc_id in ids}
    return {doc_id: article for doc_id, article in found.items() if article is not None}
