"""What ``ingest`` and ``watch`` print: warnings, and one summary line per run or poll."""

from __future__ import annotations

import sys
from typing import Any

from newsfuse.render.view import Tally, count_of


def print_errors(errors: list[str], *, quiet: bool) -> None:
    """Each fetch error as a warning on standard error (none with ``quiet``)."""
    if not quiet:
        for error in errors:
            print(f"newsfuse: warning: {error}", file=sys.stderr)


def summary_line(report: Any, stories: Any, fetch: Any, stats: Any) -> str:
    """One line: what was added, what the stories did, what fetching did, what the store holds."""
    tally = ", ".join([*Tally(report.ok, report.duplicate).parts(), f"{report.rejected} rejected"])
    parts = [
        f"{report.added} added ({tally})",
        f"{report.already_stored} already stored",
        f"{stories.placed} placed in stories ({stories.opened} new)",
        f"{count_of(len(stories.recomputed), 'briefing')} recomputed",
    ]
    if fetch.fetched or fetch.not_modified or fetch.errors:
        parts.append(
            f"{fetch.fetched} fetched, {fetch.not_modified} unchanged (304), "
            f"{len(fetch.errors)} failed"
        )
    parts.append(
        f"store: {count_of(stats.documents, 'document')}, "
        f"{count_of(stats.stories, 'story', 'stories')}"
    )
    return "newsfuse: " + "; ".join(parts)
