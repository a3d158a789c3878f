"""The briefing evaluation's matching and scores, on an invented story and briefing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsfuse.errors import InputError
from newsfuse.evaluate.briefing import (
    GoldStory,
    format_briefing_report,
    read_gold,
    same_speaker,
    score_conflicts,
    score_entities,
    score_facts,
    score_quotes,
    score_story,
    score_timeline,
)
from newsfuse.types import (
    Briefing,
    Conflict,
    Entity,
    Fact,
    Quote,
    Sourced,
    TimelineEvent,
)

GOLD = {
    "id": "ferry",
    "split": "tune",
    "documents": ["a", "b", "c"],
    "quotes": [
        {"text": "We heard the hull scrape the rocks before dawn", "speaker": "Ines Varga",
         "documents": ["a"]},
        {"text": "The crossing will reopen on Monday", "speaker": "Tomas Varga",
         "documents": ["b"]},
    ],
    "facts": [
        {"text": "The ferry Kestrel ran aground off Gull Island with 212 passengers aboard",
         "documents": ["a", "b", "c"], "newsrooms": 2},
        {"text": "Coastguard boats took every passenger ashore by noon",
         "documents": ["a"], "newsrooms": 1},
    ],
    "dates": [
        {"date": "2031-04-06", "precision": "day", "what": "the ferry runs aground",
         "documents": ["a", "b"], "expression": "on Sunday"},
        {"date": "2031-04-01", "precision": "month", "what": "the inquiry reports",
         "documents": ["c"], "expression": "in April"},
    ],
    "entities": [
        {"name": "Ines Varga", "type": "PERSON", "aliases": ["Ms Varga"]},
        {"name": "Tomas Varga", "type": "PERSON", "aliases": ["Mr Varga"]},
        {"name": "Gull Island", "type": "PLACE", "aliases": []},
    ],
    "disagreements": [
        {"attribute": "passengers aboard", "sides": [
            {"value": "212", "documents": ["a"]}, {"value": "230", "documents": ["b"]}],
         "kind": "conflict"},
    ],
}


def story(**changes: object) -> GoldStory:
    data = {**GOLD, **changes}
    return GoldStory(str(data["id"]), str(data["split"]), tuple(data["documents"]), data)


def test_speaker_by_alias_and_by_a_surname_only_one_person_has() -> None:
    gold = story(entities=[*GOLD["entities"], {"name": "Odile Brandt", "type": "PERSON"}])
    assert same_speaker("Ms Varga", "Ines Varga", gold)
    assert same_speaker("Brandt", "Odile Brandt", gold)
    # two people are called Varga: a bare surname names neither
    assert not same_speaker("Varga", "Ines Varga", gold)
    assert not same_speaker("Tomas Varga", "Ines Varga", gold)
    assert same_speaker(None, None, gold) and not same_speaker("Tomas Varga", None, gold)


def test_quotes_need_a_shared_document_and_the_right_speaker() -> None:
    quotes = [
        Quote("we heard the hull scrape the rocks before dawn.", ("a",), "Tomas Varga"),
        Quote("The crossing will reopen on Monday", ("b",), "Tomas Varga"),
        Quote("The crossing will reopen on Monday", ("c",), "Tomas Varga"),  # not in c
    ]
    tally = score_quotes(quotes, story())
    assert (tally.right, tally.shown, tally.found, tally.gold) == (1, 3, 2, 2)


def test_facts_count_once_and_support_must_be_exact() -> None:
    facts = [
        Fact("The ferry Kestrel ran aground off Gull Island with 212 passengers", ("a", "b"), 2),
        Fact("Kestrel ran aground off Gull Island, 212 passengers aboard", ("c",), 1),
        Fact("Coastguard boats took every passenger ashore by noon", ("a",), 3),
        Fact("It was a terrible morning for everyone", ("a",), 1),
    ]
    usable, support = score_facts(facts, story())
    assert (usable.right, usable.shown, usable.found) == (2, 4, 2)
    assert (support.right, support.shown) == (1, 2)


def test_timeline_dates_are_judged_at_the_gold_precision() -> None:
    events = [
        TimelineEvent("2031-04-06", "The ferry ran aground on Sunday", ("a",),
                      expression="on Sunday"),
        TimelineEvent("2031-04-01", "The inquiry reports in April", ("c",), "month",
                      expression="in April"),
        TimelineEvent("2031-04-13", "The ferry runs aground", ("b",)),
    ]
    tally = score_timeline(events, story())
    assert (tally.right, tally.shown, tally.found) == (2, 3, 2)


def test_entities_types_and_wrong_merges() -> None:
    entities = [
        Entity("Varga", "PERSON", ("Ines Varga", "Tomas Varga"), ("a",)),
        Entity("Gull Island", "ORG", (), ("a",)),
        Entity("Photo Credit", "PERSON", (), ("a",)),
    ]
    tally, merges = score_entities(entities, story())
    assert (tally.right, tally.shown, tally.found) == (1, 3, 3)
    assert merges == 1


def test_a_conflict_is_real_when_it_holds_two_gold_sides() -> None:
    real = Conflict("how many: 212 or 230", (Sourced("212 passengers", ("a",)),
                                               Sourced("230 people were aboard", ("b",))))
    false = Conflict("when: Sunday or Monday", (Sourced("on Sunday", ("a",)),
                                               Sourced("on Monday", ("b",))))
    tally, updates, quiet = score_conflicts([real, false], story())
    assert (tally.right, tally.shown, tally.found, tally.gold) == (1, 2, 1, 1)
    assert quiet.shown == 0
    _, _, quiet = score_conflicts([false], story(disagreements=[]))
    assert (quiet.right, quiet.shown) == (0, 1)


def test_story_scores_and_report() -> None:
    briefing = Briefing(
        story_id="s", headline="h", documents=("a", "b", "c"),
        summary=(Sourced("Coastguard boats took every passenger ashore by noon.", ("a", "b")),),
        facts=(), conflicts=(), quotes=(), timeline=(), entities=(),
    )
    texts = {"a": "Coastguard boats took every passenger ashore by noon.", "b": "Rain fell."}
    scores = score_story(briefing, story(), texts)
    assert (scores.citations.right, scores.citations.shown) == (0, 1)
    from newsfuse.evaluate.briefing import BriefingReport

    text = format_briefing_report(BriefingReport({"tune": scores}, {"tune": 1}))
    assert "summary: citations hold" in text and "0/1" in text


def test_read_gold(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no gold stories"):
        read_gold(tmp_path)
    (tmp_path / "stories").mkdir()
    (tmp_path / "stories" / "ferry.json").write_text(json.dumps(GOLD), encoding="utf-8")
    (found,) = read_gold(tmp_path)
    assert found.documents == ("a", "b", "c") and found.split == "tune"
    (tmp_path / "stories" / "bad.json").write_text("{", encoding="utf-8")
    with pytest.raises(InputError, match="bad.json"):
        read_gold(tmp_path)


SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
GOLD_DIR = Path(__file__).resolve().parents[2] / "eval" / "gold" / "briefing"
FLOORS = {
    ("quotes", "precision"): 0.65,
    ("quotes", "recall"): 0.60,
    ("facts", "precision"): 0.40,
    ("support", "precision"): 0.30,
    ("timeline", "precision"): 0.80,
    ("entities", "precision"): 0.65,
    ("citations", "precision"): 0.95,
}
"""Just under what the first three tune stories measured (42/60 right speakers, 50/74 gold
quotes found, 13/28 usable facts, 5/13 exact support counts, 14/16 dates, 67/96 entities,
16/16 citations): a floor that catches a regression, far below issue 12's targets."""


