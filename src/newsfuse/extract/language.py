"""The language of a text, as an ISO 639-1 code, with py3langid."""

from __future__ import annotations

import py3langid

#: Fewest letters a text needs before its language is named.
MIN_LETTERS = 20


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of ``text``'s language, or None when the text is too short to tell."""
    if sum(ch.isalpha() for ch in text) < MIN_LETTERS:
        return None
    code, _score = py3langid.classify(text)
    return str(code) or None
