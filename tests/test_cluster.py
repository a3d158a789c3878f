"""Story clustering on invented events (tests/fixtures/cluster/stories.json), real models."""

from __future__ import annotations

import dataclasses
import json
import random
from collections.abc import Sequence
from pathlib import Path

import pytest

from newsfuse.cluster import StoryClusterer, average_link, cluster_articles, story_id
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


def test_batches_and_orders_give_the_stories_of_one_run(
    analyzed: list[AnalyzedArticle], embedder: Embedder
) -> None:
    batch = cluster_articles(analyzed, embedder=embedder)
    for seed in range(3):
        order = list(analyzed)
        random.Random(seed).shuffle(order)
        clusterer = StoryClusterer(embedder=embedder)
        for begin in range(0, len(order), 3):  # stories asked for after each batch of three
            for article in order[begin : begin + 3]:
                clusterer.add(article)
            clusterer.stories()
        assert clusterer.stories() == batch
    clusterer.add(analyzed[0])  # adding again is a no-op
    assert clusterer.stories() == batch and len(clusterer) == len(analyzed)


def test_story_ids_and_publication_order(
    analyzed: list[AnalyzedArticle], embedder: Embedder
) -> None:
    fires = [a for a in analyzed if a.id.startswith("fire")]
    latest_first = list(reversed(fires))
    story = cluster_articles(latest_first, embedder=embedder)[0]
    # the id comes from the earliest member (date, then id), not from the first to arrive
    assert story.id == story_id("fire-1") and story.id.startswith("s")
    dates = [next(a.article.published for a in fires if a.id == doc) for doc in story.article_ids]
    assert dates == sorted(dates)


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


def test_average_link_merges_on_the_mean_over_all_cross_pairs() -> None:
    # a-b and c-d are sure pairs; b-c alone links the two groups: mean 0.8/4 = 0.2
    edges = {(0, 1): 0.9, (2, 3): 0.95, (1, 2): 0.8}
    assert average_link(5, edges, 0.5) == [[0, 1], [2, 3], [4]]
    assert average_link(5, edges, 0.2) == [[0, 1, 2, 3], [4]]
    # the same graph given in another order, or numbered otherwise, gives the same groups
    assert average_link(5, dict(reversed(list(edges.items()))), 0.5) == [[0, 1], [2, 3], [4]]
    assert average_link(3, {}, 0.1) == [[0], [1], [2]]


def test_pair_features_are_symmetric_and_see_disagreeing_names() -> None:
    import math

    import numpy as np

    from newsfuse.cluster_features import Profile
    from newsfuse.cluster_pairs import OWN, pair_features, prepare

    vector = np.ones(4, dtype=np.float32) / 2.0

    def item(doc: str, names: set[str], day: int | None) -> Profile:
        entities = {name: 1.0 / len(names) ** 0.5 for name in names}
        terms = {"harbour": 0.6, "ferry": 0.8}
        return Profile(doc, terms, entities, vector, day, lead_entities=frozenset(names),
                       numbers=frozenset({"212"}), years=frozenset({"2024"}))

    a = prepare(item("a", {"brenholm", "quillaby"}, 739000))
    b = prepare(item("b", {"brenholm", "quillaby"}, 739002))
    c = prepare(item("c", {"vantaport", "lindqvist"}, None))
    row = dict(zip(OWN, pair_features(a, b), strict=True))
    assert pair_features(a, b) == pair_features(b, a)
    assert row["terms"] == pytest.approx(1.0) and row["entities"] == pytest.approx(1.0)
    assert row["lead_names_new"] == 0.0 and row["numbers"] == 1.0
    other = dict(zip(OWN, pair_features(a, c), strict=True))
    assert other["entities"] == 0.0 and other["lead_names_new"] == 1.0
    # a pair where one side names no years has no year evidence (missing, not disagreeing)
    d = prepare(dataclasses.replace(item("d", {"brenholm"}, None), years=frozenset()))
    assert math.isnan(dict(zip(OWN, pair_features(a, d), strict=True))["years_disjoint"])


def test_the_shipped_model_loads_fast_and_matches_its_trees() -> None:
    import time

    import numpy as np
    from sklearn.ensemble import HistGradientBoostingClassifier

    from newsfuse.cluster_pairs import FEATURES, from_sklearn, load_model, read_model

    started = time.perf_counter()
    model = read_model(load_model.__wrapped__.__globals__["MODEL"])
    assert time.perf_counter() - started < 1.0 and model.features == FEATURES
    assert 0.0 < model.story_threshold < 1.0
    # the numpy evaluation of flattened trees equals scikit-learn's own, missing values too
    rng = np.random.default_rng(0)
    rows = rng.normal(size=(400, len(FEATURES)))
    rows[rng.random(rows.shape) < 0.2] = np.nan
    labels = (np.nan_to_num(rows[:, 0]) + rng.normal(size=400) * 0.3 > 0).astype(int)
    fitted = HistGradientBoostingClassifier(max_iter=20).fit(rows, labels)
    flat = from_sklearn(fitted, 0.5)
    assert np.allclose(flat.probabilities(rows), fitted.predict_proba(rows)[:, 1])


def test_blocking_pairs_articles_sharing_rare_keys_only() -> None:
    import numpy as np

    from newsfuse.cluster import candidate_pairs
    from newsfuse.cluster_features import Profile

    vector = np.ones(4, dtype=np.float32) / 2.0

    def item(doc: str, words: list[str]) -> Profile:
        weight = 1.0 / len(words) ** 0.5
        return Profile(doc, dict.fromkeys(words, weight), {}, vector, None)

    items = [
        item("a", ["brenholm", "ferry", "the"]),
        item("b", ["brenholm", "capsize"]),
        item("c", ["quillaby", "the"]),  # shares only a common word with a
    ]
    assert candidate_pairs(items) == [(0, 1)]


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


KIM = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "kim-russia-2023-09"


@pytest.mark.slow
def test_the_users_example_is_one_story(embedder: Embedder) -> None:
    from newsfuse.pipeline import read_articles

    if not KIM.is_dir():
        pytest.skip(f"../shared/corpus/kim-russia-2023-09 is absent: {KIM}")
    articles = [a for a in read_articles([KIM]) if a.status == "ok"]
    stories = cluster_articles(Analyzer().analyze_all(articles), embedder=embedder)
    assert len(stories) == 1 and len(stories[0].article_ids) == len(articles)
