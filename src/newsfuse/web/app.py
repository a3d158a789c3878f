"""The ASGI app: pages, their JSON twins, the API, one stylesheet, guards and error shape."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import Response
from jinja2 import ChoiceLoader, Environment, PackageLoader, StrictUndefined

from newsfuse import __version__
from newsfuse.config import DEFAULT_SETTINGS, Settings
from newsfuse.errors import StoreError
from newsfuse.render.html import template_globals
from newsfuse.render.view import safe_href
from newsfuse.store import Store
from newsfuse.web import api, pages
from newsfuse.web.context import WebState, article_path, story_path
from newsfuse.web.data import snippet_parts
from newsfuse.web.errors import install_error_handlers
from newsfuse.web.guard import Guard
from newsfuse.web.pagecache import PageCache
from newsfuse.web.writer import DocumentWriter

MAX_BODY = 2 * 1024 * 1024


def create_app(
    db: str | Path, *, settings: Settings = DEFAULT_SETTINGS, max_body: int = MAX_BODY
) -> FastAPI:
    """The web app over the store at ``db`` (created empty when it does not exist)."""
    store = open_reader(db)
    app = FastAPI(
        title="newsfuse", version=__version__, openapi_url="/api/openapi.json",
        docs_url=None, redoc_url=None,
        description="Stories, briefings and cleaned articles from a newsfuse store.",
    )
    state = WebState(store, DocumentWriter(db, settings), templates(), __version__, PageCache())
    app.state.web = state
    install_error_handlers(
        app, lambda request, status, code, message: pages.error_page(state, status, code, message)
    )
    app.include_router(api.router)
    app.include_router(pages.router)
    app.add_api_route("/static/newsfuse.css", stylesheet, methods=["GET"], include_in_schema=False)
    app.add_middleware(Guard, max_body=max_body)
    app.router.add_event_handler("shutdown", store.close)
    return app


def open_reader(db: str | Path) -> Store:
    """A read-only store over ``db``, creating (or migrating) the database first if needed."""
    try:
        return Store.open(db)
    except StoreError:
        Store.open(db, write=True).close()
        return Store.open(db)


def templates() -> Environment:
    """The web's templates first, then render's (whose story page the story page reuses)."""
    environment = Environment(
        loader=ChoiceLoader([
            PackageLoader("newsfuse.web", "templates"),
            PackageLoader("newsfuse.render", "templates"),
        ]),
        autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
    )
    environment.globals.update(
        template_globals(cite_href=lambda ref: article_path(ref.doc_id)),
        safe_href=safe_href, article_path=article_path, story_path=story_path,
        snippet_parts=snippet_parts,
    )
    return environment


def stylesheet(request: Request) -> Response:
    """render's briefing stylesheet followed by the web's own rules."""
    css = _css()
    if request.headers.get("if-none-match") == _etag(css):
        return Response(status_code=304)
    return Response(css, media_type="text/css", headers={
        "Cache-Control": "public, max-age=3600", "ETag": _etag(css)})


def _css() -> str:
    briefing = resources.files("newsfuse.render").joinpath("templates/briefing.css")
    web = resources.files("newsfuse.web").joinpath("templates/web.css")
    return briefing.read_text("utf-8") + "\n" + web.read_text("utf-8")


def _etag(css: str) -> str:
    import hashlib

    return '"' + hashlib.sha1(css.encode()).hexdigest()[:16] + '"'
