"""Keeping stories up to date as articles arrive: place pending articles, re-brief changed stories.

The stages are the pipeline's (``pipeline.analyse``, the clusterer, ``pipeline.brief_story``),
run on the store's schedule.

Each batch of pending ok articles is analysed once and profiled; then a revision pass
re-clusters the new articles together with a window of recent placed ones (the members of
every story that has one of the last ``REVISION_WINDOW`` placed articles) with the batch
clusterer (:func:`newsfuse.cluster.group_profiles`), so early placements are repaired and the
stories are those a batch run over the same articles gives. Each revised story keeps the id of
the stored story it shares the most members with (else it takes its first article's id);
stories that gain or lose members become stale, emptied ones are removed. Then only stale
stories are briefed again, each from its members' stored analyses, and the briefing is stored
in the shape ``newsfuse brief --format json`` gives.
Every batch and every briefing is its own transaction, so an interrupted run resumes where it
stopped.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from newsfuse.cluster_features import Profile
from newsfuse.config import DEFAULT_SETTINGS, Settings
from newsfuse.store.store import Store
from newsfuse.types import Story

REVISION_WINDOW = 5_000
"""Most recent placed articles whose stories a revision pass re-clusters with new ones."""


@dataclass
class UpdateReport:
    """What one update did: articles placed, stories opened, briefings recomputed (by id)."""

    placed: int = 0
    opened: int = 0
    recomputed: list[str] = field(default_factory=list)


class StoryUpdater:
    """Owns the analyser, the embedder and the clusterer used to update one store's stories."""

    def __init__(
        self,
        store: Store,
        settings: Settings = DEFAULT_SETTINGS,
        *,
        words: int | None = None,
        embedder: Any | None = None,
        analyzer: Any | None = None,
        batch: int = 32,
    ) -> None:
        self.store = store
        self.words = words or settings.summary_words
        self.batch = batch
        self._embedder = embedder
        self._analyzer = analyzer

    @property
    def embedder(self) -> Any:
        if self._embedder is None:
            from newsfuse.nlp.embed import load_embedder

            self._embedder = load_embedder()
        return self._embedder

    @property
    def analyzer(self) -> Any:
        if self._analyzer is None:
            from newsfuse.nlp.analyze import Analyzer

            self._analyzer = Analyzer()
        return self._analyzer

    def update(self, *, briefings: bool = True) -> UpdateReport:
        """Place every pending article, then (unless told not to) re-brief stale stories."""
        report = UpdateReport()
        while self.place_batch(report):
            pass
        if briefings:
            report.recomputed = self.refresh_briefings()
        return report

    def place_batch(self, report: UpdateReport) -> int:
        """Place up to ``batch`` pending articles and revise the recent stories, in one
        transaction; how many were placed."""
        from newsfuse.pipeline import analyse

        pending = self.store.pending_articles(self.batch)
        if not pending:
            return 0
        analysed = analyse(pending, self.analyzer, self.embedder)
        placed = list(self.store.placed())
        window = _window(placed)
        stored = {item.id: story for item, story, _ in placed if item.id in window}
        items = [item for item, _, _ in placed if item.id in window]
        revised = revise(stored, [*items, *(item for _, item in analysed)])
        with self.store.transaction():
            for article, item in analysed:
                if self.store.story(revised.story[item.id]) is None:
                    report.opened += 1
                self.store.place_article(article, item, revised.story[item.id])
            moves = {
                doc: story for doc, story in revised.story.items()
                if doc in stored and stored[doc] != story
            }
            self.store.move_articles(moves, revised.first)
        report.placed += len(pending)
        return len(pending)

    def refresh_briefings(self, limit: int | None = None) -> list[str]:
        """Brief every stale story again (at most ``limit``); the ids briefed, in order."""
        done: list[str] = []
        for story_id in self.store.stale_stories()[:limit]:
            self.store.save_briefing(story_id, self.briefing(story_id))
            done.append(story_id)
        return done

    def briefing(self, story_id: str) -> dict[str, Any]:
        """The story's briefing computed now from its stored members, as a schema dict."""
        from newsfuse.brief import independence_keys
        from newsfuse.cluster_features import day_number
        from newsfuse.pipeline import StoryJob, brief_story
        from newsfuse.render.json import briefing_dict

        analyzed, articles = self.store.story_material(story_id)
        # members in the order the clusterer gives them: publication day, then id
        analyzed.sort(key=lambda a: (day_number(a.article.published) or 10**9, a.id))
        story = Story(story_id, tuple(item.id for item in analyzed))
        job = StoryJob(
            story, tuple(analyzed), tuple(articles), independence_keys(articles), self.words
        )
        briefing = brief_story(job, self.embedder)
        return briefing_dict(briefing, {article.id: article for article in articles})


@dataclass(frozen=True)
class Revision:
    """Stories after a revision pass: article id -> story id, and each story's first article."""

    story: dict[str, str]
    first: dict[str, str]


def _window(placed: list[tuple[Profile, str, str]]) -> set[str]:
    """Ids of the placed articles a revision re-clusters: every member of the stories of the
    last ``REVISION_WINDOW`` placed articles (``placed`` is in ingest order)."""
    recent = {story for _, story, _ in placed[-REVISION_WINDOW:]}
    return {item.id for item, story, _ in placed if story in recent}


def revise(stored: dict[str, str], items: list[Profile]) -> Revision:
    """Re-cluster ``items``; name each story after the stored story (``stored``: article id ->
    story id) holding most of its members, largest stories choosing first, else after its
    first member."""
    from newsfuse.cluster import group_profiles, story_id

    groups = group_profiles(items)
    taken: set[str] = set()
    story: dict[str, str] = {}
    first: dict[str, str] = {}
    for members in sorted(groups, key=lambda group: (-len(group), group[0].id)):
        votes = Counter(stored[m.id] for m in members if m.id in stored)
        known = [name for name, _ in sorted(votes.items(), key=lambda v: (-v[1], v[0]))]
        name = next((n for n in known if n not in taken), story_id(members[0].id))
        taken.add(name)
        first[name] = members[0].id
        story.update((m.id, name) for m in members)
    return Revision(story, first)
