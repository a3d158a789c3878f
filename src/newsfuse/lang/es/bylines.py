"""Spanish bylines: ``Por Lucía Gómez``."""

from __future__ import annotations

LINE_PREFIXES = ("por",)
AUTHOR_PREFIXES = ("por", "de")
NOT_AUTHORS = ("redacción",)
