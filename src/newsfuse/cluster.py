"""Story clustering: group analysed articles into events, in one incremental pass.

Each article (see :mod:`newsfuse.cluster_features`) is compared with the stories found so far,
as in news-stream clustering (Miranda et al., 2018): a story keeps the sums of its members'
term, entity and embedding vectors and its last few member profiles, and an article joins the
most similar story when its fit, a weighted mix of the three cosines to the story's sums and
to its closest recent member, less penalties for a date gap and disagreeing details, clears a
fixed threshold; otherwise it starts a new story. The number of stories is never given.

Two similar events (two earthquakes in one week) differ in places, names and numbers: the
entity cosine, the lead-sentence embedding, a penalty for lead entities new to the story and
a larger one when the article also lacks the story's core names (the rare names most of its
members lead with) carry that disagreement, and so does the event year (the publication
year, else the latest year the text names) when it is years away from those of most members.
Candidate stories come from an inverted index over each article's strongest terms and entity
words, scanning only the most recent stories per key, so each article costs about the same
however long the stream.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from newsfuse.cluster_features import (
    Embedder,
    Profile,
    Vector,
    idf,
    lead_text,
    profile,
    profiles,
)
from newsfuse.types import AnalyzedArticle, Story

THRESHOLD = 0.25
"""Join a story when the combined similarity reaches this."""
WEIGHTS = (0.4, 0.3, 0.3)
"""Weights of the term, entity and embedding cosines."""
WINDOW_DAYS = 14
"""A date gap of this many days costs the full ``TIME_PENALTY`` (less costs proportionally)."""
TIME_PENALTY = 0.1
NOVELTY_PENALTY = 0.1
"""Cost of an article whose lead entity words (names, places) are all new to the story."""
CORE_PENALTY = 0.25
"""Cost of an article that lacks the story's core names while its own lead entity words are
new to the story: the smaller of the two shares counts. Two same-kind events told in the
same words (two factory fires in one week) differ only there."""
CORE_SHARE = 0.5
"""A story's core names are the rare entity words of its first member's lead, then those
that at least two members and ``CORE_SHARE`` of them lead with."""
CORE_IDF = 5.5
"""Only words this rare are core names (Zipf 2.5 or less: "Zerzerfield", "Lindqvist"; not
"police", "Paris" or even "Lohan"), so that stories of well-known names rest on the other
signals."""
NUMBER_PENALTY = 0.1
"""Cost when the article's lead and the story both have specific numbers and share none."""
YEAR_PENALTY = 0.2
"""Cost when the article and the story both name years and share none (a similar event
another year: same-event pairs of ECB+ name disjoint years 14% of the time, others 85%)."""
KEY_TERMS = 12
"""Strongest terms and entity words per article used as index keys."""
CANDIDATES = 20
"""Stories fully compared per article."""
POSTING_SCAN = 100
"""Most recent stories scanned per index key."""
MEMBER_WEIGHT = 0.3
"""Share of an article's fit taken from the story's closest recent member (the rest from the
story's sums): a story that drifts still takes articles close to one of its latest members."""
MEMBER_LINKS = 10
"""Recent members per story compared one by one."""
EVENT_YEAR_PENALTY = 0.2
"""Cost, times the share of a story's members whose event year is ``EVENT_YEAR_GAP`` or more
years away from the article's (a similar event another year)."""
EVENT_YEAR_GAP = 3


@dataclass(slots=True)
class _Story:
    """Running sums of one story's members."""

    number: int
    first_id: str
    members: list[tuple[int, int, str]] = field(default_factory=list)
    terms: dict[str, float] = field(default_factory=dict)
    terms_norm2: float = 0.0
    entities: dict[str, float] = field(default_factory=dict)
    entities_norm2: float = 0.0
    embedding: np.ndarray | None = None
    first_day: int | None = None
    last_day: int | None = None
    keys: set[str] = field(default_factory=set)
    numbers: set[str] = field(default_factory=set)
    years: set[str] = field(default_factory=set)
    recent: deque[Profile] = field(default_factory=lambda: deque(maxlen=MEMBER_LINKS))
    event_years: Counter[int] = field(default_factory=Counter)
    lead_counts: Counter[str] = field(default_factory=Counter)
    """How many members lead with each rare entity word (a core-name candidate)."""
    core: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        return story_id(self.first_id)


def story_id(first_article_id: str) -> str:
    """A stable story id: ``"s"`` and a short hash of the story's first article id."""
    return "s" + hashlib.sha1(first_article_id.encode()).hexdigest()[:10]


