"""Aligning paraphrases across documents (invented stories in tests/fixtures/facts)."""

from __future__ import annotations

import pytest
from factkit import FIXTURES, read_fixture

from newsfuse.brief.align import ClaimGroup, align_claims
from newsfuse.brief.claims import article_claims
from newsfuse.brief.conflicts import find_conflicts
from newsfuse.brief.facts import key_facts
from newsfuse.nlp.analyze import Analyzer
from newsfuse.nlp.embed import load_embedder
from newsfuse.types import AnalyzedArticle, Article, Block


@pytest.fixture(scope="module")
def analyzed() -> list[AnalyzedArticle]:
    return Analyzer().analyze_all([read_fixture(p) for p in sorted(FIXTURES.glob("harbor_*"))])


@pytest.fixture(scope="module")
def groups(analyzed: list[AnalyzedArticle]) -> list[ClaimGroup]:
    return align_claims(analyzed, embedder=load_embedder())


def _group_of(groups: list[ClaimGroup], words: str) -> ClaimGroup:
    for group in groups:
        if any(words in claim.text for claim in group.claims):
            return group
    raise AssertionError(f"no claim with {words!r}")


def test_paraphrases_of_the_strike_align(groups: list[ClaimGroup]) -> None:
    strike = _group_of(groups, "began a strike on Monday")
    assert set(strike.doc_ids) >= {"h1", "h2", "h3", "h4"}


def test_unrelated_statements_stay_apart(groups: list[ClaimGroup]) -> None:
    analysts = _group_of(groups, "Shipping analysts")
    assert analysts.doc_ids == ("h3",)
    strike = _group_of(groups, "began a strike on Monday")
    assert not any("talks" in claim.text for claim in strike.claims)


def test_facts_and_attributions_of_the_strike(groups: list[ClaimGroup]) -> None:
    facts = key_facts(groups, independence={})
    first = facts[0]
    assert first.support == 4 and "strike" in first.text.lower()
    assert {"Maritime Union", "Reuters", "local television"} <= set(first.attributed_to)
    ships = next(fact for fact in facts if "40" in fact.text)
    assert "port authority" in ships.attributed_to


@pytest.mark.xfail(reason="backing is checked by words: 'stopped work on' is not read as "
                          "'halted the loading of', so the walkout wording is a variant only")
def test_a_paraphrase_backs_the_fact(groups: list[ClaimGroup]) -> None:
    ships = next(fact for fact in key_facts(groups, independence={}) if "40" in fact.text)
    assert ships.support == 2


def test_place_of_talks_conflicts_but_vague_timing_does_not(
    groups: list[ClaimGroup], analyzed: list[AnalyzedArticle]
) -> None:
    conflicts = find_conflicts(groups, analyzed, independence={})
    places = [c for c in conflicts if any("Halvik" in claim.text for claim in c.claims)]
    assert places, [c.topic for c in conflicts]
    docs = {doc for claim in places[0].claims for doc in claim.sources}
    assert "h2" in docs and docs & {"h1", "h4"}
    assert not any("coming days" in claim.text for c in conflicts for claim in c.claims)


def test_run_on_transcript_sentences_are_cut_into_clauses() -> None:
    words = " ".join(["officials said the ferry left the harbour at noon with ninety people"] * 3)
    text = f"{words} however the coast guard said that the ferry never left the harbour at all"
    article = Article("t", "t", "ok", blocks=(Block("paragraph", text),), transcript=True)
    analyzed = Analyzer().analyze_all([article])[0]
    claims = article_claims(analyzed)
    assert len(claims) >= 2
    assert all(len(claim.text.split()) <= 40 for claim in claims)
    assert claims[-1].text.startswith("however the coast guard")


def test_nothing_in_nothing_out() -> None:
    empty = Article("e", "e", "ok", blocks=())
    analyzed = Analyzer().analyze_all([empty])
    groups = align_claims(analyzed, embedder=load_embedder())
    assert groups == []
    assert key_facts(groups, independence={}) == []
    assert find_conflicts(groups, analyzed, independence={}) == []
