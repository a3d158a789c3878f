"""Escaping and security headers on the HTML pages (fast, without a browser)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from fastapi.testclient import TestClient
from webcorpus import xss_records

HTML_PAGES = ("/", "/stories", "/search", "/search?q=crane", "/articles/tarsk-gazette-crane",
              "/nowhere", "/stories/none", "/articles/xss-brenmoor-1",
              "/search?q=%3Cscript%3Ealert(1)%3C/script%3E")
ACTIVE_TAGS = {"script", "img", "iframe", "object", "embed", "frame", "svg", "b", "textarea"}


class Markup(HTMLParser):
    """The tags and attributes a browser would build from a page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes.extend((name, value or "") for name, value in attrs)


def injected(html: str) -> list[str]:
    """Elements or attributes that only a payload could have made."""
    parsed = Markup()
    parsed.feed(html)
    found = [f"<{tag}>" for tag in parsed.tags if tag in ACTIVE_TAGS]
    found += [f"{name}=" for name, _ in parsed.attributes if name.startswith("on")]
    found += [value for name, value in parsed.attributes
              if name in ("href", "src") and value.strip().lower().startswith("javascript")]
    return found


def test_every_html_response_has_a_csp_without_scripts(client: TestClient) -> None:
    assert injected('<p onclick="x"><img src=y></p>') == ["<img>", "onclick="]
    for path in HTML_PAGES:
        response = client.get(path, headers={"accept": "text/html"})
        assert response.headers["content-type"].startswith("text/html"), path
        policy = response.headers["content-security-policy"]
        assert "script-src 'none'" in policy and "default-src 'none'" in policy
        assert "frame-ancestors 'none'" in policy
        assert response.headers["x-content-type-options"] == "nosniff"
        assert "<script" not in response.text.lower(), path


def test_xss_articles_are_escaped_in_their_pages(client: TestClient) -> None:
    for record in xss_records():
        response = client.get(f"/articles/{record['id']}")
        assert response.status_code == 200
        assert injected(response.text) == []
    first = client.get("/articles/xss-brenmoor-1").text
    assert "&lt;script&gt;window.__xss" in first
    assert 'href="javascript:' not in first


def test_search_query_and_snippets_are_escaped(client: TestClient) -> None:
    response = client.get("/search", params={"q": '"><script>alert(1)</script> Brenmoor'})
    assert injected(response.text) == []
    assert "&lt;script&gt;alert(1)" in response.text
    hits = client.get("/search", params={"q": "onerror"}).text
    assert "<mark>onerror</mark>" in hits and injected(hits) == []


def test_only_http_links_leave_the_site(client: TestClient) -> None:
    for record in xss_records():
        page = client.get(f"/articles/{record['id']}").text
        for href in re.findall(r'href="([^"]*)"', page):
            assert href.startswith(("/", "#", "http://", "https://", "data:,")), href


def test_the_stylesheet_is_served_from_the_site(client: TestClient) -> None:
    response = client.get("/static/newsfuse.css")
    assert response.headers["content-type"].startswith("text/css")
    assert ".story-card" in response.text and ".summary" in response.text
    again = client.get("/static/newsfuse.css", headers={"if-none-match": response.headers["etag"]})
    assert again.status_code == 304
