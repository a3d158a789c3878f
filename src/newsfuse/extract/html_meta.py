"""Title, outlet, author and publication date from a page's markup (selectolax).

Sources, in order of trust: JSON-LD article objects, ``<meta>`` tags (Open Graph, article:*,
Dublin Core, parsely/sailthru), the first ``<h1>``, ``<time>`` elements and byline elements.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from newsfuse.extract.html_dates import normalise_date

_SPACE = re.compile(r"\s+")
_TITLE_SEPARATORS = re.compile(r"\s+[|\-–—:»·]\s+")
_ARTICLE_TYPES = re.compile(r"article|posting|report|news", re.I)
_DATE_META = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "publishdate",
    "publish-date",
    "pubdate",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.created",
    "dc.date",
    "date",
    "article.published",
    "original-publish-date",
)
_AUTHOR_META = ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator")
_OUTLET_META = ("og:site_name", "application-name", "publisher", "twitter:site")
_BYLINE_SELECTOR = (
    '[rel="author"], [itemprop="author"], .byline, .author-name, .author, [class*="byline"]'
)


@dataclass(frozen=True, slots=True)
class PageMeta:
    """What a page's markup says about its article (each field may be missing)."""

    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None
    lang: str | None = None
    declared_article: bool = False


def _declares_article(tree: LexborHTMLParser, meta: dict[str, str], ld: object) -> bool:
    """JSON-LD, og:type article, an article publication time, or one lone <article> element
    (index pages hold many)."""
    if ld or meta.get("og:type", "").lower() == "article" or "article:published_time" in meta:
        return True
    return len(tree.css("article")) == 1


def _clean(text: str | None) -> str:
    return _SPACE.sub(" ", text or "").strip()


def _meta_values(tree: LexborHTMLParser) -> dict[str, str]:
    values: dict[str, str] = {}
    for node in tree.css("meta"):
        attrs = node.attributes
        key = attrs.get("property") or attrs.get("name") or attrs.get("itemprop")
        content = attrs.get("content")
        if key and content and content.strip():
            values.setdefault(key.strip().lower(), content.strip())
    return values


def _walk(item: Any) -> Iterator[dict[str, Any]]:
    if isinstance(item, list):
        for child in item:
            yield from _walk(child)
    elif isinstance(item, dict):
        yield item
        yield from _walk(item.get("@graph", []))


def _json_ld(tree: LexborHTMLParser) -> dict[str, Any]:
    """The first JSON-LD object typed as an article (merged over every block)."""
    for node in tree.css('script[type="application/ld+json"]'):
        try:
            data = json.loads(node.text() or "")
        except (json.JSONDecodeError, ValueError):
            continue
        for item in _walk(data):
            kind = item.get("@type")
            kinds = kind if isinstance(kind, list) else [kind]
            if any(isinstance(k, str) and _ARTICLE_TYPES.search(k) for k in kinds):
                return item
    return {}


def _name_of(value: Any) -> str | None:
    if isinstance(value, list):
        names = [name for item in value if (name := _name_of(item))]
        return ", ".join(names) if names else None
    if isinstance(value, dict):
        value = value.get("name")
    return _clean(value) if isinstance(value, str) and value.strip() else None


def _title(tree: LexborHTMLParser, meta: dict[str, str], ld: dict[str, Any]) -> str | None:
    """The headline: the <h1> that the page's declared titles agree with, else the first
    declared title without its site-name part."""
    page_title = tree.css_first("title")
    headline = ld.get("headline")
    declared = [
        _clean(headline if isinstance(headline, str) else None),
        _clean(meta.get("og:title")),
        _clean(meta.get("twitter:title")),
        _clean(page_title.text() if page_title is not None else None),
    ]
    declared = [_strip_site(title) for title in declared if title]
    headings = [_clean(node.text(separator=" ")) for node in tree.css("h1")[:5]]
    headings = [h for h in headings if len(h.split()) >= 2]
    for heading in headings:
        if any(_similar(heading, title) for title in declared):
            return heading
    if declared:
        return declared[0]
    return headings[0] if headings else None


def _similar(heading: str, other: str) -> bool:
    a, b = set(heading.lower().split()), set(other.lower().split())
    shared = len(a & b)
    return bool(a) and bool(b) and shared >= 0.6 * min(len(a), len(b))


def _strip_site(title: str) -> str:
    parts = _TITLE_SEPARATORS.split(title)
    return max(parts, key=len) if len(parts) > 1 else title


def _outlet(tree: LexborHTMLParser, meta: dict[str, str], ld: dict[str, Any]) -> str | None:
    for key in _OUTLET_META:
        value = _clean(meta.get(key)).lstrip("@")
        if value and not value.startswith("http"):
            return re.split(r"\s+[|–—]\s+", value)[0]
    return _name_of(ld.get("publisher"))


def _byline(tree: LexborHTMLParser) -> str | None:
    for node in tree.css(_BYLINE_SELECTOR)[:6]:
        text = _clean(node.text(separator=" "))
        if 2 < len(text) < 80:
            return text
    return None


def _author(tree: LexborHTMLParser, meta: dict[str, str], ld: dict[str, Any]) -> list[str]:
    found = [_name_of(ld.get("author"))]
    found += [meta.get(key) for key in _AUTHOR_META]
    found.append(_byline(tree))
    return [value for value in found if value and not value.startswith("http")]


def _published(tree: LexborHTMLParser, meta: dict[str, str], ld: dict[str, Any]) -> str | None:
    values = [ld.get("datePublished"), ld.get("dateCreated")]
    values += [meta.get(key) for key in _DATE_META]
    for value in values:
        found = normalise_date(value) if isinstance(value, str) else None
        if found:
            return found
    for node in tree.css("article time[datetime], time[datetime], [itemprop=datePublished]")[:3]:
        found = normalise_date(node.attributes.get("datetime") or node.attributes.get("content"))
        if found:
            return found
    return None


def page_meta(tree: LexborHTMLParser) -> tuple[PageMeta, list[str]]:
    """The page's metadata and its raw author candidates (cleaned by the caller)."""
    meta = _meta_values(tree)
    ld = _json_ld(tree)
    html_node = tree.css_first("html")
    lang = html_node.attributes.get("lang") if html_node is not None else None
    found = PageMeta(
        title=_title(tree, meta, ld),
        outlet=_outlet(tree, meta, ld),
        published=_published(tree, meta, ld),
        lang=(lang or "").split("-")[0].lower() or None,
        declared_article=_declares_article(tree, meta, ld),
    )
    return found, _author(tree, meta, ld)
