"""What ``ingest`` and ``watch`` print: warnings, and one summary line per run or poll."""

from __future__ import annotations

import sys
from typing import Any


def print_errors(errors: list[str], *, quiet: bool) -> None:
    """Each fetch error as a warning on standard error (none with ``quiet``)."""
    if not quiet:
        for error in errors:
            print(f"newsfuse: warning: {error}", file=sys.stderr)


def summary_line(report: Any, stories: Any, fetch: Any, stats: Any) -> str:
    """One line: what was added, what the stories did, what fetching did, what the store holds."""
    parts = [
        f"{report.added} added ({report.ok} ok, {report.duplicate} duplicate, "
        f"{report.rejected} rejected)",
        f"{report.already_stored} already stored",
        f"{stories.placed} placed in stories ({stories.opened} new)",
        f"{counted(len(stories.recomputed), 'briefing')} recomputed",
    ]
    if fetch.fetched or fetch.not_modified or fetch.errors:
        parts.append(
            f"{fetch.fetched} fetched, {fetch.not_modified} unchanged (304), "
            f"{len(fetch.errors)} failed"
        )
    parts.append(
        f"store: {counted(stats.documents, 'document')}, "
        f"{counted(stats.stories, 'story', 'stories')}"
    )
    return "newsfuse: " + "; ".join(parts)


def counted(number: int, singular: str, plural: str | None = None) -> str:
    """``1 story``, ``2 stories``."""
    return f"{number} {singular if number == 1 else plural or singular + 's'}"
