"""Writing a run's result: the documents (``extract``) or the briefings (``brief``) in one
format, to a file or standard output.

Nothing is held in memory that need not be: each document is rendered as it is read into a
temporary spill, and the full documents a briefing needs wait in another (beside the output
file when there is one, see ``spill_dir``); both are copied out at the end and deleted. The
stages run through :func:`newsfuse.pipeline.run`; the writing is the last stage told to the
observer.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

from newsfuse import __version__
from newsfuse.config import DEFAULT_SETTINGS, Settings
from newsfuse.errors import InputError
from newsfuse.pipeline import RunCounts, StreamingBrief, run
from newsfuse.progress import WRITING, Observer, Tracker
from newsfuse.spill import Spill, TextSpill
from newsfuse.types import Article, Briefing

EXTRACT_FORMATS = ("text", "json")
BRIEF_FORMATS = ("text", "md", "html", "json")
"""The formats each writer knows, the default first."""

"""The slim articles, with the full text of the documents the briefings cite (HTML shows it)."""


@dataclass(frozen=True)
class Target:
    """Where and how to write: ``path`` (None: standard output) in ``fmt``; ``color`` for a
    terminal's text."""

    path: Path | None
    fmt: str
    color: bool = False


def write_extract(
    paths: Iterable[str | Path],
    target: Target,
    settings: Settings = DEFAULT_SETTINGS,
    *,
    workers: int | None = None,
    observer: Observer | None = None,
) -> RunCounts:
    """Read ``paths`` and write every document to ``target``; return the counts."""
    from newsfuse.render.json import document_dict, list_item
    from newsfuse.render.text import render_extract_text

    check_writable(target.path)
    with TextSpill(spill_dir(target.path)) as pieces:

        def each(article: Article) -> None:
            if target.fmt == "json":
                pieces.write(list_item(document_dict(article)))
            else:
                pieces.write(render_extract_text([article], color=target.color))

        report = run(paths, settings, each=each, workers=workers, observer=observer)
        writing = Tracker(observer, WRITING, "documents", total=pieces.count)
        writing.begin()
        with open_output(target.path) as out:
            _write_documents(out, target, counted(pieces.pieces(), writing))
        writing.finish()
    return report.counts


def _write_documents(out: TextIO, target: Target, pieces: Iterator[str]) -> None:
    from newsfuse.render.json import write_output
    from newsfuse.render.text import render_extract_text

    if target.fmt == "json":
        write_output(out, pieces, version=__version__, generated_at=now())
        return
    written = 0
    for piece in pieces:
        out.write(piece)
        written += 1
    if not written:
        out.write(render_extract_text([], color=target.color))


@dataclass(frozen=True)
class _Briefed:
    """What a brief run leaves for the writer."""

    brief: StreamingBrief
    briefings: list[Briefing]
    documents: Iterator[str]  # the JSON of every document, when the format is json
    target: Target


def write_brief(
    paths: Iterable[str | Path],
    target: Target,
    settings: Settings = DEFAULT_SETTINGS,
    *,
    words: int | None = None,
    workers: int | None = None,
    observer: Observer | None = None,
) -> RunCounts:
    """Read ``paths``, brief every story and write the briefings to ``target``; return the
    counts. The documents' text and analyses wait in a temporary spill (see
    ``pipeline.StreamingBrief``), their JSON in another."""
    from newsfuse.render.json import document_dict, list_item

    check_writable(target.path)
    directory = spill_dir(target.path)
    with Spill(directory) as spill, TextSpill(directory) as documents:
        brief = StreamingBrief(
            spill, settings, words=words, keep_copies=target.fmt == "html", observer=observer
        )

        def each(article: Article) -> None:
            if target.fmt == "json":
                documents.write(list_item(document_dict(article)))

        report = run(paths, settings, brief=brief, each=each, workers=workers, observer=observer)
        writing = Tracker(observer, WRITING, "stories", total=len(report.briefings))
        writing.begin()
        briefed = _Briefed(brief, report.briefings, documents.pieces(), target)
        with open_output(target.path) as out:
            _BRIEF_WRITERS[target.fmt](out, briefed)
        writing.advance(len(report.briefings))
        writing.finish()
    return report.counts


def _brief_json(out: TextIO, briefed: _Briefed) -> None:
    from newsfuse.render.json import write_output

    write_output(
        out,
        briefed.documents,
        version=__version__,
        generated_at=now(),
        articles=briefed.brief.articles,
        briefings=briefed.briefings,
    )


def _brief_markdown(out: TextIO, briefed: _Briefed) -> None:
    from newsfuse.render.markdown import render_markdown

    out.write(render_markdown(briefed.brief.articles, briefed.briefings))


def _brief_html(out: TextIO, briefed: _Briefed) -> None:
    from newsfuse.render.html import render_html, with_texts

    brief = briefed.brief
    articles = with_texts(brief.articles, briefed.briefings, brief.full)
    out.write(render_html(articles, briefed.briefings, generated_at=now()))


def _brief_text(out: TextIO, briefed: _Briefed) -> None:
    from newsfuse.render.text import render_text

    out.write(render_text(briefed.brief.articles, briefed.briefings, color=briefed.target.color))


_BRIEF_WRITERS: dict[str, Callable[[TextIO, _Briefed], None]] = {
    "json": _brief_json,
    "md": _brief_markdown,
    "html": _brief_html,
    "text": _brief_text,
}


def counted(items: Iterable[str], tracker: Tracker) -> Iterator[str]:
    """``items``, telling ``tracker`` of each one as it is taken."""
    for item in items:
        yield item
        tracker.advance()


def now() -> str:
    """The time stamp of an output: UTC, to the second."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def spill_dir(output: Path | None) -> Path | None:
    """Temporary files go beside the output file when it is (to be) a plain file in a folder
    we may write to; else in the system's temporary folder."""
    if output is None or (output.exists() and not output.is_file()):
        return None
    folder = output.parent
    return folder if folder.is_dir() and os.access(folder, os.W_OK) else None


def check_writable(path: Path | None) -> None:
    """Fail before the work, not after it, when ``path`` names a folder or a file in a folder
    that does not exist."""
    if path is None:
        return
    if path.is_dir():
        raise InputError(f"{path}: cannot write (Is a directory)")
    if not path.parent.is_dir():
        raise InputError(f"{path}: cannot write (No such folder {path.parent})")


@contextmanager
def open_output(path: Path | None) -> Iterator[TextIO]:
    """Standard output, or the file ``path`` (an InputError when it cannot be written)."""
    if path is None:
        yield sys.stdout
        sys.stdout.flush()
        return
    try:
        with path.open("w", encoding="utf-8") as out:
            yield out
    except OSError as error:
        raise InputError(f"{path}: cannot write ({error.strerror})") from error
