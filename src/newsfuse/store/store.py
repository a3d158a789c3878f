"""The persistent store: documents, articles, stories and their briefings in one database.

One writer, many readers. ``Store.open(url, write=True)`` takes the database's writer lock
(another writing process gets a StoreError) and applies pending migrations; every write goes
through that one connection, in explicit transactions. A read-only ``Store.open(url)`` gives
each thread its own connection (SQLite WAL lets readers run while the writer commits).

Placing articles in stories and recomputing briefings is :mod:`newsfuse.store.stories`'s job;
this class only persists and queries.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from newsfuse import __version__
from newsfuse.cluster_features import Profile
from newsfuse.errors import StoreError
from newsfuse.store.backend import Backend, SQLiteBackend, query_words
from newsfuse.store.queries import StoreReader
from newsfuse.store.records import (
    CacheEntry,
    analysis_json,
    article_json,
    content_hash,
    pack_text,
    profile_columns,
)
from newsfuse.store.schema import SCHEMA_VERSION
from newsfuse.types import AnalyzedArticle, Article, RawDocument

DEFAULT_DB = "newsfuse.db"

__all__ = ["DEFAULT_DB", "Store"]


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


class Store(StoreReader):
    """A newsfuse database (SQLite file or PostgreSQL). Use as a context manager."""

    def __init__(self, backend: Backend, *, write: bool) -> None:
        self.backend = backend
        self.writable = write
        self._local = threading.local()
        self._depth = 0
        self._writer: Any = None
        if write:
            self._writer = backend.connect(write=True)
            try:
                backend.lock_writer(self._writer)
                self._migrate()
            except BaseException:
                self.close()
                raise
        else:
            self._check_version(self._conn())

    @classmethod
    def open(cls, url: str | Path = DEFAULT_DB, *, write: bool = False) -> Store:
        """Open the database at ``url`` (a file path or ``postgresql://...``).

        ``write=True`` makes this the single writer (creating and migrating the database);
        otherwise the store is read-only and the database must exist.
        """
        return cls(open_backend(url), write=write)

    def close(self) -> None:
        """Close every connection this store opened and give up the writer lock."""
        if self._writer is not None:
            self._writer.close()
            self._writer = None
            self.backend.release_writer()
        reader = getattr(self._local, "connection", None)
        if reader is not None:
            reader.close()
            self._local.connection = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ connections

    def _conn(self) -> Any:
        if self._writer is not None:
            return self._writer
        connection = getattr(self._local, "connection", None)
        if connection is None:
            connection = self.backend.connect(write=False)
            self._local.connection = connection
        return connection

    def _query(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        try:
            return list(self._conn().execute(self.backend.sql(sql), params).fetchall())
        except Exception as error:
            raise _store_error(error) from error

    def _execute(self, sql: str, params: tuple[Any, ...] = ()) -> None:
        if self._writer is None:
            raise StoreError("this store was opened read-only: open it with write=True")
        self._writer.execute(self.backend.sql(sql), params)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Group writes into one commit; nested transactions join the outer one."""
        if self._writer is None:
            raise StoreError("this store was opened read-only: open it with write=True")
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self._writer.execute(self.backend.begin)
        self._depth = 1
        try:
            yield
        except BaseException:
            self._depth = 0
            self._writer.execute("ROLLBACK")
            raise
        self._depth = 0
        self._writer.execute("COMMIT")

    # ------------------------------------------------------------------ schema

    def _version(self, connection: Any) -> int:
        try:
            rows = connection.execute(
                self.backend.sql("SELECT value FROM meta WHERE key = ?"), ("schema_version",)
            ).fetchall()
        except Exception:  # no meta table yet: a new database
            return 0
        return int(rows[0][0]) if rows else 0

    def _check_version(self, connection: Any) -> None:
        version = self._version(connection)
        if version < SCHEMA_VERSION:
            raise StoreError(
                f"the database has schema version {version}, this newsfuse needs "
                f"{SCHEMA_VERSION}: run `newsfuse ingest --db ...` once to migrate it"
            )
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"the database has schema version {version}, newer than this newsfuse "
                f"({SCHEMA_VERSION}): upgrade newsfuse"
            )

    def _migrate(self) -> None:
        version = self._version(self._writer)
        if version > SCHEMA_VERSION:
            self._check_version(self._writer)
        for number in sorted(n for n in self.backend.migrations if n > version):
            with self.transaction():
                for statement in self.backend.migrations[number]:
                    self._execute(statement)
                self._execute(
                    "INSERT INTO meta (key, value) VALUES ('schema_version', ?) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    (str(number),),
                )

    # ------------------------------------------------------------------ documents

    def has_document(self, raw: RawDocument) -> bool:
        """True when this very document (same source name, metadata and content) is stored."""
        rows = self._query("SELECT 1 FROM documents WHERE content_hash = ?", (content_hash(raw),))
        return bool(rows)

    def has_id(self, doc_id: str) -> bool:
        """True when a stored document has the id ``doc_id``."""
        return bool(self._query("SELECT 1 FROM documents WHERE id = ?", (doc_id,)))

    def free_id(self, doc_id: str) -> str:
        """``doc_id`` if no stored document has it, else ``doc_id-2``, ``doc_id-3`` ..."""
        from newsfuse.dedup import unique_id

        return unique_id(doc_id, self.has_id)

    def add_document(self, raw: RawDocument, article: Article) -> bool:
        """Store ``raw`` and what extraction made of it; False when it was stored already.

        An ok article waits (``pending``) until :class:`~newsfuse.store.stories.StoryUpdater`
        places it in a story; a duplicate makes its original's story stale.
        """
        digest = content_hash(raw)
        with self.transaction():
            if self._query("SELECT 1 FROM documents WHERE content_hash = ?", (digest,)):
                return False
            article = replace(article, id=self.free_id(article.id))
            self._insert_document(raw, article.id, digest)
            self._insert_article(article)
            if article.status == "duplicate" and article.duplicate_of:
                self._execute(
                    "UPDATE stories SET stale = 1 WHERE id IN "
                    "(SELECT story_id FROM articles WHERE id = ? AND story_id IS NOT NULL)",
                    (article.duplicate_of,),
                )
        return True

    def _insert_document(self, raw: RawDocument, doc_id: str, digest: str) -> None:
        self._execute(
            "INSERT INTO documents (id, content_hash, source, url, kind, crawl_date, given, "
            "rejected, raw, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                doc_id, digest, raw.source, raw.url, raw.kind, raw.crawl_date,
                json.dumps(raw.given, ensure_ascii=False), raw.rejected,
                pack_text(raw.content), _now(),
            ),
        )

    def _insert_article(self, article: Article) -> None:
        state = "pending" if article.status == "ok" else "final"
        self._execute(
            "INSERT INTO articles (id, status, duplicate_of, title, published, outlet, url, "
            "record, extracted_with, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                article.id, article.status, article.duplicate_of, article.title,
                article.published, article.outlet, article.url, article_json(article),
                __version__, state,
            ),
        )
        if article.status != "rejected":
            seq = self._query("SELECT seq FROM articles WHERE id = ?", (article.id,))[0][0]
            values = (article.id, article.title or "", article.text)
            self.backend.index(self._writer, "articles_fts", int(seq), values)

    # ------------------------------------------------------------------ stories (writer side)

    def place_article(
        self, analyzed: AnalyzedArticle, profile: Profile, story_id: str
    ) -> None:
        """Record that ``analyzed`` joined ``story_id`` (opening it if new); the story is stale."""
        terms, embedding = profile_columns(profile)
        with self.transaction():
            self._execute(
                "UPDATE articles SET state = 'placed', story_id = ?, analysis = ?, profile = ?, "
                "embedding = ? WHERE id = ?",
                (story_id, analysis_json(analyzed), terms, embedding, analyzed.id),
            )
            self._execute(
                "INSERT INTO stories (id, first_article, stale) VALUES (?, ?, 1) "
                "ON CONFLICT (id) DO UPDATE SET stale = 1",
                (story_id, analyzed.id),
            )

    def move_articles(self, moves: dict[str, str], first: dict[str, str]) -> None:
        """Re-place placed articles (article id -> story id) after a revision of the stories;
        ``first`` gives each new story's first article. Stories that gain or lose members
        are stale; a story left with no members is removed (and its search entry emptied)."""
        if not moves:
            return
        with self.transaction():
            left = set()
            for article_id, story_id in sorted(moves.items()):
                old = self._query("SELECT story_id FROM articles WHERE id = ?", (article_id,))
                if old and old[0][0]:
                    left.add(old[0][0])
                self._execute(
                    "UPDATE articles SET story_id = ? WHERE id = ?", (story_id, article_id)
                )
                self._execute(
                    "INSERT INTO stories (id, first_article, stale) VALUES (?, ?, 1) "
                    "ON CONFLICT (id) DO UPDATE SET stale = 1",
                    (story_id, first.get(story_id, article_id)),
                )
            for story_id in sorted(left):
                self._execute("UPDATE stories SET stale = 1 WHERE id = ?", (story_id,))
                if not self._query("SELECT 1 FROM articles WHERE story_id = ?", (story_id,)):
                    seq = self._query("SELECT seq FROM stories WHERE id = ?", (story_id,))
                    self._execute("DELETE FROM stories WHERE id = ?", (story_id,))
                    if seq:
                        self.backend.index(
                            self._writer, "stories_fts", int(seq[0][0]), (story_id, "", "")
                        )

    def save_briefing(self, story_id: str, briefing: dict[str, Any]) -> None:
        """Store a freshly computed briefing (the shared schema's ``story``); no longer stale."""
        summary = " ".join(item["text"] for item in briefing.get("summary", []))
        with self.transaction():
            self._execute(
                "UPDATE stories SET briefing = ?, headline = ?, documents = ?, outlets = ?, "
                "first_published = ?, last_published = ?, stale = 0, revision = revision + 1, "
                "updated_at = ? WHERE id = ?",
                (
                    json.dumps(briefing, ensure_ascii=False), briefing.get("headline"),
                    len(briefing.get("documents", [])), len(briefing.get("outlets", [])),
                    briefing.get("first_published"), briefing.get("last_published"), _now(),
                    story_id,
                ),
            )
            seq = self._query("SELECT seq FROM stories WHERE id = ?", (story_id,))[0][0]
            self.backend.index(
                self._writer, "stories_fts", int(seq),
                (story_id, briefing.get("headline") or "", summary),
            )

    # ------------------------------------------------------------------ fetch cache

    def cache_entry(self, url: str) -> CacheEntry | None:
        """The validators stored for ``url`` by an earlier fetch, if any."""
        rows = self._query(
            "SELECT url, etag, last_modified, content_hash FROM http_cache WHERE url = ?", (url,)
        )
        return CacheEntry(*rows[0]) if rows else None

    def save_cache_entry(self, entry: CacheEntry, status: int) -> None:
        with self.transaction():
            self._execute(
                "INSERT INTO http_cache (url, etag, last_modified, content_hash, status, "
                "fetched_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (url) DO UPDATE SET "
                "etag = excluded.etag, last_modified = excluded.last_modified, "
                "content_hash = excluded.content_hash, status = excluded.status, "
                "fetched_at = excluded.fetched_at",
                (entry.url, entry.etag, entry.last_modified, entry.content_hash, status, _now()),
            )

    # ------------------------------------------------------------------ search

    def search(
        self,
        q: str,
        limit: int = 20,
        offset: int = 0,
        *,
        kind: Literal["article", "story"] = "article",
    ) -> list[Any]:
        """Full-text search of article titles and bodies (or story headlines and summaries).

        Every word of ``q`` must match; operators and punctuation are ignored. Best first,
        one hit per original article with its copies folded in (see
        :mod:`newsfuse.store.search`).
        """
        words = query_words(q)
        if not words:
            return []
        table = "articles_fts" if kind == "article" else "stories_fts"
        try:
            rows = self.backend.search(self._conn(), table, words, limit, offset)
        except Exception as error:
            raise _store_error(error) from error
        return self._hits(kind, rows)

    def integrity_check(self) -> str:
        """``"ok"`` or what the database's own integrity check reports."""
        return self.backend.integrity(self._conn())


def _store_error(error: Exception) -> Exception:
    if isinstance(error, StoreError):
        return error
    return StoreError(f"database error: {type(error).__name__}: {error}")


def open_backend(url: str | Path) -> Backend:
    """The backend for ``url``: ``postgresql://...`` or a SQLite file path (``sqlite:///`` ok)."""
    text = str(url)
    if text.startswith(("postgresql://", "postgres://")):
        from newsfuse.store.postgres import PostgresBackend

        return PostgresBackend(text)
    if text.startswith("sqlite:///"):
        text = text.removeprefix("sqlite:///")
    elif "://" in text:
        raise StoreError(f"{text}: unknown database URL; give a file path or postgresql://...")
    return SQLiteBackend(text)
