"""Conflicts compare like with like (issue 13), on invented stories: a rising toll is an update
(latest first), a background event of another year, a district's toll and a planned figure are
never compared with the story's own, two ages of one person are a conflict, and each heading
names the attribute and the values."""

from __future__ import annotations

import pytest

from newsfuse.brief.align import align_claims
from newsfuse.brief.conflicts import find_conflicts
from newsfuse.brief.slots import read_ages
from newsfuse.nlp.analyze import Analyzer
from newsfuse.nlp.embed import load_embedder
from newsfuse.types import Article, Block, Conflict, Mention

STORM = {
    ("wire", "2031-05-02", "North Wire"): (
        "A storm flooded the river town of Tarnvik on Monday, killing five people, officials said.",
        "A storm in 2019 killed 40 people in the same valley.",
        "The government imposed levies on 34 shipments of timber.",
    ),
    ("post", "2031-05-03", "Valley Post"): (
        "The death toll from the storm in Tarnvik rose to 24 people, officials said.",
        "A storm in 2009 killed 61 people in the same valley.",
        "The government planned levies on 200 shipments of timber.",
    ),
    ("radio", "2031-05-02", "Coast Radio"): (
        "The storm killed three people in the Orrin district, the district chief said.",
        "Farmer Tomas Veld, 33, was arrested on Friday for looting.",
    ),
    ("herald", "2031-05-02", "Tarnvik Herald"): (
        "Police arrested 32-year-old Tomas Veld on Friday for looting.",
    ),
}


@pytest.fixture(scope="module")
def storm() -> list[Conflict]:
    articles = [
        Article(id=doc, source=f"{doc}.txt", status="ok", published=day, outlet=outlet,
                blocks=tuple(Block("paragraph", text) for text in texts))
        for (doc, day, outlet), texts in STORM.items()
    ]
    analyzed = Analyzer().analyze_all(articles)
    groups = align_claims(analyzed, embedder=load_embedder())
    return find_conflicts(groups, analyzed, independence={})


def _holding(conflicts: list[Conflict], *words: str) -> list[Conflict]:
    return [c for c in conflicts if all(any(w in s.text for s in c.claims) for w in words)]


def test_a_rising_toll_is_an_update_latest_first(storm: list[Conflict]) -> None:
    found = _holding(storm, "five people", "rose to 24")
    assert found, [c.topic for c in storm]
    assert found[0].kind == "update"
    assert found[0].topic == "Death toll: 5 -> 24"
    assert "rose to 24" in found[0].claims[0].text and found[0].latest == "24"


def test_background_event_of_another_year_is_never_compared(storm: list[Conflict]) -> None:
    assert not _holding(storm, "40 people")
    assert not _holding(storm, "61 people")


def test_a_district_toll_is_not_the_town_toll(storm: list[Conflict]) -> None:
    assert not _holding(storm, "Orrin")


def test_imposed_is_not_planned(storm: list[Conflict]) -> None:
    assert not _holding(storm, "imposed levies", "planned levies")


def test_two_ages_of_one_person_are_a_conflict(storm: list[Conflict]) -> None:
    found = [c for c in storm if c.attribute.startswith("Age of")]
    assert found, [c.topic for c in storm]
    assert found[0].topic == "Age of Tomas Veld: 33 vs 32"
    assert found[0].kind == "conflict" and set(found[0].values) == {"33", "32"}


def test_every_heading_names_an_attribute_and_values(storm: list[Conflict]) -> None:
    for conflict in storm:
        assert conflict.attribute and len(conflict.values) == len(conflict.claims)
        joined = " -> " if conflict.kind == "update" else " vs "
        shown = conflict.values[::-1] if conflict.kind == "update" else conflict.values
        assert conflict.topic == f"{conflict.attribute}: {joined.join(shown)}"


def _person(text: str, name: str) -> Mention:
    return Mention(name, "PERSON", text.index(name), text.index(name) + len(name))


