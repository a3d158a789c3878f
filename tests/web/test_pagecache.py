"""The rendered-page cache keeps at most its size, dropping the least recently used."""

from __future__ import annotations

from newsfuse.web.pagecache import PageCache


def test_least_recently_used_page_goes_first() -> None:
    cache = PageCache(size=2)
    cache.put(("a", 1), "A1")
    cache.put(("b", 1), "B1")
    assert cache.get(("a", 1)) == "A1"
    cache.put(("c", 1), "C1")
    assert cache.get(("b", 1)) is None
    assert cache.get(("a", 1)) == "A1" and cache.get(("c", 1)) == "C1"
    assert cache.get(("a", 2)) is None
