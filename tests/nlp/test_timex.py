"""Rules of time-expression resolution (STACK.md: dateparser errs on exactly these cases)."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsfuse import lang
from newsfuse.nlp.timex import find_expressions, is_future, resolve_expression

WEEKDAYS = lang.part(lang.DEFAULT, "calendar").WEEKDAYS

TUESDAY = "2023-09-12"


@pytest.mark.parametrize(
    ("expression", "future", "expected"),
    [
        ("on Tuesday", False, ("2023-09-12", "day")),  # same weekday as publication
        ("early Tuesday morning", False, ("2023-09-12", "day")),
        ("on Tuesday", True, ("2023-09-12", "day")),
        ("on Sunday", False, ("2023-09-10", "day")),  # previous occurrence
        ("on Monday", False, ("2023-09-11", "day")),
        ("on Wednesday", False, ("2023-09-06", "day")),
        ("on Wednesday", True, ("2023-09-13", "day")),  # future: next occurrence
        ("through Wednesday", False, ("2023-09-13", "day")),
        ("last Tuesday", False, ("2023-09-05", "day")),
        ("next Tuesday", False, ("2023-09-19", "day")),
        ("yesterday", False, ("2023-09-11", "day")),
        ("tomorrow's", False, ("2023-09-13", "day")),
        ("this morning", False, ("2023-09-12", "day")),
        ("two days ago", False, ("2023-09-10", "day")),
        ("September 12", False, ("2023-09-12", "day")),
        ("12 September 2021", False, ("2021-09-12", "day")),
        ("in July", False, ("2023-07-01", "month")),
        ("in December", False, ("2022-12-01", "month")),  # past month of last year
        ("in December", True, ("2023-12-01", "month")),
        ("in 2021", False, ("2021-01-01", "year")),  # never invent a day
        ("last year", False, ("2022-01-01", "year")),
        ("last week", False, ("2023-09-01", "month")),
    ],
)
def test_resolve_rules(expression: str, future: bool, expected: tuple[str, str]) -> None:
    assert resolve_expression(expression, TUESDAY, future=future) == expected


def test_unresolvable_and_bad_dates_give_none() -> None:
    assert resolve_expression("soon", TUESDAY) is None
    assert resolve_expression("on Sunday", "not a date") is None
    assert resolve_expression("February 30, 2023", TUESDAY) is None


def test_find_expressions_in_a_sentence() -> None:
    text = "Kim left on Sunday, met Putin in 2019 and in July, and talks begin tomorrow."
    found = [(e.text, e.kind) for e in find_expressions(text)]
    assert found == [
        ("on Sunday", "weekday"), ("in 2019", "year"), ("in July", "month"),
        ("tomorrow", "relative_day"),
    ]


def test_future_markers() -> None:
    assert is_future("the two leaders will meet")
    assert is_future("he is expected to arrive")
    assert not is_future("the two leaders met")


_RELATIVE = st.sampled_from(
    [f"{prefix}{day.capitalize()}" for day in WEEKDAYS for prefix in ("", "on ", "last ", "next ")]
    + ["yesterday", "tomorrow", "today", "this morning", "last week", "next week", "last night",
       "three days ago", "last month", "next month"]
)


@given(
    expression=_RELATIVE,
    published=st.dates(min_value=date(1901, 1, 1), max_value=date(2098, 12, 31)),
    future=st.booleans(),
)
def test_relative_expressions_stay_near_publication(
    expression: str, published: date, future: bool
) -> None:
    resolved = resolve_expression(expression, published.isoformat(), future=future)
    if resolved is None:  # a week across two months has no month to give
        assert expression.endswith("week")
        return
    value = date.fromisoformat(resolved[0])
    assert abs(value - published) <= timedelta(days=400)


@given(text=st.text(max_size=80), published=st.text(max_size=12), future=st.booleans())
def test_never_raises(text: str, published: str, future: bool) -> None:
    result = resolve_expression(text, published, future=future)
    assert result is None or result[1] in ("day", "month", "year")


@given(
    text=st.text(max_size=120),
    published=st.dates(min_value=date(1901, 1, 1), max_value=date(2098, 12, 31)),
    future=st.booleans(),
)
def test_any_text_against_a_real_date_never_raises(
    text: str, published: date, future: bool
) -> None:
    for expression in find_expressions(text):
        resolve_expression(expression.text, published.isoformat(), future=future)
    resolve_expression(text, published.isoformat(), future=future)


def test_a_name_is_not_a_date() -> None:
    found = [e.text for e in find_expressions("A video shared by Russia Today on Monday.")]
    assert found == ["on Monday"]
    assert [e.text for e in find_expressions("Today, the talks began.")] == ["Today"]


def test_past_reporting_verb_and_quoted_future_do_not_make_a_date_future() -> None:
    from newsfuse.nlp.timex import is_future

    assert not is_future('"We will not wait for the next storm to act," Vell said')
    assert not is_future("the minister told reporters")
    assert is_future("the minister will visit the site")
    assert is_future("“No comment,” he said, adding that talks would resume")
