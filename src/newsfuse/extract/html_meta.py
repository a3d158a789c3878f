"""Title, outlet and language from a page's markup (selectolax): JSON-LD article objects,
``<meta>`` tags (Open Graph), the first ``<h1>``. The title here is the fallback of the one
``meta_model`` chooses; author and date candidates are ``meta_candidates``'.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from newsfuse.extract.meta_candidates import clean as _clean
from newsfuse.extract.meta_candidates import json_ld, meta_values

_TITLE_SEPARATORS = re.compile(r"\s+[|\-–—:»·]\s+")
_OUTLET_META = ("og:site_name", "application-name", "publisher", "twitter:site")


@dataclass(frozen=True, slots=True)
class PageMeta:
    """What a page's markup says about its article (each field may be missing)."""

    title: str | None = None
    outlet: str | None = None
    lang: str | None = None
    declared_article: bool = False


def _declares_article(tree: LexborHTMLParser, meta: dict[str, str], ld: object) -> bool:
    """JSON-LD, og:type article, an article publication time, or one lone <article> element
    (index pages hold many)."""
    if ld or meta.get("og:type", "").lower() == "article" or "article:published_time" in meta:
        return True
    return len(tree.css("article")) == 1


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


def page_meta(tree: LexborHTMLParser) -> PageMeta:
    """The page's declared title, outlet, language and whether it declares an article (the
    author and date are chosen among ``meta_candidates`` by ``meta_model``)."""
    meta = meta_values(tree)
    ld = json_ld(tree)[0]
    html_node = tree.css_first("html")
    lang = html_node.attributes.get("lang") if html_node is not None else None
    found = PageMeta(
        title=_title(tree, meta, ld),
        outlet=_outlet(tree, meta, ld),
        lang=(lang or "").split("-")[0].lower() or None,
        declared_article=_declares_article(tree, meta, ld),
    )
    return found
