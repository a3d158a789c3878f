"""Drawing a run's progress on a terminal: one line per stage, with counts and a rate.

:func:`progress_display` gives the observer that :func:`newsfuse.pipeline.run` tells (see
:mod:`newsfuse.progress`), or None (nothing drawn) when the stream is not a terminal or the
user asked for quiet. Finished stages stay on screen, so the end of a run shows how long
each stage took.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, TextIO

from newsfuse.progress import WRITING, Observer, Step

if TYPE_CHECKING:
    from rich.progress import TaskID


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


class _Display:
    """A rich Progress with one task per stage, made when the stage first reports."""

    def __init__(self, stream: TextIO, *, stop_at_writing: bool) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        self._progress = Progress(
            TextColumn("{task.description:<9}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[unit]:<9} {task.fields[rate]:>10}  {task.fields[time]}"),
            console=Console(file=stream, force_terminal=True),
            redirect_stdout=False,
            redirect_stderr=False,
        )
        self._tasks: dict[str, TaskID] = {}
        self._stop_at_writing = stop_at_writing
        self._progress.start()

    def show(self, step: Step) -> None:
        if step.stage == WRITING and self._stop_at_writing:
            self.close()
            return
        rate, time = _rate(step), _duration(step.seconds)
        task = self._tasks.get(step.stage)
        if task is None:
            task = self._progress.add_task(step.stage, total=step.total, unit="", rate="", time="")
            self._tasks[step.stage] = task
        self._progress.update(
            task, completed=step.done, total=step.total, unit=step.unit, rate=rate, time=time
        )

    def close(self) -> None:
        self._progress.stop()


def _rate(step: Step) -> str:
    rate = step.rate
    if rate is None:
        return ""
    return f"{rate:,.0f}/s" if rate >= 10 else f"{rate:.1f}/s"


def _duration(seconds: float) -> str:
    minutes, rest = divmod(int(seconds), 60)
    return f"{minutes}:{rest:02d}"
