"""The Briefing knows its sections: what cites which documents, found from its fields."""

from __future__ import annotations

from render_helpers import Loaded

from newsfuse.brief import _cite_copies
from newsfuse.render.view import clean_briefing
from newsfuse.types import (
    Briefing,
    Conflict,
    Copy,
    Entity,
    Fact,
    Quote,
    Sourced,
    TimelineEvent,
)


def _briefing() -> Briefing:
    """An invented briefing with something in every section, a variant and a conflict."""
    return Briefing(
        story_id="s-1",
        headline="A bridge closes",
        documents=("d1", "d2", "d3"),
        summary=(Sourced("The bridge closed.", ("d2",)), Sourced("Unsourced.", ())),
        facts=(
            Fact("It closed at noon.", ("d1",), 1, variants=(Sourced("Noon.", ("d4",)),)),
            Fact("Traffic was diverted.", ("d3", "d1"), 2),
        ),
        conflicts=(
            Conflict("when", (Sourced("At noon.", ("d1",)), Sourced("At one.", ("d5",)))),
        ),
        quotes=(Quote("We had no choice.", ("d3",), "The engineer"),),
        timeline=(TimelineEvent("2026-05-01", "The bridge closed.", ("d6",)),),
        entities=(Entity("Old Bridge", "PLACE", ("the bridge",), ("d1", "d7")),),
    )


def test_the_sections_are_the_fields_that_hold_records() -> None:
    sections = dict(Briefing.sections())
    assert list(sections) == [
        "summary", "facts", "conflicts", "quotes", "timeline", "entities", "copies",
    ]
    assert sections["facts"] is Fact
    assert sections["copies"] is Copy
    assert sections["conflicts"] is Conflict


def test_sourced_lists_every_citing_item_section_by_section() -> None:
    briefing = _briefing()
    facts, conflict = briefing.facts, briefing.conflicts[0]
    assert briefing.sourced() == (
        *briefing.summary,
        *facts,
        facts[0].variants[0],
        *conflict.claims,
        *briefing.quotes,
        *briefing.timeline,
        *briefing.entities,
    )


def test_sourced_is_the_order_the_outputs_number_sources_in(flood: Loaded) -> None:
    """The listing every output used before the Briefing knew it (render/view.py's)."""
    for briefing in flood[1]:
        old = [
            *briefing.summary,
            *briefing.facts,
            *(variant for fact in briefing.facts for variant in fact.variants),
            *(claim for conflict in briefing.conflicts for claim in conflict.claims),
            *briefing.quotes,
            *briefing.timeline,
            *briefing.entities,
        ]
        assert list(briefing.sourced()) == old


def test_cited_ids_are_the_documents_then_the_citations_each_once() -> None:
    assert _briefing().cited_ids() == ("d1", "d2", "d3", "d4", "d5", "d6", "d7")


def test_map_sources_reaches_every_citation_and_leaves_the_documents() -> None:
    briefing = _briefing()
    changed = briefing.map_sources(lambda sources: (*sources, "copy"))
    assert changed.documents == briefing.documents
    assert [item.sources[:-1] for item in changed.sourced()] == [
        item.sources for item in briefing.sourced()
    ]
    assert all(item.sources[-1] == "copy" for item in changed.sourced())
    assert changed.facts[0].variants[0].text == "Noon."
    assert changed.entities[0].aliases == ("the bridge",)


def test_keep_sourced_drops_what_cites_nothing_at_any_depth() -> None:
    briefing = _briefing()
    fact = Fact("Said by nobody.", (), 0, variants=(Sourced("Nor this.", ()),))
    with_gaps = Briefing(
        **{
            **{name: getattr(briefing, name) for name in ("story_id", "headline", "documents")},
            "summary": briefing.summary,
            "facts": (fact, Fact("Kept.", ("d1",), 1, variants=(Sourced("Dropped.", ()),))),
            "conflicts": (Conflict("who", (Sourced("A.", ("d1",)), Sourced("B.", ()))),),
            "quotes": (),
            "timeline": (),
            "entities": (Entity("Nobody", "PERSON", (), ()),),
        }
    )
    kept = with_gaps.keep_sourced()
    assert [item.text for item in kept.summary] == ["The bridge closed."]
    assert [fact.text for fact in kept.facts] == ["Kept."]
    assert kept.facts[0].variants == ()
    assert [claim.text for claim in kept.conflicts[0].claims] == ["A."]
    assert kept.entities == ()
    # a one-sided conflict is no conflict: the renderers' clean_briefing drops it
    assert clean_briefing(with_gaps).conflicts == ()


def test_copies_are_cited_wherever_their_original_is() -> None:
    briefing = _briefing()
    widened = _cite_copies(briefing, {"d1": ("c1", "c2")})
    assert widened.facts[1].sources == ("d3", "d1", "c1", "c2")
    assert widened.conflicts[0].claims[0].sources == ("d1", "c1", "c2")
    assert widened.entities[0].sources == ("d1", "c1", "c2", "d7")
    assert widened.summary == briefing.summary
    assert widened.documents == briefing.documents
    assert _cite_copies(briefing, {}) is briefing
    # fact variants keep their sources (as before the Briefing listed its sections)
    assert _cite_copies(briefing, {"d4": ("c4",)}).facts[0].variants[0].sources == ("d4",)
