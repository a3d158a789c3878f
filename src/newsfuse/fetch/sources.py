"""URLs -> RawDocuments: an article URL gives its page; a feed URL gives its items' pages.

Feeds are fetched with conditional GETs (the validators of the last fetch come from a
:class:`~newsfuse.fetch.cache.FetchCache`, usually the store): an unchanged feed answers 304
and nothing is downloaded again. Items already stored (by URL) are not fetched again. When an
item's page cannot be fetched (robots.txt, an error), the feed's own full content stands in
for it if it is long enough to be an article.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field

from newsfuse.config import DEFAULT_SETTINGS, Settings
from newsfuse.errors import DocumentError, FetchError
from newsfuse.fetch.cache import CacheEntry, FetchCache
from newsfuse.fetch.feeds import FeedItem, parse_feed
from newsfuse.fetch.http import Fetched, Fetcher
from newsfuse.types import RawDocument

MIN_FEED_CONTENT = 400
"""Characters of feed content that can stand in for an unfetchable page."""


@dataclass
class FetchReport:
    """What fetching did: requests answered, 304s, feed items, items already stored, errors."""

    fetched: int = 0
    not_modified: int = 0
    feed_items: int = 0
    known_items: int = 0
    from_feed_content: int = 0
    errors: list[str] = field(default_factory=list)


class WebSource:
    """Fetches URLs and feeds into RawDocuments with one fetcher and one cache."""

    def __init__(
        self, fetcher: Fetcher, cache: FetchCache, settings: Settings = DEFAULT_SETTINGS
    ) -> None:
        self.fetcher = fetcher
        self.cache = cache
        self.settings = settings

    def documents(self, url: str, report: FetchReport) -> Iterator[RawDocument]:
        """The documents behind ``url`` (a page, or each new item of a feed)."""
        fetched = self._get(url, report)
        if fetched is None:
            return
        if _is_feed(fetched):
            yield from self._feed_items(fetched, report)
        else:
            yield self._document(fetched, {})

    def _get(self, url: str, report: FetchReport) -> Fetched | None:
        entry = self.cache.cache_entry(url)
        try:
            fetched = self.fetcher.get(
                url, etag=entry.etag if entry else None,
                last_modified=entry.last_modified if entry else None,
            )
        except FetchError as error:
            report.errors.append(str(error))
            return None
        if fetched.not_modified:
            report.not_modified += 1
            return None
        report.fetched += 1
        digest = hashlib.sha256(fetched.content).hexdigest()
        self.cache.save_cache_entry(
            CacheEntry(url, fetched.etag, fetched.last_modified, digest), fetched.status
        )
        return fetched

    def _feed_items(self, fetched: Fetched, report: FetchReport) -> Iterator[RawDocument]:
        try:
            feed = parse_feed(fetched.content, fetched.url)
        except DocumentError as error:
            report.errors.append(str(error))
            return
        for item in feed.items:
            report.feed_items += 1
            if self.cache.has_url(item.link):
                report.known_items += 1
                continue
            document = self._item_document(item, report)
            if document is not None:
                yield document

    def _item_document(self, item: FeedItem, report: FetchReport) -> RawDocument | None:
        page = self._get(item.link, report)
        if page is not None and not _is_feed(page):
            return self._document(page, item.given(), source=item.link)
        if item.content and len(item.content) >= MIN_FEED_CONTENT:
            report.from_feed_content += 1
            raw = self._from_bytes(item.link, item.content.encode("utf-8"), "html", None)
            return _with_given(raw, item.given())
        return None

    def _document(
        self, fetched: Fetched, given: dict[str, str], *, source: str | None = None
    ) -> RawDocument:
        raw = self._from_bytes(source or fetched.url, fetched.content, None, fetched.charset)
        return _with_given(raw, given)

    def _from_bytes(
        self, url: str, data: bytes, kind: str | None, charset: str | None
    ) -> RawDocument:
        from newsfuse.ingest.files import document_from_bytes

        return document_from_bytes(
            url, data, settings=self.settings, url=url, charset=charset, kind=kind
        )


def _is_feed(fetched: Fetched) -> bool:
    from newsfuse.ingest.sniff import sniff

    media = fetched.content_type or ""
    if media in ("application/rss+xml", "application/atom+xml", "application/rdf+xml"):
        return True
    return sniff(fetched.content[:65536]) == "feed"


def _with_given(raw: RawDocument, given: dict[str, str]) -> RawDocument:
    if not given:
        return raw
    return RawDocument(
        raw.source, raw.content, raw.kind, url=raw.url, crawl_date=raw.crawl_date,
        given=given, rejected=raw.rejected,
    )
