"""Progress of a run, told to an observer: the library counts, the caller draws.

A stage (reading, analysing, stories, briefing, writing) reports each change as a
:class:`Step`: how many items are done and, when known, how many there are in all. The
observer is any callable taking a Step (the CLI draws a bar on a terminal; a test records
them); with no observer nothing is counted or printed.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

READING = "reading"
ANALYSING = "analysing"
STORIES = "stories"
BRIEFING = "briefing"
WRITING = "writing"
STAGES = (READING, ANALYSING, STORIES, BRIEFING, WRITING)
"""The stages, in the order a run starts them."""


@dataclass(frozen=True)
class Step:
    """Where one stage is: ``done`` of ``total`` (None: not known yet) ``unit``s in the
    ``seconds`` since it began work (None: it has not begun, only counted what it will do);
    ``finished`` once the stage has done all it will."""

    stage: str
    unit: str
    done: int
    total: int | None = None
    seconds: float | None = None
    finished: bool = False

    @property
    def rate(self) -> float | None:
        """Items done per second (None before there is a measure)."""
        if not self.done or not self.seconds:
            return None
        return self.done / self.seconds


Observer = Callable[[Step], None]


class Tracker:
    """Counts one stage and tells ``observer`` (None: counts silently)."""

    def __init__(
        self, observer: Observer | None, stage: str, unit: str, total: int | None = None
    ) -> None:
        self.observer = observer
        self.stage = stage
        self.unit = unit
        self.done = 0
        self.total = total
        self.finished = False
        self._began: float | None = None

    def begin(self) -> None:
        """The stage starts working now (its rate is measured from the first ``begin``)."""
        if self._began is None:
            self._began = time.monotonic()
            self._tell()

    def advance(self, count: int = 1) -> None:
        """``count`` more items done."""
        self.begin()
        self.done += count
        self._tell()

    def expect(self, count: int = 1) -> None:
        """``count`` more items to do (a stage whose total grows as the input is read)."""
        self.total = (self.total or 0) + count
        self._tell()

    def finish(self) -> None:
        """The stage is over: its total is what was done."""
        self.begin()
        self.total = self.done
        self.finished = True
        self._tell()

    def _tell(self) -> None:
        if self.observer is None:
            return
        seconds = None if self._began is None else time.monotonic() - self._began
        self.observer(Step(self.stage, self.unit, self.done, self.total, seconds, self.finished))
