"""The PostgreSQL backend (``--db postgresql://user@host/db``), for multi-user servers.

Same tables as SQLite; full-text search uses ``tsvector`` columns with GIN indexes and the
``simple`` configuration (no stemming, any language). The single writer holds a session-level
advisory lock, released when its connection closes (also when the process dies).
"""

from __future__ import annotations

from typing import Any

from newsfuse.errors import StoreError
from newsfuse.store.backend import Backend
from newsfuse.store.schema import POSTGRES_MIGRATIONS
from newsfuse.store.search import SearchRow, postgres_search

WRITER_LOCK = 0x6E657773  # "news": the advisory lock key of the single writer


class PostgresBackend(Backend):
    """A PostgreSQL database reached with psycopg 3."""

    name = "postgresql"
    migrations = POSTGRES_MIGRATIONS

    def __init__(self, url: str) -> None:
        self.url = url

    def connect(self, *, write: bool) -> Any:
        try:
            import psycopg
        except ImportError as error:
            raise StoreError(
                'PostgreSQL needs psycopg: pip install "psycopg[binary]"'
            ) from error
        try:
            return psycopg.connect(self.url, autocommit=True, connect_timeout=10)
        except psycopg.Error as error:
            raise StoreError(f"cannot connect to PostgreSQL: {_first_line(error)}") from error

    def sql(self, statement: str) -> str:
        return statement.replace("?", "%s")

    def lock_writer(self, connection: Any) -> None:
        row = connection.execute("SELECT pg_try_advisory_lock(%s)", (WRITER_LOCK,)).fetchone()
        if not row or not row[0]:
            raise StoreError(
                "another newsfuse process is writing to this PostgreSQL database; "
                "wait for it to finish"
            )

    def index(self, connection: Any, table: str, rowid: int, values: tuple[str, str, str]) -> None:
        title = "title" if table == "articles_fts" else "headline"
        body = "body" if table == "articles_fts" else "summary"
        connection.execute(
            f"INSERT INTO {table} (id, {title}, {body}, tsv) VALUES (%s, %s, %s, "
            "setweight(to_tsvector('simple', %s), 'A') || to_tsvector('simple', %s)) "
            f"ON CONFLICT (id) DO UPDATE SET {title} = excluded.{title}, "
            f"{body} = excluded.{body}, tsv = excluded.tsv",
            (values[0], values[1], values[2], values[1], values[2]),
        )

    def search(
        self, connection: Any, table: str, words: list[str], limit: int, offset: int
    ) -> list[SearchRow]:
        return postgres_search(connection, table, words, limit, offset)

    def integrity(self, connection: Any) -> str:
        connection.execute("SELECT count(*) FROM documents").fetchone()
        return "ok"


def _first_line(error: Exception) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0]
