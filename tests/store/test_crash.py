"""``kill -9`` in the middle of ``newsfuse ingest`` loses nothing already committed, and running
it again completes the work."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
import docgen  # noqa: E402

RUNNER = Path(__file__).parent / "cli_runner.py"
EVENTS, PER_EVENT = 80, 3


def _committed(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as connection:
            return int(connection.execute("SELECT count(*) FROM documents").fetchone()[0])
    except sqlite3.OperationalError:  # not created yet
        return 0


def _ingest(folder: Path, db: Path, *extra: str) -> subprocess.Popen[bytes]:
    command = [sys.executable, str(RUNNER), "ingest", str(folder), "--db", str(db), "-q", *extra]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


@pytest.mark.slow
def test_kill_9_during_ingest_loses_nothing_committed(tmp_path: Path) -> None:
    folder, db = tmp_path / "docs", tmp_path / "news.db"
    total = docgen.write_text_files(folder, EVENTS, PER_EVENT)
    process = _ingest(folder, db, "--commit-every", "5", "--no-briefings")
    seen = 0
    deadline = time.monotonic() + 120
    while process.poll() is None and time.monotonic() < deadline:
        seen = _committed(db)
        if seen >= 40:
            os.kill(process.pid, signal.SIGKILL)
            break
        time.sleep(0.01)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL, "ingest ended before it could be killed"
    assert 40 <= seen < total

    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        survived = connection.execute("SELECT count(*) FROM documents").fetchone()[0]
        articles = connection.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert survived >= seen
    assert articles == survived  # a document and its article are committed together

    rerun = _ingest(folder, db, "--no-briefings")
    _, err = rerun.communicate(timeout=600)
    assert rerun.returncode == 0, err.decode()
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        rows = connection.execute("SELECT status, state, story_id FROM articles").fetchall()
        stories = dict(connection.execute("SELECT id, stale FROM stories").fetchall())
        sources = connection.execute("SELECT count(DISTINCT source) FROM documents").fetchone()[0]
    assert len(rows) == total and sources == total  # every document once, none twice
    assert {status for status, _, _ in rows} == {"ok"}
    assert {state for _, state, _ in rows} == {"placed"}
    assert {story for _, _, story in rows} == set(stories)
    assert set(stories.values()) == {1}  # --no-briefings: every story waits for its briefing


def _placed(db: Path) -> int:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as connection:
        query = "SELECT count(*) FROM articles WHERE state = 'placed'"
        return int(connection.execute(query).fetchone()[0])


def _assignments(db: Path) -> dict[str, str]:
    with sqlite3.connect(db) as connection:
        return dict(connection.execute("SELECT id, story_id FROM articles").fetchall())


@pytest.mark.slow
def test_kill_9_while_placing_stories_resumes_to_the_same_stories(tmp_path: Path) -> None:
    import shutil

    from newsfuse.store import Ingester, Store

    folder, db, twin = tmp_path / "docs", tmp_path / "news.db", tmp_path / "twin.db"
    docgen.write_text_files(folder, 40, 3)
    with Store.open(db, write=True) as store:
        Ingester(store).add_paths([folder])
    shutil.copy(db, twin)  # the same documents, to be placed without interruption

    process = _ingest(folder, db, "--no-briefings")
    seen = 0
    while process.poll() is None:
        seen = _placed(db)
        if seen > 0:
            os.kill(process.pid, signal.SIGKILL)
            break
        time.sleep(0.05)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL, "placing ended before it could be killed"
    assert 0 < seen < 120 and _placed(db) >= seen

    for target in (db, twin):
        rerun = _ingest(folder, target, "--no-briefings")
        _, err = rerun.communicate(timeout=600)
        assert rerun.returncode == 0, err.decode()
    resumed, straight = _assignments(db), _assignments(twin)
    assert None not in resumed.values()
    assert resumed == straight


@pytest.mark.slow
def test_repeated_kill_9_at_random_points_never_loses_or_corrupts(tmp_path: Path) -> None:
    import random

    folder, db = tmp_path / "docs", tmp_path / "news.db"
    total = docgen.write_text_files(folder, 40, 3)
    rng = random.Random(2026)
    kills, committed = 0, 0
    for _ in range(4):
        target = committed + rng.randint(5, 25)
        process = _ingest(folder, db, "--commit-every", "1", "--no-briefings")
        deadline = time.monotonic() + 180
        while process.poll() is None and time.monotonic() < deadline:
            if _committed(db) >= target:
                os.kill(process.pid, signal.SIGKILL)
                break
            time.sleep(0.005)
        process.wait(timeout=30)
        if process.returncode != -signal.SIGKILL:
            break  # the run finished before the chosen point: nothing left to interrupt
        kills += 1
        with sqlite3.connect(db) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        now = _committed(db)
        assert now >= committed and now >= target  # nothing committed was lost
        committed = now
    print(f"kill -9 survived: {kills} (committed {committed} of {total} before the last)")
    assert kills >= 2
    rerun = _ingest(folder, db, "--no-briefings")
    _, err = rerun.communicate(timeout=600)
    assert rerun.returncode == 0, err.decode()
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        sources = connection.execute("SELECT count(DISTINCT source) FROM documents").fetchone()[0]
        documents = connection.execute("SELECT count(*) FROM documents").fetchone()[0]
    assert sources == documents == total  # every document exactly once
