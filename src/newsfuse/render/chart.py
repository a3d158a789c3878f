"""Geometry of the small timeline chart: events and articles over dates, for an inline SVG.

Only numbers and labels are computed here; the HTML template draws them (and escapes the
labels). Events far from the story's publication dates (background such as "the last flood,
in 1987") are listed under the chart but not drawn, so that they do not squash it; nor are
month- or year-precise events that would stretch the chart beyond the day-precise ones.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from newsfuse.render.view import display_date
from newsfuse.types import TimelineEvent

WIDTH = 640
HEIGHT = 124
LEFT = 64
RIGHT = 16
EVENT_Y = 40
EVENT_STEP = 9
ARTICLE_BASE = 90
ARTICLE_STEP = 8
AXIS_Y = 96
WINDOW_DAYS = 30
MIN_TICK_GAP = 78
MAX_STACK = 4


@dataclass(frozen=True, slots=True)
class EventMark:
    x: float
    y: float
    approximate: bool
    label: str


@dataclass(frozen=True, slots=True)
class ArticleBar:
    x: float
    y: float
    height: float
    label: str


@dataclass(frozen=True, slots=True)
class Tick:
    x: float
    label: str
    anchor: str


@dataclass(frozen=True, slots=True)
class TimelineChart:
    """Everything the SVG needs; ``hidden`` counts events outside the drawn window; ``band``
    is the x and width of the period over which the articles appeared."""

    width: int
    height: int
    left: int
    right: float
    event_y: int
    article_y: int
    axis_y: int
    events: tuple[EventMark, ...]
    articles: tuple[ArticleBar, ...]
    ticks: tuple[Tick, ...]
    hidden: int
    band: tuple[float, float] | None = None


def timeline_chart(
    events: Sequence[TimelineEvent], published: Sequence[str | None]
) -> TimelineChart | None:
    """The chart for a story's events and its articles' dates; None when nothing is dated."""
    article_days = [day for day in map(_day, published) if day]
    event_days = [(event, _day(event.date)) for event in events]
    dated = [(event, day) for event, day in event_days if day]
    precise = [day for event, day in dated if event.precision == "day"]
    window = _window(article_days, precise or [day for _, day in dated])
    if window is None:
        return None
    start, end = window
    shown = [(event, day) for event, day in dated if start <= day <= end]
    scale = _Scale(start, end)
    return TimelineChart(
        width=WIDTH,
        height=HEIGHT,
        left=LEFT,
        right=WIDTH - RIGHT,
        event_y=EVENT_Y,
        article_y=ARTICLE_BASE,
        axis_y=AXIS_Y,
        events=_event_marks(shown, scale),
        articles=_article_bars(article_days, scale),
        ticks=_ticks(sorted({*article_days, *(day for _, day in shown)}), scale),
        hidden=len(dated) - len(shown),
        band=_band(article_days, scale),
    )


class _Scale:
    def __init__(self, start: date, end: date) -> None:
        self.start = start
        self.days = max(1, (end - start).days)

    def x(self, day: date) -> float:
        span = WIDTH - RIGHT - LEFT
        return round(LEFT + span * (day - self.start).days / self.days, 1)


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _window(articles: list[date], events: list[date]) -> tuple[date, date] | None:
    if articles:
        low = min(articles) - timedelta(days=WINDOW_DAYS)
        high = max(articles) + timedelta(days=WINDOW_DAYS)
        near = [day for day in events if low <= day <= high]
        days = [*articles, *near]
    else:
        days = events
    if not days:
        return None
    start, end = min(days), max(days)
    if start == end:
        return start - timedelta(days=1), end + timedelta(days=1)
    return start, end


def _band(days: list[date], scale: _Scale) -> tuple[float, float] | None:
    """The stretch of dates over which articles appeared (at least a few pixels wide)."""
    if not days:
        return None
    low, high = scale.x(min(days)), scale.x(max(days))
    return (low - 4, high - low + 8)


def _event_marks(shown: list[tuple[TimelineEvent, date]], scale: _Scale) -> tuple[EventMark, ...]:
    stacked: Counter[date] = Counter()
    marks: list[EventMark] = []
    for event, day in shown:
        level = min(stacked[day], MAX_STACK - 1)
        stacked[day] += 1
        label = f"{display_date(event.date, event.precision)}: {event.text}"
        marks.append(
            EventMark(
                x=scale.x(day),
                y=EVENT_Y - EVENT_STEP * level,
                approximate=event.precision != "day",
                label=label,
            )
        )
    return tuple(marks)


def _article_bars(days: list[date], scale: _Scale) -> tuple[ArticleBar, ...]:
    counts = Counter(days)
    bars = []
    for day in sorted(counts):
        height = ARTICLE_STEP * min(counts[day], 5)
        noun = "article" if counts[day] == 1 else "articles"
        bars.append(
            ArticleBar(
                x=scale.x(day),
                y=ARTICLE_BASE - height,
                height=height,
                label=f"{display_date(day.isoformat())}: {counts[day]} {noun}",
            )
        )
    return tuple(bars)


def _ticks(days: list[date], scale: _Scale) -> tuple[Tick, ...]:
    """Dates to label: greedily spaced, always the first and the last."""
    chosen: list[date] = []
    for day in days:
        if not chosen or scale.x(day) - scale.x(chosen[-1]) >= MIN_TICK_GAP:
            chosen.append(day)
    if len(chosen) > 1 and chosen[-1] != days[-1]:
        chosen[-1] = days[-1]
    return tuple(
        Tick(x=scale.x(day), label=_tick_label(day, days[0]), anchor=_tick_anchor(day, days))
        for day in chosen
    )


def _tick_anchor(day: date, days: list[date]) -> str:
    if len(days) > 1 and day == days[0]:
        return "start"
    return "end" if len(days) > 1 and day == days[-1] else "middle"


def _tick_label(day: date, first: date) -> str:
    text = display_date(day.isoformat())
    return text if day == first or day.year != first.year else text.rsplit(" ", 1)[0]
