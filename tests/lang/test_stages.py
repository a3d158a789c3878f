"""Stages that know an article's language read that language's part, not English's."""

from __future__ import annotations

from collections.abc import Iterator
from types import ModuleType, SimpleNamespace

import pytest

from newsfuse import cluster_features, lang
from newsfuse.nlp import timex

CODE = "xq"  # no such language: every part of it here is invented by the test


def _german_like_timex() -> SimpleNamespace:
    english = lang.part(lang.DEFAULT, "timex")
    words = {name: getattr(english, name) for name in dir(english) if name.isupper()}
    days = ("montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag")
    words.update(
        PATTERNS=(("weekday", r"\b(?:(?:letzten|nächsten)\s+)?(?:" + "|".join(days) + r")\b"),),
        WEEKDAYS=days,
        LAST=("letzten",),
        NEXT=("nächsten",),
        FUTURE=r"\bwird\b",
        PAST_REPORT=r"\bsagte\s*$",
    )
    return SimpleNamespace(**words)


@pytest.fixture()
def invented_language(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    real_part = lang.part
    fake_timex = _german_like_timex()
    fake_core = SimpleNamespace(frequency=lambda word: 7.5)

    def part(language: str | None, name: str) -> ModuleType:
        if language == CODE and name == "timex":
            return fake_timex  # type: ignore[return-value]
        if language == CODE and name == "core":
            return fake_core  # type: ignore[return-value]
        return real_part(language, name)

    monkeypatch.setattr(lang, "part", part)
    timex._reading.cache_clear()
    yield
    timex._reading.cache_clear()


@pytest.mark.usefixtures("invented_language")
def test_time_expressions_are_read_in_the_given_language() -> None:
    found = timex.find_expressions("Er kam am Montag und ging am letzten Freitag.", CODE)
    assert [(e.text, e.kind) for e in found] == [
        ("Montag", "weekday"), ("letzten Freitag", "weekday"),
    ]
    assert timex.find_expressions("He came on Monday.", CODE) == []
    assert [e.text for e in timex.find_expressions("He came on Monday.")] == ["on Monday"]
    # 2023-09-12 is a Tuesday
    assert timex.resolve_expression("letzten Dienstag", "2023-09-12", language=CODE) == (
        "2023-09-05", "day",
    )
    assert timex.resolve_expression("nächsten Montag", "2023-09-12", language=CODE) == (
        "2023-09-18", "day",
    )
    assert timex.is_future("Er wird am", CODE)
    assert not timex.is_future("He will meet on", CODE)


@pytest.mark.usefixtures("invented_language")
def test_term_weights_use_the_languages_word_frequencies() -> None:
    assert cluster_features.idf("zebra", CODE) == pytest.approx(0.5)  # 8.0 - 7.5, floored at 0.5
    assert cluster_features.idf("zebra") == cluster_features.idf("zebra", lang.DEFAULT)
    assert cluster_features.idf("zebra") > 1.0
