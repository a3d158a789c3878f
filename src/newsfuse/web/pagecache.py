"""Rendered story pages, kept while their story does not change (a bounded LRU per app).

A story page depends only on the stored briefing and the stored articles it cites, and
articles do not change once stored; the key carries the story's revision, stale flag and
update time, so a re-briefed story is rendered afresh.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable


class PageCache:
    """At most ``size`` rendered pages, least recently used out first; thread-safe."""

    def __init__(self, size: int = 256) -> None:
        self.size = size
        self._pages: OrderedDict[Hashable, str] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> str | None:
        with self._lock:
            page = self._pages.get(key)
            if page is not None:
                self._pages.move_to_end(key)
            return page

    def put(self, key: Hashable, page: str) -> None:
        with self._lock:
            self._pages[key] = page
            self._pages.move_to_end(key)
            while len(self._pages) > self.size:
                self._pages.popitem(last=False)
