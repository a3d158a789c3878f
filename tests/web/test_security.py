"""Escaping and security headers on the HTML pages (fast, without a browser)."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from webcorpus import xss_records

HTML_PAGES = ("/", "/stories", "/search", "/search?q=crane", "/articles/tarsk-gazette-crane",
              "/nowhere", "/stories/none", "/articles/xss-brenmoor-1",
              "/search?q=%3Cscript%3Ealert(1)%3C/script%3E")
INJECTED = re.compile(r"<(script|img|iframe|svg|a href=\"javascript)|\son[a-z]+=", re.I)


def test_every_html_response_has_a_csp_without_scripts(client: TestClient) -> None:
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
        body = response.text.split("<main>", 1)[1]
        assert not INJECTED.search(body), INJECTED.search(body)
    first = client.get("/articles/xss-brenmoor-1").text
    assert "&lt;script&gt;window.__xss" in first
    assert 'href="javascript:' not in first


def test_search_query_and_snippets_are_escaped(client: TestClient) -> None:
    response = client.get("/search", params={"q": '"><script>alert(1)</script> Brenmoor'})
    body = response.text.split("<main>", 1)[1]
    assert not INJECTED.search(body)
    assert "&lt;script&gt;alert(1)" in body
    hits = client.get("/search", params={"q": "onerror"}).text.split("<main>", 1)[1]
    assert "<mark>onerror</mark>" in hits and not INJECTED.search(hits)


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
