"""Sentence splitting for punctuated prose (nupunkt: handles "Mr.", "a.m.", "No. 3")."""

from __future__ import annotations

import re

import nupunkt

_SPACE = re.compile(r"\s+")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text``, stripped of surrounding space."""
    spans: list[tuple[int, int]] = []
    for start, end in nupunkt.sent_spans(text):
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end))
    return spans


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text`` with inner runs of white space folded."""
    return [_SPACE.sub(" ", text[start:end]) for start, end in sentence_spans(text)]
