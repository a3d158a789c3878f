"""Align claims across documents: groups of statements from different documents that say
the same thing.

Two claims are linked when their sentence embeddings are close, helped by shared content
words and entity names (embeddings alone also pair a claim with its denial, which is what
the conflict finder looks at next). Groups are grown by average linkage and never hold two
claims of the same document.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np
from scipy import sparse

from newsfuse.brief.claims import Claim, all_claims, event_stem, reference_points
from newsfuse.types import AnalyzedArticle

LINK = 0.70
TOPIC = 0.55
LANDMARK_TOPIC = 0.5  # a claim placing the event "north of" a member's place: looser topic
CLOSE = 0.62  # a claim of another group this close is compared as if aligned
EVENT_PENALTY = 0.08


class SentenceEmbedder(Protocol):
    def embed(self, texts: Sequence[str]) -> np.ndarray: ...


@dataclass(frozen=True, slots=True)
class ClaimGroup:
    """Claims saying the same thing, from different documents (a document appears twice
    only when it repeats the claim in two sentences), with how central each claim is.

    ``neighbours`` holds claims of other groups that speak of the same topic (scored above
    ``TOPIC``) — candidates for a conflict even when they were not aligned; ``close`` those
    of them scored above ``CLOSE`` with a member (average linkage kept them out, dragged
    down by a weaker member), compared on every point.
    """

    claims: tuple[Claim, ...]
    cohesion: float
    neighbours: tuple[Claim, ...] = ()
    centrality: tuple[float, ...] = ()
    close: tuple[Claim, ...] = ()

    @property
    def doc_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(claim.doc_id for claim in self.claims))


def align_claims(
    articles: Sequence[AnalyzedArticle], *, embedder: SentenceEmbedder, link: float = LINK
) -> list[ClaimGroup]:
    """Group the articles' claims; singletons are kept (a fact one outlet states)."""
    claims = all_claims(articles)
    if not claims:
        return []
    scores = claim_scores(claims, embedder)
    clusters = _merge_twins(_agglomerate(claims, scores, link), scores, link)
    return [_group(claims, scores, members) for members in clusters]


def claim_scores(claims: Sequence[Claim], embedder: SentenceEmbedder) -> np.ndarray:
    """Pairwise alignment scores: cosine plus a bonus for shared words and names.

    Claims of the same document score -2 (never aligned), so claims of a one-document story
    are not embedded at all.
    """
    docs = np.array([claim.doc_id for claim in claims])
    if len(set(docs.tolist())) < 2:
        return np.full((len(claims), len(claims)), -2.0, dtype=np.float32)
    vectors = embedder.embed([claim.text for claim in claims])
    scores = vectors @ vectors.T + _overlap_bonus(claims) - _event_penalty(claims)
    scores[docs[:, None] == docs[None, :]] = -2.0
    return scores


def _overlap_bonus(claims: Sequence[Claim]) -> np.ndarray:
    """0.25 x the Jaccard overlap of content words, minus 0.08 when at most one is shared."""
    vocabulary: dict[str, int] = {}
    rows, cols = [], []
    for row, claim in enumerate(claims):
        for term in claim.terms:
            rows.append(row)
            cols.append(vocabulary.setdefault(term, len(vocabulary)))
    matrix = sparse.csr_matrix(
        (np.ones(len(rows), dtype=np.float32), (rows, cols)),
        shape=(len(claims), max(1, len(vocabulary))),
    )
    shared = (matrix @ matrix.T).toarray()
    sizes = np.asarray(matrix.sum(axis=1)).ravel()
    union = np.maximum(sizes[:, None] + sizes[None, :] - shared, 1.0)
    return (0.25 * shared / union - 0.08 * (shared <= 1)).astype(np.float32)


