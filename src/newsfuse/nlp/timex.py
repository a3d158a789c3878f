"""Time expressions: find them in a sentence and resolve them against a publication date.

Rules, not guesses (dateparser errs on the cases that matter most in news):

- a weekday equal to the publication day's weekday is the publication day;
- a weekday in a future context ("will meet on Wednesday") is its next occurrence;
- any other weekday is its previous occurrence, within six days;
- "in July" keeps month precision and "in 2019" year precision: no day is invented.

Resolved dates are ``(YYYY-MM-DD, precision)`` with precision ``"day"``, ``"month"`` or
``"year"`` (the unknown parts are ``01``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from types import ModuleType

from newsfuse import lang

Resolved = tuple[str, str]

_YEAR = r"(?:19|20)\d{2}"
_QUOTED = re.compile(r"“[^”]*”?|\"[^\"]*\"?")


@dataclass(frozen=True, slots=True)
class _Reading:
    """A language's ``timex`` part (its words) with its patterns compiled."""

    words: ModuleType
    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    past_report: re.Pattern[str]
    future: re.Pattern[str]


@cache
def _reading(language: str | None) -> _Reading:
    words = lang.part(language, "timex")
    return _Reading(
        words,
        tuple((kind, re.compile(pattern, re.IGNORECASE)) for kind, pattern in words.PATTERNS),
        re.compile(words.PAST_REPORT, re.IGNORECASE),
        re.compile(words.FUTURE, re.IGNORECASE),
    )


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A time expression inside a text: ``text[start:end]``, of a pattern ``kind``."""

    text: str
    start: int
    end: int
    kind: str


def find_expressions(text: str, language: str | None = None) -> list[TimeExpression]:
    """The time expressions of ``text`` (in ``language``, ISO 639-1; the default language when
    unknown), left to right, not overlapping."""
    found: list[TimeExpression] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _reading(language).patterns:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < right and left < end for left, right in taken):
                continue
            if kind == "relative_day" and _is_name_part(text, start):
                continue  # "Russia Today", "USA Today": a name, not a date
            taken.append((start, end))
            found.append(TimeExpression(match.group(0), start, end, kind))
    return sorted(found, key=lambda expression: expression.start)


ABSOLUTE_KINDS = frozenset(
    {"iso", "day_month_year", "month_day_year", "year_month_day", "month_year", "year"}
)


def _is_name_part(text: str, start: int) -> bool:
    previous = text[:start].split()
    return text[start].isupper() and bool(previous) and previous[-1][:1].isupper()


def is_future(context: str, language: str | None = None) -> bool:
    """Whether the words before a time expression speak of the future.

    Quoted words are the speaker's, not the report's tense, so they are left out; and an
    expression right after a past reporting verb ("Vell said on Monday") is past.
    """
    reading = _reading(language)
    narration = _QUOTED.sub(" ", context)
    if reading.past_report.search(narration):
        return False
    return reading.future.search(narration) is not None


def clause_tense(text: str, start: int, end: int, language: str | None = None) -> str | None:
    """The tense of the words ``text[start:end]`` before a time expression, from the tagger:
    ``"past"`` when the verb nearest the expression is past (or a past form comes between it
    and the last finite verb), ``"future"`` when that finite verb is present and reports no
    speech ("the festival begins on Friday", "filming starts in August"), else None."""
    verbs = [
        word for word in _tagged(text, language)
        if start <= word[0] < end and word[1] in ("VERB", "AUX")
    ]
    if not verbs:
        return None
    finite = [n for n, word in enumerate(verbs) if "Fin" in word[3]]
    last = finite[-1] if finite else 0
    if any("Past" in word[4] for word in verbs[last:]):
        return "past"
    speech = lang.part(language, "quotes").SPEECH_VERBS
    lemma = verbs[last][2]
    if finite and "Pres" in verbs[last][4] and lemma not in speech and lemma not in _STATES:
        return "future"
    return None


_STATES = frozenset({"be", "have"})
"""Verbs whose present says nothing of a date ahead ("is the suspect in the Friday slaying")."""


@cache
def _tagged(text: str, language: str | None) -> tuple[tuple[int, str, str, str, str], ...]:
    """(offset, coarse part of speech, lemma, verb form, tense) of each word of ``text``."""
    from newsfuse.nlp.models import load_spacy, without

    nlp = load_spacy(language)
    doc = nlp(text, disable=without(nlp, "parser", "ner"))
    return tuple(
        (word.idx, word.pos_, word.lemma_.lower(), ",".join(word.morph.get("VerbForm")),
         ",".join(word.morph.get("Tense")))
        for word in doc
    )


def resolve_expression(
    expression: str,
    published: str,
    *,
    future: bool = False,
    language: str | None = None,
    past: bool = False,
) -> Resolved | None:
    """Resolve ``expression`` (in ``language``) against ``published`` (YYYY-MM-DD); None when
    it cannot be. ``future`` / ``past``: the tense of its clause, when known (a past-tense
    month and day is the latest one not after publication, a future one the next)."""
    try:
        base = date.fromisoformat(published[:10])
    except (TypeError, ValueError):
        return None
    reading = _reading(language)
    for kind, pattern in reading.patterns:
        match = pattern.search(expression)
        if match is None:
            continue
        try:
            tense = _Base(base, future, reading.words, past and not future)
            return _RESOLVERS[kind](match.group(0).lower(), tense)
        except (ValueError, OverflowError):
            return None
    return None


# --------------------------------------------------------------------------- resolvers


@dataclass(frozen=True, slots=True)
class _Base:
    """What an expression is resolved against: the publication day, whether the context speaks
    of the future, and the language's ``timex`` words."""

    day: date
    future: bool
    words: ModuleType
    past: bool = False


