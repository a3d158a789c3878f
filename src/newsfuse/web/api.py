"""The JSON API under ``/api``: stories, articles, search, and POST /api/documents to ingest.

A story is the briefing in the shared schema's ``story`` shape, exactly as
``newsfuse brief --format json`` prints it; an article is the schema's ``document``. Lists are
paginated (``limit`` at most 100, ``offset``) with a ``next`` link. Every error has one shape
(see :mod:`newsfuse.web.errors`).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, model_validator

from newsfuse.web import data
from newsfuse.web.context import (
    MAX_LIMIT,
    MAX_OFFSET,
    WebState,
    article_path,
    next_link,
    story_path,
    web_state,
)
from newsfuse.web.errors import ApiError

router = APIRouter(prefix="/api", tags=["api"])

State = Annotated[WebState, Depends(web_state)]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="items per page (at most 100)")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="items to skip")]
OrderQ = Annotated[
    data.Order,
    Query(description="recent: latest news first; outlets: most covered first; new: newest story"),
]
SearchQ = Annotated[str, Query(min_length=1, max_length=200, description="words to find")]
KindQ = Annotated[data.SearchKind, Query(description="search stories or articles")]

TEXT_LIMIT = 1_000_000


class DocumentIn(BaseModel):
    """One document, like a line of a JSONL export: ``text`` or ``html``, plus metadata."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    text: str | None = Field(None, max_length=TEXT_LIMIT, description="plain text of the article")
    html: str | None = Field(None, max_length=TEXT_LIMIT, description="the page's HTML")
    id: str | None = Field(None, min_length=1, max_length=200, pattern=r"^[\w.:-]+$")
    title: str | None = Field(None, max_length=1000)
    url: str | None = Field(None, max_length=2048)
    date: str | None = Field(None, max_length=64, description="publication date (ISO or words)")
    outlet: str | None = Field(None, max_length=200)
    author: str | None = Field(None, max_length=300)

    @model_validator(mode="after")
    def _one_body(self) -> DocumentIn:
        if bool(self.text) == bool(self.html):
            raise ValueError("give exactly one of `text` or `html`, non-empty")
        return self


class StoryList(BaseModel):
    stories: list[dict[str, Any]]
    total: int
    limit: int
    offset: int
    next: str | None


@router.get("/stories", summary="Stories, paginated")
def list_stories(
    request: Request, state: State, limit: Limit = 20, offset: Offset = 0,
    order: OrderQ = "recent",
) -> StoryList:
    return StoryList(**stories_page(request, state, limit=limit, offset=offset, order=order))


def stories_page(
    request: Request, state: WebState, *, limit: int, offset: int, order: data.Order
) -> dict[str, Any]:
    cards = data.story_cards(state.store, limit=limit, offset=offset, order=order)
    total = state.store.stats().stories
    more = offset + len(cards) < total and len(cards) == limit
    return {
        "stories": [card.as_dict() for card in cards], "total": total, "limit": limit,
        "offset": offset, "next": next_link(request, offset=offset, limit=limit, more=more),
    }


@router.get("/stories/{story_id}", summary="One story's briefing (the schema's story)")
def get_story(story_id: str, state: State) -> dict[str, Any]:
    return data.story_briefing(state.store, story_id)


@router.get("/articles/{article_id}", summary="One cleaned article (the schema's document)")
def get_article(article_id: str, state: State) -> dict[str, Any]:
    return data.article_json(data.article(state.store, article_id))


@router.get("/search", summary="Full-text search of stories or articles")
def search(
    request: Request, state: State, q: SearchQ, kind: KindQ = "article",
    limit: Limit = 20, offset: Offset = 0,
) -> dict[str, Any]:
    return search_page(request, state, q=q, kind=kind, limit=limit, offset=offset)


def search_page(
    request: Request, state: WebState, *, q: str, kind: data.SearchKind, limit: int, offset: int
) -> dict[str, Any]:
    hits = data.search(state.store, q, kind=kind, limit=limit + 1, offset=offset)
    more = len(hits) > limit
    return {
        "query": q, "kind": kind, "results": [data.hit_dict(hit) for hit in hits[:limit]],
        "limit": limit, "offset": offset,
        "next": next_link(request, offset=offset, limit=limit, more=more),
    }


@router.post(
    "/documents", status_code=201, summary="Add one document to the store",
    responses={200: {"description": "the very same document was stored before"},
               413: {"description": "the body is larger than the server's limit"},
               503: {"description": "another process is writing to the store"}},
)
def post_document(
    document: DocumentIn, state: State,
    stories: Annotated[bool, Query(description="place it in a story and re-brief now")] = True,
) -> JSONResponse:
    record = document.model_dump(exclude_none=True)
    added = state.writer.add(record, stories=stories)
    article = added.article
    if article is None:
        raise ApiError(409, "this document was stored before", code="already_stored")
    location = "/api" + article_path(article.id)
    body: dict[str, Any] = {
        "id": article.id, "added": added.added, "status": article.status,
        "reason": article.reason, "duplicate_of": article.duplicate_of,
        "story": added.story_id, "url": location,
        "html_url": article_path(article.id),
        "story_url": "/api" + story_path(added.story_id) if added.story_id else None,
    }
    status = 201 if added.added else 200
    return JSONResponse(body, status_code=status, headers={"Location": location})
