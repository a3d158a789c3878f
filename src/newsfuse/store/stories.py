"""Keeping stories up to date as articles arrive: place pending articles, re-brief changed stories.

The stages are the pipeline's (``pipeline.analyse``, the clusterer, ``pipeline.brief_story``),
run on the store's schedule.

Each pending ok article is analysed once, profiled and placed by the incremental
:class:`~newsfuse.cluster.StoryClusterer` (restored from the store, see
:mod:`newsfuse.store.seeding`): it joins an existing story or opens a new one, and that story
becomes stale. Then only stale stories are briefed again, each from its members' stored
analyses, and the briefing is stored in the shape ``newsfuse brief --format json`` gives.
Every batch and every briefing is its own transaction, so an interrupted run resumes where it
stopped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from newsfuse.config import DEFAULT_SETTINGS, Settings
from newsfuse.store.seeding import SeededClusterer
from newsfuse.store.store import Store
from newsfuse.types import Story


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
        self._clusterer: SeededClusterer | None = None

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
        """Place up to ``batch`` pending articles in one transaction; how many were placed."""
        from newsfuse.pipeline import analyse

        pending = self.store.pending_articles(self.batch)
        if not pending:
            return 0
        clusterer = self._restored()
        analysed = analyse(pending, self.analyzer, self.embedder)
        with self.store.transaction():
            for article, item in analysed:
                story_id = clusterer.add(item)
                if self.store.story(story_id) is None:
                    report.opened += 1
                self.store.place_article(article, item, story_id)
        report.placed += len(pending)
        return len(pending)

    def _restored(self) -> SeededClusterer:
        if self._clusterer is None:
            from newsfuse.cluster import StoryClusterer

            clusterer = SeededClusterer(StoryClusterer(embedder=self.embedder))
            for item, story_id, first in self.store.placed():
                clusterer.seed(item, story_id, first)
            self._clusterer = clusterer
        return self._clusterer

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
        from newsfuse.pipeline import StoryJob, brief_story
        from newsfuse.render.json import briefing_dict

        analyzed, articles = self.store.story_material(story_id)
        story = Story(story_id, tuple(item.id for item in analyzed))
        job = StoryJob(
            story, tuple(analyzed), tuple(articles), independence_keys(articles), self.words
        )
        briefing = brief_story(job, self.embedder)
        return briefing_dict(briefing, {article.id: article for article in articles})
