"""One error shape on every route: 404, 405, 422, 413, 414 (and HTML pages for browsers)."""

from __future__ import annotations

import re
from typing import Any

import httpx
import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from newsfuse.web import api, create_app, pages

METHODS = ("GET", "POST", "PUT", "DELETE", "PATCH")


def assert_error_shape(response: httpx.Response, status: int, code: str | None = None) -> None:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    error = body["error"]
    assert set(error) <= {"code", "status", "message", "details"}
    assert error["status"] == status
    assert re.fullmatch(r"[a-z_]+", error["code"])
    assert error["message"].strip()
    if code is not None:
        assert error["code"] == code


def api_routes(client: TestClient) -> list[APIRoute]:
    """Every route of the app: its own, and those of the routers it includes."""
    routes = [*client.app.routes, *api.router.routes, *pages.router.routes]
    return [route for route in routes if isinstance(route, APIRoute)]


def concrete(path: str) -> str:
    return re.sub(r"\{[^}]+\}", "no-such-thing", path)


def test_every_route_is_covered(client: TestClient) -> None:
    paths = {route.path for route in api_routes(client)}
    assert {"/api/stories", "/api/stories/{story_id}", "/api/articles/{article_id}",
            "/api/search", "/api/documents", "/", "/stories/{story_id}",
            "/stories/{story_id}.json", "/articles/{article_id}", "/articles/{article_id}.json",
            "/search", "/search.json", "/stories.json"} <= paths


def test_wrong_method_on_every_route_is_405(client: TestClient) -> None:
    for route in api_routes(client):
        for method in METHODS:
            if method in route.methods or (method == "HEAD"):
                continue
            response = client.request(method, concrete(route.path))
            assert_error_shape(response, 405, "method_not_allowed")


def test_unknown_object_on_every_route_with_an_id_is_404(client: TestClient) -> None:
    for route in api_routes(client):
        if "{" in route.path and "GET" in route.methods:
            response = client.get(concrete(route.path))
            assert_error_shape(response, 404, "not_found")
            assert "no-such-thing" in response.json()["error"]["message"]


def test_unknown_paths_are_404(client: TestClient) -> None:
    for path in ("/nowhere", "/api/nowhere", "/api/stories/a/b", "/static/missing.css"):
        assert_error_shape(client.get(path), 404, "not_found")


def test_bad_query_on_every_paginated_route_is_422(client: TestClient) -> None:
    checked = 0
    for route in api_routes(client):
        names = {param.name for param in route.dependant.query_params}
        if "limit" not in names:
            continue
        query: dict[str, Any] = {"q": "ferry"} if "q" in names else {}
        for bad in ({"limit": 0}, {"limit": 101}, {"offset": -1}, {"limit": "ten"}):
            response = client.get(route.path, params={**query, **bad})
            assert_error_shape(response, 422, "invalid")
            field = next(iter(bad))
            assert response.json()["error"]["details"][0]["field"] == field
        checked += 1
    assert checked >= 5


def test_search_needs_words(client: TestClient) -> None:
    for path in ("/api/search", "/search.json"):
        assert_error_shape(client.get(path), 422, "invalid")
        assert_error_shape(client.get(path, params={"q": "x" * 201}), 422, "invalid")


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"title": "no body"}, "body"),
        ({"text": "a", "html": "<p>b</p>"}, "body"),
        ({"text": "  "}, "body"),
        ({"text": "words", "bogus": 1}, "bogus"),
        ({"text": "words", "id": "<script>"}, "id"),
        ({"text": 42}, "text"),
        ([1, 2], "body"),
    ],
)
def test_post_validation_is_422_with_the_field(
    client: TestClient, body: Any, field: str
) -> None:
    response = client.post("/api/documents", json=body)
    assert_error_shape(response, 422, "invalid")
    assert field in {detail["field"] for detail in response.json()["error"]["details"]}


def test_post_bad_json_is_422(client: TestClient) -> None:
    response = client.post(
        "/api/documents", content=b'{"text": "unfinished',
        headers={"content-type": "application/json"},
    )
    assert_error_shape(response, 422, "invalid")
    assert "JSON" in response.json()["error"]["message"]


def test_oversized_bodies_are_413_declared_or_streamed(articles_db) -> None:
    with TestClient(create_app(articles_db, max_body=1000)) as client:
        big = {"text": "word " * 400}
        assert_error_shape(client.post("/api/documents", json=big), 413, "too_large")

        def chunks():
            yield b'{"text": "'
            for _ in range(50):
                yield b"word " * 10
            yield b'"}'

        streamed = client.post(
            "/api/documents", content=chunks(), headers={"content-type": "application/json"}
        )
        assert "content-length" not in streamed.request.headers
        assert_error_shape(streamed, 413, "too_large")


def test_overlong_url_is_414(client: TestClient) -> None:
    assert_error_shape(client.get("/api/search", params={"q": "x" * 5000}), 414)


def test_html_pages_answer_browsers_with_an_error_page(client: TestClient) -> None:
    html = {"accept": "text/html,application/xhtml+xml"}
    response = client.get("/stories/no-such-thing", headers=html)
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "not found" in response.text and "no-such-thing" in response.text
    api = client.get("/api/stories/no-such-thing", headers=html)
    assert_error_shape(api, 404, "not_found")
    twin = client.get("/stories/no-such-thing.json", headers=html)
    assert_error_shape(twin, 404, "not_found")


def test_openapi_describes_the_api(client: TestClient) -> None:
    spec = client.get("/api/openapi.json").json()
    assert spec["openapi"].startswith("3.")
    paths = spec["paths"]
    assert {"/api/stories", "/api/stories/{story_id}", "/api/articles/{article_id}",
            "/api/search", "/api/documents"} <= set(paths)
    assert "post" in paths["/api/documents"]
    assert not any(path.endswith(".json") and path != "/api/openapi.json" for path in paths)
