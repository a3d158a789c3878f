"""Restoring an incremental StoryClusterer from the assignments the store already holds.

The store keeps each placed article's clustering profile and story; a new process replays them
into a fresh :class:`~newsfuse.cluster.StoryClusterer` without re-deciding anything, so new
articles are compared with exactly the stories a reader sees.
"""

from __future__ import annotations

from newsfuse.cluster import StoryClusterer
from newsfuse.cluster_features import Profile
from newsfuse.errors import StoreError


class SeededClusterer:
    """A StoryClusterer plus the known assignments replayed into it."""

    def __init__(self, clusterer: StoryClusterer) -> None:
        self.clusterer = clusterer
        self.seeded = 0

    def seed(self, item: Profile, story_id: str, first_article: str) -> None:
        """Put ``item`` in ``story_id`` (whose first article is ``first_article``) as decided."""
        self.seeded += 1
        try:
            self.clusterer.seed(item, story_id, first_article)
        except ValueError as error:
            raise StoreError(
                f"{error}: the store was written by an incompatible newsfuse"
            ) from error

    def add(self, item: Profile) -> str:
        """Place a new article's profile and return its story id."""
        return self.clusterer.add_profile(item)
