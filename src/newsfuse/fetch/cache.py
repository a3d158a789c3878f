"""What a fetch remembers between runs: validators for conditional GETs, and known URLs.

The store implements :class:`FetchCache` (``newsfuse.store.Store``); the fetcher only needs
these three methods.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True, slots=True)
class CacheEntry:
    """The validators of a URL fetched before, for a conditional GET."""

    url: str
    etag: str | None
    last_modified: str | None
    content_hash: str | None


class FetchCache(Protocol):
    def cache_entry(self, url: str) -> CacheEntry | None: ...

    def save_cache_entry(self, entry: CacheEntry, status: int) -> None: ...

    def has_url(self, url: str) -> bool: ...


class MemoryCache:
    """A FetchCache in memory (one run; for programs without a store)."""

    def __init__(self) -> None:
        self._entries: dict[str, CacheEntry] = {}
        self.urls: set[str] = set()

    def cache_entry(self, url: str) -> CacheEntry | None:
        return self._entries.get(url)

    def save_cache_entry(self, entry: CacheEntry, status: int) -> None:
        self._entries[entry.url] = entry

    def has_url(self, url: str) -> bool:
        return url in self.urls
