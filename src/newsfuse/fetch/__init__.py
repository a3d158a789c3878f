"""Fetching from the web: safe addresses, robots.txt, rate limits, retries, feeds.

::

    with Fetcher(FetchOptions(min_interval=1.0)) as fetcher:
        source = WebSource(fetcher, store)          # the store remembers ETags and URLs
        for raw in source.documents("https://example.org/feed.xml", FetchReport()):
            ...
"""

from newsfuse.fetch.cache import CacheEntry, FetchCache, MemoryCache
from newsfuse.fetch.feeds import Feed, FeedItem, parse_feed
from newsfuse.fetch.http import Fetched, Fetcher, FetchOptions
from newsfuse.fetch.policy import AddressPolicy
from newsfuse.fetch.sources import FetchReport, WebSource

__all__ = [
    "AddressPolicy",
    "CacheEntry",
    "Feed",
    "FeedItem",
    "FetchCache",
    "FetchOptions",
    "FetchReport",
    "Fetched",
    "Fetcher",
    "MemoryCache",
    "WebSource",
    "parse_feed",
]