@pytest.mark.slow
def test_the_first_tune_stories_keep_their_floors() -> None:
    if not (SHARED / "eval" / "clustering").is_dir():
        pytest.skip(f"the evaluation data is not at {SHARED}/eval")
    from newsfuse.evaluate.briefing import run_briefing_eval

    report = run_briefing_eval(GOLD_DIR, SHARED, splits=("tune",), limit=3)
    scores = report.splits["tune"]
    for (name, kind), floor in FLOORS.items():
        tally = getattr(scores, name)
        value = tally.precision if kind == "precision" else tally.recall
        assert value is not None and value >= floor, (name, kind, value)
    assert scores.wrong_merges == 0


@pytest.mark.slow
def test_a_story_whose_fact_wordings_are_tagged_without_a_parse_is_briefed() -> None:
    """mn-25's grouped fact wordings once crashed the briefing: a tagged-only spaCy Doc has no
    subtree edges, and reading them raised IndexError [E040]."""
    if not (SHARED / "eval" / "summarization").is_dir():
        pytest.skip(f"the evaluation data is not at {SHARED}/eval")
    from newsfuse.evaluate.briefing import brief_gold_story, source_records

    (story,) = [s for s in read_gold(GOLD_DIR) if s.id == "mn-25-iditarod-snowmobile"]
    briefing = brief_gold_story(story, source_records(SHARED, story.documents))
    assert briefing.facts and set(briefing.documents) <= set(story.documents)
