"""Documents posted to the API, added through the store's one writer.

The server never holds more than one writer: each POST takes this object's lock, opens the
store for writing (the database's own writer lock, so a running ``newsfuse ingest`` makes it
wait with 503), adds the document, places it in a story, re-briefs what changed and closes.
The analyser and embedder are loaded once, on the first POST, and kept.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsfuse.config import DEFAULT_SETTINGS, Settings
from newsfuse.ingest.jsonl import record_document
from newsfuse.store import Ingester, Store, StoryUpdater
from newsfuse.types import Article


@dataclass(frozen=True, slots=True)
class Added:
    """What a POST did: the stored article (None if it was stored before) and its story."""

    article: Article | None
    added: bool
    story_id: str | None


class DocumentWriter:
    """Serialises every write of one server through one writer connection at a time."""

    def __init__(self, db: str | Path, settings: Settings = DEFAULT_SETTINGS) -> None:
        self.db = db
        self.settings = settings
        self._lock = threading.Lock()
        self._models: dict[str, Any] = {}

    def add(self, record: dict[str, str], *, stories: bool = True) -> Added:
        """Add one JSONL-style record (``text`` or ``html`` plus metadata)."""
        line = json.dumps(record, ensure_ascii=False)
        raw = record_document("api", line, self.settings)
        with self._lock, Store.open(self.db, write=True) as store:
            report = Ingester(store, self.settings).add_raw([raw])
            if not report.added:
                given = record.get("id")
                return Added(store.article(given) if given else None, False, None)
            article = store.articles(limit=1, offset=store.stats().documents - 1)[0]
            story_id = self._place(store, article) if stories else None
            return Added(article, True, story_id)

    def _place(self, store: Store, article: Article) -> str | None:
        """Update the stories (a copy re-briefs its original's); the story it concerns."""
        if article.status == "rejected":
            return None
        updater = StoryUpdater(
            store, self.settings, embedder=self._models.get("embedder"),
            analyzer=self._models.get("analyzer"),
        )
        report = updater.update()
        self._models["embedder"] = updater.embedder
        self._models["analyzer"] = updater.analyzer
        member = article.duplicate_of if article.status == "duplicate" else article.id
        for story_id in report.recomputed:
            found = store.story(story_id)
            if found is not None and member in found.article_ids:
                return story_id
        return None
