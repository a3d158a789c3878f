"""Every title, author and date a page's markup offers, each with its signal and position.

A candidate is one value from one signal: a JSON-LD field (``ld:headline``, ``ld:author``,
``ld:datePublished`` ...), a ``<meta>`` tag (``meta:og:title``, ``meta:author`` ...), an
``<h1>``, the ``<title>`` (whole and without its site part), a ``<time>`` element, a byline
element (``rel=author``, ``itemprop=author``, a ``byline``/``author`` class), a "By ..." line
or a dateline just after the headline, and the URL's date. ``extract/meta_model.py`` ranks
them; nothing here decides.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from selectolax.lexbor import LexborHTMLParser, LexborNode

from newsfuse import lang
from newsfuse.extract.html_dates import dateline_date, normalise_date, url_month_name_date
from newsfuse.extract.meta import date_from_url, parse_dateline

_SPACE = re.compile(r"\s+")
_ARTICLE_TYPES = re.compile(r"article|posting|report|news", re.I)
_SKIP_TYPES = re.compile(r"^(?:website|webpage|organization|person|breadcrumblist|imageobject"
                         r"|searchaction|sitenavigationelement|wpheader|wpfooter)$", re.I)
_TITLE_META = ("og:title", "twitter:title", "title", "dc.title", "parsely-title",
               "sailthru.title", "headline")
_AUTHOR_META = ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator",
                "dcterms.creator", "byl", "citation_author", "og:article:author")
_DATE_META = (
    "article:published_time", "og:published_time", "datepublished", "publishdate",
    "publish-date", "publish_date", "pubdate", "parsely-pub-date", "sailthru.date",
    "dc.date.issued", "dcterms.created", "dc.date", "date", "article.published",
    "original-publish-date", "citation_publication_date", "citation_date", "dcterms.date",
    "article:modified_time", "og:updated_time", "dc.date.modified", "last-modified",
)  # fmt: skip
_BYLINE_SELECTORS = (
    ("rel-author", '[rel="author"]'),
    ("itemprop-author", '[itemprop="author"]'),
    ("class-byline", '[class*="byline"]'),
    ("class-author", '[class*="author"]'),
)
_DATE_KEY = re.compile(r"date|publish|created", re.I)
_MODIFIED_KEY = re.compile(r"modif|updat", re.I)
_DATE_CLASS_SELECTOR = '[class*="date"], [class*="publish"], [class*="posted"], [class*="meta"]'
_TIME_SELECTOR = "time, [itemprop=datePublished], [itemprop=dateCreated]"
_HEADING_AREA = 20
"""Text lines read after the first <h1> for a byline or a dateline."""
_LABEL = re.compile(
    r"^" + lang.alternatives("bylines", "AUTHOR_PREFIXES", words=True) + r"\s*:?$", re.IGNORECASE
)
_BY = re.compile(
    r"^" + lang.alternatives("bylines", "AUTHOR_PREFIXES", words=True) + r"\b", re.IGNORECASE
)
VISIBLE = ("h1", "itemprop-headline", "rel-author", "itemprop-author", "class-byline",
           "class-author", "class-date", "time", "heading")
"""Signal families read from the page's text (the others are declared in markup or URL)."""


@dataclass(frozen=True, slots=True)
class Candidate:
    """One value one signal offers for one field (``title``, ``author`` or ``date``)."""

    field: str
    value: str
    signal: str
    rank: int = 0
    """Order among the candidates of the same signal (0 = first on the page)."""
    count: int = 1
    """How many times the signal gives this value."""


def clean(text: str | None) -> str:
    return _SPACE.sub(" ", text or "").strip()


def meta_values(tree: LexborHTMLParser) -> dict[str, str]:
    """``<meta>`` values by lower-cased property / name / itemprop (the first of each)."""
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


def _kinds(item: dict[str, Any]) -> list[str]:
    kind = item.get("@type")
    return [k for k in (kind if isinstance(kind, list) else [kind]) if isinstance(k, str)]


