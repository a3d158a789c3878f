"""The article body of an HTML page: trafilatura's main-content pass, as Blocks.

trafilatura runs with ``favor_precision`` and without comments, first in its fast mode (no
fallback extractors); only when that finds less than a short article does the full mode, with
its readability and jusText fallbacks, run. Its XML body becomes paragraph and heading Blocks
(list items, table rows and quoted paragraphs become paragraphs of their own).
"""

from __future__ import annotations

import re

from lxml import etree

from newsfuse.types import Block

_SPACE = re.compile(r"\s+")
_CONTAINERS = frozenset({"list", "table", "quote", "div", "body"})
_ROWS = frozenset({"item", "row"})
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


def count_words(text: str) -> int:
    """Words in a text; CJK characters count one word per two characters."""
    return len(text.split()) + len(_CJK.findall(text)) // 2


def _text(element: etree._Element) -> str:
    """The element's text with <lb> as line breaks, spaces collapsed per line."""
    parts: list[str] = [element.text or ""]
    for child in element:
        if child.tag == "lb":
            parts.append("\n")
        elif child.tag == "cell":
            parts.append(" " + _text(child) + " ")
        else:
            parts.append(_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _lines(text: str) -> list[str]:
    cleaned = (_SPACE.sub(" ", line).strip() for line in text.split("\n"))
    return [line for line in cleaned if line]


def _blocks_of(element: etree._Element) -> list[Block]:
    tag = element.tag
    if tag == "head":
        return [Block("heading", line) for line in _lines(_text(element))]
    if tag in _CONTAINERS and any(child.tag != "lb" for child in element):
        blocks: list[Block] = []
        if element.text and element.text.strip():
            blocks.extend(Block("paragraph", line) for line in _lines(element.text))
        for child in element:
            blocks.extend(_blocks_of(child))
            if child.tail and child.tail.strip():
                blocks.extend(Block("paragraph", line) for line in _lines(child.tail))
        return blocks
    if tag in _ROWS and any(child.tag in ("list", "p", "table") for child in element):
        return [block for child in element for block in _blocks_of(child)]
    return [Block("paragraph", line) for line in _lines(_text(element))]


def body_blocks(body: etree._Element | None) -> list[Block]:
    """trafilatura's XML body as a flat list of Blocks."""
    if body is None:
        return []
    return _blocks_of(body)


def _trafilatura_body(html: str, url: str | None, *, fast: bool) -> etree._Element | None:
    from trafilatura import bare_extraction

    document = bare_extraction(
        html,
        url=url,
        fast=fast,
        favor_precision=True,
        include_comments=False,
        with_metadata=False,
        deduplicate=False,
    )
    body = getattr(document, "body", None)  # a Document (as_dict=False), or None
    return body if isinstance(body, etree._Element) else None


def extract_blocks(html: str, url: str | None, *, min_words: int) -> list[Block]:
    """The body's Blocks: fast mode first, the full mode when that is shorter than
    ``min_words`` words."""
    blocks = body_blocks(_trafilatura_body(html, url, fast=True))
    if sum(count_words(block.text) for block in blocks) >= min_words:
        return blocks
    fuller = body_blocks(_trafilatura_body(html, url, fast=False))
    return fuller if len(fuller) > len(blocks) else blocks
