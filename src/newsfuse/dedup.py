"""Near-duplicate and syndication detection: MinHash/LSH candidates, confirmed exactly.

Each article's body becomes a set of hashed word n-grams (5-grams by default). A MinHash
signature (128 permutations) goes into an LSH index queried at a *low* Jaccard threshold, so
that wire reprints with a changed intro or a dropped paragraph (5-gram Jaccard often under
0.5) still come up as candidates. A candidate is confirmed on the exact shingle sets: Jaccard
>= ``jaccard`` or containment ``|A & B| / min(|A|, |B|)`` >= ``containment``. Work grows
near-linearly with the number of documents: nothing compares all pairs.

A copy points to the root of what it copies: the earliest-published document (documents
without a date come after dated ones; ties go to the first seen).
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Self

import numpy as np
from datasketch import MinHash, MinHashLSH

from newsfuse.types import Article

if TYPE_CHECKING:
    from newsfuse.config import Settings

_WORD = re.compile(r"\w+")
_UNDATED = "9999-99-99"
_MULTIPLIER = np.uint64(0x100000001B3)
CANDIDATE_JACCARD = 0.3
"""LSH query threshold: low enough for a copy holding 80% of a text twice its size."""
MIN_CONTAINMENT_SHINGLES = 20
"""Below this many shingles in the smaller text, only the Jaccard test applies."""


def shingles(text: str, size: int = 5) -> frozenset[int]:
    """Hashed word ``size``-grams of ``text`` (lower-cased ``\\w+`` words), stable across runs.

    A text shorter than ``size`` words gives one shingle of all its words; no words, none.
    """
    words = _WORD.findall(text.lower())
    if not words:
        return frozenset()
    codes = np.fromiter(
        (zlib.crc32(word.encode()) for word in words), dtype=np.uint64, count=len(words)
    )
    width = min(size, len(words))
    grams = np.zeros(len(words) - width + 1, dtype=np.uint64)
    for offset in range(width):
        grams = grams * _MULTIPLIER + codes[offset : offset + len(grams)]
    return frozenset(_mix(grams).tolist())


def pack(items: frozenset[int]) -> np.ndarray:
    """A shingle set as a sorted uint64 array: what the index keeps (a sixth of a set's
    memory), and what :meth:`DuplicateIndex.same` compares."""
    return np.array(sorted(items), dtype=np.uint64)


def _mix(values: np.ndarray) -> np.ndarray:
    """A 64-bit finaliser (MurmurHash3's fmix64): every output bit depends on every input bit."""
    values = values ^ (values >> np.uint64(33))
    values = values * np.uint64(0xFF51AFD7ED558CCD)
    values = values ^ (values >> np.uint64(33))
    values = values * np.uint64(0xC4CEB9FE1A85EC53)
    return values ^ (values >> np.uint64(33))


def dedup_text(article: Article) -> str:
    """What is compared for copies: the body, else the title."""
    return article.text or (article.title or "")


@dataclass(frozen=True, slots=True)
class _Entry:
    id: str
    order: tuple[str, int]
    shingles: np.ndarray  # packed: sorted, unique


class DuplicateIndex:
    """An incremental near-duplicate index: ``add`` each article once, in any order.

    ``add`` returns the id of the document the article copies (the root of its copy chain,
    the earliest published among those already seen) or None for an original. A copy seen
    before its original cannot be re-pointed: use :func:`find_duplicates` for a batch.
    """

    def __init__(
        self,
        *,
        permutations: int = 128,
        shingle: int = 5,
        jaccard: float = 0.5,
        containment: float = 0.8,
        candidate: float = CANDIDATE_JACCARD,
    ) -> None:
        self.permutations = permutations
        self.shingle = shingle
        self.jaccard = jaccard
        self.containment = containment
        self._lsh = MinHashLSH(threshold=min(candidate, jaccard), num_perm=permutations)
        self._blank = MinHash(num_perm=permutations, hashfunc=_identity)
        self._entries: dict[str, _Entry] = {}
        self._root: dict[str, str] = {}
        self._copies = 0
        self._seen = 0

    @classmethod
    def from_settings(cls, settings: Settings) -> Self:
        """The index the run's settings describe (what every reader of documents uses)."""
        return cls(
            permutations=settings.minhash_permutations,
            shingle=settings.shingle_words,
            jaccard=settings.duplicate_jaccard,
            containment=settings.duplicate_containment,
        )

    def __len__(self) -> int:
        """Documents indexed (exact copies included, though their original stands for them)."""
        return len(self._entries) + self._copies

    def add(self, article: Article) -> str | None:
        """Index ``article``; return the id it duplicates, or None."""
        if article.status != "ok" or article.id in self._entries or article.id in self._root:
            return self._root.get(article.id)
        order = (article.published or _UNDATED, self._seen)
        items = shingles(dedup_text(article), self.shingle)
        entry = _Entry(article.id, order, pack(items))
        self._seen += 1
        if not items:
            return None
        signature = self.signature(items)
        original = self._original(entry, signature)
        if original is not None:
            self._root[entry.id] = original
            if np.array_equal(entry.shingles, self._entries[original].shingles):
                # An exact copy of its original: whatever would match the copy matches the
                # original the same way, so the copy is not stored (a page fetched 100,000
                # times costs one entry).
                self._copies += 1
                return original
        self._entries[entry.id] = entry
        self._lsh.insert(entry.id, signature)
        return original

    def signature(self, items: frozenset[int]) -> MinHash:
        """The MinHash signature of a shingle set (the one the LSH index stores)."""
        signature = self._blank.copy()
        signature.update_batch(list(items))
        return signature

    def band_ranges(self) -> list[tuple[int, int]]:
        """The LSH bands as signature slices: texts are candidates when any band is equal."""
        return list(self._lsh.hashranges)

    def _original(self, entry: _Entry, signature: MinHash) -> str | None:
        # A candidate whose root is already matched is not compared: a page fetched a
        # thousand times costs one comparison, not a thousand.
        roots: dict[str, _Entry] = {}
        for key in self._lsh.query(signature):
            root = self._root.get(key, key)
            if root not in roots and self.same(entry.shingles, self._entries[key].shingles):
                roots[root] = self._entries[root]
        if not roots:
            return None
        return min(roots.values(), key=lambda root: root.order).id

    def same(self, first: np.ndarray, second: np.ndarray) -> bool:
        """True when two packed shingle sets (:func:`pack`) are copies: Jaccard, or
        containment of the smaller one."""
        common = int(np.intersect1d(first, second, assume_unique=True).size)
        if common == 0:
            return False
        if common / (len(first) + len(second) - common) >= self.jaccard:
            return True
        smaller = min(len(first), len(second))
        return smaller >= MIN_CONTAINMENT_SHINGLES and common / smaller >= self.containment


def unique_id(doc_id: str, taken: Callable[[str], bool]) -> str:
    """``doc_id`` when it is not ``taken``, else the first free of ``doc_id-2``, ``doc_id-3``...
    (the one rule for ids that two documents share, in a run, a store and the Spark job)."""
    candidate, n = doc_id, 1
    while taken(candidate):
        n += 1
        candidate = f"{doc_id}-{n}"
    return candidate


def _identity(value: int) -> int:
    """MinHash hash function for shingles that are already hashes (kept to 32 bits)."""
    return value & 0xFFFFFFFF


def find_duplicates(
    articles: Sequence[Article],
    *,
    permutations: int = 128,
    shingle: int = 5,
    jaccard: float = 0.5,
    containment: float = 0.8,
) -> dict[str, str]:
    """Map each duplicate's id to the id of the document it copies.

    The original is the earliest-published document of a copy group (undated ones come
    last; ties go to the earlier position in ``articles``). Non-``ok`` articles are ignored.
    """
    index = DuplicateIndex(
        permutations=permutations, shingle=shingle, jaccard=jaccard, containment=containment
    )
    order = sorted(range(len(articles)), key=lambda i: (articles[i].published or _UNDATED, i))
    found: dict[str, str] = {}
    for position in order:
        original = index.add(articles[position])
        if original is not None and original != articles[position].id:
            found[articles[position].id] = original
    return found
