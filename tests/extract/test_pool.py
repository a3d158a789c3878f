"""The reading pool: same output as a serial run, in order, with time limits and crash isolation."""

from __future__ import annotations

import gzip
import json
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsfuse.config import Settings
from newsfuse.extract.pool import ReadingPool
from newsfuse.pipeline import read_articles
from newsfuse.types import Article, RawDocument

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures"
MISBEHAVING = "misbehaving:misbehave"

PAGE = (
    "<!DOCTYPE html><html><head><title>{title}</title></head><body><nav>Home | World</nav>"
    "<article><h1>{title}</h1>{paragraphs}</article><footer>© Tarn Valley Post</footer>"
    "</body></html>"
)
TOWNS = ("Orvik", "Tarnby", "Lisel", "Carrow", "Breden", "Halm", "Sorrel", "Whitmere")


def _story(n: int) -> list[str]:
    town = TOWNS[n % len(TOWNS)]
    return [
        f"Flood water rose {n + 2} metres overnight in {town}, forcing {40 + n} families from "
        f"their homes, the regional council said on Tuesday.",
        f"Volunteers in {town} filled sandbags along the river wall while engineers checked the "
        f"old stone bridge for damage after the {n + 3}rd storm of the season.",
        f"The mayor of {town} said emergency shelters at the school and the sports hall would "
        f"stay open until the water receded, and asked residents to avoid the lower town.",
    ]


