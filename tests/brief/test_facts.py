"""Key facts on an invented story: a wire copy and its reprint, five outlets in all."""

from __future__ import annotations

import pytest
from factkit import FIXTURES, INDEPENDENCE, read_fixture

from newsfuse.brief.align import ClaimGroup, align_claims
from newsfuse.brief.facts import key_facts, support
from newsfuse.nlp.analyze import Analyzer
from newsfuse.nlp.embed import load_embedder
from newsfuse.types import AnalyzedArticle, Fact


@pytest.fixture(scope="module")
def analyzed() -> list[AnalyzedArticle]:
    articles = [read_fixture(path) for path in sorted(FIXTURES.glob("valmora_*.txt"))]
    return Analyzer().analyze_all(articles)


@pytest.fixture(scope="module")
def groups(analyzed: list[AnalyzedArticle]) -> list[ClaimGroup]:
    return align_claims(analyzed, embedder=load_embedder())


@pytest.fixture(scope="module")
def facts(groups: list[ClaimGroup]) -> list[Fact]:
    return key_facts(groups, independence=INDEPENDENCE)


def _fact_with(facts: list[Fact], *words: str) -> Fact:
    for fact in facts:
        if all(word.lower() in fact.text.lower() for word in words):
            return fact
    raise AssertionError(f"no fact with {words}: {[fact.text for fact in facts]}")


def test_support_counts_a_group_key_once() -> None:
    assert support(["wire", "reprint", "state"], INDEPENDENCE) == 2
    assert support(["x", "y"], {}) == 2


def test_reprint_counts_once(facts: list[Fact]) -> None:
    fact = _fact_with(facts, "six cars")
    assert {"wire", "reprint"} <= set(fact.sources)
    distinct = {INDEPENDENCE[doc] for doc in fact.sources}
    assert fact.support == len(distinct) < len(fact.sources)


def test_facts_are_sorted_by_support(facts: list[Fact]) -> None:
    assert facts, "no facts"
    supports = [fact.support for fact in facts]
    assert supports == sorted(supports, reverse=True)
    assert supports[0] >= 2  # "six cars" wordings add "1974", "the water": paraphrase


def test_attributions_are_collected(facts: list[Fact]) -> None:
    everything = {name for fact in facts for name in fact.attributed_to}
    assert "Reuters" in everything
    assert "local police" in everything or "state media" in everything


def test_variants_hold_the_other_wordings(facts: list[Fact]) -> None:
    reprinted = _fact_with(facts, "six cars")
    for fact in facts:
        texts = [variant.text for variant in fact.variants]
        assert len(texts) == len(set(texts))
        assert fact.text not in texts  # other wordings, by backers or by aligned outlets
        assert all(variant.sources for variant in fact.variants)  # that do not state it all
    assert len(reprinted.variants) < len(reprinted.sources) - 1 or reprinted.variants


def test_a_document_repeats_in_a_group_only_with_another_sentence(
    groups: list[ClaimGroup],
) -> None:
    for group in groups:
        sentences = [claim.sentence_id for claim in group.claims]
        assert len(sentences) == len(set(sentences))


def test_a_document_that_contradicts_a_fact_does_not_back_it(facts: list[Fact]) -> None:
    toll = _fact_with(facts, "killing 12")
    assert {"wire", "reprint", "ministry"} <= set(toll.sources)
    assert not {"state", "update"} & set(toll.sources)  # 15 dead; later 20 dead
    assert toll.support == 2
    confirmed = _fact_with(facts, "confirmed", "inspection")
    assert "ministry" not in confirmed.sources  # the minister "denied" it there