def json_ld(tree: LexborHTMLParser) -> tuple[dict[str, Any], dict[str, Any]]:
    """The first JSON-LD object typed as an article, and the first other typed object that
    carries a headline or a publication date (a WebPage often does)."""
    article: dict[str, Any] = {}
    other: dict[str, Any] = {}
    for node in tree.css('script[type="application/ld+json"]'):
        try:
            data = json.loads(node.text() or "")
        except (json.JSONDecodeError, ValueError, RecursionError):
            continue
        for item in _walk(data):
            kinds = _kinds(item)
            if not article and any(_ARTICLE_TYPES.search(k) for k in kinds):
                article = item
            elif not other and ("headline" in item or "datePublished" in item) and not any(
                _SKIP_TYPES.match(k) for k in kinds if k.lower() not in ("webpage",)
            ):
                other = item
    return article, other


def _names(value: Any) -> list[str]:
    if isinstance(value, list):
        return [name for item in value for name in _names(item)]
    if isinstance(value, dict):
        value = value.get("name")
        if isinstance(value, list):
            return _names(value)
    return [clean(value)] if isinstance(value, str) and value.strip() else []


def _ld_candidates(prefix: str, ld: dict[str, Any]) -> Iterator[Candidate]:
    headline = ld.get("headline") or ld.get("name")
    if isinstance(headline, str) and headline.strip():
        yield Candidate("title", clean(headline), f"{prefix}:headline")
    names = [n for n in _names(ld.get("author")) if not n.startswith("http")]
    if names:
        yield Candidate("author", ", ".join(names), f"{prefix}:author")
    for key in ("datePublished", "dateCreated", "dateModified"):
        value = ld.get(key)
        found = normalise_date(value) if isinstance(value, str) else None
        if found:
            yield Candidate("date", found, f"{prefix}:{key}")


def _other_meta_dates(meta: dict[str, str]) -> Iterator[Candidate]:
    """Dates in ``<meta>`` tags of other names that speak of a date or a publication."""
    for key, value in meta.items():
        if key in _DATE_META or not _DATE_KEY.search(key):
            continue
        found = normalise_date(value)
        if found:
            modified = bool(_MODIFIED_KEY.search(key))
            yield Candidate("date", found, "meta:other-modified" if modified else "meta:other")


def _meta_candidates(meta: dict[str, str]) -> Iterator[Candidate]:
    for key in _TITLE_META:
        if meta.get(key):
            yield Candidate("title", clean(meta[key]), f"meta:{key}")
    for key in _AUTHOR_META:
        value = clean(meta.get(key))
        if value and not value.startswith("http"):
            yield Candidate("author", value, f"meta:{key}")
    for key in _DATE_META:
        found = normalise_date(meta.get(key))
        if found:
            yield Candidate("date", found, f"meta:{key}")


def _page_title(tree: LexborHTMLParser) -> Iterator[Candidate]:
    node = tree.css_first("title")
    text = clean(node.text() if node is not None else None)
    if text:
        yield Candidate("title", text, "title-tag")


def _headings(tree: LexborHTMLParser) -> Iterator[Candidate]:
    for rank, node in enumerate(tree.css("h1")[:4]):
        text = clean(node.text(separator=" "))
        if text:
            inside = any(p.tag in ("article", "main") for p in _parents(node))
            yield Candidate("title", text, "h1-article" if inside else "h1", rank)
    marked = tree.css_first('[itemprop="headline"]')
    if marked is not None and marked.tag != "meta":
        text = clean(marked.text(separator=" "))
        if text:
            yield Candidate("title", text, "itemprop-headline")


def _parents(node: LexborNode) -> Iterator[LexborNode]:
    parent = node.parent
    for _ in range(40):
        if parent is None:
            return
        yield parent
        parent = parent.parent


def _byline_elements(tree: LexborHTMLParser) -> Iterator[Candidate]:
    for signal, selector in _BYLINE_SELECTORS:
        seen: dict[str, int] = {}
        for node in tree.css(selector)[:8]:
            if node.tag in ("meta", "link", "script", "style", "body", "html", "article"):
                continue
            name = node.css_first('[itemprop="name"]')
            text = clean((name or node).text(separator=" "))
            if len(text) >= 100:  # an author box: its first line
                first = (name or node).text(separator="\n").strip().split("\n")[0]
                text = clean(first) if len(first.split()) <= 8 else ""
            if 2 < len(text) < 100 and not _LABEL.match(text):
                seen[text] = seen.get(text, 0) + 1
        for rank, (text, count) in enumerate(seen.items()):
            yield Candidate("author", text, signal, rank, count)