def _event_penalty(claims: Sequence[Claim]) -> np.ndarray:
    """Claims reporting different events ("arrived" / "meeting") are kept further apart."""
    stems = [event_stem(claim.text) - {"visit"} for claim in claims]  # "visit" is too general
    penalty = np.zeros((len(claims), len(claims)), dtype=np.float32)
    for i, a in enumerate(stems):
        for j in range(i + 1, len(stems)):
            if a and stems[j] and not a & stems[j]:
                penalty[i, j] = penalty[j, i] = EVENT_PENALTY
    return penalty


def _agglomerate(claims: Sequence[Claim], scores: np.ndarray, link: float) -> list[list[int]]:
    clusters: dict[int, list[int]] = {i: [i] for i in range(len(claims))}
    owner = list(range(len(claims)))
    pairs = np.argwhere(np.triu(scores >= link, k=1))
    order = sorted(pairs.tolist(), key=lambda p: -scores[p[0], p[1]])
    for i, j in order:
        a, b = owner[i], owner[j]
        if a == b or not _compatible(claims, clusters[a], clusters[b]):
            continue
        if _average(scores, clusters[a], clusters[b]) < link - 0.02:
            continue
        clusters[a].extend(clusters.pop(b))
        for member in clusters[a]:
            owner[member] = a
    return sorted(clusters.values(), key=lambda members: min(members))


def _merge_twins(clusters: list[list[int]], scores: np.ndarray, link: float) -> list[list[int]]:
    """Join groups that say the same thing twice over: an outlet that repeats a claim in two
    sentences splits it in two groups (one claim per document each); their other members
    still score above ``link`` on average."""
    merged = [list(members) for members in clusters]
    changed = True
    while changed:
        changed = False
        for i, a in enumerate(merged):
            for j in range(i + 1, len(merged)):
                b = merged[j]
                if len(a) > 1 and len(b) > 1 and _cross(scores, a, b) >= link:
                    a.extend(merged.pop(j))
                    changed = True
                    break
            if changed:
                break
    return sorted(merged, key=lambda members: min(members))


def _cross(scores: np.ndarray, a: list[int], b: list[int]) -> float:
    block = scores[np.ix_(a, b)]
    values = block[block > -1.5]  # same-document pairs score -2
    return float(values.mean()) if values.size else -1.0


def _compatible(claims: Sequence[Claim], a: list[int], b: list[int]) -> bool:
    return not {claims[i].doc_id for i in a} & {claims[j].doc_id for j in b}


def _average(scores: np.ndarray, a: list[int], b: list[int]) -> float:
    return float(scores[np.ix_(a, b)].mean())


def _landmark_neighbours(
    claims: Sequence[Claim], scores: np.ndarray, members: list[int], inside: set[int]
) -> set[int]:
    """Claims that name a member's place as a landmark ("1,500 km north of Vladivostok"
    against "in Vladivostok"), a little below the topic score."""
    names = {m.text.lower() for i in members for m in claims[i].mentions}
    return {
        j
        for i in members
        for j in np.flatnonzero(scores[i] >= LANDMARK_TOPIC).tolist()
        if j not in inside and names & reference_points(claims[j].text)
    }


def _group(claims: Sequence[Claim], scores: np.ndarray, members: list[int]) -> ClaimGroup:
    cohesion, centrality = 1.0, [1.0]
    if len(members) > 1:
        block = np.ma.masked_less(scores[np.ix_(members, members)], -1.5)
        cohesion = float(block.mean())
        centrality = [float(value) for value in block.mean(axis=1).filled(0.0)]
    inside = set(members)
    near = {
        j
        for i in members
        for j in np.flatnonzero(scores[i] >= TOPIC).tolist()
        if j not in inside
    }
    near |= _landmark_neighbours(claims, scores, members, inside)
    close = {j for j in near if max(scores[i, j] for i in members) >= CLOSE}
    return ClaimGroup(
        claims=tuple(claims[i] for i in members),
        cohesion=cohesion,
        neighbours=tuple(claims[j] for j in sorted(near)),
        centrality=tuple(float(value) for value in centrality),
        close=tuple(claims[j] for j in sorted(close)),
    )
