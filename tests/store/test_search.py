"""Search that ranks: one hit per original article with its copies folded in, best first by
bm25 (SQLite) or ts_rank (PostgreSQL) with a real score, the matching words marked."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from newsfuse.store import Ingester, SearchHit, Store

sys.path.insert(0, str(Path(__file__).parent))
import docgen  # noqa: E402

MARKER = "Quillonbeck"
"""A word only the last reprint adds: a match in a copy is a hit on its original."""


@pytest.fixture
def reprinted(store_url: str, tmp_path: Path) -> str:
    """Three outlets' reports of one event and another event's report; the first report
    reprinted three times by wire services (the last with one sentence more)."""
    event = docgen.make_event(0)
    reports = [docgen.report(event, n) for n in range(3)]
    copies = [
        {**reports[0], "id": f"wire-{n}", "outlet": f"Wire Service {n}",
         "title": reports[0]["title"] + " - wire"}
        for n in range(3)
    ]
    copies[-1]["text"] += f"\n\nThe wire service {MARKER} added this line."
    records = [*reports, docgen.report(docgen.make_event(1), 0), *copies]
    path = tmp_path / "reprinted.jsonl"
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    with Store.open(store_url, write=True) as store:
        Ingester(store).add_paths([path])
        assert store.stats().duplicate == 3
    return store_url


def _search(url: str, query: str) -> list[SearchHit]:
    with Store.open(url) as store:
        return store.search(query, limit=50)


def test_a_reprinted_article_is_one_hit_with_its_copies_counted(reprinted: str) -> None:
    place = docgen.make_event(0).place
    hits = _search(reprinted, f"fire {place}")
    ids = [hit.id for hit in hits]
    assert sorted(ids) == ["e0-r0", "e0-r1", "e0-r2"]
    assert {hit.id: hit.copies for hit in hits} == {"e0-r0": 3, "e0-r1": 0, "e0-r2": 0}
    assert all(f"[{place}]" in hit.snippet for hit in hits)


def test_a_match_in_a_copy_is_a_hit_on_its_original(reprinted: str) -> None:
    (hit,) = _search(reprinted, MARKER)
    assert hit.id == "e0-r0" and hit.copies == 3
    assert hit.title == docgen.report(docgen.make_event(0), 0)["title"]
    assert f"[{MARKER}]" in hit.snippet


def test_hits_are_ranked_with_a_real_score(reprinted: str) -> None:
    official = docgen.make_event(0).official.split()[-1]
    for query in (official, "fire", f"fire {official}"):
        hits = _search(reprinted, query)
        assert hits, query
        scores = [hit.score for hit in hits]
        assert all(score > 0 for score in scores), (query, scores)
        assert scores == sorted(scores, reverse=True)
    rare = _search(reprinted, official)
    assert rare[0].score > 1e-3


def test_stories_and_nonsense(reprinted: str) -> None:
    assert _search(reprinted, "xylophonequartz") == []
    assert isinstance(_search(reprinted, '"unbalanced AND (OR'), list)
    with Store.open(reprinted) as store:
        assert store.search("fire", kind="story") == []
