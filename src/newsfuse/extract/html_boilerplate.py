"""Drop boilerplate paragraphs left inside an extracted body, judged by their shape.

Only short paragraphs are judged: calls to subscribe or follow, newsletter prompts, "read
more" teasers, advertisement labels, tagged link teasers ("... [VIDEO]"), shortcodes,
copyright lines and separator lines. A long paragraph is never dropped by these rules.
"""

from __future__ import annotations

import re

from newsfuse.types import Block

_SHORT = 30
_LABELS = re.compile(
    r"^(advertisement|advertising|sponsored|story continues below( advertisement)?|"
    r"\d* ?comments?|more|also|related|related (articles|stories|content|coverage)|"
    r"don'?t miss|read more|see more|you may also like|most (read|popular)( in [\w ]+)?|"
    r"recommended( for you)?|share this( article| story)?|tell us what you think)\W*$",
    re.I,
)
_PREFIXES = re.compile(
    r"^(related|see more|read more|read also|also read|more from|more on|watch|listen to"
    r"|filed under|tempo de leitura|leia (também|mais)|lesen sie auch|lire aussi|"
    r"a lire aussi|leer más|lee también|have a tip|if you enjoyed this"
    r"|follow (\S+ ){0,3}coverage)\b\W",
    re.I,
)
_PROMPTS = re.compile(
    r"\b(newsletters?|subscribe to|subscription|inbox|follow (us|him|her|them|\w+) on"
    r"|get access to)\b",
    re.I,
)
_TAGGED_TEASER = re.compile(r"\[(?:[A-Z][A-Z ]{2,}|VIDEO|PICS?|POLL)\]\W*$")
_SHORTCODE = re.compile(r"^\[\w+[^\]]*\].*\[/\w+\]$")
_COPYRIGHT = re.compile(r"^(copyright\b|©|\(c\)\s)", re.I)
_NO_WORDS = re.compile(r"^\W*$")


def is_boilerplate(text: str) -> bool:
    """True for a paragraph whose shape is that of page furniture, not of article prose."""
    words = len(text.split())
    if _NO_WORDS.match(text) or _LABELS.match(text) or _SHORTCODE.match(text):
        return True
    if words > _SHORT:
        return False
    if _PREFIXES.match(text) or _TAGGED_TEASER.search(text) or _COPYRIGHT.match(text):
        return True
    return words <= 25 and bool(_PROMPTS.search(text))


def drop_boilerplate(blocks: list[Block]) -> list[Block]:
    """The blocks without share/subscribe/newsletter prompts, ad labels and link teasers."""
    return [block for block in blocks if not is_boilerplate(block.text)]
