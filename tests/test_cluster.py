"""Story clustering on invented events (tests/fixtures/cluster/stories.json), real models."""

from __future__ import annotations

import dataclasses
import json
import random
from collections.abc import Sequence
from pathlib import Path

import pytest

from newsfuse.cluster import StoryClusterer, cluster_articles, story_id
from newsfuse.cluster_features import profiles
from newsfuse.nlp.analyze import Analyzer
from newsfuse.nlp.embed import Embedder, load_embedder
from newsfuse.types import AnalyzedArticle, Article, Block, Story

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "cluster"


@pytest.fixture(scope="module")
def records() -> list[dict]:
    return json.loads((FIXTURES / "stories.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def embedder() -> Embedder:
    return load_embedder()


@pytest.fixture(scope="module")
def analyzed(records: list[dict]) -> list[AnalyzedArticle]:
    articles = [
        Article(
            id=r["id"],
            source=f"fixture:{r['id']}",
            status="ok",
            title=r["title"],
            published=r["published"],
            outlet=r["outlet"],
            blocks=tuple(Block("paragraph", text) for text in r["paragraphs"]),
        )
        for r in records
    ]
    return Analyzer().analyze_all(articles)


def _partition(stories: Sequence[Story]) -> set[frozenset[str]]:
    return {frozenset(story.article_ids) for story in stories}


def _gold(records: list[dict], prefix: str = "") -> set[frozenset[str]]:
    events: dict[str, set[str]] = {}
    for r in records:
        if r["id"].startswith(prefix):
            events.setdefault(r["event"], set()).add(r["id"])
    return {frozenset(ids) for ids in events.values()}


def test_two_earthquakes_in_one_week_stay_two_stories(
    records: list[dict], analyzed: list[AnalyzedArticle], embedder: Embedder
) -> None:
    quakes = [a for a in analyzed if a.id.startswith("quake")]
    assert _partition(cluster_articles(quakes, embedder=embedder)) == _gold(records, "quake")


def test_five_articles_about_one_event_make_one_story(
    analyzed: list[AnalyzedArticle], embedder: Embedder
) -> None:
    fires = [a for a in analyzed if a.id.startswith("fire")]
    stories = cluster_articles(fires, embedder=embedder)
    assert len(stories) == 1 and len(stories[0].article_ids) == 5


def test_mixed_stream_in_any_order_finds_the_three_events(
    records: list[dict], analyzed: list[AnalyzedArticle], embedder: Embedder
) -> None:
    for seed in range(3):
        shuffled = list(analyzed)
        random.Random(seed).shuffle(shuffled)
        assert _partition(cluster_articles(shuffled, embedder=embedder)) == _gold(records)


def test_incremental_equals_batch(analyzed: list[AnalyzedArticle], embedder: Embedder) -> None:
    clusterer = StoryClusterer(embedder=embedder)
    assigned = {a.id: clusterer.add(a) for a in analyzed}
    batch = cluster_articles(analyzed, embedder=embedder)
    assert clusterer.stories() == batch
    assert assigned == {doc: story.id for story in batch for doc in story.article_ids}
    assert clusterer.add(analyzed[0]) == assigned[analyzed[0].id]  # adding again is a no-op


def test_story_ids_and_publication_order(
    analyzed: list[AnalyzedArticle], embedder: Embedder
) -> None:
    fires = [a for a in analyzed if a.id.startswith("fire")]
    latest_first = list(reversed(fires))
    story = cluster_articles(latest_first, embedder=embedder)[0]
    assert story.id == story_id("fire-5") and story.id.startswith("s")
    dates = [next(a.article.published for a in fires if a.id == doc) for doc in story.article_ids]
    assert dates == sorted(dates)


def test_a_date_gap_lowers_similarity(analyzed: list[AnalyzedArticle], embedder: Embedder) -> None:
    first, second = (a for a in analyzed if a.id in ("fire-1", "fire-4"))
    items = profiles([first, second], embedder)
    clusterer = StoryClusterer(embedder=embedder)
    clusterer.add_profile(items[0])
    story = clusterer._stories[0]
    same_day = dataclasses.replace(items[1], day=items[0].day)
    later = dataclasses.replace(items[1], day=(items[0].day or 0) + 60)
    undated = dataclasses.replace(items[1], day=None)
    near = clusterer.similarity(same_day, story)
    assert clusterer.similarity(undated, story) == pytest.approx(near)
    assert clusterer.similarity(later, story) == pytest.approx(near - clusterer.time_penalty)


def test_unrelated_article_starts_its_own_story(
    analyzed: list[AnalyzedArticle], embedder: Embedder
) -> None:
    other = Article(
        id="recipe",
        source="fixture:recipe",
        status="ok",
        title="A winter soup",
        blocks=(Block("paragraph", "Simmer the lentils with cumin and lemon for forty minutes."),),
    )
    extra = Analyzer().analyze_all([other])
    stories = cluster_articles([*analyzed, *extra], embedder=embedder)
    assert ("recipe",) in {story.article_ids for story in stories}


def test_disagreeing_details_cost_but_shared_ones_do_not() -> None:
    import numpy as np

    import newsfuse.cluster as cluster
    from newsfuse.cluster_features import Profile

    vector = np.ones(4, dtype=np.float32) / 2.0

    def item(doc: str, numbers: set[str], years: set[str]) -> Profile:
        return Profile(doc, {"harbour": 1.0}, {"aldrin": 1.0}, vector, None,
                       numbers=frozenset(numbers), years=frozenset(years))

    clusterer = cluster.StoryClusterer(embedder=None)  # type: ignore[arg-type]
    clusterer.add_profile(item("a", {"212", "4.5"}, {"2024"}))
    story = clusterer._stories[0]
    same = clusterer.similarity(item("b", {"212"}, {"2024"}), story)
    next_year = clusterer.similarity(item("c", {"212"}, {"2025"}), story)
    years_away = clusterer.similarity(item("f", {"212"}, {"2019"}), story)
    other_numbers = clusterer.similarity(item("d", {"87"}, {"2024"}), story)
    no_numbers = clusterer.similarity(item("e", set(), set()), story)
    assert same == pytest.approx(no_numbers)  # details that agree, or are missing, cost nothing
    assert next_year == pytest.approx(same - cluster.YEAR_PENALTY)
    # five years from the story's event year also costs the event-year penalty
    assert years_away == pytest.approx(same - cluster.YEAR_PENALTY - cluster.EVENT_YEAR_PENALTY)
    assert other_numbers == pytest.approx(same - cluster.NUMBER_PENALTY)


def test_event_year_cost_is_the_share_of_members_years_away() -> None:
    import numpy as np

    import newsfuse.cluster as cluster
    from newsfuse.cluster_features import Profile, day_number

    vector = np.ones(4, dtype=np.float32) / 2.0

    def item(doc: str, years: set[str], published: str | None = None) -> Profile:
        return Profile(doc, {"harbour": 1.0}, {"aldrin": 1.0}, vector, day_number(published),
                       years=frozenset(years))

    clusterer = cluster.StoryClusterer(embedder=None)  # type: ignore[arg-type]
    for doc, years in (("a", {"2024"}), ("b", {"2024"}), ("c", {"2010"})):
        clusterer.seed(item(doc, years), cluster.story_id("a"), "a")
    story = clusterer._stories[0]
    no_years = clusterer.similarity(item("d", set()), story)
    old_event = clusterer.similarity(item("e", {"2010"}), story)
    assert old_event == pytest.approx(no_years - cluster.EVENT_YEAR_PENALTY * 2 / 3)
    # a publication date outweighs the years the text names
    published = clusterer.similarity(item("f", {"2010"}, "2024-05-01"), story)
    assert published == pytest.approx(no_years - cluster.EVENT_YEAR_PENALTY / 3)
    assert cluster.event_year(item("g", {"1999", "2021"})) == 2021
    assert cluster.event_year(item("h", set())) is None


def test_seeding_replays_decisions_and_new_articles_join_as_before(
    analyzed: list[AnalyzedArticle], embedder: Embedder
) -> None:
    from newsfuse.cluster_features import profiles

    items = profiles(analyzed, embedder)
    whole = StoryClusterer(embedder=embedder)
    decided = {item.id: whole.add_profile(item) for item in items}
    first: dict[str, str] = {}  # each story's first article, in arrival order
    for item in items:
        first.setdefault(decided[item.id], item.id)

    replayed = StoryClusterer(embedder=embedder)
    for item in items[:-1]:
        replayed.seed(item, decided[item.id], first[decided[item.id]])
    assert replayed.add_profile(items[-1]) == decided[items[-1].id]
    assert _partition(replayed.stories()) == _partition(whole.stories())
    with pytest.raises(ValueError):
        StoryClusterer(embedder=embedder).seed(items[0], "s0000000000", items[0].id)


def test_an_article_lacking_the_story_core_and_bringing_new_names_pays_the_core_cost() -> None:
    import numpy as np

    import newsfuse.cluster as cluster
    from newsfuse.cluster_features import Profile

    vector = np.ones(4, dtype=np.float32) / 2.0
    terms = {"factory": 1.0}

    def item(doc: str, lead: set[str], others: frozenset[str] = frozenset()) -> Profile:
        words = lead | others
        entities = {word: 1.0 / len(words) ** 0.5 for word in words}
        return Profile(doc, terms, entities, vector, None, lead_entities=frozenset(lead))

    clusterer = cluster.StoryClusterer(embedder=None)  # type: ignore[arg-type]
    for doc in ("a", "b", "c"):
        clusterer.seed(item(doc, {"brenholm", "quillaby"}), cluster.story_id("a"), "a")
    story = clusterer._stories[0]
    assert set(story.core) == {"brenholm", "quillaby"}
    same = clusterer.similarity(item("d", {"brenholm", "quillaby"}), story)
    other = clusterer.similarity(item("e", {"vantaport", "lindqvist"}), story)
    # the core is named later in the article: only the novelty of its lead costs
    later = clusterer.similarity(item("f", {"vantaport"}, {"brenholm", "quillaby"}), story)
    # entity cosine 1 against 0 (to the sums and to the closest member), then both costs
    assert same - other == pytest.approx(
        cluster.WEIGHTS[1] + cluster.NOVELTY_PENALTY + cluster.CORE_PENALTY
    )
    assert clusterer._entity_cost(item("f", {"vantaport"}, {"brenholm", "quillaby"}), story) == (
        pytest.approx(cluster.NOVELTY_PENALTY)
    )
    assert later > other
    # one member: its rare lead names are the core; two: the names both lead with
    pair = cluster.StoryClusterer(embedder=None)  # type: ignore[arg-type]
    pair.seed(item("a", {"brenholm", "police"}), cluster.story_id("a"), "a")
    assert pair._stories[0].core == ("brenholm",)  # "police" is too common to be a name
    pair.seed(item("b", {"vantaport"}), cluster.story_id("a"), "a")
    assert pair._stories[0].core == ()


@pytest.mark.slow
def test_fifty_same_template_events_in_three_weeks_stay_apart(embedder: Embedder) -> None:
    """Four kinds of event told in the same sentences, differing only in place, people and
    numbers (tests/synth.py): each event is one story, none swallows another's articles."""
    from newsfuse.evaluate.clustering import score_clusters
    from synth import generate

    items = generate(50, per_event=4)
    articles = [
        Article(
            f"s{n}",
            item.url,
            "ok",
            title=item.title,
            published=item.published,
            outlet=item.outlet,
            blocks=tuple(Block("paragraph", p) for p in item.text.split("\n\n")),
        )
        for n, item in enumerate(items)
    ]
    stories = cluster_articles(Analyzer().analyze_all(articles), embedder=embedder)
    gold = {f"s{n}": str(item.event) for n, item in enumerate(items)}
    score = score_clusters({doc: s.id for s in stories for doc in s.article_ids}, gold)
    assert score.bcubed_f1 >= 0.97
    assert max(len(story.article_ids) for story in stories) <= 8
