"""Database backends: what differs between SQLite and PostgreSQL, behind one small class.

The store writes its SQL once, with ``?`` placeholders; a backend opens connections, turns
placeholders into its own style, applies migrations, takes the single-writer lock and runs
full-text indexing and search. SQLite is the default (a file, WAL mode); PostgreSQL serves
several users (``postgresql://...``, see :mod:`newsfuse.store.postgres`); ``Store.open``
chooses between them.
"""

from __future__ import annotations

import fcntl
import os
import re
import sqlite3
from abc import ABC, abstractmethod
from pathlib import Path
from typing import Any

from newsfuse.errors import InputError, NoDatabaseError, StoreError
from newsfuse.store.schema import SQLITE_MIGRATIONS
from newsfuse.store.search import SearchRow, sqlite_search

_WORD = re.compile(r"\w+", re.UNICODE)


def query_words(query: str) -> list[str]:
    """The words of a user's search query (operators and quotes dropped), at most 16."""
    return _WORD.findall(query)[:16]


class Backend(ABC):
    """One database: connections, dialect, migrations, writer lock and full-text search."""

    name: str
    migrations: dict[int, list[str]]
    begin: str = "BEGIN"

    @abstractmethod
    def connect(self, *, write: bool) -> Any:
        """A new DB-API connection in autocommit mode (transactions are explicit)."""

    def sql(self, statement: str) -> str:
        """``statement`` in this backend's placeholder style."""
        return statement

    @abstractmethod
    def lock_writer(self, connection: Any) -> None:
        """Become the only writer, or raise StoreError when another process writes."""

    def release_writer(self) -> None:  # noqa: B027 - most backends release on close
        """Give up the writer lock (closing the connection does it too)."""

    @abstractmethod
    def index(self, connection: Any, table: str, rowid: int, values: tuple[str, str, str]) -> None:
        """(Re)index one row ``(id, title, body)`` of ``articles_fts`` or ``stories_fts``."""

    @abstractmethod
    def search(
        self, connection: Any, table: str, words: list[str], limit: int, offset: int
    ) -> list[SearchRow]:
        """Rows ``(id, title, snippet, score, copies)`` matching every word, best first: one
        per original article, its copies folded in (see :mod:`newsfuse.store.search`)."""

    @abstractmethod
    def integrity(self, connection: Any) -> str:
        """``"ok"`` or what the database's own check reports."""


class SQLiteBackend(Backend):
    """A SQLite file in WAL mode; the writer holds an exclusive ``flock`` on the file."""

    name = "sqlite"
    migrations = SQLITE_MIGRATIONS
    begin = "BEGIN IMMEDIATE"

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._lock_fd: int | None = None

    def connect(self, *, write: bool) -> sqlite3.Connection:
        if not write and not self.path.exists():
            raise NoDatabaseError(
                f"{self.path}: no such database: create it with `newsfuse ingest`"
            )
        if write and not self.path.parent.is_dir():
            raise InputError(f"{self.path}: cannot write (No such folder {self.path.parent})")
        try:
            if write:
                connection = sqlite3.connect(self.path, isolation_level=None, timeout=30.0)
                connection.execute("PRAGMA journal_mode = WAL")
            else:
                uri = f"file:{self.path.resolve()}?mode=ro"
                connection = sqlite3.connect(
                    uri, uri=True, isolation_level=None, timeout=30.0, check_same_thread=False
                )
            connection.execute("PRAGMA synchronous = NORMAL")
            connection.execute("PRAGMA busy_timeout = 30000")
        except (sqlite3.Error, OSError) as error:
            raise StoreError(f"{self.path}: cannot open the database ({error})") from error
        return connection

    def lock_writer(self, connection: Any) -> None:
        fd = os.open(self.path, os.O_RDWR)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise StoreError(
                f"{self.path}: another newsfuse process is writing to this database; "
                "wait for it to finish"
            ) from None
        self._lock_fd = fd

    def release_writer(self) -> None:
        if self._lock_fd is not None:
            os.close(self._lock_fd)
            self._lock_fd = None

    def index(self, connection: Any, table: str, rowid: int, values: tuple[str, str, str]) -> None:
        connection.execute(f"DELETE FROM {table} WHERE rowid = ?", (rowid,))
        connection.execute(
            f"INSERT INTO {table} (rowid, {_columns(table)}) VALUES (?, ?, ?, ?)", (rowid, *values)
        )

    def search(
        self, connection: Any, table: str, words: list[str], limit: int, offset: int
    ) -> list[SearchRow]:
        return sqlite_search(connection, table, words, limit, offset)

    def integrity(self, connection: Any) -> str:
        return str(connection.execute("PRAGMA integrity_check").fetchone()[0])


def _columns(table: str) -> str:
    return "id, title, body" if table == "articles_fts" else "id, headline, summary"

