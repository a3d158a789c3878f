"""The store's read side: articles, stories, briefings, counts.

A mixin of :class:`newsfuse.store.Store`, which provides ``_query`` (on the writer's connection
or the calling thread's own reader connection) and ``backend``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, Literal

from newsfuse.cluster_features import Profile
from newsfuse.store.records import (
    SearchHit,
    StoredStory,
    StoreStats,
    analysis_from_json,
    article_from_json,
    profile_from_columns,
    unpack_text,
)
from newsfuse.store.schema import SCHEMA_VERSION
from newsfuse.types import AnalyzedArticle, Article, RawDocument

StoryOrder = Literal["outlets", "recent", "new"]
_ORDERS: dict[str, str] = {
    "outlets": "outlets DESC, documents DESC, seq",
    "recent": "last_published DESC NULLS LAST, seq DESC",
    "new": "seq DESC",
}
_STORY_COLUMNS = (
    "id, headline, documents, outlets, first_published, last_published, revision, stale, "
    "updated_at"
)
_PAGE = 500


class StoreReader:
    """Queries over the store's tables."""

    backend: Any

    def _query(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        raise NotImplementedError

    # ------------------------------------------------------------------ articles

    def article(self, article_id: str) -> Article | None:
        """The stored article with this id (any status), or None."""
        rows = self._query("SELECT record FROM articles WHERE id = ?", (article_id,))
        return article_from_json(rows[0][0]) if rows else None

    def articles(
        self,
        *,
        story_id: str | None = None,
        status: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[Article]:
        """Stored articles in ingest order, optionally of one story or one status."""
        where, params = _filters(story_id=story_id, status=status)
        rows = self._query(
            f"SELECT record FROM articles{where} ORDER BY seq LIMIT ? OFFSET ?",
            (*params, limit, offset),
        )
        return [article_from_json(row[0]) for row in rows]

    def raw_document(self, doc_id: str) -> RawDocument | None:
        """The document as it was read, to extract it again (after an upgrade, say)."""
        rows = self._query(
            "SELECT source, raw, kind, url, crawl_date, given, rejected FROM documents "
            "WHERE id = ?",
            (doc_id,),
        )
        if not rows:
            return None
        source, raw, kind, url, crawl_date, given, rejected = rows[0]
        return RawDocument(
            source, unpack_text(raw), kind, url=url, crawl_date=crawl_date,
            given=json.loads(given), rejected=rejected,
        )

    def has_url(self, url: str) -> bool:
        """True when a document fetched from ``url`` is stored."""
        return bool(self._query("SELECT 1 FROM documents WHERE url = ? LIMIT 1", (url,)))

    # ------------------------------------------------------------------ stories

    def stories(
        self, limit: int = 20, offset: int = 0, order: StoryOrder = "outlets"
    ) -> list[StoredStory]:
        """Stories: most outlets first (``outlets``), latest news (``recent``) or newest."""
        rows = self._query(
            f"SELECT {_STORY_COLUMNS} FROM stories ORDER BY {_ORDERS[order]} LIMIT ? OFFSET ?",
            (limit, offset),
        )
        return [self._story(row) for row in rows]

    def story(self, story_id: str) -> StoredStory | None:
        rows = self._query(f"SELECT {_STORY_COLUMNS} FROM stories WHERE id = ?", (story_id,))
        return self._story(rows[0]) if rows else None

    def _story(self, row: tuple[Any, ...]) -> StoredStory:
        members = tuple(r[0] for r in self._query(_MEMBERS, (row[0],)))
        return StoredStory(
            id=row[0], headline=row[1], article_ids=members, documents=int(row[2]),
            outlets=int(row[3]), first_published=row[4], last_published=row[5],
            revision=int(row[6]), stale=bool(row[7]), updated_at=row[8],
        )

    def briefing_json(self, story_id: str) -> dict[str, Any] | None:
        """The story's latest briefing in the shared schema's ``story`` shape, or None.

        It is what ``newsfuse brief --format json`` gives for that story. A stale story
        (new members not yet briefed) returns its previous briefing.
        """
        rows = self._query("SELECT briefing FROM stories WHERE id = ?", (story_id,))
        if not rows or rows[0][0] is None:
            return None
        data: dict[str, Any] = json.loads(rows[0][0])
        return data

    def stats(self) -> StoreStats:
        """How many documents of each status, pending articles, stories and stale stories."""
        counts = dict(self._query("SELECT status, count(*) FROM articles GROUP BY status"))
        pending = self._query("SELECT count(*) FROM articles WHERE state = 'pending'")[0][0]
        stories, stale = self._query(
            "SELECT count(*), coalesce(sum(stale), 0) FROM stories"
        )[0]
        return StoreStats(
            backend=self.backend.name, schema_version=SCHEMA_VERSION,
            documents=sum(int(v) for v in counts.values()), ok=int(counts.get("ok", 0)),
            duplicate=int(counts.get("duplicate", 0)), rejected=int(counts.get("rejected", 0)),
            pending=int(pending), stories=int(stories), stale_stories=int(stale),
        )

    def _hits(self, kind: Literal["article", "story"], rows: list[Any]) -> list[SearchHit]:
        return [SearchHit(kind, *row) for row in rows]

    # ------------------------------------------------------------------ the story pipeline

    def pending_articles(self, limit: int) -> list[Article]:
        """Ok articles not yet placed in a story, in ingest order."""
        rows = self._query(
            "SELECT record FROM articles WHERE state = 'pending' ORDER BY seq LIMIT ?", (limit,)
        )
        return [article_from_json(row[0]) for row in rows]

    def originals(self) -> Iterator[Article]:
        """Every ok article in ingest order (to rebuild the near-duplicate index)."""
        yield from (
            article_from_json(row[0])
            for row in self._paged("SELECT seq, record FROM articles WHERE status = 'ok'")
        )

    def placed(self) -> Iterator[tuple[Profile, str, str]]:
        """``(profile, story id, story's first article)`` of placed articles, in ingest order."""
        sql = (
            "SELECT a.seq, a.id, a.profile, a.embedding, a.story_id, s.first_article "
            "FROM articles a JOIN stories s ON s.id = a.story_id WHERE a.state = 'placed'"
        )
        for row in self._paged(sql, prefix="a."):
            yield profile_from_columns(row[0], row[1], row[2]), row[3], row[4]

    def _paged(self, sql: str, *, prefix: str = "") -> Iterator[tuple[Any, ...]]:
        """Rows of ``sql`` (whose first column is ``seq``) in seq order, without that column."""
        last = 0
        while True:
            rows = self._query(
                f"{sql} AND {prefix}seq > ? ORDER BY {prefix}seq LIMIT ?", (last, _PAGE)
            )
            for row in rows:
                yield row[1:]
            if len(rows) < _PAGE:
                return
            last = rows[-1][0]

    def stale_stories(self) -> list[str]:
        """Ids of stories whose briefing lags behind their members, oldest first."""
        rows = self._query("SELECT id FROM stories WHERE stale = 1 ORDER BY seq")
        return [row[0] for row in rows]

    def story_material(self, story_id: str) -> tuple[list[AnalyzedArticle], list[Article]]:
        """A story's analysed ok members (publication order) and every article it concerns
        (members and their stored duplicates), to brief it."""
        rows = self._query(
            "SELECT record, analysis FROM articles WHERE story_id = ? "
            "ORDER BY published IS NULL, published, seq",
            (story_id,),
        )
        analyzed = [analysis_from_json(article_from_json(r[0]), r[1]) for r in rows]
        copies = self._query(
            "SELECT record FROM articles WHERE status = 'duplicate' AND duplicate_of IN "
            "(SELECT id FROM articles WHERE story_id = ?) ORDER BY seq",
            (story_id,),
        )
        articles = [item.article for item in analyzed] + [article_from_json(r[0]) for r in copies]
        return analyzed, articles


_MEMBERS = (
    "SELECT id FROM articles WHERE story_id = ? AND state = 'placed' "
    "ORDER BY published IS NULL, published, seq"
)


def _filters(**values: str | None) -> tuple[str, tuple[str, ...]]:
    clauses = [f"{key} = ?" for key, value in values.items() if value is not None]
    params = tuple(value for value in values.values() if value is not None)
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params
