"""The invented ferry demo in examples/: the outlets' disagreements are reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsfuse.pipeline import brief_paths
from newsfuse.types import Briefing, Conflict

pytestmark = pytest.mark.slow

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="module")
def ferry() -> Briefing:
    result = brief_paths([EXAMPLES])
    found = [b for b in result.briefings if "ferry" in b.headline.lower()]
    assert found, [b.headline for b in result.briefings]
    return found[0]


def _sides(conflict: Conflict, word: str) -> set[str]:
    return {doc for claim in conflict.claims if word in claim.text for doc in claim.sources}


def test_kessel_point_against_gull_island(ferry: Briefing) -> None:
    found = [
        c for c in ferry.conflicts
        if c.topic.startswith("Where") and _sides(c, "Gull Island") and _sides(c, "Kessel")
    ]
    assert found, [(c.topic, [claim.text for claim in c.claims]) for c in ferry.conflicts]
    assert not _sides(found[0], "Gull Island") & _sides(found[0], "Kessel")
    # the heading names each side's place as written
    assert "Gull Island" in found[0].topic and "Kessel" in found[0].topic, found[0].topic


def test_212_passengers_against_230_on_board(ferry: Briefing) -> None:
    found = [
        c for c in ferry.conflicts
        if c.topic.startswith("People aboard") and _sides(c, "230") and _sides(c, "212")
    ]
    assert found, [(c.topic, [claim.text for claim in c.claims]) for c in ferry.conflicts]
    assert len(_sides(found[0], "212")) >= 2  # two outlets give 212, on one side


def test_no_place_conflict_between_kessel_point_and_port_aldrin(ferry: Briefing) -> None:
    for conflict in ferry.conflicts:
        if conflict.topic.startswith("Where"):
            assert not _sides(conflict, "off Port Aldrin"), conflict
