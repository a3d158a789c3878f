"""English names of places the gazetteer's own names do not cover, and the article that may
open a place's name ("the United States")."""

from __future__ import annotations

COUNTRY_ALIASES = {
    "us": "US", "usa": "US", "america": "US", "united states": "US",
    "united states of america": "US", "uk": "GB", "britain": "GB", "great britain": "GB",
    "united kingdom": "GB", "england": "GB", "south korea": "KR", "north korea": "KP",
    "russia": "RU", "iran": "IR", "syria": "SY", "vietnam": "VN", "taiwan": "TW",
}  # fmt: skip
"""Lower-case country names -> ISO 3166 codes."""
LEADING_ARTICLES = ("the",)
"""Left out when place names are compared ("the Netherlands" = "Netherlands")."""
