"""Read one HTML page into an Article: body Blocks, headline, date, outlet, author, language.

::

    HTML str --selectolax--> metadata candidates (JSON-LD, <meta>, <h1>, <time>, bylines, URL)
             --strip scripts/styles--> trafilatura body --> Blocks --> boilerplate filter

Title, author and date are the candidates ``extract/meta_model.py`` ranks highest (the date
falling back to a body dateline and htmldate). The page is rejected ("not an article: ...")
when no body of ``min_words`` words is found or the body looks like a list of teasers (a
category index).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from lxml.etree import LxmlError
from selectolax.lexbor import LexborHTMLParser

from newsfuse.extract.blocks import select_blocks
from newsfuse.extract.html_body import count_words
from newsfuse.extract.html_boilerplate import drop_boilerplate
from newsfuse.extract.html_dates import date_from_markup, dateline_date
from newsfuse.extract.html_meta import PageMeta, page_meta
from newsfuse.extract.language import detect_language
from newsfuse.extract.meta import parse_dateline
from newsfuse.extract.meta_candidates import Candidate, page_candidates
from newsfuse.extract.meta_model import MetaModel, choose
from newsfuse.reasons import error_text, reason, short_body
from newsfuse.types import Article, Block, DateSignal, RawDocument

_STRIP = (
    "script, style, noscript, template, svg, iframe, object, embed, canvas, nav, footer, aside, "
    # hover cards attached to a link (a person's bio and latest headlines)
    'a + [class*="tooltip"], a + [class*="popover"], a + [class*="hovercard"], '
    'a + [class*="rollover"], a + [class*="popup"]'
)
_EMBEDS = "blockquote.twitter-tweet, blockquote.instagram-media, blockquote.tiktok-embed"
_EMBED_WRAPPERS = ("social", "embed", "share", "tweet")
_WORD = re.compile(r"\w+")


def _norm(text: str | None) -> str:
    return " ".join(_WORD.findall((text or "").lower()))


def _language(blocks: list[Block], hint: str | None) -> str | None:
    """The body's language from its first 1,500 characters (enough, and 5x faster than all)."""
    sample = "\n".join(block.text for block in blocks if block.kind == "paragraph")[:1500]
    return detect_language(sample) or hint


def _date_signal(signal: str) -> DateSignal:
    """The Article's date signal for a candidate's: the URL, a dateline, else markup."""
    if signal == "url":
        return "url"
    return "dateline" if signal.startswith("heading") else "meta"


def fallback_date(raw: RawDocument, blocks: list[Block]) -> tuple[str | None, DateSignal | None]:
    """When no markup candidate passed: a dateline opening the body, then htmldate's markup
    search for the original date (never the crawl date)."""
    for block in blocks[:2]:
        found = parse_dateline(block.text) or dateline_date(block.text)
        if found:
            return found, "dateline"
    found = date_from_markup(raw.content, raw.url)
    if found and raw.crawl_date and found > raw.crawl_date[:10]:
        found = None
    return (found, "meta") if found else (None, None)


def choose_meta(
    candidates: list[Candidate], meta: PageMeta, raw: RawDocument, blocks: list[Block],
    model: MetaModel | None = None,
) -> tuple[str | None, str | None, str | None, DateSignal | None]:
    """Title, author, date and the date's signal chosen among the page's candidates
    (``extract/meta_model.py``); the title falls back to the markup's, the date to
    ``fallback_date``."""
    host = urlsplit(raw.url or "").hostname or ""
    if raw.crawl_date:  # a date after the crawl is a print date or a clock, not the article's
        crawled = raw.crawl_date[:10]
        candidates = [c for c in candidates if c.field != "date" or c.value <= crawled]
    chosen = choose(candidates, outlet=meta.outlet, host=host, model=model)
    date = chosen["date"]
    published: str | None = date.value
    signal: DateSignal | None = _date_signal(date.signal) if date.signal else None
    if not published:
        published, signal = fallback_date(raw, blocks)
    return chosen["title"].value or meta.title, chosen["author"].value, published, signal


def _drop_title(blocks: list[Block], title: str | None) -> list[Block]:
    key = _norm(title)
    while blocks and key and _norm(blocks[0].text) == key:
        blocks = blocks[1:]
    return blocks


def _teaser_list(blocks: list[Block], meta: PageMeta) -> bool:
    """True when a page that does not declare itself an article has no prose paragraph
    (a category index, a list of links)."""
    if meta.declared_article:
        return False
    return not any(count_words(block.text) >= 25 for block in blocks if block.kind == "paragraph")


def _rejected(raw: RawDocument, doc_id: str, reason: str) -> Article:
    return Article(
        id=doc_id,
        source=raw.source,
        status="rejected",
        url=raw.url,
        reason=reason,
        crawl_date=raw.crawl_date,
    )


def _unwrap_embeds(tree: LexborHTMLParser) -> None:
    """Unwrap the "social embed" boxes around posts an article quotes (tweets, Instagram
    posts), which trafilatura would otherwise prune with the page's share buttons."""
    for post in tree.css(_EMBEDS):
        node = post.parent
        for _ in range(2):
            if node is None or node.tag in ("body", "article", "main", "html"):
                break
            parent = node.parent
            label = f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}"
            if any(word in label.lower() for word in _EMBED_WRAPPERS):
                node.unwrap()
            node = parent


def _read(raw: RawDocument, doc_id: str, min_words: int) -> Article:
    tree = LexborHTMLParser(raw.content)
    meta = page_meta(tree)
    candidates = page_candidates(tree, raw.url)
    _unwrap_embeds(tree)
    for node in tree.css(_STRIP):
        node.decompose()
    cleaned = tree.html or ""
    blocks = drop_boilerplate(select_blocks(cleaned, raw.url, min_words=min_words))
    blocks = _drop_title(blocks, meta.title)
    words = sum(count_words(block.text) for block in blocks if block.kind == "paragraph")
    if words < min_words:
        return _rejected(raw, doc_id, short_body(words, min_words))
    if _teaser_list(blocks, meta):
        return _rejected(raw, doc_id, reason("R305"))
    title, author, published, signal = choose_meta(candidates, meta, raw, blocks)
    return Article(
        id=doc_id,
        source=raw.source,
        status="ok",
        title=title,
        published=published,
        published_signal=signal,
        outlet=meta.outlet,
        author=author,
        language=_language(blocks, meta.lang),
        blocks=tuple(blocks),
        url=raw.url,
        crawl_date=raw.crawl_date,
    )


MAX_TAGS = 150_000
"""More tags than this is no article page (real ones hold a few thousand): refused unparsed."""


def extract_html(raw: RawDocument, *, doc_id: str, min_words: int = 40) -> Article:
    """Read an HTML RawDocument into an ``ok`` Article or a ``rejected`` one with a reason."""
    if raw.rejected:
        return _rejected(raw, doc_id, raw.rejected)
    if not raw.content or not raw.content.strip():
        return _rejected(raw, doc_id, reason("R304"))
    tags = raw.content.count("<")
    if tags > MAX_TAGS:
        # Parsing time grows faster than quadratically with nesting depth: refuse before it.
        return _rejected(raw, doc_id, reason("R306", tags=tags, limit=MAX_TAGS))
    try:
        return _read(raw, doc_id, min_words)
    except (ValueError, TypeError, AttributeError, RecursionError, LxmlError) as error:
        return _rejected(raw, doc_id, reason("R307", error=error_text(error))[:200])
