"""Restoring an incremental StoryClusterer from the assignments the store already holds.

The store keeps each placed article's clustering profile and story; a new process replays them
into a fresh :class:`~newsfuse.cluster.StoryClusterer` without re-deciding anything, so new
articles are compared with exactly the stories a reader sees. ``StoryClusterer`` has no public
hook for this yet: ``seed`` uses one if it appears (``clusterer.seed(profile, story_id)``) and
otherwise the clusterer's own private ``_new``/``_join`` steps.
"""

from __future__ import annotations

from typing import Any

from newsfuse.cluster import StoryClusterer
from newsfuse.cluster_features import Profile
from newsfuse.errors import StoreError


class SeededClusterer:
    """A StoryClusterer plus the known assignments replayed into it."""

    def __init__(self, clusterer: StoryClusterer) -> None:
        self.clusterer = clusterer
        self._stories: dict[str, Any] = {}
        self.seeded = 0

    def seed(self, item: Profile, story_id: str, first_article: str) -> None:
        """Put ``item`` in ``story_id`` (whose first article is ``first_article``) as decided."""
        self.seeded += 1
        hook = getattr(self.clusterer, "seed", None)
        if callable(hook):
            hook(item, story_id)
            return
        story = self._stories.get(story_id)
        if story is None:
            story = self.clusterer._new(first_article)
            if story.id != story_id:
                raise StoreError(
                    f"story {story_id} does not match its first article's id {story.id}: "
                    "the store was written by an incompatible newsfuse"
                )
            self._stories[story_id] = story
        self.clusterer._join(story, item)
        self.clusterer._assigned[item.id] = story_id

    def add(self, item: Profile) -> str:
        """Place a new article's profile and return its story id."""
        return self.clusterer.add_profile(item)