def _corpus(folder: Path, count: int = 18) -> Path:
    """Generated documents of every kind: HTML, text, gzip, JSONL, copies and junk."""
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        paragraphs = "".join(f"<p>{p}</p>" for p in _story(n))
        page = PAGE.format(title=f"Floods hit {TOWNS[n % 8]} ({n})", paragraphs=paragraphs)
        if n % 3 == 0:
            (folder / f"page{n:02}.html").write_text(page, encoding="utf-8")
        elif n % 3 == 1:
            (folder / f"page{n:02}.html.gz").write_bytes(gzip.compress(page.encode()))
        else:
            (folder / f"story{n:02}.txt").write_text("\n\n".join(_story(n)), encoding="utf-8")
    (folder / "copy-of-page00.html").write_text(
        (folder / "page00.html").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "binary.bin").write_bytes(bytes(range(256)) * 8)
    (folder / "short.txt").write_text("Too short to be an article.", encoding="utf-8")
    lines = [json.dumps({"id": f"rec-{n}", "text": "\n\n".join(_story(n + 30))}) for n in range(6)]
    lines.insert(2, "{not json")
    lines.append(json.dumps({"id": "rec-0", "text": "\n\n".join(_story(30))}))
    (folder / "export.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def _run(paths: list[Path], workers: int) -> tuple[list[Article], list[str]]:
    files: list[str] = []
    articles = list(read_articles(paths, workers=workers, on_file=lambda p: files.append(p.name)))
    return articles, files


@pytest.mark.slow
def test_generated_corpus_reads_the_same_in_workers_as_serially(tmp_path: Path) -> None:
    folder = _corpus(tmp_path / "docs")
    serial, serial_files = _run([folder], workers=1)
    pooled, pooled_files = _run([folder], workers=2)
    assert pooled == serial
    assert pooled_files == serial_files
    statuses = {article.status for article in serial}
    assert statuses == {"ok", "duplicate", "rejected"}
    assert len(serial) > 25


@pytest.mark.slow
def test_examples_read_the_same_in_workers_as_serially() -> None:
    examples = REPO / "examples"
    serial, _ = _run([examples], workers=1)
    pooled, _ = _run([examples], workers=2)
    assert pooled == serial and len(serial) >= 4


@pytest.mark.slow
def test_on_file_runs_after_the_files_last_article(tmp_path: Path) -> None:
    folder = _corpus(tmp_path / "docs", count=4)
    events: list[str] = []
    for article in read_articles(
        [folder], workers=2, on_file=lambda p: events.append(f"file:{p.name}")
    ):
        events.append(f"doc:{Path(article.source.split('#')[0]).name}")
    for at, event in enumerate(events):
        if event.startswith("file:"):
            name = event[5:]
            assert f"doc:{name}" not in events[at + 1 :]


def _documents(count: int) -> list[RawDocument]:
    return [
        RawDocument(f"doc{n}.txt", "\n\n".join(_story(n)), "text") for n in range(count)
    ]


@pytest.fixture
def misbehaving(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.syspath_prepend(str(FIXTURES / "pool"))
    return MISBEHAVING


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return not Path(f"/proc/{pid}/stat").read_text().split(") ")[1].startswith("Z")


@pytest.mark.slow
def test_a_stuck_document_times_out_and_its_worker_is_killed(
    tmp_path: Path, misbehaving: str
) -> None:
    pidfile = tmp_path / "stuck.pid"
    documents = _documents(6)
    documents.insert(2, RawDocument("stuck.txt", f"HANG {pidfile}", "text"))
    settings = Settings(document_timeout=1.5)
    with ReadingPool(settings, workers=2, reader=misbehaving) as pool:
        stream = pool.read_documents(documents)
        first = [next(stream) for _ in range(3)]
        assert first[2].status == "rejected" and first[2].reason == "timed out after 1.5 s"
        assert not _alive(int(pidfile.read_text()))
        rest = list(stream)
    assert [a.source for a in first + rest] == [d.source for d in documents]
    assert all(a.status == "ok" for a in first[:2] + rest)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("command", "reason"),
    [
        ("SEGFAULT", "extraction crashed: the worker killed by SIGSEGV"),
        ("EXIT", "extraction crashed: the worker exited with code 3"),
        ("RAISE", "extraction crashed: AttributeError: no such thing"),
        ("MEMORY", "extraction crashed: MemoryError: no room"),
    ],
)
def test_a_crash_costs_only_its_document(misbehaving: str, command: str, reason: str) -> None:
    documents = _documents(5)
    documents[1] = RawDocument("bad1.txt", command, "text")
    documents.insert(4, RawDocument("bad2.txt", command, "text"))
    with ReadingPool(Settings(), workers=2, reader=misbehaving) as pool:
        articles = list(pool.read_documents(documents))
    assert [a.source for a in articles] == [d.source for d in documents]
    assert [a.reason for a in articles if a.status == "rejected"] == [reason, reason]
    assert sum(a.status == "ok" for a in articles) == 4


def test_in_flight_documents_stay_within_the_window() -> None:
    pulled = 0
    most = 0

    def source() -> Iterator[RawDocument]:
        nonlocal pulled
        for document in _documents(40):
            pulled += 1
            yield document

    with ReadingPool(Settings(), workers=2, window=5) as pool:
        out = 0
        for _ in pool.read_documents(source()):
            out += 1
            most = max(most, pulled - out)
    assert out == 40 and most <= 5


def test_leaving_early_stops_the_workers() -> None:
    pool = ReadingPool(Settings(), workers=2)
    with pool:
        next(iter(pool.read_documents(_documents(30))))
        pids = [worker.process.pid for worker in pool._workers]
    assert len(pids) == 2
    deadline = time.monotonic() + 5
    while any(_alive(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_alive(pid) for pid in pids)


def test_one_worker_reads_in_this_process(misbehaving: str) -> None:
    documents = [RawDocument("bad.txt", "RAISE", "text"), *_documents(2)]
    with ReadingPool(Settings(), workers=1, reader=misbehaving) as pool:
        articles = list(pool.read_documents(documents))
        assert pool._workers == []
    assert articles[0].reason == "extraction crashed: AttributeError: no such thing"
    assert [a.status for a in articles[1:]] == ["ok", "ok"]


@pytest.mark.slow
def test_a_zero_timeout_means_no_limit() -> None:
    with ReadingPool(Settings(document_timeout=0), workers=2) as pool:
        articles = list(pool.read_documents(_documents(3)))
    assert [a.status for a in articles] == ["ok", "ok", "ok"]
