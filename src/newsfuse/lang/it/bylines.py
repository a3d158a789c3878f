"""Italian bylines: ``Di Marco Rossi``."""

from __future__ import annotations

LINE_PREFIXES = ("di",)
AUTHOR_PREFIXES = ("di",)
NOT_AUTHORS = ("redazione",)
COMPANY_SUFFIXES = (r"s\.?p\.?a\.?",)
COMPANY_ABBREVIATIONS = ("s.p.a.", "s.r.l.")
