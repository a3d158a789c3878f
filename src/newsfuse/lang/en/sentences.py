"""English sentence boundaries: nupunkt (it knows "Mr.", "a.m.", "No. 3")."""

from __future__ import annotations

from collections.abc import Iterable

import nupunkt


def spans(text: str) -> Iterable[tuple[int, int]]:
    """Character spans of the sentences of ``text`` (with the space around them)."""
    found: Iterable[tuple[int, int]] = nupunkt.sent_spans(text)
    return found
