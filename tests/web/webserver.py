"""The browser tests' harness: a real uvicorn server on a loopback port, Chromium, shots."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from webcorpus import REPO

from newsfuse.web import create_app

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
SHOTS = REPO / "screenshots" / "web"


def chromium_path() -> str:
    """The system Chromium, or skip the calling test with a clear message."""
    for candidate in ("/usr/bin/chromium", shutil.which("chromium"),
                      shutil.which("chromium-browser")):
        if candidate and Path(candidate).exists():
            return str(candidate)
    pytest.skip("no Chromium found (/usr/bin/chromium): browser tests skipped")


def shot(page: Any, name: str) -> None:
    """A full-page screenshot to screenshots/web/NAME.png and /tmp/web_NAME.png."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)
    shutil.copy(SHOTS / f"{name}.png", f"/tmp/web_{name}.png")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def running_server(db: Path, **options: int) -> Iterator[str]:
    """Serve ``db`` on 127.0.0.1 at a free port; yields the base URL (no trailing slash)."""
    port = free_port()
    config = uvicorn.Config(
        create_app(db, **options), host="127.0.0.1", port=port, log_level="warning",
        access_log=False,
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=20)
