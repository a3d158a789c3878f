"""Worker subprocesses: results in order, a dead worker's chunk handed back, and briefing in
workers giving exactly the briefings of one process."""

from __future__ import annotations

import pytest

from newsfuse.workers import resolve, run_in_workers


def test_results_come_back_in_the_chunks_order() -> None:
    chunks = [[3, 1], [], [5, 2, 4], [9]]
    assert run_in_workers("builtins:sorted", chunks, 2) == [[1, 3], [], [2, 4, 5], [9]]


def test_a_worker_that_dies_leaves_its_chunk_to_the_caller() -> None:
    # os._exit(0) ends the worker without an answer: every chunk comes back as None.
    assert run_in_workers("os:_exit", [0, 0, 0], 2) == [None, None, None]


def test_resolve_names_a_function_by_module_and_name() -> None:
    assert resolve("math:hypot")(3, 4) == 5.0  # type: ignore[call-arg]
    with pytest.raises(AttributeError):
        resolve("math:no_such_function")


@pytest.mark.slow
def test_briefing_in_workers_equals_briefing_in_one_process() -> None:
    from newsfuse.brief import independence_keys
    from newsfuse.cluster import cluster_articles
    from newsfuse.nlp.analyze import Analyzer
    from newsfuse.nlp.embed import load_embedder
    from newsfuse.pipeline import brief_stories, story_jobs
    from newsfuse.types import Article, Block
    from synth import generate

    articles = [
        Article(
            f"s{n}",
            f"synth-{n}",
            "ok",
            title=item.title,
            published=item.published,
            outlet=item.outlet,
            url=item.url,
            blocks=tuple(Block("paragraph", p) for p in item.text.split("\n\n")),
        )
        for n, item in enumerate(generate(6))
    ]
    analyzed = Analyzer(workers=1).analyze_all(articles)
    stories = cluster_articles(analyzed, embedder=load_embedder())
    jobs = story_jobs(stories, analyzed, articles, independence_keys(articles), 80)
    assert len(jobs) >= 4
    serial = brief_stories(jobs, workers=1)
    parallel = brief_stories(jobs, workers=2, min_sentences=1)
    assert [b.story_id for b in parallel] == [job.story.id for job in jobs]
    assert parallel == serial
