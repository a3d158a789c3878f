"""Measures (a magnitude, a depth of snow, a run's yards) compared like with like, on
invented texts: one measure a side that cannot both be right is a conflict headed by the
attribute and both values; a bound that the other figure meets, a total against a compound,
a measure of another name, of no name (an aftershock) or of another play, a background year,
and a partial toll against a total are not."""

from __future__ import annotations

import pytest

from newsfuse.brief.align import align_claims
from newsfuse.brief.conflicts import find_conflicts
from newsfuse.brief.slots.measures import measures_differ, read_measures
from newsfuse.nlp.analyze import Analyzer
from newsfuse.nlp.embed import load_embedder
from newsfuse.types import Article, Block, Conflict


def test_reads_compound_named_and_plain_measures() -> None:
    found = read_measures("A 6.4-magnitude quake hit; Rolf Benn ran 212 yards, including "
                          "a 71-yard touchdown run.")
    assert [(m.key, m.value, m.thing) for m in found] == [
        ("magnitude", 6.4, "quake"), ("yard", 212.0, ""), ("yard-", 71.0, "touchdown"),
    ]
    (named,) = read_measures("The survey put the magnitude at 5.8 (6.0 by another count).")
    assert (named.unit, named.value) == ("magnitude", 5.8)
    (bound,) = read_measures("In Dunmore more than 19 inches of snow fell.")
    assert bound.bound == "lower" and bound.written == "more than 19 inches"
    (area,) = read_measures("The fire burned 2,400 acres near Tolk.")
    assert (area.unit, area.value, area.written) == ("acre", 2400.0, "2,400 acres")
    weight = read_measures("He is 5-foot-8, 135 pounds.")
    assert [(m.unit, m.value) for m in weight] == [("foot", 5.0), ("pound", 135.0)]
    glued = read_measures("He is 5 - foot - 8,135 pounds.")  # a height, not 8,135 pounds
    assert [m.unit for m in glued] == ["foot"]


def test_which_measures_disagree() -> None:
    def one(text: str):  # type: ignore[no-untyped-def]
        return read_measures(text)[0]

    assert measures_differ(one("a 6.1-magnitude quake"), one("a magnitude of 5.9"))
    assert measures_differ(one("got 15.2 inches"), one("more than 19 inches"))
    assert not measures_differ(one("got 21 inches"), one("more than 19 inches"))
    assert not measures_differ(one("about 6.0 magnitude"), one("a magnitude of 6.1"))
    assert not measures_differ(one("ran 212 yards"), one("a 71-yard run"))  # total, compound


STORY = {
    ("wire", "2031-03-02", "North Wire"): (
        "The island of Vessa was hit by a 6.3-magnitude earthquake on Sunday, officials said.",
        "A 4.9-magnitude aftershock shook the coast hours later.",
        "In Dunmore, more than 19 inches of snow fell after the quake.",
        "Rolf Benn weighed 140 pounds when he joined the rescue team.",
        "A quake in 2011 measured magnitude 7.2 on the same island.",
        "The governor said three people were killed in the village of Orrel.",
    ),
    ("post", "2031-03-02", "Island Post"): (
        "The island of Vessa was hit by an earthquake with a magnitude of 5.8 on Sunday.",
        "A magnitude 4.1 aftershock was felt on the coast.",
        "The town of Dunmore got 12.5 inches of snow after the quake.",
        "The rescue team was joined by Ada Korr, who weighs 120 pounds.",
        "A quake in 1998 measured magnitude 6.9 on the same island.",
        "The governor said a total of 11 people were killed on the island.",
    ),
}


def _article(doc: str, day: str, outlet: str, texts: tuple[str, ...]) -> Article:
    blocks = tuple(Block("paragraph", text) for text in texts)
    return Article(id=doc, source=f"{doc}.txt", status="ok", published=day, outlet=outlet,
                   blocks=blocks)


@pytest.fixture(scope="module")
def conflicts() -> list[Conflict]:
    analyzed = Analyzer().analyze_all([_article(*key, texts) for key, texts in STORY.items()])
    return find_conflicts(
        align_claims(analyzed, embedder=load_embedder()), analyzed, independence={}
    )


def test_two_magnitudes_of_the_quake_are_a_conflict(conflicts: list[Conflict]) -> None:
    found = [c for c in conflicts if c.attribute.startswith("Magnitude")]
    assert len(found) == 1, [c.topic for c in conflicts]
    assert set(found[0].values) == {"6.3", "5.8"} and found[0].kind == "conflict"
    assert found[0].topic == f"Magnitude in Vessa: {' vs '.join(found[0].values)}"


def test_background_years_and_other_persons_are_not_compared(
    conflicts: list[Conflict],
) -> None:
    values = {value for c in conflicts for value in c.values}
    assert not values & {"7.2", "6.9", "140 pounds", "120 pounds"}, [c.topic for c in conflicts]


def test_a_magnitude_of_no_named_place_is_not_compared(conflicts: list[Conflict]) -> None:
    """"A 4.9-magnitude aftershock" / "A magnitude 4.1 aftershock": perhaps two aftershocks."""
    values = {value for c in conflicts for value in c.values}
    assert not values & {"4.9", "4.1"}, [c.topic for c in conflicts]


def test_a_partial_toll_is_not_compared_with_a_total(conflicts: list[Conflict]) -> None:
    assert not [c for c in conflicts if c.attribute == "Death toll"], [
        c.topic for c in conflicts
    ]


def test_every_heading_names_the_attribute_and_values(conflicts: list[Conflict]) -> None:
    for conflict in conflicts:
        assert conflict.attribute and len(conflict.values) >= 2
        assert all(value in conflict.topic for value in conflict.values)


def test_a_bound_above_the_other_figure_of_one_place_is_a_conflict(
    conflicts: list[Conflict],
) -> None:
    found = [c for c in conflicts if c.attribute.startswith("Inches")]
    assert len(found) == 1, [c.topic for c in conflicts]
    assert "Dunmore" in found[0].attribute
    assert set(found[0].values) == {"more than 19 inches", "12.5 inches"}
