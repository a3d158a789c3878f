"""Story clustering: group analysed articles into events, whatever order they arrive in.

Every article becomes a profile (:mod:`newsfuse.cluster_features`). Candidate pairs come from
blocking: articles that share some of their strongest rare terms or names (a key held by more
than ``MAX_KEY_DF`` articles is too common to block on), each article keeping its
``CANDIDATES`` best-matching others, so the work per article stays flat however many articles
there are. A learned pair scorer (:mod:`newsfuse.cluster_pairs`) gives each candidate pair the
probability that both report one event, and average-link agglomerative clustering merges
stories while the mean probability over all their cross pairs (a pair never compared counts
as 0) reaches the model's threshold. The number of stories is never given.

Nothing depends on the arrival order: profiles are sorted by id, pair features are symmetric,
merges are taken best first with ties broken by article ids, and a story's id comes from its
earliest member (publication date, then id). :class:`StoryClusterer` keeps the profiles it is
given and clusters them all when asked for its stories, so adding articles one at a time or all
at once gives the same stories.
"""

from __future__ import annotations

import hashlib
import heapq
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

import numpy as np

from newsfuse.cluster_features import Embedder, Profile, idf, lead_text, profile, profiles
from newsfuse.cluster_pairs import PairModel, load_model, prepare, score_pairs
from newsfuse.types import AnalyzedArticle, Story

KEY_TERMS = 20
"""Strongest terms, and strongest entity words, per article used as blocking keys."""
KEY_IDF = 3.0
"""Only words at least this rare (Zipf 5 or less) are blocking keys."""
MAX_KEY_DF = 400
"""A key held by more articles than this is too common to block on."""
CANDIDATES = 30
"""Other articles each article is scored against (those sharing the most key weight)."""
EDGE_FLOOR = 0.02
"""Pair probabilities below this are dropped from the graph (count as 0)."""


def story_id(first_article_id: str) -> str:
    """A stable story id: ``"s"`` and a short hash of the story's first article id."""
    return "s" + hashlib.sha1(first_article_id.encode()).hexdigest()[:10]


def _first(item: Profile) -> tuple[int, str]:
    """Sort key of a story's members: publication day (undated last), then id."""
    return (item.day if item.day is not None else 10**9, item.id)


# --------------------------------------------------------------------------- blocking


def keys(item: Profile) -> list[str]:
    """The blocking keys of ``item``: its strongest rare terms and entity words."""
    terms = sorted(
        (word for word in item.terms if idf(word) >= KEY_IDF),
        key=lambda word: (-item.terms[word], word),
    )[:KEY_TERMS]
    names = sorted(
        (word for word in item.entities if idf(word) >= KEY_IDF),
        key=lambda word: (-item.entities[word], word),
    )[:KEY_TERMS]
    return [f"t:{word}" for word in terms] + [f"e:{word}" for word in names]


def candidate_pairs(
    items: Sequence[Profile], candidates: int = CANDIDATES, chunk: int = 2_000
) -> list[tuple[int, int]]:
    """Index pairs ``(i, j)``, ``i < j``, worth scoring: for each article, the ``candidates``
    others that share the most idf weight of blocking keys with it (ties by index).

    The shared weights are a sparse product (articles x keys, keys held by at most
    ``MAX_KEY_DF`` articles), ``chunk`` rows at a time, so each article costs at most its
    keys times ``MAX_KEY_DF`` however many articles there are.
    """
    from scipy import sparse

    item_keys = [keys(item) for item in items]
    postings: defaultdict[str, list[int]] = defaultdict(list)
    for number, found in enumerate(item_keys):
        for key in found:
            postings[key].append(number)
    usable = sorted(key for key, held in postings.items() if 1 < len(held) <= MAX_KEY_DF)
    column = {key: n for n, key in enumerate(usable)}
    rows, columns, weights = [], [], []
    for number, found in enumerate(item_keys):
        for key in found:
            if key in column:
                rows.append(number)
                columns.append(column[key])
                weights.append(math.sqrt(idf(key[2:])))
    matrix = sparse.csr_matrix(
        (weights, (rows, columns)), shape=(len(items), len(usable)), dtype=np.float64
    )
    pairs: set[tuple[int, int]] = set()
    for begin in range(0, len(items), chunk):
        shared = (matrix[begin : begin + chunk] @ matrix.T).tocsr()
        for offset in range(shared.shape[0]):
            number = begin + offset
            start, end = shared.indptr[offset], shared.indptr[offset + 1]
            others, values = shared.indices[start:end], shared.data[start:end]
            keep = others != number
            others, values = others[keep], values[keep]
            best = np.lexsort((others, -values))[:candidates]
            pairs.update((min(number, int(o)), max(number, int(o))) for o in others[best])
    return sorted(pairs)


# --------------------------------------------------------------------------- average link


