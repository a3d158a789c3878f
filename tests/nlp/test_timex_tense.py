"""Tense of a clause and what it does to a date without a year (2023-09-12 is a Tuesday)."""

import pytest

from newsfuse.nlp.timex import clause_tense, find_expressions, resolve_expression

TUESDAY = "2023-09-12"


def _tense(sentence: str, expression: str) -> str | None:
    return clause_tense(sentence, 0, sentence.index(expression))


@pytest.mark.parametrize(
    ("sentence", "expression", "expected"),
    [
        ("Filming begins in August.", "in August", "future"),
        ("The festival opens on Friday.", "on Friday", "future"),
        ("The plant closed in August.", "in August", "past"),
        ("He was arrested on Friday.", "on Friday", "past"),
        ("Police say the man died on Friday.", "on Friday", "past"),
        ("She says on Friday that nothing changed.", "on Friday", None),  # reporting present
        ("He is the main suspect in the Friday slaying.", "Friday", None),  # "is" says nothing
    ],
)
def test_clause_tense(sentence: str, expression: str, expected: str | None) -> None:
    assert _tense(sentence, expression) == expected


@pytest.mark.parametrize(
    ("expression", "future", "past", "expected"),
    [
        ("September 20", False, True, "2022-09-20"),  # past: never after publication
        ("September 20", True, False, "2023-09-20"),
        ("September 20", False, False, "2023-09-20"),  # unknown: the nearest
        ("September 2", True, False, "2024-09-02"),  # future: never before publication
        ("since Friday", True, False, "2023-09-08"),  # "since" lies behind, whatever the tense
        ("since October", False, False, "2022-10-01"),
    ],
)
def test_tense_decides_the_year(expression: str, future: bool, past: bool, expected: str) -> None:
    resolved = resolve_expression(expression, TUESDAY, future=future, past=past)
    assert resolved is not None and resolved[0] == expected


def test_new_forms() -> None:
    assert resolve_expression("August of 2017", TUESDAY) == ("2017-08-01", "month")
    found = [e.text for e in find_expressions("It was spotted on 10 Nov 11 near Oman.")]
    assert found == ["10 Nov"]
    assert [e.text for e in find_expressions("Between 1991 and 1998 he moved.")] == [
        "Between 1991", "and 1998"]


def test_a_week_is_given_its_month_only_when_it_lies_in_one() -> None:
    assert resolve_expression("last week", TUESDAY) == ("2023-09-01", "month")  # 4-10 Sep
    assert resolve_expression("last week", "2023-10-03") is None  # 25 Sep - 1 Oct
