"""A story's timeline: dated events in date order, merged across documents.

Each sentence's time expressions are resolved against its document's publication date by
:mod:`newsfuse.nlp.timex`, by the tense of their clause: future when the words before it say so
("will meet on Wednesday", "scheduled for") or its verb is a present plan ("filming begins in
August"), past when its verb is past (the latest such day not after publication). An undated
document's relative dates are kept only when every publication date of the story gives the
same day (the story's date when none is dated). A list or range of dates ("in 2014 and 2015")
is one event dated by its first; a sentence with several dates gives each its own clause. The
event's text is the clause around the expression; each entry says whether its date is stated
or inferred. Events on the same date that share their content words are one event with
several sources.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from types import ModuleType

from rapidfuzz import fuzz

from newsfuse import lang
from newsfuse.nlp.timex import (
    ABSOLUTE_KINDS,
    TimeExpression,
    clause_tense,
    find_expressions,
    is_future,
    resolve_expression,
)
from newsfuse.types import AnalyzedArticle, Article, Sentence, TimelineEvent

_MAX_WORDS = 35
_ANY_DATE = "2000-01-01"  # absolute expressions do not depend on it
_AFTER_WORDS = 10
_NEAR = 15
_ANTECEDENT = 4  # words kept before a relative clause


@dataclass(slots=True)
class _Event:
    date: str
    precision: str
    text: str
    expression: str
    sources: list[str] = field(default_factory=list)
    words: set[str] = field(default_factory=set)
    transcript: bool = False
    stated: bool = True
    members: list[_Event] = field(default_factory=list)


def story_date(articles: Sequence[AnalyzedArticle]) -> str | None:
    """The most common publication date of the dated documents (the earliest on a tie)."""
    dates = Counter(a.article.published for a in articles if a.article.published)
    if not dates:
        return None
    return min(dates, key=lambda value: (-dates[value], value))


def build_timeline(
    articles: Sequence[AnalyzedArticle], *, story_date: str | None = None
) -> list[TimelineEvent]:
    """Dated events of a story in date order, each with the documents that report it."""
    fallback = story_date if story_date is not None else _default_date(articles)
    dated = sorted({a.article.published[:10] for a in articles if a.article.published})
    undated = tuple(dated) or ((fallback,) if fallback else ())
    events: list[_Event] = []
    for article in articles:
        published = article.article.published
        bases = (published,) if published else undated
        words = lang.part(article.article.language, "timeline")
        for sentence in article.sentences:
            for event in _sentence_events(sentence, bases, article.article, words):
                _add(events, event)
    events.sort(key=lambda event: event.date)
    timeline = []
    for event in events:
        best = _representative(event)
        timeline.append(
            TimelineEvent(
                event.date, best.text, tuple(event.sources), event.precision,  # type: ignore[arg-type]
                best.expression, "stated" if event.stated else "inferred",
            )
        )
    return timeline


def _default_date(articles: Sequence[AnalyzedArticle]) -> str | None:
    return story_date(articles)


def _is_headline(text: str) -> bool:
    words = re.findall(r"[A-Za-z][\w'’-]*", text)
    long_words = [word for word in words if len(word) > 3]
    capitalised = sum(word[0].isupper() for word in long_words)
    text = text.rstrip()
    ends = text.endswith((".", "!", "?", "\"", "”")) and not text.endswith(("..", "…"))
    return len(words) < 5 or (not ends and capitalised >= 0.8 * len(long_words))


def _sentence_events(
    sentence: Sentence, bases: tuple[str, ...], article: Article, words: ModuleType
) -> list[_Event]:
    """The dated events of a sentence. ``bases``: the dates its relative expressions may be
    resolved against (the article's publication date; for an undated article every
    publication date of the story: a relative date is kept only when they all agree)."""
    text, transcript, language = sentence.text, article.transcript, article.language
    if _is_headline(text):
        return []
    expressions = _heads(find_expressions(text, language), text, words.JOINED)
    events = []
    for expression in expressions:
        resolved = _resolve(text, expression, bases, language, words.CLAUSE_BREAK)
        if resolved is None:
            continue
        several = len(expressions) > 1
        clause = _clause(
            text, expression, transcript, words.CLAUSE_BREAK, cut=several, relative=words.RELATIVE
        )
        if len(clause.split()) - len(expression.text.split()) < 4:
            continue
        event = _Event(resolved[0], resolved[1], clause, expression.text, [sentence.doc_id])
        event.words = _content(text, expression, words.STOP)
        event.transcript = transcript
        event.stated = expression.kind in ABSOLUTE_KINDS
        events.append(event)
    return events


def _heads(
    expressions: list[TimeExpression], text: str, joined: re.Pattern[str]
) -> list[TimeExpression]:
    """The expressions that open a list or a range: "in 2014 and 2015", "from January 2017 to
    May 2018" are one event, dated by their first date."""
    heads: list[TimeExpression] = []
    for expression in expressions:
        gap = text[heads[-1].end : expression.start] if heads else None
        if gap is not None and (
            joined.fullmatch(gap) or (not gap.strip() and joined.match(" " + expression.text))
        ):
            continue
        heads.append(expression)
    return heads


