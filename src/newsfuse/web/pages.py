"""The HTML pages, each with its JSON twin at the same URL plus ``.json`` (datasette style).

``/`` (stories; twin ``/stories.json``), ``/stories/{id}``, ``/articles/{id}``, ``/search``.
Pages are server-rendered with render's briefing templates; no JavaScript anywhere.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response

from newsfuse.render.view import safe_href
from newsfuse.web import api, data
from newsfuse.web.briefings import story_view
from newsfuse.web.context import WebState, previous_link, web_state

router = APIRouter(include_in_schema=False)
State = Annotated[WebState, Depends(web_state)]
OptionalQ = Annotated[str, Query(max_length=200)]


def render(state: WebState, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    html = state.templates.get_template(name).render(version=state.version, **context)
    return HTMLResponse(html, status_code=status_code)


@router.get("/stories.json")
def stories_json(
    request: Request, state: State, limit: api.Limit = 20, offset: api.Offset = 0,
    order: api.OrderQ = "recent",
) -> dict[str, Any]:
    return api.stories_page(request, state, limit=limit, offset=offset, order=order)


@router.get("/", response_class=HTMLResponse)
@router.get("/stories", response_class=HTMLResponse)
def front_page(
    request: Request, state: State, limit: api.Limit = 20, offset: api.Offset = 0,
    order: api.OrderQ = "recent",
) -> HTMLResponse:
    page = api.stories_page(request, state, limit=limit, offset=offset, order=order)
    twin = f"/stories.json?{request.url.query}" if request.url.query else "/stories.json"
    return render(
        state, "index.html", page=page, order=order, twin=twin,
        previous=previous_link(request, offset=offset, limit=limit),
        stats=state.store.stats(), counted=data.store_tally(state.store.stats()),
    )


@router.get("/stories/{story_id}.json")
def story_json(story_id: str, state: State) -> dict[str, Any]:
    return data.story_briefing(state.store, story_id)


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(story_id: str, state: State) -> HTMLResponse:
    stored = state.store.story(story_id)
    key = (story_id, stored.revision, stored.stale, stored.updated_at) if stored else None
    cached = state.pages.get(key) if key else None
    if cached is not None:
        return HTMLResponse(cached)
    briefing = data.story_briefing(state.store, story_id)
    view = story_view(state.store, briefing)
    response = render(state, "story_page.html", story=view, stored=stored,
                      title=view.briefing.headline, twin=f"/stories/{story_id}.json")
    if key:
        state.pages.put(key, bytes(response.body).decode("utf-8"))
    return response


@router.get("/articles/{article_id}.json")
def article_json(article_id: str, state: State) -> dict[str, Any]:
    return data.article_json(data.article(state.store, article_id))


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(article_id: str, state: State) -> HTMLResponse:
    found = data.article(state.store, article_id)
    return render(state, "article.html", article=found, href=safe_href(found.url),
                  title=found.title or found.id, twin=f"/articles/{article_id}.json")


@router.get("/search.json")
def search_json(
    request: Request, state: State, q: api.SearchQ, kind: api.KindQ = "article",
    limit: api.Limit = 20, offset: api.Offset = 0,
) -> dict[str, Any]:
    return api.search_page(request, state, q=q, kind=kind, limit=limit, offset=offset)


@router.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request, state: State, q: OptionalQ = "", kind: api.KindQ = "article",
    limit: api.Limit = 20, offset: api.Offset = 0,
) -> HTMLResponse:
    results = None
    if q.strip():
        results = api.search_page(request, state, q=q, kind=kind, limit=limit, offset=offset)
    twin = f"/search.json?{request.url.query}" if q.strip() else None
    return render(
        state, "search.html", q=q, kind=kind, results=results, twin=twin,
        title=f"Search: {q}" if q else "Search",
        previous=previous_link(request, offset=offset, limit=limit),
    )


def error_page(state: WebState, status: int, code: str, message: str) -> Response:
    """An error as a page (the same code and message as the JSON error shape)."""
    return render(state, "error.html", status_code=status, status=status, code=code,
                  message=message,
                  title=f"{status}: {code.replace('_', ' ')}", twin=None)
