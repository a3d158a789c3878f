"""German bylines: ``Von Anna Schmidt``."""

from __future__ import annotations

LINE_PREFIXES = ("von",)
AUTHOR_PREFIXES = ("von",)
NOT_AUTHORS = ("redaktion",)
COMPANY_SUFFIXES = ("gmbh",)
