"""The JSON API and the pages' JSON twins against real stores built from the fixtures."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from markupsafe import escape
from webcorpus import CORPUS

from newsfuse import cli
from newsfuse.render.json import schema_errors
from newsfuse.web import create_app


def follow(client: TestClient, url: str, key: str) -> list[dict[str, Any]]:
    """Every item of a paginated list, following ``next`` links to the end."""
    items: list[dict[str, Any]] = []
    pages = 0
    while url:
        body = client.get(url).json()
        items.extend(body[key])
        url = body["next"]
        pages += 1
        assert pages < 100
    return items


@pytest.fixture
def writable(articles_db: Path, tmp_path: Path) -> Iterator[TestClient]:
    db = tmp_path / "copy.db"
    shutil.copy(articles_db, db)
    with TestClient(create_app(db), raise_server_exceptions=False) as client:
        yield client


# ----------------------------------------------------------------------------- articles, search


def test_article_is_the_schema_document_and_its_twin_agrees(client: TestClient) -> None:
    body = client.get("/api/articles/tarsk-gazette-crane").json()
    assert body["id"] == "tarsk-gazette-crane"
    assert body["outlet"] == "Tarsk Gazette" and body["status"] == "ok"
    assert "60-metre crane toppled" in body["text"]
    output = {"newsfuse_version": "x", "generated_at": "2026-01-01T00:00:00Z",
              "documents": [body]}
    assert schema_errors(output, extract=True) == []
    assert client.get("/articles/tarsk-gazette-crane.json").json() == body


def test_search_finds_articles_and_pages_through_them(client: TestClient) -> None:
    first = client.get("/api/search", params={"q": "crane Tarsk", "limit": 10}).json()
    ids = [hit["id"] for hit in first["results"]]
    assert {"tarsk-gazette-crane", "northline-crane", "coastwatch-crane"} <= set(ids)
    assert all("[" in hit["snippet"] for hit in first["results"])
    paged = follow(client, "/api/search?q=crane+Tarsk&limit=1", "results")
    assert [hit["id"] for hit in paged] == ids
    for hit in paged:
        assert client.get(hit["url"]).status_code == 200
        assert client.get(hit["html_url"]).status_code == 200
    twin = client.get("/search.json", params={"q": "crane Tarsk", "limit": 10}).json()
    assert twin["results"] == first["results"]


def test_search_without_stories_and_nonsense_is_empty(client: TestClient) -> None:
    assert client.get("/api/search", params={"q": "crane", "kind": "story"}).json()["results"] == []
    body = client.get("/api/search", params={"q": "zzyzx qwerty"}).json()
    assert body["results"] == [] and body["next"] is None
    assert client.get("/api/search", params={"q": '"OR" AND *'}).status_code == 200


def test_a_store_without_stories_lists_none(client: TestClient) -> None:
    body = client.get("/api/stories").json()
    assert body == {"stories": [], "total": 0, "limit": 20, "offset": 0, "next": None}
    assert "No stories yet" in client.get("/").text


def test_post_adds_an_article_once(writable: TestClient) -> None:
    record = {"id": "velm-ferry-strike", "outlet": "Velm Observer", "date": "2026-07-01",
              "title": "Velm ferry crews strike", "text": "Ferry crews in Velm stopped work "
              "on Wednesday morning over pay, the crews' union said. " * 6}
    response = writable.post("/api/documents", params={"stories": "false"}, json=record)
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["id"] == "velm-ferry-strike" and body["added"] and body["status"] == "ok"
    assert response.headers["location"] == "/api/articles/velm-ferry-strike"
    stored = writable.get(response.headers["location"]).json()
    assert stored["outlet"] == "Velm Observer" and "Ferry crews in Velm" in stored["text"]
    again = writable.post("/api/documents", params={"stories": "false"}, json=record)
    assert again.status_code == 200 and again.json()["added"] is False
    hits = writable.get("/api/search", params={"q": "Velm ferry crews"}).json()["results"]
    assert [hit["id"] for hit in hits] == ["velm-ferry-strike"]


def test_post_of_rubbish_is_stored_as_rejected(writable: TestClient) -> None:
    response = writable.post("/api/documents", params={"stories": "false"}, json={"text": "hi"})
    assert response.status_code == 201
    assert response.json()["status"] == "rejected" and response.json()["reason"]
    assert response.json()["story"] is None


def test_json_errors_are_not_sniffable_as_html(client: TestClient) -> None:
    response = client.get("/api/articles/<script>alert(1)</script>")
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["content-type"].startswith("application/json")


# ----------------------------------------------------------------------------- stories (slow)


@pytest.mark.slow
def test_api_story_equals_brief_json_for_the_same_documents(
    story_client: TestClient, tmp_path: Path
) -> None:
    out = tmp_path / "brief.json"
    code = cli.main(["brief", *(str(path) for path in CORPUS), "--format", "json",
                     "-o", str(out), "-q"])
    assert code == 0
    briefed = {story["id"]: story for story in json.loads(out.read_text("utf-8"))["stories"]}
    listed = follow(story_client, "/api/stories?limit=1", "stories")
    assert {story["id"] for story in listed} == set(briefed)
    for story_id, expected in briefed.items():
        assert story_client.get(f"/api/stories/{story_id}").json() == expected
        assert story_client.get(f"/stories/{story_id}.json").json() == expected


@pytest.mark.slow
def test_story_list_orders_and_pages(story_client: TestClient) -> None:
    full = story_client.get("/api/stories", params={"limit": 100}).json()
    assert full["total"] == len(full["stories"]) >= 3 and full["next"] is None
    paged = follow(story_client, "/api/stories?limit=2", "stories")
    assert [story["id"] for story in paged] == [story["id"] for story in full["stories"]]
    latest = [story["last_published"] for story in full["stories"]]
    assert latest == sorted(latest, reverse=True)
    covered = story_client.get("/api/stories", params={"order": "outlets"}).json()["stories"]
    assert covered[0]["outlets"] == max(story["outlets"] for story in covered)
    for story in full["stories"]:
        briefing = story_client.get(story["url"]).json()
        assert story["outlets"] == briefing["independent_outlets"]
        assert story["headline"] == briefing["headline"]
        assert story_client.get(story["html_url"]).status_code == 200
    assert story_client.get("/stories.json", params={"limit": 100}).json() == full


@pytest.mark.slow
def test_story_page_shows_the_whole_briefing(story_client: TestClient) -> None:
    stories = story_client.get("/api/stories").json()["stories"]
    tarsk = next(story for story in stories if "tarsk-gazette-crane" in
                 story_client.get(story["url"]).json()["documents"])
    briefing = story_client.get(tarsk["url"]).json()
    page = story_client.get(tarsk["html_url"]).text
    assert escape(briefing["headline"]) in page
    for sentence in briefing["summary"]:
        assert escape(sentence["text"]) in page
    for fact in briefing["facts"]:
        assert escape(fact["text"]) in page
    for quote in briefing["quotes"]:
        # a quote without a speaker is "unattributed" in the JSON, grouped under "Unattributed"
        speaker = quote["speaker"]
        assert escape(speaker.capitalize() if speaker == "unattributed" else speaker) in page
    for name in briefing["outlets"]:
        assert escape(name) in page
    cited = {doc for item in briefing["summary"] for doc in item["sources"]}
    for doc_id in cited:
        assert f'href="/articles/{doc_id}"' in page
        assert story_client.get(f"/articles/{doc_id}").status_code == 200
    assert 'rel="alternate" type="application/json"' in page


@pytest.mark.slow
def test_front_page_lists_every_story_with_its_coverage(story_client: TestClient) -> None:
    stories = story_client.get("/api/stories").json()["stories"]
    page = story_client.get("/").text
    for story in stories:
        assert escape(story["headline"]) in page
        assert f'href="{story["html_url"]}"' in page
        noun = "outlet" if story["outlets"] == 1 else "outlets"
        assert f"{story['outlets']} {noun}" in page
    assert 'action="/search"' in page


@pytest.mark.slow
def test_post_places_the_document_in_its_story(story_db_copy: Path) -> None:
    with TestClient(create_app(story_db_copy)) as client:
        stories = client.get("/api/stories").json()["stories"]
        tarsk = next(story for story in stories if "tarsk-gazette-crane" in
                     client.get(story["url"]).json()["documents"])
        assert "/articles/harbour-news-crane" not in client.get(tarsk["html_url"]).text
        record = {
            "id": "harbour-news-crane", "outlet": "Harbour News", "date": "2026-05-13",
            "title": "Tarsk harbour reopens northern terminal after crane checks",
            "text": "Tarsk harbour reopened its northern terminal on Wednesday, three days "
            "after a container crane collapsed onto the cargo ship Orla Bay and injured five "
            "dock workers, the harbour authority said.\n\nHarbour director Paulo Endre said "
            "inspectors from the national transport safety board had checked all seven "
            "cranes. \"We are lucky nobody was killed,\" Endre said.\n\nThe dock workers' "
            "union said the collapsed crane should have been replaced a year ago.",
        }
        response = client.post("/api/documents", json=record)
        assert response.status_code == 201, response.text
        assert response.json()["story"] == tarsk["id"]
        after = client.get(tarsk["url"]).json()
        assert "harbour-news-crane" in after["documents"]
        assert "/articles/harbour-news-crane" in client.get(tarsk["html_url"]).text
        listed = client.get("/api/stories").json()["stories"]
        assert next(s for s in listed if s["id"] == tarsk["id"])["revision"] > tarsk["revision"]
        original = client.get("/api/articles/tarsk-gazette-crane").json()
        copy = {"id": "syndicated-crane", "outlet": "Syndicate Wire", "title": original["title"],
                "text": original["text"]}
        answer = client.post("/api/documents", json=copy).json()
        assert answer["status"] == "duplicate"
        assert answer["duplicate_of"] == "tarsk-gazette-crane"
        assert answer["story"] == tarsk["id"]
