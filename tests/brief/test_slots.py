"""The slots of a claim, read in one place (brief/slots/), on invented sentences."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from newsfuse.brief.claims import Claim, article_claims
from newsfuse.brief.slots import (
    SlotReader,
    claim_slots,
    disagreements,
    event_days,
    negated,
    numbers_differ,
    reference_points,
)
from newsfuse.brief.slots.numbers import read_counts
from newsfuse.brief.slots.places import venue_spans
from newsfuse.types import AnalyzedArticle, Article, Mention, Sentence

BRIEF = Path(__file__).resolve().parents[2] / "src" / "newsfuse" / "brief"


def _claim(
    text: str,
    doc: str = "d",
    published: str | None = "2031-04-08",  # a Tuesday
    people: tuple[str, ...] = (),
    language: str | None = None,
) -> Claim:
    mentions = tuple(
        Mention(name, "PERSON", text.index(name), text.index(name) + len(name)) for name in people
    )
    terms = frozenset(w.lower()[:5] for w in text.split() if len(w) > 3)
    return Claim(doc, f"{doc}:0", text, mentions, terms, 0, published, language=language)


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    return {name for name in found if name}


def test_facts_and_conflicts_stand_side_by_side_on_the_slots() -> None:
    facts, conflicts = _imports(BRIEF / "facts.py"), _imports(BRIEF / "conflicts.py")
    assert "newsfuse.brief.conflicts" not in facts
    assert "newsfuse.brief.facts" not in conflicts
    assert "newsfuse.brief.slots" in facts and "newsfuse.brief.slots" in conflicts


def test_the_slots_know_nothing_above_them() -> None:
    above = {"claims", "align", "facts", "conflicts", "summary", "quotes"}
    for path in (BRIEF / "slots").glob("*.py"):
        imported = {name.rsplit(".", 1)[-1] for name in _imports(path)}
        assert not imported & above, path.name


def test_counts_are_keyed_by_what_they_count() -> None:
    counts = read_counts("At least 12 people were killed and 1,500 passengers were evacuated.")
    assert dict(counts.numbers) == {"dead": 12.0, "aboard": 1500.0}
    assert counts.approximate == {"dead"}
    assert dict(read_counts("It was her second foreign trip this year.").numbers) == {
        "#trip": 2.0
    }
    assert not read_counts("The fine was $40 (about 37 euros) in 2030.").numbers


def test_venues_say_how_a_claim_relates_to_them() -> None:
    assert [(w, k) for w, k, _ in venue_spans("They met after the Harbour Forum closed.")] == [
        ("forum", "after")
    ]
    assert [(w, k) for w, k, _ in venue_spans("They met ahead of the Harbour Forum.")] == [
        ("forum", "before")
    ]
    assert reference_points("It landed 300 km north of Varnholm Bay.") == {"varnholm bay"}


def test_days_of_saying_and_named_days_are_not_event_days() -> None:
    assert event_days("The ferry sank on Sunday, officials said on Monday.", "2031-04-08") == [
        "2031-04-06"
    ]
    assert not event_days("Shops opened early for Black Friday.", "2031-04-08")
    assert event_days("The hearing is set for 3 May.", "2031-04-08") == ["2031-05-03"]


def test_a_reader_resolves_a_day_against_the_story_s_named_event() -> None:
    dated = _claim("Envoy Tarro Mell arrived on Sunday in Varnholm.", "a", people=("Tarro Mell",))
    relative = _claim(
        "Talks were held a day after Mell's arrival in the capital.", "b", published=None
    )
    reader = SlotReader.for_claims([dated, relative])
    assert reader.anchors == {("tarro", "arriv"): "2031-04-06", ("mell", "arriv"): "2031-04-06"}
    assert reader.slots(relative).days == {"2031-04-07"}
    assert reader.slots(relative) is reader.slots(relative)  # read once


def test_tallies_differ_but_hedged_counts_do_not() -> None:
    a = claim_slots(_claim("Twelve people were killed in the collapse."))
    b = claim_slots(_claim("Fifteen people were killed in the collapse."))
    hedged = claim_slots(_claim("At least 12 people were killed in the collapse."))
    assert dict(a.numbers) == {"dead": 12.0}
    assert numbers_differ(a, b) and numbers_differ(a, b, typed_only=True)
    assert not numbers_differ(hedged, b)


def test_a_denial_against_a_statement_is_a_negation() -> None:
    said = _claim("The harbour authority closed the northern pier after the storm.", "a")
    denied = _claim("The harbour authority denied it closed the northern pier after the storm.")
    assert negated(denied.text) and not negated(said.text)
    assert not negated("The mayor, who was not there, closed the northern pier.")
    kinds = disagreements(said, denied, claim_slots(said), claim_slots(denied))
    assert kinds == ["negation"]


@pytest.mark.parametrize("language", [None, "en", "en-GB", "xx"])
def test_a_language_without_its_own_words_reads_the_default(language: str | None) -> None:
    claim = _claim("Rescuers found 4 bodies on Sunday in Varnholm.", language=language)
    slots = claim_slots(claim)
    assert slots.days == {"2031-04-06"} and dict(slots.numbers) == {"dead": 4.0}


def test_claims_carry_their_article_s_language() -> None:
    text = "The harbour authority closed the northern pier after the storm on Sunday."
    article = Article(id="a", source="a.txt", status="ok", language="en-GB",
                      published="2031-04-08")
    analyzed = AnalyzedArticle(article, (Sentence("a", 0, 0, text),))
    (claim,) = article_claims(analyzed)
    assert claim.language == "en-GB"
    assert claim_slots(claim).days == {"2031-04-06"}
