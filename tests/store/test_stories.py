"""Incremental stories in the store, with the real analyser, embedder and clusterer: a new
report joins its event's story and only that story is briefed again; the stored briefing is
what ``newsfuse brief --format json`` gives for the same documents."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from newsfuse.store import Ingester, Store, StoryUpdater, UpdateReport

sys.path.insert(0, str(Path(__file__).parent))
import docgen  # noqa: E402

pytestmark = pytest.mark.slow


@dataclass
class Run:
    db: Path
    folder: Path
    extra: Path
    reprint: Path
    first: UpdateReport
    second: UpdateReport
    third: UpdateReport
    revisions_before: dict[str, int]
    revisions_after_second: dict[str, int]


def _event_of(source: str) -> str:
    return Path(source).name.split("-")[0]


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Run:
    base = tmp_path_factory.mktemp("stories")
    folder = base / "docs"
    docgen.write_text_files(folder, events=3, per_event=3)
    extra_dir = base / "later"
    docgen.write_text_files(extra_dir, events=3, per_event=4)
    extra = extra_dir / "e1-r3.txt"  # a fourth report of event 1, arriving later
    reprint = base / "reprint.txt"
    reprint.write_text((folder / "e2-r0.txt").read_text().replace("Tuesday", "Tuesday night"))
    db = base / "news.db"
    with Store.open(db, write=True) as store:
        Ingester(store).add_paths([folder])
        updater = StoryUpdater(store)
        first = updater.update()
        before = {story.id: story.revision for story in store.stories(limit=100)}
        Ingester(store).add_paths([extra])
        second = updater.update()
        after = {story.id: story.revision for story in store.stories(limit=100)}
    with Store.open(db, write=True) as store:  # a new process: the clusterer is restored
        Ingester(store).add_paths([reprint])
        third = StoryUpdater(store).update()
    return Run(db, folder, extra, reprint, first, second, third, before, after)


def _story_of(store: Store, source_name: str) -> str:
    for story in store.stories(limit=100):
        for article_id in story.article_ids:
            article = store.article(article_id)
            if article is not None and Path(article.source).name == source_name:
                return story.id
    raise AssertionError(f"{source_name} is in no story")


def test_each_event_becomes_one_story(run: Run) -> None:
    assert run.first.placed == 9 and run.first.opened == 3
    with Store.open(run.db) as store:
        for story in store.stories(limit=100):
            events = {_event_of(store.article(i).source) for i in story.article_ids}  # type: ignore[union-attr]
            assert len(events) == 1, story
    assert sorted(run.first.recomputed) == sorted(run.revisions_before)


def test_a_new_report_joins_its_story_and_only_that_story_is_rebriefed(run: Run) -> None:
    with Store.open(run.db) as store:
        target = _story_of(store, "e1-r0.txt")
        assert _story_of(store, "e1-r3.txt") == target
    assert run.second.placed == 1 and run.second.opened == 0
    assert run.second.recomputed == [target]
    assert run.revisions_after_second[target] == run.revisions_before[target] + 1
    others = {k: v for k, v in run.revisions_after_second.items() if k != target}
    assert others == {k: v for k, v in run.revisions_before.items() if k != target}


def test_a_copy_rebriefs_only_its_originals_story_and_is_cited(run: Run) -> None:
    with Store.open(run.db) as store:
        target = _story_of(store, "e2-r0.txt")
        briefing = store.briefing_json(target)
        copy = store.articles(status="duplicate")
    assert run.third.placed == 0
    assert run.third.recomputed == [target]
    assert len(copy) == 1 and copy[0].id in briefing["documents"]  # type: ignore[index]


def test_stored_briefings_match_the_brief_command(run: Run) -> None:
    from newsfuse import __version__
    from newsfuse.pipeline import brief_articles, read_articles
    from newsfuse.render.json import output_dict

    articles = list(read_articles([run.folder, run.extra, run.reprint]))
    briefings = brief_articles(articles)
    expected = output_dict(articles, briefings, version=__version__, generated_at="now")
    with Store.open(run.db) as store:
        assert store.stats().stories == len(expected["stories"])
        for story in expected["stories"]:
            assert store.briefing_json(story["id"]) == story


def test_story_search_and_listing(run: Run) -> None:
    with Store.open(run.db) as store:
        stories = store.stories(limit=100)
        target = stories[0]
        word = max((w for w in (target.headline or "").split() if w.isalpha()), key=len)
        hits = store.search(word, kind="story")
        assert target.id in [hit.id for hit in hits] and hits[0].kind == "story"
        assert [s.id for s in store.stories(limit=1, offset=1)] == [stories[1].id]
        newest = store.stories(limit=100, order="new")
        assert {s.id for s in newest} == {s.id for s in stories}
        assert stories[0].outlets >= stories[-1].outlets


def test_the_story_pipeline_on_postgresql(postgres_url: str, tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    docgen.write_text_files(folder, events=2, per_event=2)
    with Store.open(postgres_url, write=True) as store:
        Ingester(store).add_paths([folder])
        first = StoryUpdater(store).update()
    later = tmp_path / "later"
    docgen.write_text_files(later, events=2, per_event=3)
    with Store.open(postgres_url, write=True) as store:  # restored from PostgreSQL
        Ingester(store).add_paths([later / "e0-r2.txt"])
        second = StoryUpdater(store).update()
    with Store.open(postgres_url) as store:
        stories = store.stories(limit=10)
        target = _story_of(store, "e0-r0.txt")
        briefing = store.briefing_json(target)
        hits = store.search(stories[0].headline or "", kind="story")
    assert first.placed == 4 and first.opened == 2 and len(first.recomputed) == 2
    assert second.recomputed == [target] and second.opened == 0
    assert briefing is not None and len(briefing["documents"]) == 3
    assert stories[0].id in [hit.id for hit in hits]


def test_ingest_in_several_batches_gives_the_stories_of_one_batch_run(tmp_path: Path) -> None:
    """Documents arriving over three updates, in small placing batches and shuffled, end in
    the stories that one batch run over all of them makes (the revision pass re-clusters)."""
    import random

    from newsfuse.pipeline import brief_articles, read_articles

    folder = tmp_path / "docs"
    docgen.write_text_files(folder, events=4, per_event=3)
    files = sorted(folder.iterdir())
    random.Random(3).shuffle(files)
    with Store.open(tmp_path / "news.db", write=True) as store:
        updater = StoryUpdater(store, batch=2)
        for part in (files[:3], files[3:7], files[7:]):
            Ingester(store).add_paths(part)
            updater.update(briefings=False)
        stored = {frozenset(story.article_ids) for story in store.stories(limit=100)}
    batch = brief_articles(list(read_articles([folder])), workers=1)
    expected = {frozenset(b.documents) for b in batch}
    assert stored == expected and len(expected) == 4
