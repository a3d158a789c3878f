"""RSS and Atom feeds: the items a feed lists, with what it states about each.

Parsed with feedparser from the bytes already fetched (never from a URL or a file name), so
parsing does no I/O of its own.
"""

from __future__ import annotations

import io
import time
from dataclasses import dataclass

from newsfuse.errors import DocumentError


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One entry of a feed: its link and what the feed says about it.

    ``content`` is the entry's full content (``content:encoded``) or summary, as HTML.
    ``published`` is ``YYYY-MM-DD`` when the feed dates the entry.
    """

    link: str
    title: str | None = None
    published: str | None = None
    author: str | None = None
    content: str | None = None

    def given(self) -> dict[str, str]:
        """The metadata a RawDocument of this item carries as stated by the feed."""
        values = {"url": self.link, "title": self.title, "date": self.published,
                  "author": self.author}
        return {key: value for key, value in values.items() if value}


@dataclass(frozen=True, slots=True)
class Feed:
    title: str | None
    items: tuple[FeedItem, ...]


def parse_feed(data: bytes, url: str) -> Feed:
    """The feed in ``data`` (fetched from ``url``); DocumentError when it is not a feed."""
    import feedparser

    parsed = feedparser.parse(io.BytesIO(data), response_headers={"content-location": url})
    if not parsed.get("version") and not parsed.entries:
        raise DocumentError(f"{url}: not an RSS or Atom feed")
    items = tuple(item for item in (_item(entry) for entry in parsed.entries) if item)
    return Feed(parsed.feed.get("title"), items)


def _item(entry: dict) -> FeedItem | None:  # type: ignore[type-arg]
    link = (entry.get("link") or "").strip()
    if not link.lower().startswith(("http://", "https://")):
        return None
    return FeedItem(
        link=link,
        title=(entry.get("title") or "").strip() or None,
        published=_date(entry.get("published_parsed") or entry.get("updated_parsed")),
        author=(entry.get("author") or "").strip() or None,
        content=_content(entry),
    )


def _date(value: time.struct_time | None) -> str | None:
    """An entry's date as YYYY-MM-DD; None when absent or outside years 1-9999."""
    if not value or not 1 <= value.tm_year <= 9999:
        return None
    return f"{value.tm_year:04d}-{value.tm_mon:02d}-{value.tm_mday:02d}"


def _content(entry: dict) -> str | None:  # type: ignore[type-arg]
    contents = entry.get("content") or []
    texts = [part.get("value", "") for part in contents if part.get("value")]
    text = max(texts, key=len) if texts else entry.get("summary", "")
    return text.strip() or None
