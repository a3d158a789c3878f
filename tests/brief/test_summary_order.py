"""The summary leads with the latest news, then reads as a story: what happened first comes
first (invented fixture)."""

from __future__ import annotations

from pathlib import Path

import pytest
from factkit import read_fixture

from newsfuse.brief.align import align_claims
from newsfuse.brief.facts import key_facts
from newsfuse.brief.summary import summarize
from newsfuse.nlp.analyze import Analyzer
from newsfuse.nlp.embed import load_embedder
from newsfuse.types import AnalyzedArticle, Sourced

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "brief_order"


@pytest.fixture(scope="module")
def analyzed() -> list[AnalyzedArticle]:
    articles = [read_fixture(path) for path in sorted(FIXTURES.glob("order_*.txt"))]
    return Analyzer().analyze_all(articles)


@pytest.fixture(scope="module")
def summary(analyzed: list[AnalyzedArticle]) -> list[Sourced]:
    embedder = load_embedder()
    facts = key_facts(align_claims(analyzed, embedder=embedder), independence={})
    return summarize(analyzed, words=200, embedder=embedder, facts=facts)


def _position(summary: list[Sourced], *words: str) -> int:
    for index, item in enumerate(summary):
        if all(word in item.text for word in words):
            return index
    raise AssertionError(f"no summary sentence with {words}: {[s.text for s in summary]}")


def test_the_latest_lead_first_then_departure_before_protest(summary: list[Sourced]) -> None:
    # the arrival leads an article of the last publication day: it is the news, first; the
    # departure is the second sentence of another article of that day: only the days the
    # sentences carry put it before the protest in the background
    departure = _position(summary, "left its capital", "Monday")
    arrival = _position(summary, "Corvena on Wednesday")
    protest = _position(summary, "protest", "Thursday")
    assert arrival == 0
    assert departure < protest


def test_each_key_fact_is_worded_once(summary: list[Sourced]) -> None:
    arrivals = [s for s in summary if "Corvena on Wednesday" in s.text]
    assert len(arrivals) == 1, [s.text for s in summary]
