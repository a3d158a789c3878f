"""French bylines: ``Par Claire Dubois``."""

from __future__ import annotations

LINE_PREFIXES = ("par",)
AUTHOR_PREFIXES = ("par",)
NOT_AUTHORS = ("redaction",)
COMPANY_SUFFIXES = (r"s\.?a\.?",)
COMPANY_ABBREVIATIONS = ("s.a.",)
