"""Reading: RawDocument -> Article.

``read_document`` dispatches a RawDocument to the HTML extractor or the scraped-text cleaner,
applies the metadata a JSONL export states (trusted as given), and turns any failure into a
rejected Article with a one-line reason (see ``newsfuse.reasons``). Reading whole files and
folders is ``newsfuse.extract(paths)``, the package's public API (``newsfuse/__init__.py``).
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

from newsfuse.config import DEFAULT_SETTINGS, Settings
from newsfuse.errors import NewsfuseError
from newsfuse.reasons import error_text, reason
from newsfuse.types import Article, RawDocument

__all__ = ["document_id", "read_document"]


def document_id(raw: RawDocument) -> str:
    """A stable id: the one a JSONL record gives, else a hash of the file name and content.

    The file name (not its folder) is used so that the same files give the same ids whether they
    are named by a relative or an absolute path.
    """
    given = raw.given.get("id")
    if given:
        return given
    name = Path(raw.source.split("#", 1)[0]).name
    fragment = raw.source.split("#", 1)[1] if "#" in raw.source else ""
    digest = hashlib.sha1(f"{name}#{fragment}\0{raw.content}".encode("utf-8", "replace"))
    return "d" + digest.hexdigest()[:11]


def read_document(raw: RawDocument, settings: Settings = DEFAULT_SETTINGS) -> Article:
    """Extract one document. Never raises for bad content: the Article is rejected instead."""
    doc_id = document_id(raw)
    if raw.rejected:
        return Article(doc_id, raw.source, "rejected", reason=raw.rejected, url=raw.url)
    try:
        article = _extract(raw, doc_id, settings)
    except NewsfuseError as error:
        return Article(doc_id, raw.source, "rejected", reason=str(error), url=raw.url)
    except (ValueError, TypeError, LookupError, RecursionError, MemoryError) as error:
        why = reason("R901", error=error_text(error))[:300]
        return Article(doc_id, raw.source, "rejected", reason=why, url=raw.url)
    return _with_given(article, raw)


def _extract(raw: RawDocument, doc_id: str, settings: Settings) -> Article:
    if raw.kind == "html":
        from newsfuse.extract.html import extract_html

        article = extract_html(raw, doc_id=doc_id, min_words=settings.min_article_words)
    else:
        from newsfuse.extract.text import extract_text

        article = extract_text(raw, doc_id=doc_id, min_words=settings.min_article_words)
    return replace(article, crawl_date=raw.crawl_date, url=article.url or raw.url)


def _with_given(article: Article, raw: RawDocument) -> Article:
    given = raw.given
    if not given:
        return article
    changes: dict[str, object] = {}
    for field, key in (
        ("title", "title"),
        ("outlet", "outlet"),
        ("author", "author"),
        ("url", "url"),
    ):
        if given.get(key):
            changes[field] = given[key]
    date = _given_date(given.get("date"))
    if date:
        changes["published"] = date
        changes["published_signal"] = "given"
    return replace(article, **changes)  # type: ignore[arg-type]


def _given_date(value: str | None) -> str | None:
    if not value:
        return None
    head = value.strip()[:10]
    if len(head) == 10 and head[4] == "-" and head[7] == "-" and head.replace("-", "").isdigit():
        return head
    return None