def _resolve(
    text: str,
    expression: TimeExpression,
    bases: tuple[str, ...],
    language: str | None,
    breaking: re.Pattern[str],
) -> tuple[str, str] | None:
    """The date of ``expression``, by the tense of its clause, the same from every base."""
    if not bases:
        bases = (_ANY_DATE,) if expression.kind in ABSOLUTE_KINDS else ()
    start = _clause_start(text, expression, breaking)
    future = is_future(_clause_before(text, expression, breaking), language)
    past = False
    if not future and expression.kind in _TENSED and bases:
        tense = clause_tense(text, start, expression.start, language)
        future, past = tense == "future", tense == "past"
    dates = {
        resolve_expression(expression.text, base, future=future, past=past, language=language)
        for base in bases
    }
    return dates.pop() if len(dates) == 1 else None


_TENSED = frozenset({"month", "weekday", "month_day", "day_month"})
"""Expressions without a year whose date depends on the tense of their clause."""


def _clause_start(text: str, expression: TimeExpression, breaking: re.Pattern[str]) -> int:
    before = text[: expression.start]
    breaks = [match.end() for match in breaking.finditer(before)]
    return breaks[-1] if breaks else 0


def _clause_before(text: str, expression: TimeExpression, breaking: re.Pattern[str]) -> str:
    before = text[: expression.start]
    breaks = [match.end() for match in breaking.finditer(before)]
    words = before[breaks[-1] if breaks else 0 :].split()
    return " ".join(words[-8:])


def _clause(
    text: str,
    expression: TimeExpression,
    transcript: bool,
    breaking: re.Pattern[str],
    *,
    cut: bool = False,
    relative: frozenset[str] = frozenset(),
) -> str:
    """The clause around ``expression``; "…" marks where a long sentence was cut. ``cut``: cut
    a short sentence too (it holds other dates, whose clauses are their own events);
    ``relative``: the words that open a relative clause (kept with what it hangs on)."""
    if len(text.split()) <= _MAX_WORDS and not cut:
        return text.strip()
    if not transcript:
        bounds = [0, *(m.end() for m in breaking.finditer(text)), len(text)]
        start = max(b for b in bounds if b <= expression.start)
        end = min(b for b in bounds if b >= expression.end)
        clause = text[start:end].strip(" ,;:")
        if len(clause.split()) <= _MAX_WORDS:
            antecedent = _antecedent(text[:start], clause, relative)
            return antecedent + (clause if antecedent else clause[:1].upper() + clause[1:])
    return _window(text, expression)


def _antecedent(before: str, clause: str, relative: frozenset[str]) -> str:
    """The words a relative clause ("which capsized on Sunday") hangs on, before it:
    "…of the Marisol ferry, which capsized on Sunday"; "" for any other clause."""
    first = clause.split()[:1]
    words = before.split()
    if not first or first[0].lower() not in relative or not words:
        return ""
    return "…" + " ".join(words[-_ANTECEDENT:]) + " "


def _window(text: str, expression: TimeExpression) -> str:
    before = text[: expression.start].split()
    after = text[expression.end :].split()
    keep_after = min(len(after), _AFTER_WORDS)
    keep_before = min(len(before), _MAX_WORDS - len(expression.text.split()) - keep_after)
    words = [*before[len(before) - keep_before :], expression.text, *after[:keep_after]]
    clause = re.sub(r"\s+([.,;:!?])", r"\1", " ".join(words))
    prefix = "…" if keep_before < len(before) else ""
    suffix = "…" if keep_after < len(after) else ""
    return f"{prefix}{clause.strip(' ,;:')}{suffix}"


def _content(text: str, expression: TimeExpression, stop: frozenset[str]) -> set[str]:
    """Stems of the content words within ``_NEAR`` words of the expression."""
    before = text[: expression.start].split()[-_NEAR:]
    after = text[expression.end :].split()[:_NEAR]
    words = re.findall(r"[a-z]+", " ".join([*before, *after]).lower())
    return {word[:5] for word in words if word not in stop and len(word) > 2}


def _add(events: list[_Event], event: _Event) -> None:
    for other in events:
        if other.date != event.date or other.precision != event.precision:
            continue
        shared = len(other.words & event.words)
        similar = fuzz.token_set_ratio(other.text.lower(), event.text.lower()) >= 75
        if shared >= 3 or similar or (shared >= 2 and event.precision != "day"):
            for source in event.sources:
                if source not in other.sources:
                    other.sources.append(source)
            other.members.append(event)
            other.stated = other.stated or event.stated
            return
    events.append(event)


def _representative(event: _Event) -> _Event:
    """The wording that shares most words with the others: punctuated and uncut first."""
    members = [event, *event.members]
    if len(members) == 1:
        return event

    def rank(member: _Event) -> tuple[bool, int, bool, int]:
        shared = sum(len(member.words & other.words) for other in members if other is not member)
        return member.transcript, -shared, "…" in member.text, len(member.text)

    return min(members, key=rank)
