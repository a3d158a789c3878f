"""A real HTTP server on loopback for the fetch tests: serves pages, feeds and robots.txt,
counts requests, answers conditional GETs with 304, and can misbehave on purpose."""

from __future__ import annotations

import html
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from newsfuse.fetch import AddressPolicy, Fetcher, FetchOptions

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "feeds"


@dataclass
class Route:
    """What the server answers on one path."""

    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    etag: str | None = None
    last_modified: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    fail_first: int = 0
    """Answer 503 this many times before answering properly."""
    stall: float = 0.0
    """Seconds to wait after sending the headers, before the body."""


class NewsServer:
    """A threaded HTTP server on 127.0.0.1 and an ephemeral port."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: Counter[str] = Counter()
        self.not_modified: Counter[str] = Counter()
        self.times: dict[str, list[float]] = {}
        self.headers: dict[str, list[dict[str, str]]] = {}
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def start(self) -> NewsServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def record(self, path: str, headers: dict[str, str]) -> None:
        with self._lock:
            self.hits[path] += 1
            self.times.setdefault(path, []).append(time.monotonic())
            self.headers.setdefault(path, []).append(headers)

    # ------------------------------------------------------------------ site content

    def serve_page(self, slug: str) -> str:
        """Serve the fixture article ``slug`` at /news/<slug>.html; its URL."""
        path = f"/news/{slug}.html"
        meta, body = read_page(slug)
        paragraphs = "\n".join(f"<p>{html.escape(p)}</p>" for p in body)
        template = (FIXTURES / "page.template.html").read_text(encoding="utf-8")
        page = template.format(body=paragraphs, **{k: html.escape(v) for k, v in meta.items()})
        self.routes[path] = Route(page.encode("utf-8"), etag=f'"{slug}-v1"')
        return self.url(path)

    def serve_feed(
        self, path: str, slugs: list[str], *, kind: str = "rss", version: str = "1"
    ) -> str:
        """Serve a feed listing the fixture articles ``slugs`` (each page served too)."""
        items = [self._item(slug, kind) for slug in slugs]
        template = (FIXTURES / f"{kind}.template.xml").read_text(encoding="utf-8")
        body = template.format(base=self.base, items="\n".join(items)).encode("utf-8")
        modified = format_datetime(datetime(2026, 4, 14, 9, int(version), tzinfo=UTC), usegmt=True)
        media = "application/rss+xml" if kind == "rss" else "application/atom+xml"
        self.routes[path] = Route(body, media, etag=f'"feed-v{version}"', last_modified=modified)
        return self.url(path)

    def _item(self, slug: str, kind: str) -> str:
        link = self.serve_page(slug)
        meta, body = read_page(slug)
        title, summary = html.escape(meta["title"]), html.escape(body[0])
        when = datetime.fromisoformat(meta["date"]).replace(hour=8, tzinfo=UTC)
        if kind == "atom":
            return (f"<entry><title>{title}</title><link href=\"{link}\"/><id>{link}</id>"
                    f"<updated>{when.isoformat()}</updated><summary>{summary}</summary></entry>")
        return (f"<item><title>{title}</title><link>{link}</link>"
                f"<pubDate>{format_datetime(when)}</pubDate>"
                f"<description>{summary}</description></item>")


def read_page(slug: str) -> tuple[dict[str, str], list[str]]:
    """A fixture article: its ``key: value`` header lines and its paragraphs."""
    lines = (FIXTURES / "pages" / f"{slug}.txt").read_text(encoding="utf-8").splitlines()
    meta = dict(line.split(": ", 1) for line in lines[:4])
    return meta, [line for line in lines[4:] if line.strip()]


def _handler(server: NewsServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            return

        def do_GET(self) -> None:  # noqa: N802
            path = self.path.split("?", 1)[0]
            server.record(path, dict(self.headers.items()))
            route = server.routes.get(path)
            if route is None:
                self._send(404, b"not found", "text/plain")
                return
            if route.fail_first > 0:
                route.fail_first -= 1
                self._send(503, b"busy", "text/plain", {"Retry-After": "0"})
                return
            if _unchanged(route, self.headers):
                server.not_modified[path] += 1
                self._send(304, b"", None, _validators(route))
                return
            self._send(route.status, route.body, route.content_type,
                       {**_validators(route), **route.headers}, stall=route.stall)

        def _send(self, status: int, body: bytes, media: str | None,
                  headers: dict[str, str] | None = None, *, stall: float = 0.0) -> None:
            self.send_response(status)
            if media:
                self.send_header("Content-Type", media)
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if stall:
                self.wfile.flush()
                time.sleep(stall)
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass

    return Handler


def _validators(route: Route) -> dict[str, str]:
    found = {"ETag": route.etag, "Last-Modified": route.last_modified}
    return {key: value for key, value in found.items() if value}


def _unchanged(route: Route, headers: object) -> bool:
    get = headers.get  # type: ignore[attr-defined]
    match = get("If-None-Match")
    if match is not None and route.etag:
        return route.etag in [tag.strip() for tag in match.split(",")] or match.strip() == "*"
    since = get("If-Modified-Since")
    if since and route.last_modified:
        try:
            return parsedate_to_datetime(route.last_modified) <= parsedate_to_datetime(since)
        except (TypeError, ValueError):
            return False
    return False


LOOPBACK_ONLY = AddressPolicy(allowed_networks=("127.0.0.1/32",))


def make_fetcher(**options: float | int | bool) -> Fetcher:
    """A fetcher allowed to reach 127.0.0.1 only, fast by default (no waits between requests)."""
    settings = {"min_interval": 0.0, "backoff": 0.01, "timeout": 5.0, **options}
    return Fetcher(FetchOptions(**settings), LOOPBACK_ONLY)  # type: ignore[arg-type]
