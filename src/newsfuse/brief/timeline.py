"""A story's timeline: dated events in date order, merged across documents.

Each sentence's time expressions are resolved against its document's publication date (or the
story's date for an undated document) by :mod:`newsfuse.nlp.timex`; an expression is in the
future when the words before it in its clause say so ("will meet on Wednesday"). The event's
text is the clause around the expression. Events on the same date that share their content
words are one event with several sources.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from newsfuse.nlp.timex import (
    ABSOLUTE_KINDS,
    TimeExpression,
    find_expressions,
    is_future,
    resolve_expression,
)
from newsfuse.types import AnalyzedArticle, Sentence, TimelineEvent

_MAX_WORDS = 28
_ANY_DATE = "2000-01-01"  # absolute expressions do not depend on it
_WINDOW = 12
_CLAUSE_BREAK = re.compile(r"[;:]\s+|,\s+(?=(?:and|but|while|whereas|which|where|as|after)\b)")
_STOP = frozenset(
    """the a an of in on at to for from by with and or but that which who as is are was were be
    been has have had will would it its his her their he she they this after before said says
    also than then there early late morning afternoon evening night""".split()
)


@dataclass(slots=True)
class _Event:
    date: str
    precision: str
    text: str
    expression: str
    sources: list[str] = field(default_factory=list)
    words: set[str] = field(default_factory=set)
    transcript: bool = False


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
    events: list[_Event] = []
    for article in articles:
        published = article.article.published or fallback
        for sentence in article.sentences:
            for event in _sentence_events(sentence, published, article.article.transcript):
                _add(events, event)
    events.sort(key=lambda event: event.date)
    return [
        TimelineEvent(e.date, e.text, tuple(e.sources), e.precision, e.expression)  # type: ignore[arg-type]
        for e in events
    ]


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
    sentence: Sentence, published: str | None, transcript: bool
) -> list[_Event]:
    text = sentence.text
    if _is_headline(text):
        return []
    events = []
    for expression in find_expressions(text):
        if published is None and expression.kind not in ABSOLUTE_KINDS:
            continue
        future = is_future(_clause_before(text, expression))
        base = published or _ANY_DATE
        resolved = resolve_expression(expression.text, base, future=future)
        if resolved is None:
            continue
        clause = _clause(text, expression, transcript)
        if len(clause.split()) - len(expression.text.split()) < 4:
            continue
        event = _Event(resolved[0], resolved[1], clause, expression.text, [sentence.doc_id])
        event.words = _content(clause, expression)
        event.transcript = transcript
        events.append(event)
    return events


def _clause_before(text: str, expression: TimeExpression) -> str:
    before = text[: expression.start]
    breaks = [match.end() for match in _CLAUSE_BREAK.finditer(before)]
    words = before[breaks[-1] if breaks else 0 :].split()
    return " ".join(words[-8:])


def _clause(text: str, expression: TimeExpression, transcript: bool) -> str:
    """The clause around ``expression``, trimmed when the sentence is long."""
    if len(text.split()) <= _MAX_WORDS:
        return text.strip()
    if transcript:
        before = text[: expression.start].split()[-_WINDOW:]
        after = text[expression.end :].split()[:_WINDOW]
        clause = " ".join([*before, expression.text, *after])
        return re.sub(r"\s+([.,;:!?])", r"\1", clause)
    bounds = [0, *(m.end() for m in _CLAUSE_BREAK.finditer(text)), len(text)]
    start = max(b for b in bounds if b <= expression.start)
    end = min(b for b in bounds if b >= expression.end)
    clause = text[start:end].strip(" ,;:")
    if len(clause.split()) > _MAX_WORDS:
        words = text[start : expression.start].split()[-_WINDOW:]
        clause = " ".join([*words, text[expression.start : end].strip()][: _MAX_WORDS])
    return clause[:1].upper() + clause[1:]


def _content(text: str, expression: TimeExpression) -> set[str]:
    words = re.findall(r"[a-z]+", text.lower().replace(expression.text.lower(), " "))
    return {word[:5] for word in words if word not in _STOP and len(word) > 2}


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
            if other.transcript and not event.transcript:
                other.text, other.expression, other.transcript = event.text, event.expression, False
            return
    events.append(event)