def average_link(
    size: int, edges: Mapping[tuple[int, int], float], threshold: float
) -> list[list[int]]:
    """Groups of ``range(size)`` by average-link agglomeration over a sparse similarity graph.

    The similarity of two groups is the sum of ``edges`` between them over the product of
    their sizes (missing pairs count 0); the most similar two merge while that mean reaches
    ``threshold``. Ties go to the lowest member numbers, so the result depends only on the
    graph.
    """
    members: dict[int, list[int]] = {n: [n] for n in range(size)}
    links: dict[int, dict[int, float]] = {n: {} for n in range(size)}
    for (i, j), value in edges.items():
        links[i][j] = links[i].get(j, 0.0) + value
        links[j][i] = links[j].get(i, 0.0) + value
    heap = [(-value, i, j) for (i, j), value in edges.items() if value >= threshold]
    heapq.heapify(heap)
    while heap:
        negative, i, j = heapq.heappop(heap)
        if i not in members or j not in members:
            continue
        mean = links[i].get(j, 0.0) / (len(members[i]) * len(members[j]))
        if mean != -negative:  # stale: one side changed since this entry was pushed
            continue
        _merge(members, links, i, j)
        for other, total in links[i].items():
            mean = total / (len(members[i]) * len(members[other]))
            if mean >= threshold:
                heapq.heappush(heap, (-mean, min(i, other), max(i, other)))
    return [sorted(group) for _, group in sorted(members.items())]


def _merge(
    members: dict[int, list[int]], links: dict[int, dict[int, float]], keep: int, gone: int
) -> None:
    """Fold group ``gone`` into group ``keep`` (``keep`` < ``gone``), summing their links."""
    members[keep].extend(members.pop(gone))
    moved = links.pop(gone)
    moved.pop(keep, None)
    links[keep].pop(gone, None)
    for other, total in moved.items():
        del links[other][gone]
        links[keep][other] = links[keep].get(other, 0.0) + total
        links[other][keep] = links[other].get(keep, 0.0) + total


# --------------------------------------------------------------------------- stories


def group_profiles(
    items: Iterable[Profile],
    *,
    model: PairModel | None = None,
    threshold: float | None = None,
) -> list[list[Profile]]:
    """The stories of ``items`` (each a list of profiles, earliest first), order-invariant."""
    model = model or load_model()
    cut = model.story_threshold if threshold is None else threshold
    ordered = sorted({item.id: item for item in items}.values(), key=lambda item: item.id)
    pairs = candidate_pairs(ordered)
    prepared = [prepare(item) for item in ordered]
    scores = score_pairs(prepared, pairs, model)
    edges = {pair: float(p) for pair, p in zip(pairs, scores, strict=True) if p >= EDGE_FLOOR}
    groups = average_link(len(ordered), edges, cut)
    stories = [sorted((ordered[n] for n in group), key=_first) for group in groups]
    stories.sort(key=lambda members: _first(members[0]))
    return stories


def pair_probabilities(
    items: Sequence[Profile], pairs: Sequence[tuple[int, int]], model: PairModel | None = None
) -> np.ndarray:
    """P(same event) of each pair of indices into ``items`` (for evaluation and tests)."""
    return score_pairs([prepare(item) for item in items], pairs, model or load_model())


class StoryClusterer:
    """Collects article profiles and groups them into stories on demand.

    ``add`` / ``add_profile`` only record an article; ``stories()`` clusters everything
    recorded so far (cached until the next addition), so the stories never depend on the
    order or the batches the articles came in. ``embedder`` embeds articles given to ``add``
    (None is fine when only ready profiles are added).
    """

    def __init__(
        self,
        *,
        embedder: Embedder | None,
        threshold: float | None = None,
        model: PairModel | None = None,
    ) -> None:
        self.embedder = embedder
        self.threshold = threshold
        self._model = model
        self._items: dict[str, Profile] = {}
        self._stories: list[Story] | None = None

    def add(self, analyzed: AnalyzedArticle) -> None:
        """Record ``analyzed`` (embedding its lead)."""
        if analyzed.id in self._items:
            return
        if self.embedder is None:
            raise ValueError("this clusterer has no embedder: add ready profiles instead")
        vector = self.embedder.embed([lead_text(analyzed)])[0]
        self.add_profile(profile(analyzed, vector))

    def add_profile(self, item: Profile) -> None:
        """Record an already-built profile (see :func:`profiles`); a known id is ignored."""
        if item.id not in self._items:
            self._items[item.id] = item
            self._stories = None

    def __len__(self) -> int:
        return len(self._items)

    def stories(self) -> list[Story]:
        """The stories of every recorded article, each in publication order (undated last),
        earliest story first."""
        if self._stories is None:
            groups = group_profiles(
                self._items.values(), model=self._model, threshold=self.threshold
            )
            self._stories = [
                Story(story_id(members[0].id), tuple(item.id for item in members))
                for members in groups
            ]
        return list(self._stories)

    def assignments(self) -> dict[str, str]:
        """Article id -> story id."""
        return {doc: story.id for story in self.stories() for doc in story.article_ids}


def cluster_articles(
    articles: Sequence[AnalyzedArticle],
    *,
    embedder: Embedder,
    threshold: float | None = None,
) -> list[Story]:
    """Group ``articles`` into stories (batch embedding); the order given does not matter."""
    clusterer = StoryClusterer(embedder=embedder, threshold=threshold)
    for item in profiles(articles, embedder):
        clusterer.add_profile(item)
    return clusterer.stories()
