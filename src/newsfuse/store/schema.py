"""The store's tables, as numbered migrations for each backend.

A database records its schema version in ``meta``; opening it for writing applies every
later migration in one transaction each. Tables:

- ``documents``: one row per input document: where it came from, a content hash (re-ingesting
  the same document adds nothing) and the raw text, zlib-compressed, so that the run can be
  re-extracted after an upgrade;
- ``articles``: what extraction made of it (the whole Article as JSON), its state in the story
  pipeline (``pending`` until placed in a story, then ``placed``; ``final`` for duplicates and
  rejected documents), its analysis and clustering profile once placed;
- ``stories``: one row per story with its latest briefing (the shared schema's ``story``),
  ``stale`` while the briefing lags behind the story's members and ``revision`` counting how
  many times the briefing was computed;
- full-text indexes over articles and stories (FTS5 in SQLite, tsvector in PostgreSQL);
- ``http_cache``: validators (ETag, Last-Modified) of fetched URLs for conditional GETs.
"""

from __future__ import annotations

SCHEMA_VERSION = 1

_COMMON = [
    """CREATE TABLE IF NOT EXISTS http_cache (
        url TEXT PRIMARY KEY,
        etag TEXT,
        last_modified TEXT,
        content_hash TEXT,
        status INTEGER,
        fetched_at TEXT NOT NULL
    )""",
    "CREATE INDEX IF NOT EXISTS documents_url ON documents(url)",
    "CREATE INDEX IF NOT EXISTS articles_state ON articles(state, seq)",
    "CREATE INDEX IF NOT EXISTS articles_story ON articles(story_id)",
    "CREATE INDEX IF NOT EXISTS articles_duplicate ON articles(duplicate_of)",
    "CREATE INDEX IF NOT EXISTS stories_stale ON stories(stale)",
]


def _tables(serial: str, blob: str) -> list[str]:
    return [
        f"""CREATE TABLE IF NOT EXISTS documents (
            seq {serial},
            id TEXT NOT NULL UNIQUE,
            content_hash TEXT NOT NULL UNIQUE,
            source TEXT NOT NULL,
            url TEXT,
            kind TEXT NOT NULL,
            crawl_date TEXT,
            given TEXT NOT NULL,
            rejected TEXT,
            raw {blob},
            added_at TEXT NOT NULL
        )""",
        f"""CREATE TABLE IF NOT EXISTS articles (
            seq {serial},
            id TEXT NOT NULL UNIQUE,
            status TEXT NOT NULL,
            duplicate_of TEXT,
            title TEXT,
            published TEXT,
            outlet TEXT,
            url TEXT,
            record TEXT NOT NULL,
            extracted_with TEXT NOT NULL,
            state TEXT NOT NULL,
            story_id TEXT,
            analysis TEXT,
            profile TEXT,
            embedding {blob}
        )""",
        f"""CREATE TABLE IF NOT EXISTS stories (
            seq {serial},
            id TEXT NOT NULL UNIQUE,
            first_article TEXT NOT NULL,
            documents INTEGER NOT NULL DEFAULT 0,
            outlets INTEGER NOT NULL DEFAULT 0,
            headline TEXT,
            first_published TEXT,
            last_published TEXT,
            briefing TEXT,
            stale INTEGER NOT NULL DEFAULT 1,
            revision INTEGER NOT NULL DEFAULT 0,
            updated_at TEXT
        )""",
    ]


SQLITE_MIGRATIONS: dict[int, list[str]] = {
    1: [
        "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        *_tables("INTEGER PRIMARY KEY", "BLOB"),
        *_COMMON,
        """CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
            id UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 2')""",
        """CREATE VIRTUAL TABLE IF NOT EXISTS stories_fts USING fts5(
            id UNINDEXED, headline, summary, tokenize = 'unicode61 remove_diacritics 2')""",
    ],
}

POSTGRES_MIGRATIONS: dict[int, list[str]] = {
    1: [
        "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        *_tables("BIGSERIAL PRIMARY KEY", "BYTEA"),
        *_COMMON,
        """CREATE TABLE IF NOT EXISTS articles_fts (
            id TEXT PRIMARY KEY, title TEXT, body TEXT, tsv TSVECTOR NOT NULL)""",
        "CREATE INDEX IF NOT EXISTS articles_fts_tsv ON articles_fts USING GIN (tsv)",
        """CREATE TABLE IF NOT EXISTS stories_fts (
            id TEXT PRIMARY KEY, headline TEXT, summary TEXT, tsv TSVECTOR NOT NULL)""",
        "CREATE INDEX IF NOT EXISTS stories_fts_tsv ON stories_fts USING GIN (tsv)",
    ],
}
