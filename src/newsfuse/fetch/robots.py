"""robots.txt rules per origin, as RFC 9309 reads them.

A robots.txt that answers 200 is obeyed; a 4xx (none there) allows everything; a 5xx or an
unreachable file means the site is unavailable, so everything is disallowed for now.
"""

from __future__ import annotations

from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

MAX_ROBOTS_BYTES = 500 * 1024


class RobotsRules:
    """The robots.txt rules of each origin seen, for one user agent."""

    def __init__(self, user_agent: str) -> None:
        self.agent = user_agent.split("/", 1)[0]
        self._rules: dict[str, RobotFileParser | bool] = {}

    def known(self, origin: str) -> bool:
        return origin in self._rules

    def learn(self, origin: str, answer: tuple[int, bytes]) -> None:
        """Record the origin's robots.txt answer: ``(HTTP status or 0, body)``."""
        status, body = answer
        if status == 200:
            parser = RobotFileParser()
            text = body[:MAX_ROBOTS_BYTES].decode("utf-8", "replace")
            parser.parse(text.splitlines())
            self._rules[origin] = parser
        else:
            self._rules[origin] = 400 <= status < 500

    def allowed(self, url: str) -> bool:
        """May ``url`` be fetched? (Its origin's rules must be learnt first.)"""
        parts = urlsplit(url)
        rules = self._rules.get(f"{parts.scheme}://{parts.netloc}", True)
        if isinstance(rules, bool):
            return rules
        return rules.can_fetch(self.agent, url)

    def crawl_delay(self, origin: str) -> float | None:
        rules = self._rules.get(origin)
        if isinstance(rules, RobotFileParser):
            delay = rules.crawl_delay(self.agent)
            return float(delay) if delay is not None else None
        return None
