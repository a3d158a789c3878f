"""Newsrooms: which documents of a story come from one independent newsroom.

A fact's support is the number of newsrooms whose text states it, so copies of one agency
dispatch on several sites count once, and so does a site that carries two articles:

- documents the reader already tied together (exact and near copies: ``independence``);
- documents that credit one news agency (a credit line, an ``(AP) —`` dateline: the
  extractor's ``Article.agency``);
- documents of one web site (the host of their URL, ``www.`` and the like dropped);
- documents that share most of their running text, sentence by sentence (an agency dispatch
  that one site credits and another does not; an earlier and a later version of it).

Below the document level, ``Newsrooms.count`` joins two claims that are near-identical
sentences of long enough wording: an article that borrows a few sentences of another's (an
agency's, a press release's) counts once for the facts that rest on those sentences only.

Layers: reads the analysis (``types``) and the extractor's agency names; read by
``brief/facts.py``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from newsfuse.types import AnalyzedArticle

_WORD = re.compile(r"\w+")
GRAM = 4
"""Word n-grams compared between sentences."""
SAME_SENTENCE = 0.6
"""Share of a sentence's n-grams another sentence (or document) must hold: a copy of it."""
MIN_WORDS = 8
"""Shorter sentences are not compared: "No one was injured." is not a copy."""
SHARED_SHARE = 0.6
"""Share of the shorter document's sentences found in the other: one dispatch."""
SHARED_MANY = 8
"""This many shared sentences (and ``SHARED_SOME`` of the shorter text) are one dispatch too."""
SHARED_SOME = 0.3
_SITE_PREFIXES = ("www.", "m.", "mobile.", "amp.", "news.", "edition.", "articles.")


def grams(text: str, size: int = GRAM) -> frozenset[tuple[str, ...]]:
    """The lower-case word ``size``-grams of ``text``."""
    words = _WORD.findall(text.lower())
    return frozenset(tuple(words[i : i + size]) for i in range(len(words) - size + 1))


def near_identical(a: str, b: str) -> bool:
    """Two long enough sentences worded the same but for light edits."""
    if min(len(a.split()), len(b.split())) < MIN_WORDS:
        return False
    left, right = grams(a), grams(b)
    if not left or not right:
        return False
    return len(left & right) / min(len(left), len(right)) >= SAME_SENTENCE


@dataclass(frozen=True)
class Newsrooms:
    """Each document's newsroom key, and the agency a newsroom's texts rest on."""

    keys: Mapping[str, str]
    agencies: Mapping[str, str] = field(default_factory=dict)

    def key(self, doc_id: str) -> str:
        return self.keys.get(doc_id, f"doc:{doc_id}")

    def count(self, statements: Iterable[tuple[str, str]]) -> int:
        """Independent newsrooms among ``(doc_id, sentence)`` statements: one per newsroom,
        and two newsrooms whose sentences are near-identical (a borrowed sentence) once."""
        by_key: dict[str, list[str]] = {}
        for doc_id, text in statements:
            by_key.setdefault(self.key(doc_id), []).append(text)
        keys = list(by_key)
        parent = list(range(len(keys)))
        for i, a in enumerate(keys):
            for j in range(i + 1, len(keys)):
                if any(near_identical(x, y) for x in by_key[a] for y in by_key[keys[j]]):
                    _union(parent, i, j)
        return len({_root(parent, i) for i in range(len(keys))})

    def agencies_of(self, doc_ids: Iterable[str]) -> tuple[str, ...]:
        """The agencies whose dispatches the documents carry, in order."""
        found = (self.agencies.get(self.key(doc)) for doc in doc_ids)
        return tuple(dict.fromkeys(name for name in found if name))


def newsrooms(analyzed: Sequence[AnalyzedArticle], independence: Mapping[str, str]) -> Newsrooms:
    """The newsroom of each of ``analyzed``'s documents (see the module's docstring)."""
    ids = [item.id for item in analyzed]
    parent = list(range(len(ids)))
    labels: dict[str, int] = {}
    for n, item in enumerate(analyzed):
        article = item.article
        for label in (
            f"same:{independence.get(item.id, item.id)}",
            f"agency:{article.agency}" if article.agency else "",
            f"site:{site(article.url)}" if site(article.url) else "",
        ):
            if label:
                _union(parent, labels.setdefault(label, n), n)
    sentences = [_long_sentences(item) for item in analyzed]
    for i in range(len(ids)):
        for j in range(i + 1, len(ids)):
            if _one_dispatch(sentences[i], sentences[j]):
                _union(parent, i, j)
    return _keyed(analyzed, parent, independence)


def _keyed(
    analyzed: Sequence[AnalyzedArticle], parent: list[int], independence: Mapping[str, str]
) -> Newsrooms:
    """Name each newsroom: its agency, else its site, else its first document's key."""
    groups: dict[int, list[int]] = {}
    for n in range(len(analyzed)):
        groups.setdefault(_root(parent, n), []).append(n)
    keys: dict[str, str] = {}
    agencies: dict[str, str] = {}
    for members in groups.values():
        articles = [analyzed[n].article for n in members]
        agency = next((a.agency for a in articles if a.agency), None)
        host = next((site(a.url) for a in articles if site(a.url)), None)
        first = analyzed[members[0]].id
        key = (
            f"agency:{agency.lower()}"
            if agency
            else f"site:{host}"
            if host
            else independence.get(first, f"doc:{first}")
        )
        if agency:
            agencies[key] = agency
        for n in members:
            keys[analyzed[n].id] = key
    return Newsrooms(keys, agencies)


def site(url: str | None) -> str | None:
    """The web site of a URL: its host without ``www.``, ``news.`` and the like."""
    if not url or "//" not in url:
        return None
    host = url.split("//", 1)[1].split("/", 1)[0].split(":", 1)[0].lower()
    for prefix in _SITE_PREFIXES:
        if host.startswith(prefix) and host.count(".") > 1:
            host = host[len(prefix) :]
    return host or None


def _long_sentences(item: AnalyzedArticle) -> list[frozenset[tuple[str, ...]]]:
    found = [grams(s.text) for s in item.sentences if len(s.text.split()) >= MIN_WORDS]
    return [g for g in found if g]


def _one_dispatch(
    a: Sequence[frozenset[tuple[str, ...]]], b: Sequence[frozenset[tuple[str, ...]]]
) -> bool:
    """Do two documents share most of their sentences, near word for word?"""
    if not a or not b:
        return False
    shared = min(_held(a, b), _held(b, a))
    share = shared / min(len(a), len(b))
    return shared >= 2 and (
        share >= SHARED_SHARE or (shared >= SHARED_MANY and share >= SHARED_SOME)
    )


def _held(a: Sequence[frozenset[tuple[str, ...]]], b: Sequence[frozenset[tuple[str, ...]]]) -> int:
    """How many of ``a``'s sentences ``b`` holds (its n-grams, anywhere in ``b``)."""
    everything = frozenset().union(*b)
    return sum(len(g & everything) / len(g) >= SAME_SENTENCE for g in a)


def _root(parent: list[int], n: int) -> int:
    while parent[n] != n:
        parent[n] = parent[parent[n]]
        n = parent[n]
    return n


def _union(parent: list[int], a: int, b: int) -> None:
    parent[_root(parent, a)] = _root(parent, b)
