"""Sentence splitting for punctuated prose, by the splitter of the text's language
(``lang.part(language, "sentences").spans``: nupunkt for English)."""

from __future__ import annotations

import re

from newsfuse import lang

_SPACE = re.compile(r"\s+")


def sentence_spans(text: str, language: str | None = None) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text``, stripped of surrounding space."""
    spans: list[tuple[int, int]] = []
    for start, end in lang.part(language, "sentences").spans(text):
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end))
    return spans


def split_sentences(text: str, language: str | None = None) -> list[str]:
    """The sentences of ``text`` with inner runs of white space folded."""
    return [_SPACE.sub(" ", text[start:end]) for start, end in sentence_spans(text, language)]
