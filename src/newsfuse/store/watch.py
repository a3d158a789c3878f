"""Polling feeds into the store on an interval (``newsfuse watch``)."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from newsfuse.fetch.sources import FetchReport, WebSource
from newsfuse.store.ingest import Ingester, IngestReport
from newsfuse.store.stories import StoryUpdater, UpdateReport


@dataclass(frozen=True)
class Poll:
    """What one poll of every feed did."""

    number: int
    ingest: IngestReport
    fetch: FetchReport
    stories: UpdateReport


class Watcher:
    """Polls feeds with one web source, adds new items, and updates the stories they touch."""

    def __init__(
        self,
        feeds: Sequence[str],
        *,
        ingester: Ingester,
        updater: StoryUpdater,
        web: WebSource,
        briefings: bool = True,
    ) -> None:
        self.feeds = list(feeds)
        self.ingester = ingester
        self.updater = updater
        self.web = web
        self.briefings = briefings
        self.polls = 0

    def poll(self) -> Poll:
        """Fetch every feed once (conditionally), store new items, update stories."""
        ingest, fetch = IngestReport(), FetchReport()
        for feed in self.feeds:
            self.ingester.add_raw(self.web.documents(feed, fetch), ingest)
        stories = self.updater.update(briefings=self.briefings)
        self.polls += 1
        return Poll(self.polls, ingest, fetch, stories)

    def run(
        self,
        interval: float,
        *,
        polls: int | None = None,
        on_poll: Callable[[Poll], None] | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        """Poll every ``interval`` seconds (from the start of one poll to the next), for ever
        or ``polls`` times."""
        while polls is None or self.polls < polls:
            started = time.monotonic()
            result = self.poll()
            if on_poll is not None:
                on_poll(result)
            if polls is not None and self.polls >= polls:
                return
            sleep(max(0.0, interval - (time.monotonic() - started)))
