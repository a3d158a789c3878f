"""The persistent store: documents, articles, stories and briefings in SQLite or PostgreSQL.

::

    with Store.open("newsfuse.db", write=True) as store:
        Ingester(store).add_paths(["docs/"])       # documents -> articles (copies marked)
        StoryUpdater(store).update()               # articles -> stories -> briefings
    with Store.open("newsfuse.db") as store:       # a reader (any number, any thread)
        store.stories(limit=10); store.search("bridge collapse")
"""

from newsfuse.store.ingest import Ingester, IngestReport
from newsfuse.store.records import CacheEntry, SearchHit, StoredStory, StoreStats
from newsfuse.store.store import DEFAULT_DB, Store
from newsfuse.store.stories import StoryUpdater, UpdateReport

__all__ = [
    "DEFAULT_DB",
    "CacheEntry",
    "IngestReport",
    "Ingester",
    "SearchHit",
    "Store",
    "StoreStats",
    "StoredStory",
    "StoryUpdater",
    "UpdateReport",
]
