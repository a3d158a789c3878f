"""The composer: one run of read -> copies -> analysis -> stories -> briefings, telling an
observer how far each stage is; one id rule and one duplicate index for every caller."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsfuse.config import Settings
from newsfuse.dedup import DuplicateIndex, unique_id
from newsfuse.output import Target, write_extract
from newsfuse.pipeline import DuplicateMarker, StreamingBrief, run, unique_ids
from newsfuse.progress import ANALYSING, BRIEFING, READING, STORIES, WRITING, Step
from newsfuse.types import Article, Block

REPO = Path(__file__).resolve().parents[1]
STREAM = REPO / "tests" / "fixtures" / "stream"


def _article(doc_id: str, text: str = "", status: str = "ok") -> Article:
    blocks = (Block("paragraph", text),) if text else ()
    return Article(id=doc_id, source=f"{doc_id}.txt", status=status, blocks=blocks)  # type: ignore[arg-type]


def test_a_repeated_id_gets_the_first_free_suffix() -> None:
    taken = {"x", "x-2"}
    assert unique_id("x", taken.__contains__) == "x-3"
    assert unique_id("y", taken.__contains__) == "y"
    given = unique_ids([_article(i) for i in ("a", "a", "a-2", "a", "b")])
    assert [a.id for a in given] == ["a", "a-2", "a-2-2", "a-3", "b"]


def test_the_marker_gives_the_ids_unique_ids_gives_and_asks_a_store_which_are_taken() -> None:
    ids = ("a", "a", "a-2", "a", "b")
    marker = DuplicateMarker()
    marked = [marker.mark(_article(i, status="rejected")) for i in ids]
    assert [a.id for a in marked] == [a.id for a in unique_ids(_article(i) for i in ids)]
    stored = {"a", "a-2"}  # what a store holds: the marker asks it, not its own memory
    in_store = DuplicateMarker(taken=stored.__contains__)
    assert in_store.mark(_article("a", status="rejected")).id == "a-3"
    assert in_store.mark(_article("b", status="rejected")).id == "b"


def test_the_duplicate_index_is_built_from_the_settings() -> None:
    settings = Settings(
        minhash_permutations=64, shingle_words=3, duplicate_jaccard=0.7, duplicate_containment=0.9
    )
    index = DuplicateIndex.from_settings(settings)
    assert (index.permutations, index.shingle, index.jaccard, index.containment) == (
        64,
        3,
        0.7,
        0.9,
    )


def test_the_marker_marks_copies_against_the_index_it_is_given() -> None:
    text = " ".join(f"word{n}" for n in range(60))
    index = DuplicateIndex()
    index.add(_article("stored", text))
    marked = DuplicateMarker(index=index).mark(_article("new", text))
    assert (marked.status, marked.duplicate_of) == ("duplicate", "stored")


def _stages(steps: list[Step]) -> list[str]:
    return list(dict.fromkeys(step.stage for step in steps))


def _last(steps: list[Step], stage: str) -> Step:
    return [step for step in steps if step.stage == stage][-1]


def test_reading_reports_each_file_and_calls_each_on_every_document() -> None:
    steps: list[Step] = []
    seen: list[Article] = []
    report = run([STREAM], workers=1, each=seen.append, observer=steps.append)
    assert _stages(steps) == [READING]
    reading = [step for step in steps if step.stage == READING]
    assert reading[0].total == 4 and reading[0].done == 0
    assert [step.done for step in reading[1:-1]] == [1, 2, 3, 4]
    assert reading[-1].finished and reading[-1].done == reading[-1].total == 4
    assert report.counts.documents == len(seen) and report.briefings == []
    assert report.counts.duplicate == 1  # the wire reprint


def test_nothing_is_counted_for_nobody() -> None:
    report = run([STREAM], workers=1)
    assert report.counts.documents > 4  # the JSONL file holds several


def test_writing_is_reported_with_the_documents_written(tmp_path: Path) -> None:
    steps: list[Step] = []
    counts = write_extract(
        [STREAM], Target(tmp_path / "out.json", "json"), workers=1, observer=steps.append
    )
    writing = _last(steps, WRITING)
    assert writing.finished and writing.done == counts.documents and writing.unit == "documents"
    assert _stages(steps) == [READING, WRITING]


@pytest.mark.slow
def test_a_brief_run_reports_every_stage_in_order() -> None:
    steps: list[Step] = []
    brief = StreamingBrief({}, workers=1, observer=steps.append)
    report = run([STREAM], brief=brief, workers=1, observer=steps.append)
    assert _stages(steps) == [READING, ANALYSING, STORIES, BRIEFING]
    assert _last(steps, ANALYSING).done == report.counts.ok
    assert _last(steps, STORIES).done == report.counts.ok
    briefing = _last(steps, BRIEFING)
    assert briefing.finished and briefing.done == len(report.briefings) == report.counts.stories
    assert all(step.finished for step in (_last(steps, stage) for stage in _stages(steps)))
    assert briefing.seconds > 0 and briefing.rate is not None
