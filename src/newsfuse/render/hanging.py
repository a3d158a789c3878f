"""A terminal line whose wrapped continuation is indented (a hanging indent), so that a long
item (an entity group, a quote, a coverage line) still reads as one item."""

from __future__ import annotations

from collections.abc import Iterator

from rich.console import Console, ConsoleOptions, RenderableType
from rich.measure import Measurement
from rich.padding import Padding
from rich.text import Text

INDENT = 2
"""How far a wrapped line is indented under the start of its item."""


class Hanging:
    """``text`` wrapped to the available width: the first line from the item's column, the
    lines after it ``indent`` columns further in. Text with line breaks of its own, or too
    narrow a width, is printed as plain wrapped text."""

    def __init__(self, text: Text, indent: int = INDENT) -> None:
        self.text = text
        self.indent = indent

    def __rich_console__(
        self, console: Console, options: ConsoleOptions
    ) -> Iterator[RenderableType]:
        width = options.max_width
        lines = self.text.wrap(console, width)
        if len(lines) < 2 or "\n" in self.text.plain or width <= 2 * self.indent:
            yield self.text
            return
        first = lines[0]
        plain = self.text.plain
        start = len(first.plain)
        start += len(plain[start:]) - len(plain[start:].lstrip(" "))
        yield first
        yield Padding(self.text[start:], (0, 0, 0, self.indent), expand=False)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.text)
