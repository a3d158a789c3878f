"""Drawing a run's progress on a terminal: one line per stage, with counts, a rate and the
time it has taken.

:func:`progress_display` gives the observer that :func:`newsfuse.pipeline.run` tells (see
:mod:`newsfuse.progress`), or None (nothing drawn) when the stream is not a terminal or the
user asked for quiet. A stage's clock starts when it begins work and stops when it finishes;
finished stages stay on screen, so the end of a run shows how long each stage took.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)
from rich.text import Text

from newsfuse.progress import WRITING, Observer, Step


@contextmanager
def progress_display(
    stream: TextIO, *, quiet: bool = False, output_on_screen: bool = False
) -> Iterator[Observer | None]:
    """An observer drawing on ``stream`` while the block runs, or None when ``quiet`` or
    ``stream`` is not a terminal. ``output_on_screen``: the result is printed on the same
    terminal, so the display stops (its last lines kept) when writing starts."""
    if quiet or not stream.isatty():
        yield None
        return
    display = _Display(stream, stop_at_writing=output_on_screen)
    try:
        yield display.show
    finally:
        display.close()


class _RateColumn(ProgressColumn):
    """Items per second since the stage began (frozen when it finished)."""

    def render(self, task: Task) -> Text:
        elapsed = task.elapsed
        if not task.completed or not elapsed:
            return Text(" " * 9)
        rate = task.completed / elapsed
        return Text(f"{rate:>7,.0f}/s" if rate >= 10 else f"{rate:>7.1f}/s")


class _Display:
    """A rich Progress with one task per stage, made when the stage first reports."""

    def __init__(self, stream: TextIO, *, stop_at_writing: bool) -> None:
        self._progress = Progress(
            TextColumn("{task.description:<9}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[unit]:<9}"),
            _RateColumn(),
            TimeElapsedColumn(),
            console=Console(file=stream, force_terminal=True),
            redirect_stdout=False,
            redirect_stderr=False,
        )
        self._tasks: dict[str, TaskID] = {}
        self._started: set[str] = set()
        self._stop_at_writing = stop_at_writing
        self._progress.start()

    def show(self, step: Step) -> None:
        if step.stage == WRITING and self._stop_at_writing:
            self.close()
            return
        task = self._tasks.get(step.stage)
        if task is None:
            task = self._progress.add_task(step.stage, total=step.total, start=False, unit="")
            self._tasks[step.stage] = task
        self._progress.update(task, completed=step.done, total=step.total, unit=step.unit)
        if step.seconds is not None and step.stage not in self._started:
            self._started.add(step.stage)
            self._progress.start_task(task)
        if step.finished:
            self._progress.stop_task(task)

    def close(self) -> None:
        self._progress.stop()
