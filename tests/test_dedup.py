"""Near-duplicate detection on invented wire stories (tests/fixtures/cluster/wire.json)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfuse.dedup import DuplicateIndex, find_duplicates, shingles
from newsfuse.types import Article, Block

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "cluster"


def _article(record: dict, paragraphs: list[str] | None = None) -> Article:
    return Article(
        id=record["id"],
        source=f"fixture:{record['id']}",
        status="ok",
        title=record.get("title"),
        published=record.get("published"),
        outlet=record.get("outlet"),
        blocks=tuple(Block("paragraph", text) for text in paragraphs or record["paragraphs"]),
    )


@pytest.fixture(scope="module")
def wire() -> dict[str, Article]:
    data = json.loads((FIXTURES / "wire.json").read_text(encoding="utf-8"))
    original = data["original"]["paragraphs"]
    return {
        name: _article(record, original if record.get("same_as") == "original" else None)
        for name, record in data.items()
    }


def _jaccard(first: Article, second: Article) -> float:
    a, b = shingles(first.text), shingles(second.text)
    return len(a & b) / len(a | b)


def test_exact_copy_and_edited_reprint_point_to_the_original(wire: dict[str, Article]) -> None:
    found = find_duplicates(list(wire.values()))
    assert found["copy01"] == "wire01"
    assert found["reprint01"] == "wire01"


def test_reprint_needs_the_containment_test(wire: dict[str, Article]) -> None:
    # New intro, one word changed, the tail cut: 5-gram Jaccard falls under the 0.5 cut.
    pair = [wire["original"], wire["reprint"]]
    assert _jaccard(*pair) < 0.5
    assert find_duplicates(pair, containment=1.01) == {}
    assert find_duplicates(pair) == {"reprint01": "wire01"}


def test_same_topic_story_and_short_notes_are_not_duplicates(wire: dict[str, Article]) -> None:
    found = find_duplicates(list(wire.values()))
    assert "other01" not in found and "wire01" not in found
    assert "short01" not in found and "short02" not in found
    assert found["short03"] == "short01"


def test_copy_points_to_earliest_published_even_when_seen_first(
    wire: dict[str, Article],
) -> None:
    late = wire["original"]
    early = _article(
        {"id": "early", "published": "2026-02-09", "title": None},
        list(late.paragraphs),
    )
    assert find_duplicates([late, early]) == {"wire01": "early"}


def test_undated_ties_go_to_the_first_seen(wire: dict[str, Article]) -> None:
    paragraphs = list(wire["original"].paragraphs)
    first = _article({"id": "x1"}, paragraphs)
    second = _article({"id": "x2"}, paragraphs)
    assert find_duplicates([first, second]) == {"x2": "x1"}
    assert find_duplicates([second, first]) == {"x1": "x2"}


def test_index_chains_point_to_the_root(wire: dict[str, Article]) -> None:
    index = DuplicateIndex()
    assert index.add(wire["original"]) is None
    assert index.add(wire["exact_copy"]) == "wire01"
    assert index.add(wire["reprint"]) == "wire01"
    assert index.add(wire["same_topic"]) is None
    assert len(index) == 4


def test_exact_copies_are_not_stored_but_decide_as_before(wire: dict[str, Article]) -> None:
    index = DuplicateIndex()
    copies = [replace(wire["exact_copy"], id=f"copy{n}") for n in range(50)]
    assert index.add(wire["original"]) is None
    assert [index.add(copy) for copy in copies] == ["wire01"] * 50
    assert index.add(wire["reprint"]) == "wire01"  # a near copy still finds the original
    assert index.add(copies[3]) == "wire01"  # asked again: the same answer
    assert len(index) == 52
    assert len(index._entries) == 2  # the original and the reprint: copies cost no entry


def test_rejected_articles_are_ignored(wire: dict[str, Article]) -> None:
    rejected = Article(id="bad", source="x", status="rejected", reason="empty")
    assert find_duplicates([wire["original"], rejected]) == {}


_words = st.lists(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyzäöü", min_size=1, max_size=8),
    min_size=1,
    max_size=60,
)


@settings(max_examples=40, deadline=None)
@given(words=_words, other=_words)
def test_identical_texts_are_always_duplicates(words: list[str], other: list[str]) -> None:
    text = " ".join(words)
    first = _article({"id": "a"}, [text])
    distractor = _article({"id": "b"}, [" ".join(other) + " zzqx"])
    copy = _article({"id": "c"}, [text])
    assert find_duplicates([first, distractor, copy])["c"] == "a"
