"""The loopback news server and a fetcher allowed to reach it."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from server import NewsServer  # noqa: E402

from newsfuse.fetch import AddressPolicy, Fetcher, FetchOptions  # noqa: E402

LOOPBACK_ONLY = AddressPolicy(allowed_networks=("127.0.0.1/32",))


@pytest.fixture
def server() -> Iterator[NewsServer]:
    news = NewsServer().start()
    try:
        yield news
    finally:
        news.stop()


def make_fetcher(**options: float | int | bool) -> Fetcher:
    """A fetcher allowed to reach 127.0.0.1 only, fast by default (no waits between requests)."""
    settings = {"min_interval": 0.0, "backoff": 0.01, "timeout": 5.0, **options}
    return Fetcher(FetchOptions(**settings), LOOPBACK_ONLY)  # type: ignore[arg-type]


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    with make_fetcher() as client:
        yield client