class StoryClusterer:
    """Assigns articles to stories one at a time; owns the embedder it is given."""

    def __init__(
        self,
        *,
        embedder: Embedder,
        threshold: float = THRESHOLD,
        weights: tuple[float, float, float] = WEIGHTS,
        window_days: int = WINDOW_DAYS,
        time_penalty: float = TIME_PENALTY,
        novelty_penalty: float = NOVELTY_PENALTY,
    ) -> None:
        self.novelty_penalty = novelty_penalty
        self.embedder = embedder
        self.threshold = threshold
        self.weights = weights
        self.window_days = window_days
        self.time_penalty = time_penalty
        self._stories: list[_Story] = []
        self._postings: defaultdict[str, list[int]] = defaultdict(list)
        self._assigned: dict[str, str] = {}
        self._by_id: dict[str, _Story] = {}
        self._seen = 0

    def add(self, analyzed: AnalyzedArticle) -> str:
        """Place ``analyzed`` in a story and return the story's id."""
        if analyzed.id in self._assigned:
            return self._assigned[analyzed.id]
        vector = self.embedder.embed([lead_text(analyzed)])[0]
        return self.add_profile(profile(analyzed, vector))

    def add_profile(self, item: Profile) -> str:
        """Place an already-built profile (see :func:`profiles`) in a story."""
        if item.id in self._assigned:
            return self._assigned[item.id]
        best, score = self._best(item)
        story = best if best is not None and score >= self.threshold else self._new(item.id)
        self._join(story, item)
        self._assigned[item.id] = story.id
        return story.id

    def seed(self, item: Profile, story_id: str, first_article: str) -> None:
        """Replay a placement decided before (by a store): put ``item`` in ``story_id``, whose
        first article is ``first_article``, without comparing anything.

        Raises ValueError when ``story_id`` is not the id of ``first_article``'s story.
        """
        if item.id in self._assigned:
            return
        story = self._by_id.get(story_id)
        if story is None:
            story = self._new(first_article)
            if story.id != story_id:
                raise ValueError(f"story {story_id} is not the story of {first_article}")
        self._join(story, item)
        self._assigned[item.id] = story.id

    def stories(self) -> list[Story]:
        """The stories so far, each with its articles in publication order (undated last)."""
        return [
            Story(story.id, tuple(member[2] for member in sorted(story.members)))
            for story in self._stories
        ]

    def similarity(self, item: Profile, story: _Story) -> float:
        """The combined similarity of an article profile to a story."""
        whole = self._story_fit(item, story)
        closest = max((self._member_fit(item, member) for member in story.recent), default=whole)
        return (
            (1.0 - MEMBER_WEIGHT) * whole
            + MEMBER_WEIGHT * closest
            - self._time_cost(item.day, story)
            - self._entity_cost(item, story)
            - self._event_year_cost(item, story)
        )

    def _story_fit(self, item: Profile, story: _Story) -> float:
        """Cosines to the story's sums, less the costs of disagreeing details."""
        terms = _cosine(item.terms, story.terms, story.terms_norm2)
        embedding = 0.0
        if story.embedding is not None:
            norm = float(np.linalg.norm(story.embedding))
            embedding = float(item.embedding @ story.embedding) / norm if norm else 0.0
        entities = None
        if item.entities and story.entities:
            entities = _cosine(item.entities, story.entities, story.entities_norm2)
        return self._mix(terms, entities, embedding) + _detail_score(
            item, story.numbers, story.years
        )

    def _member_fit(self, item: Profile, member: Profile) -> float:
        """Cosines to one member (profile vectors are unit length), less detail costs."""
        entities = None
        if item.entities and member.entities:
            entities = _dot(item.entities, member.entities)
        embedding = float(item.embedding @ member.embedding)
        return self._mix(_dot(item.terms, member.terms), entities, embedding) + _detail_score(
            item, member.numbers, member.years
        )

    def _mix(self, terms: float, entities: float | None, embedding: float) -> float:
        """The weighted mix of the cosines (entities left out when either side has none)."""
        w_terms, w_entities, w_embedding = self.weights
        if entities is None:
            return (w_terms * terms + w_embedding * embedding) / (w_terms + w_embedding)
        return w_terms * terms + w_entities * entities + w_embedding * embedding

    def _event_year_cost(self, item: Profile, story: _Story) -> float:
        """Penalty for the share of members whose event year is far from the article's."""
        year = event_year(item)
        total = sum(story.event_years.values())
        if year is None or not total:
            return 0.0
        far = sum(
            n for other, n in story.event_years.items() if abs(other - year) >= EVENT_YEAR_GAP
        )
        return EVENT_YEAR_PENALTY * far / total

    def _entity_cost(self, item: Profile, story: _Story) -> float:
        """Penalty for the share of the article's lead entity words new to the story, and
        more when the article also lacks the story's core entity words."""
        novel = _share(item.lead_entities, lambda word: word not in story.entities)
        if not novel or not story.core:
            return self.novelty_penalty * novel
        missing = _share(story.core, lambda word: word not in item.entities)
        return self.novelty_penalty * novel + CORE_PENALTY * min(novel, missing)

    def _time_cost(self, day: int | None, story: _Story) -> float:
        """Penalty for the days between ``day`` and the story's dated span (0 inside it)."""
        if day is None or story.first_day is None or story.last_day is None:
            return 0.0
        gap = max(story.first_day - day, day - story.last_day, 0)
        return self.time_penalty * min(1.0, gap / self.window_days)

    def _best(self, item: Profile) -> tuple[_Story | None, float]:
        best: _Story | None = None
        best_score = -math.inf
        for number in self._candidates(item):
            story = self._stories[number]
            score = self.similarity(item, story)
            if score > best_score:
                best, best_score = story, score
        return best, best_score

    def _candidates(self, item: Profile) -> list[int]:
        hits: Counter[int] = Counter()
        for key in _keys(item):
            hits.update(self._postings.get(key, [])[-POSTING_SCAN:])
        ranked = sorted(hits.items(), key=lambda pair: (-pair[1], -pair[0]))
        return [number for number, _ in ranked[:CANDIDATES]]

    def _new(self, first_id: str) -> _Story:
        story = _Story(len(self._stories), first_id)
        self._stories.append(story)
        self._by_id[story.id] = story
        return story

    def _join(self, story: _Story, item: Profile) -> None:
        story.members.append((item.day if item.day is not None else 10**9, self._seen, item.id))
        self._seen += 1
        story.terms_norm2 = _accumulate(story.terms, story.terms_norm2, item.terms)
        story.entities_norm2 = _accumulate(story.entities, story.entities_norm2, item.entities)
        if story.embedding is None:
            story.embedding = item.embedding.astype(np.float64)
        else:
            story.embedding = story.embedding + item.embedding
        story.numbers.update(item.numbers)
        story.years.update(item.years)
        story.recent.append(item)
        story.lead_counts.update(word for word in item.lead_entities if idf(word) >= CORE_IDF)
        least = 1 if len(story.members) == 1 else max(2, CORE_SHARE * len(story.members))
        story.core = tuple(word for word, n in story.lead_counts.items() if n >= least)
        year = event_year(item)
        if year is not None:
            story.event_years[year] += 1
        if item.day is not None:
            story.first_day = min(item.day, story.first_day or item.day)
            story.last_day = max(item.day, story.last_day or item.day)
        for key in _keys(item):
            if key not in story.keys:
                story.keys.add(key)
                self._postings[key].append(story.number)


