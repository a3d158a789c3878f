"""English bylines and publisher lines: who wrote a page, who published it."""

from __future__ import annotations

LINE_PREFIXES = ("by",)
"""A short line opening with one of these is a byline (``By Jane Okafor``)."""
BARE_PREFIXES = ("by",)
"""Prefixes that make a byline whatever follows (``By admin``); other languages' prefixes
need a person's name after them (so that Italian ``Di Maio lascia`` stays a headline)."""
AUTHOR_PREFIXES = ("by", "written by", "posted by", "author", "words by")
"""Taken off a byline before its name is read."""
NOT_AUTHORS = (
    "admin", "administrator", "editor", "editors", "staff", "desk", "webmaster", "guest", "user",
    "anonymous", "news", "web", "newsdesk", "team", "correspondent", "reporter",
)  # fmt: skip
"""Words that make a byline a role or an account, not a person's name."""
NOT_PEOPLE = ("editorial", "the editorial board", "the associated press", "newswire")
"""Whole bylines that name no person."""
ACCOUNT_MARKS = ("admin",)
"""A byline containing one of these is a site account."""
COMPANY_SUFFIXES = (
    r"pvt\.?", "private", r"ltd\.?", "limited", r"inc\.?", "llc", "plc", r"co\.?", r"corp\.?",
    "group", "media",
)  # fmt: skip
"""Patterns of the company words after a publisher's name (``X Media Pvt Ltd`` -> ``X``)."""
COMPANY_ABBREVIATIONS = ("pvt.", "ltd.", "inc.", "co.", "corp.")
"""Dotted company abbreviations, removed before a publisher line is read."""
PUBLISHER_LINES = (
    r"^(?:published|owned|operated|a publication)\s+by\s+(?P<name>.+?)\.?$",
)
"""Footer lines that name the publisher (group ``name``)."""
RIGHTS_RESERVED = ("all rights",)
"""What follows a publisher's name in a copyright line (``© X. All rights reserved``)."""
NAME_JOINERS = ("and",)
"""The word between the last two names of a byline that lists several (``A, B and C``)."""
