"""``newsfuse serve`` as a user runs it: a real process on a loopback port."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from webserver import free_port

RUNNER = Path(__file__).resolve().parent / "serve_runner.py"


def serve(db: Path, port: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(RUNNER), "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def wait_for(url: str, process: subprocess.Popen[str]) -> httpx.Response:
    deadline = time.monotonic() + 60
    while True:
        try:
            return httpx.get(url, timeout=2)
        except httpx.HTTPError:
            if process.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(process.stderr.read() if process.stderr else "") from None
            time.sleep(0.2)


@pytest.mark.parametrize("fixture", ["articles_db", "missing"])
def test_serve_answers_on_loopback(fixture: str, request: pytest.FixtureRequest,
                                   tmp_path: Path) -> None:
    db = request.getfixturevalue(fixture) if fixture != "missing" else tmp_path / "new.db"
    port = free_port()
    process = serve(db, port)
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
        process.terminate()
        process.wait(timeout=20)


def test_serve_refuses_a_bad_port(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(RUNNER), "serve", "--db", str(tmp_path / "x.db"), "--port", "99999"],
        capture_output=True, text=True, timeout=60,
    )
    assert done.returncode == 2 and "0 to 65535" in done.stderr
