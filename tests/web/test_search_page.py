"""Search on the web: one hit per original article (the examples' Meridian Press reprint of
the Daily Beacon report is folded into it), ranked, scored, the matches highlighted."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_the_api_folds_copies_and_gives_a_score(client: TestClient) -> None:
    body = client.get("/api/search", params={"q": "ferry capsizes Aldrin"}).json()
    hits = body["results"]
    ids = [hit["id"] for hit in hits]
    assert len(ids) == len(set(ids))
    assert "beacon-ferry" in ids and "d818f455a710" not in ids
    beacon = next(hit for hit in hits if hit["id"] == "beacon-ferry")
    assert beacon["copies"] == 1
    assert all(hit["score"] > 0 for hit in hits)
    assert [hit["score"] for hit in hits] == sorted((hit["score"] for hit in hits), reverse=True)
    assert len({(hit["title"], hit["snippet"]) for hit in hits}) == len(hits)


def test_the_page_highlights_the_matches_and_counts_copies(client: TestClient) -> None:
    page = client.get("/search", params={"q": "ferry capsizes Aldrin"}).text
    assert "<mark>Aldrin</mark>" in page or "<mark>ferry</mark>" in page
    assert '<span class="result-copies">1 copy</span>' in page
    assert page.count('href="/articles/beacon-ferry"') == 1
    assert 'href="/articles/d818f455a710"' not in page