def _times(tree: LexborHTMLParser) -> Iterator[Candidate]:
    for rank, node in enumerate(tree.css(_TIME_SELECTOR)[:6]):
        attrs = node.attributes
        value = attrs.get("datetime") or attrs.get("content")
        found = normalise_date(value) or parse_dateline(clean(node.text()))
        if found:
            yield Candidate("date", found, "time", rank)


def _date_elements(tree: LexborHTMLParser) -> Iterator[Candidate]:
    """Dateline-shaped texts of elements whose class names a date, a publication or the
    article's meta line (``<div class="post-date">May 31, 2024</div>``)."""
    dates = 0
    for node in tree.css(_DATE_CLASS_SELECTOR)[:40]:
        if node.tag in ("meta", "script", "style", "body", "html", "article", "time"):
            continue
        text = clean(node.text(separator=" "))
        if not 6 <= len(text) <= 80:
            continue
        found = parse_dateline(text)
        if found:
            modified = bool(_MODIFIED_KEY.search(node.attributes.get("class") or ""))
            yield Candidate("date", found, "class-date-modified" if modified else "class-date",
                            dates)
            dates += 1
            if dates >= 3:
                return


def _heading_area(tree: LexborHTMLParser) -> Iterator[Candidate]:
    """Short text lines right after the first <h1>: a byline ("By ...") and a dateline."""
    heading = tree.css_first("h1")
    if heading is None:
        return
    lines: list[str] = []
    node = heading.next
    climbed = heading
    while len(lines) < _HEADING_AREA:
        if node is None:
            climbed = climbed.parent  # type: ignore[assignment]
            if climbed is None or climbed.tag in ("body", "html"):
                break
            node = climbed.next
            continue
        if node.tag not in ("script", "style", "-comment", "noscript"):
            text = node.text(separator="\n") if node.tag != "-text" else node.text_content
            lines.extend(line for raw in (text or "").split("\n") if (line := clean(raw)))
        node = node.next
    yield from _heading_lines(lines[:_HEADING_AREA])


def _heading_lines(lines: list[str]) -> Iterator[Candidate]:
    """Datelines (two at most), "By ..." lines, the line after a "By" or "Written by" label,
    and other short lines (ranked by position) as author candidates."""
    dates = 0
    for rank, line in enumerate(lines):
        if len(line) > 120:
            continue
        found = parse_dateline(line)
        if found and dates < 2:
            dates += 1
            yield Candidate("date", found, "heading-dateline", rank)
        elif found:
            continue
        elif _LABEL.match(line) and rank + 1 < len(lines):
            yield Candidate("author", lines[rank + 1], "heading-labelled", rank)
        elif _BY.match(line) and len(line.split()) <= 10:
            yield Candidate("author", line, "heading-by", rank)
        elif len(line.split()) <= 8:
            yield Candidate("author", line, "heading-line", rank)


def _description(meta: dict[str, str]) -> Iterator[Candidate]:
    """A "By ..." first line of the page's description (agency pages put the byline there)."""
    text = meta.get("og:description") or meta.get("description") or ""
    lines = [line for raw in text.split("\n")[:3] if (line := clean(raw))]
    if lines and _BY.match(lines[0]) and len(lines[0].split()) <= 8:
        yield Candidate("author", lines[0], "description-by")
    for line in lines[:2]:
        found = dateline_date(line)
        if found:
            yield Candidate("date", found, "description-dateline")
            break


def _url(url: str | None) -> Iterator[Candidate]:
    found = date_from_url(url) or url_month_name_date(url)
    if found:
        yield Candidate("date", found, "url")


def page_candidates(tree: LexborHTMLParser, url: str | None) -> list[Candidate]:
    """Every candidate of the page's markup and URL (the tree is not changed)."""
    meta = meta_values(tree)
    article, other = json_ld(tree)
    found: list[Candidate] = []
    found += _ld_candidates("ld", article)
    found += _ld_candidates("ld-other", other)
    found += _meta_candidates(meta)
    found += _other_meta_dates(meta)
    found += _page_title(tree)
    found += _headings(tree)
    found += _byline_elements(tree)
    found += _times(tree)
    found += _date_elements(tree)
    found += _heading_area(tree)
    found += _description(meta)
    found += _url(url)
    return found
