"""When: the days a statement dates what it reports, and the kinds of event it reports.

Weekdays and "yesterday" resolve against the publication day ("on Sunday" in a Tuesday's
report is two days before); a written date takes the publication year when it gives none;
"a day before Kim's arrival" resolves against the day the story gives that arrival.
Text only: this module knows no claims (see ``brief/slots/__init__.py`` for the layers).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from datetime import date, timedelta
from types import ModuleType

from newsfuse import lang

Day = tuple[str, int, bool]
"""``(day, position, from a weekday name)``: a ``YYYY-MM-DD`` day, ``--MM-DD`` without a
year, or a weekday name when no publication day resolves it."""


def _words(language: str | None) -> ModuleType:
    return lang.part(language, "slots")


def statement_days(text: str, published: str | None, language: str | None = None) -> list[Day]:
    """Each day the text dates something, with where it is written."""
    base = parse_date(published)
    return [*_spoken_days(text, base, language), *_written_days(text, base, language)]


def event_days(text: str, published: str | None, language: str | None = None) -> list[str]:
    """The calendar days (``YYYY-MM-DD``) a sentence dates what it reports on, against its
    publication day; days of saying ("said on Monday") are left out."""
    days = statement_days(text, published, language)
    return sorted(day for day, _, _ in days if day[:1].isdigit())


def _spoken_days(text: str, base: date | None, language: str | None) -> Iterator[Day]:
    """Weekday names and "yesterday", "today", "tomorrow" that date the event."""
    words = _words(language)
    weekdays = lang.part(language, "calendar").WEEKDAYS
    future = bool(words.FUTURE.search(text))
    for match in words.DAY_WORD.finditer(text):
        if not _dates_event(text, match, words):
            continue
        word = match.group(1).lower()
        resolved = _resolve_day(word, base, future, language)
        if resolved is not None:
            yield resolved.isoformat(), match.start(), word in weekdays
        elif word in weekdays:
            yield word, match.start(), True


def _dates_event(text: str, match: re.Match[str], words: ModuleType) -> bool:
    """Not "said on Saturday" (when it was said), "Good Friday" or "Friday's semifinal"
    (names), "Saturday, 8 October" (the date is read on its own) or a day in a chant or a
    quote (the speaker's day, not the event's)."""
    before, after = text[: match.start()], text[match.end() :]
    return not (
        words.REPORTING_DAY.search(before)
        or words.NAMED_DAY.search(before)
        or words.POSSESSIVE.match(after)
        or words.DATED.match(after)
        or _in_quotes(text, match.start())
    )


def _written_days(text: str, base: date | None, language: str | None) -> Iterator[Day]:
    """Written dates ("October 8", "8 October 2011"); the year is the publication's when
    the date gives none, and left open (``--10-08``) without either."""
    months = lang.part(language, "calendar").MONTHS
    for match in _words(language).MONTH_DAY.finditer(text):
        month = months.index((match["month"] or match["month2"]).lower()) + 1
        day = int(match["day"] or match["day2"])
        written = match["year"] or match["year2"]
        year = int(written) if written else base.year if base else None
        if year is None or not 1 <= day <= 31:
            yield f"--{month:02d}-{day:02d}", match.start(), False
            continue
        try:
            yield date(year, month, day).isoformat(), match.start(), False
        except ValueError:
            continue


def relative_days(
    text: str, anchors: Mapping[tuple[str, str], str], language: str | None = None
) -> list[tuple[str, int]]:
    """Days written against a named event ("a day before Kim's arrival"), resolved with the
    ``anchors`` (``("kim", "arriv") -> "2023-09-12"``); none without an anchor."""
    words = _words(language)
    days: list[tuple[str, int]] = []
    for match in words.RELATIVE_EVENT.finditer(text):
        count = words.WORD_NUMBERS.get(match.group(1).lower(), 0) or int(match.group(1))
        sign = -1 if match.group(2).lower() == words.BEFORE else 1
        who = match.group(3).split()[-1].lower()
        event = words.EVENT_STEMS.get(match.group(4).lower()[:5], "")
        anchor = parse_date(anchors.get((who, event)))
        if anchor is not None:
            days.append(((anchor + timedelta(days=sign * count)).isoformat(), match.start()))
    return days


def event_stem(text: str, language: str | None = None) -> set[str]:
    """The kinds of event a claim reports: "arriv", "depar", "visit" or "meet" (a meeting,
    talks, negotiations, a summit)."""
    stems = _words(language).EVENT_STEMS
    words = {word[:5] for word in re.findall(r"[a-z]+", text.lower())}
    return {stems[word] for word in words if word in stems}


def parse_date(published: str | None) -> date | None:
    """The day of an ISO date or timestamp; None when there is none or it does not parse."""
    try:
        return date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


def _resolve_day(word: str, base: date | None, future: bool, language: str | None) -> date | None:
    """A weekday or relative day against the publication day; None without one."""
    if base is None:
        return None
    offsets = _words(language).RELATIVE_DAYS
    if word in offsets:
        return base + timedelta(days=offsets[word])
    delta = lang.part(language, "calendar").WEEKDAYS.index(word) - base.weekday()
    if delta == 0:
        return base
    if future:
        return base + timedelta(days=delta % 7)
    return base - timedelta(days=(-delta) % 7)


def _in_quotes(text: str, index: int) -> bool:
    """Inside a quotation ("..." or “...”)."""
    before = text[:index]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def clock_times(text: str, language: str | None = None) -> list[tuple[int, str, bool]]:
    """The times of day a text gives, as minutes after midnight with the words as written
    and whether a time zone follows: "about 1:30 a. m." -> ``(90, "1:30 a. m.", False)``;
    quoted times and bounds ("by 6:40 a.m.", "after 8 p.m.") are left out."""
    words = _words(language)
    found: list[tuple[int, str, bool]] = []
    for match in words.CLOCK.finditer(text):
        if _in_quotes(text, match.start()) or words.CLOCK_BOUND.search(text[: match.start()]):
            continue
        zoned = bool(words.TIME_ZONE.match(text[match.end() :]))
        if match["named"]:
            minutes = words.NAMED_TIMES[match["named"].lower()]
        else:
            hour = int(match["hour"]) % 12 + (12 if match["half"][:1].lower() == "p" else 0)
            minutes = hour * 60 + int(match["minute"] or 0)
        found.append((minutes, match.group(0).strip(), zoned))
    return found
