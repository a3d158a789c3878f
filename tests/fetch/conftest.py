"""The loopback news server and a fetcher allowed to reach it."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from newsserver import NewsServer, make_fetcher  # noqa: E402

from newsfuse.fetch import Fetcher  # noqa: E402


@pytest.fixture
def server() -> Iterator[NewsServer]:
    news = NewsServer().start()
    try:
        yield news
    finally:
        news.stop()


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    with make_fetcher() as client:
        yield client
