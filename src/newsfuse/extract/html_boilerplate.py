"""Drop boilerplate paragraphs left inside an extracted body, judged by their shape.

Only short paragraphs are judged: calls to subscribe or follow, newsletter prompts, "read
more" teasers, advertisement labels, tagged link teasers ("... [VIDEO]"), shortcodes,
copyright lines and separator lines. A long paragraph is never dropped by these rules. The
phrases are every language's (the page's language is not known yet): see
``lang/<code>/boilerplate.py``.
Headings with no text under them are dropped too: a run of three or more (teaser titles of
related stories) and any at the end of the body.
"""

from __future__ import annotations

import re
from functools import partial

from newsfuse import lang
from newsfuse.types import Block

_SHORT = 30
_HEADING_RUN = 3
_phrases = partial(lang.alternatives, "boilerplate")
"""Every language's phrases of a ``boilerplate`` table, as one pattern group."""


_LABELS = re.compile(r"^" + _phrases("LABELS") + r"\W*$", re.I)
_PREFIXES = re.compile(r"^" + _phrases("TEASER_PREFIXES") + r"\s*[:\-–—|»]", re.I)
_PHRASES = re.compile(r"^" + _phrases("PHRASES"), re.I)
_PROMPTS = re.compile(r"\b" + _phrases("PROMPTS") + r"\b", re.I)
_TAGGED_TEASER = re.compile(r"\[[A-Z][A-Z ]{2,}\]\W*$")
_SHORTCODE = re.compile(r"^\[\w+[^\]]*\].*\[/\w+\]$")
_COPYRIGHT = re.compile(r"^(?:" + _phrases("COPYRIGHT_WORDS") + r"\b|©|\(c\)\s)", re.I)
_NO_WORDS = re.compile(r"^\W*$")
_PRICE = re.compile(r"(?:[£$€¥₹]\s?\d|\b(?:rs\.?|inr|usd|eur|gbp)\s?\d)", re.I)
_CALL_TO_ACTION = re.compile(r"\b" + _phrases("CALLS_TO_ACTION") + r"\b", re.I)


def is_boilerplate(text: str) -> bool:
    """True for a paragraph whose shape is that of page furniture, not of article prose."""
    words = len(text.split())
    if _NO_WORDS.match(text) or _LABELS.match(text) or _SHORTCODE.match(text):
        return True
    if words > _SHORT:
        return False
    if _PREFIXES.match(text) or _PHRASES.match(text):
        return True
    if _TAGGED_TEASER.search(text) or _COPYRIGHT.match(text):
        return True
    return words <= 25 and bool(_PROMPTS.search(text))


def _drop_bare_headings(blocks: list[Block]) -> list[Block]:
    """Drop runs of ``_HEADING_RUN`` or more consecutive headings and trailing headings."""
    kept: list[Block] = []
    run: list[Block] = []
    for block in blocks:
        if block.kind == "heading":
            run.append(block)
            continue
        if len(run) < _HEADING_RUN:
            kept.extend(run)
        run = []
        kept.append(block)
    return kept


def is_promotion(text: str) -> bool:
    """True for a sales pitch: a price and "click here" / "use the code" in a short paragraph."""
    return len(text.split()) <= 60 and bool(_PRICE.search(text) and _CALL_TO_ACTION.search(text))


def _drop_trailing_promotions(blocks: list[Block]) -> list[Block]:
    """Drop sales pitches among the last two blocks, where publishers put them."""
    tail = [block for block in blocks[-2:] if not is_promotion(block.text)]
    return blocks[:-2] + tail


def drop_boilerplate(blocks: list[Block]) -> list[Block]:
    """The blocks without share/subscribe/newsletter prompts, ad labels, link teasers,
    trailing sales pitches and headings that head nothing."""
    kept = [block for block in blocks if not is_boilerplate(block.text)]
    return _drop_bare_headings(_drop_trailing_promotions(kept))
