"""Fuzzing feed parsing and date resolution: a result or a typed rejection, in bounded time."""

from __future__ import annotations

import re
from datetime import date

import pytest
from fuzzkit import bounded, budget
from hypothesis import given
from hypothesis import strategies as st

from newsfuse.errors import DocumentError

# feedparser warns about its own updated/published fallback on every entry.
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:feedparser")
feeds = pytest.importorskip("newsfuse.fetch.feeds")
timex = pytest.importorskip("newsfuse.nlp.timex")

ITEM = ("<item><title>{title}</title><link>{link}</link><pubDate>{date}</pubDate>"
        "<description>{body}</description></item>")
FIELD = st.one_of(st.text(max_size=40), st.sampled_from([
    "https://varn.example/a", "javascript:x", "Tue, 14 Sep 2031 10:00:00 GMT", "0000-00-00",
    "Mon, 99 Foo 99999 99:99:99", "&amp;", "<![CDATA[x]]>", "&undefined;"]))
BOMB = ('<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa">'
        + "".join(f'<!ENTITY {chr(98 + n)} "{("&" + chr(97 + n) + ";") * 10}">' for n in range(8))
        + ']><rss version="2.0"><channel><title>&i;</title></channel></rss>')


def _feed(items: list[tuple[str, str, str, str]]) -> bytes:
    body = "".join(ITEM.format(title=t, link=u, date=d, body=b) for t, u, d, b in items)
    return f'<?xml version="1.0"?><rss version="2.0"><channel>{body}</channel></rss>'.encode()


def _parse(data: bytes) -> None:
    with bounded():
        try:
            feed = feeds.parse_feed(data, "https://varn.example/feed")
        except DocumentError:
            return
    for item in feed.items:
        assert item.link.startswith(("http://", "https://"))


@budget()
@given(st.lists(st.tuples(FIELD, FIELD, FIELD, FIELD), max_size=6), st.integers(0, 4000))
def test_a_feed_parses_or_is_rejected(items: list[tuple[str, str, str, str]], cut: int) -> None:
    data = _feed(items)
    _parse(data)
    _parse(data[:cut])


@budget()
@given(st.binary(max_size=2000))
def test_random_bytes_are_not_a_feed(data: bytes) -> None:
    _parse(data)


def test_a_feed_date_is_iso_or_none() -> None:
    data = _feed([("Lock reopens", "https://varn.example/a", "0000000", "x")])
    (item,) = feeds.parse_feed(data, "https://varn.example/feed").items
    assert item.published is None or re.fullmatch(r"\d{4}-\d\d-\d\d", item.published)


def test_an_entity_bomb_does_not_expand() -> None:
    _parse(BOMB.encode())


EXPRESSIONS = st.one_of(
    st.text(max_size=40),
    st.builds(" ".join, st.lists(st.sampled_from([
        "on", "last", "next", "this", "Monday", "Sunday", "yesterday", "tomorrow", "today",
        "September", "Sept.", "14", "31", "0", "99999", "2031", "0001", "9999", "days", "ago",
        "week", "month", "year", "earlier", "in", "of", "the", "weekend", "-", "2023-09-13",
        "9999-12-31", "0001-01-01", "1,000", "mid-", "late"]), max_size=6)),
)
# Years 1 and 9999 are left to test_years_beyond_the_calendar (a known failure).
PUBLISHED = st.one_of(
    st.dates(min_value=date(2, 1, 1), max_value=date(9998, 12, 31)).map(date.isoformat),
    st.text(st.characters(exclude_characters="0123456789"), max_size=12),
    st.sampled_from(["", "2031-02-29", "2023-09-13T10:00:00Z"]),
)


@budget(2)
@given(EXPRESSIONS, PUBLISHED, st.booleans())
def test_a_time_expression_resolves_to_a_real_date_or_none(
    expression: str, published: str, future: bool
) -> None:
    with bounded():
        resolved = timex.resolve_expression(expression, published, future=future)
    if resolved is not None:
        value, precision = resolved
        assert precision in {"day", "month", "year"}
        date.fromisoformat(value)


@pytest.mark.parametrize(("expression", "published"),
                         [("last year", "0001-10-01"), ("next year", "9999-05-01")])
def test_years_beyond_the_calendar(expression: str, published: str) -> None:
    resolved = timex.resolve_expression(expression, published)
    assert resolved is None or date.fromisoformat(resolved[0])


@budget()
@given(st.text(max_size=400))
def test_finding_expressions_never_raises(text: str) -> None:
    with bounded():
        for found in timex.find_expressions(text):
            assert found is not None
