"""Fetching from the web: safe addresses, robots.txt, rate limits, retries, feeds.

::

    with Fetcher(FetchOptions(min_interval=1.0)) as fetcher:
        source = WebSource(fetcher, store)          # the store remembers ETags and URLs
        for raw in source.documents("https://example.org/feed.xml", FetchReport()):
            ...

Names are imported on first use, so that ``newsfuse.fetch.cache`` (which the store uses)
does not pull in httpx and feedparser.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_HOMES = {
    "AddressPolicy": "policy",
    "CacheEntry": "cache",
    "FetchCache": "cache",
    "MemoryCache": "cache",
    "Feed": "feeds",
    "FeedItem": "feeds",
    "parse_feed": "feeds",
    "Fetched": "http",
    "Fetcher": "http",
    "FetchOptions": "http",
    "FetchReport": "sources",
    "WebSource": "sources",
}

__all__ = sorted(_HOMES)


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{_HOMES[name]}"), name)
