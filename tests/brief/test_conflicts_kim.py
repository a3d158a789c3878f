"""The user's example story (../shared/corpus/kim-russia-2023-09): exactly its real
disagreements are shown — where and when the leaders meet, and the day Putin arrived — each
headed by its attribute and values, and no other."""

from pathlib import Path

import pytest

from newsfuse.pipeline import brief_paths
from newsfuse.types import Conflict

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "kim-russia-2023-09"

pytestmark = [pytest.mark.shared, pytest.mark.slow]


@pytest.fixture(scope="module")
def conflicts() -> tuple[Conflict, ...]:
    if not CORPUS.is_dir():
        pytest.skip(f"../shared/corpus/kim-russia-2023-09 is absent: {CORPUS}")
    result = brief_paths([CORPUS])
    assert len(result.briefings) == 1
    return result.briefings[0].conflicts


def test_exactly_the_three_real_disagreements(conflicts: tuple[Conflict, ...]) -> None:
    topics = [conflict.topic for conflict in conflicts]
    assert len(conflicts) == 3, topics
    where = [c for c in conflicts if c.attribute.startswith("Where")]
    assert where and set(where[0].values) == {"Vladivostok", "the spaceport"}, topics
    when = [c for c in conflicts if c.attribute.startswith("When")]
    assert when and set(when[0].values) == {"at the forum", "after the forum"}, topics
    day = [c for c in conflicts if c.attribute.startswith("Day of")]
    assert day and "Putin" in day[0].attribute and "11 September" in day[0].values, topics


def test_headings_name_the_attribute_and_values(conflicts: tuple[Conflict, ...]) -> None:
    for conflict in conflicts:
        assert conflict.kind == "conflict"
        assert conflict.topic == f"{conflict.attribute}: {' vs '.join(conflict.values)}"
        assert len(conflict.values) == len(conflict.claims) == 2