def test_ages_are_read_beside_the_name_only() -> None:
    text = "Neighbour Ada Brun, 61, found the car."
    assert [(a.person, a.age) for a in read_ages(text, (_person(text, "Ada Brun"),))] == [
        ("Ada Brun", 61)
    ]
    before = "The court heard that 45-year-old Ada Brun had left."
    assert read_ages(before, (_person(before, "Ada Brun"),))[0].age == 45
    said = "Ada Brun was 61."
    assert read_ages(said, (_person(said, "Ada Brun"),))[0].age == 61
    named = "Ada Brun, a farmer from Tarnvik, has died."
    assert read_ages("She was 61.", (), (_person(named, "Ada Brun"),))[0].person == "Ada Brun"
    # another time ("in 2019", "when"), or a count beside the name, is no age of now
    past = "In 2019 Ada Brun, 58, moved to Tarnvik."
    assert not read_ages(past, (_person(past, "Ada Brun"),))
    count = "Ada Brun owns 300 sheep."
    assert not read_ages(count, (_person(count, "Ada Brun"),))


def test_json_carries_attribute_values_latest_and_side_dates() -> None:
    from newsfuse.render.json import item_dict
    from newsfuse.types import Sourced

    update = Conflict(
        topic="Death toll: 5 -> 24",
        claims=(Sourced("The toll rose to 24.", ("post",)), Sourced("Five died.", ("wire",))),
        kind="update",
        attribute="Death toll",
        values=("24", "5"),
    )
    articles = {
        doc: Article(id=doc, source=f"{doc}.txt", status="ok", published=day, outlet=outlet)
        for doc, day, outlet in (("post", "2031-05-03", "Valley Post"),
                                 ("wire", "2031-05-02T08:00:00", "North Wire"))
    }
    shown = item_dict(update, articles)
    assert (shown["attribute"], shown["values"]) == ("Death toll", ["24", "5"])
    assert shown["latest"] == "24"
    assert [side["value"] for side in shown["claims"]] == ["24", "5"]
    assert [side["dates"] for side in shown["claims"]] == [["2031-05-03"], ["2031-05-02"]]
    assert shown["claims"][0]["outlets"] == ["Valley Post"]
    plain = item_dict(Conflict("where", (Sourced("a", ("post",)), Sourced("b", ("wire",)))), {})
    assert "attribute" not in plain and "latest" not in plain  # older records read as before


def test_times_of_day_leave_out_bounds_and_mark_zones() -> None:
    from newsfuse.brief.slots import clock_times

    assert clock_times("He was stopped at about 1:30 a. m. on the ring road.") == [
        (90, "1:30 a. m.", False)
    ]
    assert clock_times("By 6:40 a.m. the fire was out; flights stopped after 8 p.m.") == []
    assert clock_times("The final starts at 4:30 p.m. ET in Tarnvik.")[0][2] is True
    assert clock_times("The bell rang at midnight.")[0][0] == 0


def test_times_in_two_zones_or_far_apart() -> None:
    from newsfuse.brief.claims import Claim
    from newsfuse.brief.conflicts import _clock_differs

    def claim(doc: str, text: str) -> Claim:
        return Claim(doc, f"{doc}:0", text, (), frozenset(), 0, "2031-05-02")

    early = claim("a", "The crash happened at about 10:30 a.m. on the bridge.")
    late = claim("b", "The crash happened around 11:40 a.m. on the bridge.")
    near = claim("c", "The crash happened around 10:45 a.m. on the bridge.")
    zoned = claim("d", "The crash happened at 11:40 a.m. ET on the bridge.")
    assert [d.values for d in _clock_differs(early, late)] == [("10:30 a.m.", "11:40 a.m.")]
    assert not _clock_differs(early, near)  # within 20 minutes: "about" covers it
    assert not _clock_differs(early, zoned)  # one moment in two zones, perhaps
