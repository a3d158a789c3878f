"""Every fixture document against its golden output (see goldens.py for what a case is)."""

from __future__ import annotations

import json

import pytest
from goldens import REGENERATE, REPO, Case, cases, run, stale_goldens


@pytest.mark.parametrize("case", cases(), ids=lambda case: case.id)
def test_output_matches_golden(case: Case) -> None:
    if not case.golden.is_file():
        pytest.fail(f"{case.golden} is missing: write it with {REGENERATE}", pytrace=False)
    expected = json.loads(case.golden.read_text(encoding="utf-8"))
    actual = run(case)
    if actual != expected:
        pytest.fail(
            f"`newsfuse {case.command} {case.source} --format json` no longer gives "
            f"{case.golden.relative_to(REPO)}.\n"
            f"If the change is intended, run {REGENERATE} and review `git diff tests/golden`.\n"
            + _first_difference(expected, actual),
            pytrace=False,
        )


def test_every_golden_has_its_fixture() -> None:
    stale = stale_goldens()
    assert not stale, f"goldens without a fixture (remove them with {REGENERATE}): {stale}"


def _first_difference(expected: object, actual: object, where: str = "") -> str:
    """Where the two outputs first part, so the failure says what changed."""
    if isinstance(expected, dict) and isinstance(actual, dict):
        for key in [*expected, *(k for k in actual if k not in expected)]:
            if expected.get(key, _MISSING) != actual.get(key, _MISSING):
                return _first_difference(expected.get(key), actual.get(key), f"{where}.{key}")
    if isinstance(expected, list) and isinstance(actual, list):
        for index, (old, new) in enumerate(zip(expected, actual, strict=False)):
            if old != new:
                return _first_difference(old, new, f"{where}[{index}]")
        return f"at {where or 'top'}: {len(expected)} items expected, {len(actual)} now"
    place = where or "top"
    return f"at {place}:\n  expected {_short(expected)}\n  now      {_short(actual)}"


_MISSING = object()


def _short(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False) if value is not _MISSING else "(absent)"
    return text if len(text) <= 300 else text[:300] + "..."
