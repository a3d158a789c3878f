"""Fixtures for the store tests: a real PostgreSQL server started for the session, and a
``store_url`` that runs a test on SQLite and on PostgreSQL."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

POSTGRES_MISSING = (
    "PostgreSQL is not installed (Debian: `apt-get install -y postgresql`) or psycopg is "
    'missing (`pip install "psycopg[binary]"`): PostgreSQL store tests skipped'
)


def _pg_bin() -> Path | None:
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(candidates[-1]).parent if candidates else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _as_postgres_user(command: list[str]) -> list[str]:
    """initdb refuses to run as root: run it as the ``postgres`` user then."""
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *command]
    return command


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """A PostgreSQL server on a loopback port for this test session; its base URL."""
    bindir = _pg_bin()
    try:
        import psycopg  # noqa: F401
    except ImportError:
        pytest.skip(POSTGRES_MISSING)
    if bindir is None or (os.geteuid() == 0 and shutil.which("runuser") is None):
        pytest.skip(POSTGRES_MISSING)
    home = Path(tempfile.mkdtemp(prefix="newsfuse-pg-"))
    if os.geteuid() == 0:
        shutil.chown(home, user="postgres")
    data, port = home / "data", _free_port()
    run = lambda *args: subprocess.run(  # noqa: E731
        _as_postgres_user([str(a) for a in args]), check=True, capture_output=True, timeout=120
    )
    try:
        run(bindir / "initdb", "-D", data, "-U", "newsfuse", "--auth=trust", "-E", "UTF8")
        options = f"-p {port} -k {home} -c listen_addresses=127.0.0.1 -c fsync=off"
        run(bindir / "pg_ctl", "-D", data, "-o", options, "-l", home / "log", "-w", "start")
    except (subprocess.CalledProcessError, OSError) as error:
        shutil.rmtree(home, ignore_errors=True)
        pytest.skip(f"PostgreSQL could not be started here ({error}): tests skipped")
    try:
        yield f"postgresql://newsfuse@127.0.0.1:{port}"
    finally:
        subprocess.run(
            _as_postgres_user([str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "stop"]),
            capture_output=True, timeout=60,
        )
        shutil.rmtree(home, ignore_errors=True)


@pytest.fixture
def postgres_url(postgres_server: str) -> str:
    """A fresh, empty database on the session's PostgreSQL server."""
    import psycopg

    name = "t" + uuid.uuid4().hex[:12]
    with psycopg.connect(f"{postgres_server}/postgres", autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE {name}")
    return f"{postgres_server}/{name}"


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The URL of a new, empty store: a SQLite file, then a PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "news.db")
    return str(request.getfixturevalue("postgres_url"))