def _day(value: date) -> Resolved:
    return value.isoformat(), "day"


def _month(value: date) -> Resolved:
    return f"{value.year:04d}-{value.month:02d}-01", "month"


def _year(year: int) -> Resolved:
    if not 1 <= year <= 9999:
        raise ValueError(f"year {year} is outside the calendar")
    return f"{year:04d}-01-01", "year"


def _month_number(text: str, base: _Base) -> int:
    names = base.words.MONTH_NUMBERS
    for word in re.findall(r"[^\W\d_]+", text):
        if word in names:
            return int(names[word])
    raise ValueError(text)


def _year_number(text: str) -> int:
    match = re.search(_YEAR, text)
    if match is None:
        raise ValueError(text)
    return int(match.group(0))


def _day_number(text: str, base: _Base) -> int:
    without_year = re.sub(_YEAR, " ", text)
    match = re.search(r"\b(\d{1,2})" + base.words.ORDINAL + r"?\b", without_year)
    if match is None:
        raise ValueError(text)
    return int(match.group(1))


def _iso(text: str, base: _Base) -> Resolved:
    return _day(date.fromisoformat(text))


def _full_date(text: str, base: _Base) -> Resolved:
    return _day(date(_year_number(text), _month_number(text, base), _day_number(text, base)))


def _month_day(text: str, base: _Base) -> Resolved:
    month, day = _month_number(text, base), _day_number(text, base)
    candidates = [date(base.day.year + shift, month, day) for shift in (-1, 0, 1)]
    if base.past:
        return _day(max(value for value in candidates if value <= base.day))
    if base.future:
        return _day(min(value for value in candidates if value >= base.day))
    return _day(min(candidates, key=lambda value: abs((value - base.day).days)))


def _month_year(text: str, base: _Base) -> Resolved:
    return _month(date(_year_number(text), _month_number(text, base), 1))


def _month_only(text: str, base: _Base) -> Resolved:
    month, today, words = _month_number(text, base), base.day, base.words
    year = today.year
    if text.startswith(words.SINCE):
        year = today.year - (1 if month > today.month else 0)
    elif text.startswith(words.NEXT) or (base.future and month < today.month):
        year = today.year + (1 if month <= today.month else 0)
    elif text.startswith(words.LAST):
        year = today.year - (1 if month >= today.month else 0)
    elif not base.future and month > today.month:
        year = today.year - 1
    return _month(date(year, month, 1))


def _year_only(text: str, base: _Base) -> Resolved:
    return _year(_year_number(text))


def _weekday(text: str, base: _Base) -> Resolved:
    words, today = base.words, base.day
    target = next(index for index, name in enumerate(words.WEEKDAYS) if name in text)
    ahead = (target - today.weekday()) % 7
    if text.startswith(words.NEXT):
        return _day(today + timedelta(days=ahead or 7))
    if text.startswith(words.LAST):
        return _day(today - timedelta(days=(7 - ahead) % 7 or 7))
    if ahead == 0:
        return _day(today)
    if (base.future and not text.startswith(words.SINCE)) or text.startswith(words.UNTIL):
        return _day(today + timedelta(days=ahead))
    return _day(today - timedelta(days=7 - ahead))


def _relative_day(text: str, base: _Base) -> Resolved:
    if text.startswith(base.words.YESTERDAY):
        return _day(base.day - timedelta(days=1))
    if text.startswith(base.words.TOMORROW):
        return _day(base.day + timedelta(days=1))
    return _day(base.day)


def _this_part(text: str, base: _Base) -> Resolved:
    return _day(base.day)


def _days_ago(text: str, base: _Base) -> Resolved:
    word = text.split()[0]
    count = int(word) if word.isdigit() else base.words.NUMBERS[word]
    return _day(base.day - timedelta(days=count))


def _period(text: str, base: _Base) -> Resolved:
    words = base.words
    unit = words.PERIOD_UNITS.get(text.split()[-1], "week")
    step = -1 if text.startswith(words.LAST) else 1 if text.startswith(words.NEXT) else 0
    if unit == "year":
        return _year(base.day.year + step)
    if unit == "month":
        month_index = base.day.year * 12 + base.day.month - 1 + step
        return _month(date(month_index // 12, month_index % 12 + 1, 1))
    day = base.day + timedelta(days=7 * step)
    monday = day - timedelta(days=day.weekday())
    if monday.month != (monday + timedelta(days=6)).month:
        raise ValueError(f"the week of {day} spans two months: no month to give it")
    return _month(day)


_RESOLVERS: dict[str, Callable[[str, _Base], Resolved]] = {
    "iso": _iso,
    "day_month_year": _full_date,
    "month_day_year": _full_date,
    "year_month_day": _full_date,
    "month_day": _month_day,
    "day_month": _month_day,
    "month_year": _month_year,
    "month": _month_only,
    "year": _year_only,
    "weekday": _weekday,
    "relative_day": _relative_day,
    "this_part": _this_part,
    "days_ago": _days_ago,
    "period": _period,
}