def event_year(item: Profile) -> int | None:
    """The year of the article's event: its publication year, else the latest year it names."""
    if item.day is not None:
        return date.fromordinal(item.day).year
    return max((int(year) for year in item.years), default=None)


def _detail_score(item: Profile, numbers: set[str] | frozenset[str],
                  years: set[str] | frozenset[str]) -> float:
    """Costs when the article and a story or member disagree on details: both have specific
    lead numbers and share none; both name years and share none."""
    score = 0.0
    if item.numbers and numbers and not item.numbers & numbers:
        score -= NUMBER_PENALTY
    if item.years and years and not item.years & years:
        score -= YEAR_PENALTY
    return score


def _share(words: Iterable[str], test: Callable[[str], bool]) -> float:
    """The idf-weighted share of ``words`` that pass ``test`` (0 for no words)."""
    total = hit = 0.0
    for word in words:
        weight = idf(word)
        total += weight
        hit += weight if test(word) else 0.0
    return hit / total if total else 0.0


def _keys(item: Profile) -> list[str]:
    terms = sorted(item.terms, key=lambda key: -item.terms[key])[:KEY_TERMS]
    entities = sorted(item.entities, key=lambda key: -item.entities[key])[:KEY_TERMS]
    return [f"t:{key}" for key in terms] + [f"e:{key}" for key in entities]


def _dot(left: Vector, right: Vector) -> float:
    if len(left) > len(right):
        left, right = right, left
    return sum(weight * right.get(key, 0.0) for key, weight in left.items())


def _cosine(vector: Vector, total: Vector, total_norm2: float) -> float:
    if not vector or total_norm2 <= 0.0:
        return 0.0
    dot = sum(weight * total.get(key, 0.0) for key, weight in vector.items())
    return dot / math.sqrt(total_norm2)


def _accumulate(total: dict[str, float], norm2: float, vector: Vector) -> float:
    """Add ``vector`` into ``total`` in place; return the new squared norm."""
    dot = sum(weight * total.get(key, 0.0) for key, weight in vector.items())
    added = sum(weight * weight for weight in vector.values())
    for key, weight in vector.items():
        total[key] = total.get(key, 0.0) + weight
    return norm2 + 2.0 * dot + added


def cluster_articles(
    articles: Sequence[AnalyzedArticle], *, embedder: Embedder, threshold: float = THRESHOLD
) -> list[Story]:
    """Group ``articles`` into stories in one pass, in the given order (batch embedding)."""
    clusterer = StoryClusterer(embedder=embedder, threshold=threshold)
    for item in profiles(articles, embedder):
        clusterer.add_profile(item)
    return clusterer.stories()
