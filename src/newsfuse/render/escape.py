"""Document text as literal Markdown: it can never become a link, an image, a heading or raw
HTML."""

from __future__ import annotations

import re
from urllib.parse import quote as url_quote

_SPECIAL = re.compile(r"([\\`*_\[\]#|~])")
_LINE_START = re.compile(r"^(\d+)([.)])|^([-+=])")
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_URL_SAFE = ":/?#@!$&'*+,;=%~-._[]"


def md_escape(text: str) -> str:
    """``text`` as literal Markdown: one line, ``& < >`` as entities, emphasis, code, link,
    heading and table characters backslash-escaped, and no list marker at its start."""
    flat = " ".join(text.split())
    escaped = _SPECIAL.sub(r"\\\1", "".join(_HTML.get(char, char) for char in flat))
    return _LINE_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", escaped)


def md_link(label: str, url: str) -> str:
    """A link whose destination cannot break out of its parentheses."""
    return f"[{md_escape(label)}](<{url_quote(url, safe=_URL_SAFE)}>)"
