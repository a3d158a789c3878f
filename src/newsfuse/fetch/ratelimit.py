"""A per-host rate limit: at most one request per host every ``min_interval`` seconds."""

from __future__ import annotations

import threading
import time

MAX_CRAWL_DELAY = 60.0


class HostThrottle:
    """Spaces requests to the same host; different hosts do not wait for each other."""

    def __init__(self, min_interval: float) -> None:
        self.min_interval = min_interval
        self._interval: dict[str, float] = {}
        self._next: dict[str, float] = {}
        self._lock = threading.Lock()

    def set_interval(self, host: str, seconds: float) -> None:
        """Space requests to ``host`` by ``seconds`` (a robots.txt crawl-delay; capped)."""
        with self._lock:
            self._interval[host] = max(self.min_interval, min(seconds, MAX_CRAWL_DELAY))

    def wait(self, host: str) -> float:
        """Sleep until ``host`` may be asked again; return the seconds slept."""
        with self._lock:
            now = time.monotonic()
            start = max(now, self._next.get(host, 0.0))
            self._next[host] = start + self._interval.get(host, self.min_interval)
        delay = start - now
        if delay > 0:
            time.sleep(delay)
        return delay
