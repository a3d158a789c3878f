"""Telling what a file is from its first bytes, not only from its name."""

from __future__ import annotations

import json
import re
from typing import Literal

Kind = Literal["warc", "jsonl", "html", "text", "feed"]

SNIFF_BYTES = 65536
"""How much of a file's start is read to tell its kind."""

_HTML_START = re.compile(
    # Comment runs are matched possessively: backtracking into them is exponential.
    rb"^\s*(?:<!--.*?-->\s*)*+"
    rb"(<!doctype\s+html|<html|<head|<body|<meta|<title|<div|<article|<p[\s>]"
    rb"|<section|<main|<header|<table|<h1|<script|<link|<span|<br)",
    re.IGNORECASE | re.DOTALL,
)
_FEED_START = re.compile(
    rb"^\s*(<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*+<(rss|feed|rdf:RDF)[\s>]", re.I | re.S
)
_TAGS = re.compile(rb"</?(p|div|a|span|br|li|td|h[1-6])[\s>/]", re.IGNORECASE)


def sniff(head: bytes) -> Kind:
    """Guess the kind of a (decompressed) file from its first few kilobytes."""
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith((b"WARC/", b"WARC/1")):
        return "warc"
    if _FEED_START.match(stripped[:4096]):
        return "feed"
    if stripped.startswith(b"{") and _first_line_is_json(stripped):
        return "jsonl"
    if _HTML_START.match(stripped[:4096]) or len(_TAGS.findall(stripped[:8192])) >= 5:
        return "html"
    return "text"


def _first_line_is_json(data: bytes) -> bool:
    line = data.split(b"\n", 1)[0]
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False
