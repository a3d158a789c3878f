"""Feeds served on loopback, ingested into a real store with the real story pipeline:
items become articles and stories, an unchanged feed is not downloaded again (304), and a
new item joins its story, whose briefing alone is recomputed. Then ``newsfuse watch``."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from newsserver import NewsServer, make_fetcher

from newsfuse.fetch import FetchReport, WebSource
from newsfuse.store import Ingester, Store, StoryUpdater

pytestmark = pytest.mark.slow

KELMARSH = ["kelmarsh-breach", "kelmarsh-evacuation", "kelmarsh-inspector"]


def _poll(store: Store, updater: StoryUpdater, url: str) -> tuple[FetchReport, list[str]]:
    report = FetchReport()
    with make_fetcher() as fetcher:
        Ingester(store).add_targets([url], web=WebSource(fetcher, store), fetch_report=report)
    return report, updater.update().recomputed


def test_a_feed_is_ingested_repolled_with_304_and_new_items_join_stories(
    server: NewsServer, tmp_path: Path
) -> None:
    feed = server.serve_feed("/feed.xml", [*KELMARSH, "brantholm-trams"])
    with Store.open(tmp_path / "news.db", write=True) as store:
        updater = StoryUpdater(store)
        first, _ = _poll(store, updater, feed)
        stats = store.stats()
        stories = {story.id: set(story.article_ids) for story in store.stories(limit=10)}
        by_url = {a.url: a for a in store.articles(limit=10)}

        again, recomputed_again = _poll(store, updater, feed)
        hits_after_repoll = dict(server.hits)

        server.serve_feed("/feed.xml", [*KELMARSH, "brantholm-trams", "kelmarsh-insurers"],
                          version="2")
        third, recomputed = _poll(store, updater, feed)
        newcomer = next(a for a in store.articles(limit=10) if "insurers" in (a.url or ""))
        kelmarsh_story = store.story(next(s for s, ids in stories.items() if len(ids) == 3))

    assert first.feed_items == 4 and first.fetched == 5 and not first.errors
    assert stats.ok == 4 and stats.stories == 2
    assert sorted(len(ids) for ids in stories.values()) == [1, 3]
    breach = by_url[server.url("/news/kelmarsh-breach.html")]
    assert breach.title == "Kelmarsh dam breach floods three villages"
    assert breach.published == "2026-04-14" and breach.outlet == "Fenland Observer"
    assert "Engineers were lowering the reservoir" in breach.text
    assert "Most read" not in breach.text and "All rights reserved" not in breach.text

    assert again.not_modified == 1 and again.fetched == 0 and recomputed_again == []
    assert hits_after_repoll["/feed.xml"] == 2 and server.not_modified["/feed.xml"] == 1
    assert all(hits_after_repoll[f"/news/{slug}.html"] == 1 for slug in KELMARSH)

    assert third.fetched == 2 and third.known_items == 4  # the feed and the one new page
    assert server.hits["/news/kelmarsh-breach.html"] == 1
    assert kelmarsh_story is not None and newcomer.id in kelmarsh_story.article_ids
    assert recomputed == [kelmarsh_story.id]
    assert kelmarsh_story.revision == 2


def test_watch_polls_a_feed_on_an_interval(
    server: NewsServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))
    from cli_runner import main

    feed = server.serve_feed("/atom.xml", KELMARSH[:2], kind="atom")
    db = tmp_path / "watch.db"
    code = main(["watch", feed, "--db", str(db), "--interval", "0.2", "--polls", "2",
                 "--allow-private", "--min-interval", "0", "--no-briefings"])
    err = capsys.readouterr().err
    assert code == 0, err
    assert "poll 1: 2 added" in err and "poll 2: 0 added" in err
    assert "1 unchanged (304)" in err
    assert server.hits["/atom.xml"] == 2 and server.not_modified["/atom.xml"] == 1
    with Store.open(db) as store:
        assert store.stats().ok == 2 and store.stats().pending == 0
