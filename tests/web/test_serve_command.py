"""``newsfuse serve`` as a user runs it: a real process on a loopback port."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from webserver import free_port

RUNNER = Path(__file__).resolve().parent / "serve_runner.py"


def serve(db: Path, port: int, *options: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(RUNNER), "serve", "--db", str(db), "--port", str(port), *options],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def run_serve(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(RUNNER), "serve", *args], capture_output=True, text=True, timeout=60
    )


def one_line_error(done: subprocess.CompletedProcess[str], code: int, *words: str) -> None:
    lines = done.stderr.strip().splitlines()
    assert done.returncode == code, done.stderr
    assert len(lines) == 1 and lines[0].startswith("newsfuse: error: "), done.stderr
    assert all(word in lines[0] for word in words), lines[0]


def wait_for(url: str, process: subprocess.Popen[str]) -> httpx.Response:
    deadline = time.monotonic() + 60
    while True:
        try:
            return httpx.get(url, timeout=2)
        except httpx.HTTPError:
            if process.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(process.stderr.read() if process.stderr else "") from None
            time.sleep(0.2)


def stop(process: subprocess.Popen[str]) -> None:
    process.terminate()
    process.wait(timeout=20)


@pytest.mark.parametrize("fixture", ["articles_db", "missing"])
def test_serve_answers_on_loopback(fixture: str, request: pytest.FixtureRequest,
                                   tmp_path: Path) -> None:
    db = request.getfixturevalue(fixture) if fixture != "missing" else tmp_path / "new.db"
    port = free_port()
    process = serve(db, port, *(["--create"] if fixture == "missing" else []))
    try:
        front = wait_for(f"http://127.0.0.1:{port}/", process)
        assert front.status_code == 200
        assert "content-security-policy" in front.headers
        stories = httpx.get(f"http://127.0.0.1:{port}/api/stories", timeout=5).json()
        assert stories["total"] == 0
        if fixture == "articles_db":
            article = httpx.get(f"http://127.0.0.1:{port}/api/articles/tarsk-gazette-crane")
            assert article.json()["outlet"] == "Tarsk Gazette"
        else:
            assert db.exists()
    finally:
        stop(process)


def test_the_startup_line_says_what_is_served_and_the_log_has_each_request(
    articles_db: Path, tmp_path: Path
) -> None:
    log = tmp_path / "access.log"
    process = serve(articles_db, 0, "--log", str(log))
    try:
        assert process.stderr is not None
        line = process.stderr.readline().strip()
        match = re.fullmatch(
            r"newsfuse: serving (\S+) \(0 stories, (\d+) documents\) on "
            r"(http://127\.0\.0\.1:(\d+)/); access log: (\S+)", line,
        )
        assert match, line
        assert match[1] == str(articles_db) and int(match[2]) > 5 and match[5] == str(log)
        assert wait_for(match[3] + "api/stories?limit=2", process).status_code == 200
        assert httpx.get(match[3] + "no/such/page", timeout=5).status_code == 404
    finally:
        stop(process)
    lines = log.read_text(encoding="utf-8").splitlines()
    shape = r'127\.0\.0\.1 - - \[[-0-9T:+]+\] "GET {} HTTP/1\.1" {} \d+ \d+\.\d{{3}}'
    assert re.fullmatch(shape.format(r"/api/stories\?limit=2", 200), lines[-2]), lines
    assert re.fullmatch(shape.format("/no/such/page", 404), lines[-1]), lines


def test_serve_refuses_a_bad_port(tmp_path: Path) -> None:
    done = run_serve("--db", str(tmp_path / "x.db"), "--port", "99999")
    assert done.returncode == 2 and "0 to 65535" in done.stderr


def test_a_port_in_use_is_one_line_and_its_own_code(articles_db: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = run_serve("--db", str(articles_db), "--port", str(port))
    one_line_error(done, 7, f"127.0.0.1:{port}", "in use", "--port")
    assert "serving" not in done.stderr


def test_a_missing_database_is_not_created_without_create(tmp_path: Path) -> None:
    db = tmp_path / "nosuch.db"
    done = run_serve("--db", str(db), "--port", "0")
    one_line_error(done, 6, str(db), "no such database", "--create")
    assert not db.exists()


def test_an_unreadable_database_is_one_line_and_the_store_code(tmp_path: Path) -> None:
    db = tmp_path / "notes.db"
    db.write_text("these are notes, not a database\n" * 50, encoding="utf-8")
    done = run_serve("--db", str(db), "--port", "0")
    one_line_error(done, 4, str(db), "cannot open the database")
    assert db.read_text(encoding="utf-8").startswith("these are notes")


def test_a_log_that_cannot_be_written_is_one_line(articles_db: Path, tmp_path: Path) -> None:
    done = run_serve("--db", str(articles_db), "--port", "0", "--log", str(tmp_path / "no" / "x"))
    one_line_error(done, 2, "cannot write")
