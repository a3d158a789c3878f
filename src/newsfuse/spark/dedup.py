"""Near-duplicates across partitions: LSH bands as keys, then the single-machine rule.

Executors sign each article (the same MinHash as :class:`newsfuse.dedup.DuplicateIndex`) and emit
one key per LSH band; articles that share a band key are candidates, confirmed on their exact
shingle sets. The driver then replays :class:`~newsfuse.dedup.DuplicateIndex`'s rule in input
order over the confirmed pairs only, so the result equals the single-machine run.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from newsfuse.dedup import DuplicateIndex, dedup_text, shingles
from newsfuse.types import Article

UNDATED = "9999-99-99"


def band_keys(position: int, article: Article, index: DuplicateIndex) -> Iterator[tuple[Any, int]]:
    """``((band, values), position)`` for each LSH band of the article's signature."""
    items = shingles(dedup_text(article), index.shingle)
    if not items:
        return
    values = index.signature(items).hashvalues
    for band, (start, end) in enumerate(index.band_ranges()):
        yield (band, tuple(int(v) for v in values[start:end])), position


def candidate_pairs(bucket: Iterable[int]) -> Iterator[tuple[int, int]]:
    """``(later, earlier)`` for every pair of positions sharing a band key."""
    members = sorted(set(bucket))
    for i, later in enumerate(members):
        for earlier in members[:i]:
            yield later, earlier


def resolve(
    order: Mapping[int, tuple[str, int]],
    confirmed: Iterable[tuple[int, int]],
) -> dict[int, int]:
    """Replay the incremental rule: a copy points to the earliest root among its earlier matches.

    ``order`` maps each indexed position to its (published or undated, seen) order key;
    ``confirmed`` holds (later, earlier) pairs whose texts are the same story.
    """
    matches: dict[int, list[int]] = defaultdict(list)
    for later, earlier in confirmed:
        matches[later].append(earlier)
    root: dict[int, int] = {}
    for position in sorted(matches):
        roots = [root.get(match, match) for match in matches[position]]
        root[position] = min(roots, key=lambda r: order[r])
    return root
