"""What every route needs: the app's reader store, its one writer, and pagination links."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import Request
from jinja2 import Environment

from newsfuse.store import Store
from newsfuse.web.pagecache import PageCache
from newsfuse.web.writer import DocumentWriter

MAX_LIMIT = 100
MAX_OFFSET = 1_000_000


@dataclass(frozen=True, slots=True)
class WebState:
    """Owned by one app: a read-only store (a connection per thread), the writer, templates
    and the rendered story pages."""

    store: Store
    writer: DocumentWriter
    templates: Environment
    version: str
    pages: PageCache


def web_state(request: Request) -> WebState:
    state: WebState = request.app.state.web
    return state


def next_link(request: Request, *, offset: int, limit: int, more: bool) -> str | None:
    """The same request's next page (path and query), or None on the last page."""
    if not more:
        return None
    params: dict[str, Any] = dict(request.query_params)
    params.update(offset=offset + limit, limit=limit)
    return f"{request.url.path}?{urlencode(params)}"


def previous_link(request: Request, *, offset: int, limit: int) -> str | None:
    """The same request's previous page, or None on the first page."""
    if offset <= 0:
        return None
    params: dict[str, Any] = dict(request.query_params)
    params.update(offset=max(0, offset - limit), limit=limit)
    return f"{request.url.path}?{urlencode(params)}"


def story_path(story_id: str) -> str:
    return "/stories/" + quote(story_id, safe="")


def article_path(article_id: str) -> str:
    return "/articles/" + quote(article_id, safe="")
