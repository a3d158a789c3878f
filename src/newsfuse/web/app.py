"""The ASGI app: pages, their JSON twins, the API, one stylesheet, guards and error shape."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, MutableMapping
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any, TextIO

from fastapi import FastAPI, Request
from fastapi.responses import Response
from jinja2 import ChoiceLoader, Environment, PackageLoader, StrictUndefined

from newsfuse import __version__
from newsfuse.config import DEFAULT_SETTINGS, Settings
from newsfuse.errors import NoDatabaseError, StoreError
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
    db: str | Path,
    *,
    settings: Settings = DEFAULT_SETTINGS,
    max_body: int = MAX_BODY,
    create: bool = False,
    access_log: TextIO | None = None,
) -> FastAPI:
    """The web app over the store at ``db`` (created empty when it does not exist and
    ``create`` is given; else a NoDatabaseError). ``access_log`` gets a line per request."""
    store = open_reader(db, create=create)
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
    if access_log is not None:
        app.add_middleware(AccessLog, out=access_log)
    app.router.add_event_handler("shutdown", store.close)
    return app


def open_reader(db: str | Path, *, create: bool = False) -> Store:
    """A read-only store over ``db``, migrating the database first if needed (and creating it
    when it does not exist and ``create`` is given)."""
    try:
        return Store.open(db)
    except NoDatabaseError:
        if not create:
            raise
    except StoreError:
        pass
    Store.open(db, write=True).close()
    return Store.open(db)


Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]


class AccessLog:
    """One line per request on ``out``: client, time, request line, status, bytes, seconds
    (the Common Log Format with an ISO 8601 time and the duration)."""

    def __init__(self, app: Callable[[Scope, Receive, Send], Awaitable[None]], out: TextIO):
        self.app = app
        self.out = out

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        response = {"status": 500, "bytes": 0}

        async def counting(message: Message) -> None:
            if message["type"] == "http.response.start":
                response["status"] = message["status"]
            elif message["type"] == "http.response.body":
                response["bytes"] += len(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, receive, counting)
        finally:
            self.out.write(access_line(scope, response, time.perf_counter() - start))
            self.out.flush()


def access_line(scope: Scope, response: dict[str, int], seconds: float) -> str:
    """``127.0.0.1 - - [2026-12-02T15:30:00+00:00] "GET /?q=x HTTP/1.1" 200 5120 0.012``."""
    client = (scope.get("client") or ("-",))[0]
    query = scope.get("query_string", b"").decode("latin-1")
    path = scope.get("raw_path") or scope.get("path", "").encode("utf-8")
    target = path.decode("latin-1") + (f"?{query}" if query else "")
    when = datetime.now(UTC).replace(microsecond=0).isoformat()
    request = f'{scope.get("method", "-")} {target} HTTP/{scope.get("http_version", "1.1")}'
    return (
        f'{client} - - [{when}] "{request}" {response["status"]} {response["bytes"]} '
        f"{seconds:.3f}\n"
    )


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
