"""The ``newsfuse`` command: parses arguments, calls the library, formats the result.

Exit codes: 0 success; 1 error; 2 bad input or usage; 3 model missing; 4 store error;
5 fetch error; 70 internal error (a bug: please report it); 130 interrupted.
"""

from __future__ import annotations

import argparse
import sys
import textwrap
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from newsfuse import __version__
from newsfuse.errors import InputError, NewsfuseError

EXIT_CODES = """\
exit codes:
  0   success
  1   error
  2   bad input or usage (a missing file, a bad option)
  3   a model that ships in a package is missing: run `make venv`
  4   the store (database) cannot be opened or written
  5   a URL cannot be fetched
  70  internal error: a bug in newsfuse, please report it (rerun with --debug for details)
  130 interrupted
"""

DESCRIPTION = """\
newsfuse turns raw news documents (saved web pages, scraped text, JSONL exports, WARC/WET crawl
archives) into briefings: clean articles, grouped into stories, each with a cited summary, facts
with independent-source counts, conflicts between outlets, quotes, a timeline and entities.
Everything runs offline."""


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    try:
        return int(args.handler(args) or 0)
    except NewsfuseError as error:
        _fail(str(error))
        return error.exit_code
    except KeyboardInterrupt:
        _fail("interrupted")
        return 130
    except BrokenPipeError:
        return 0
    except Exception as error:  # the last line of defence: no traceback reaches a user
        if getattr(args, "debug", False):
            raise
        _fail(f"internal error: {type(error).__name__}: {error} (rerun with --debug for details)")
        return 70


def _fail(message: str) -> None:
    print(f"newsfuse: error: {message}", file=sys.stderr)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: error: {message} (see `{self.prog} --help`)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="newsfuse",
        description=DESCRIPTION,
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"newsfuse {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", parser_class=_Parser)
    _add_extract(commands)
    _add_brief(commands)
    _add_eval(commands)
    for register in _extra_commands():
        register(commands)
    return parser


def _common(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--workers", type=_positive_int, metavar="N",
        help="processes reading documents (default: the cores, at most 4; 1: no time limit)",
    )
    command.add_argument(
        "-o", "--output", metavar="FILE", type=Path, help="write here, not to standard output"
    )
    command.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    command.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")


def _reading_command(
    commands: Any,
    name: str,
    *,
    summary: str,
    description: str,
    formats: tuple[str, ...],
    format_help: str,
    handler: Callable[[argparse.Namespace], int],
) -> argparse.ArgumentParser:
    """A command that reads PATH... and writes in one of ``formats`` (text first, the default)."""
    command: argparse.ArgumentParser = commands.add_parser(
        name,
        help=summary,
        description=textwrap.fill(description, 88),
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    command.add_argument("paths", nargs="+", metavar="PATH", help="files or folders")
    command.add_argument("-f", "--format", choices=formats, default=formats[0], help=format_help)
    _common(command)
    command.set_defaults(handler=handler)
    return command


def _add_extract(commands: Any) -> None:
    _reading_command(
        commands,
        "extract",
        summary="read documents into clean, dated, attributed articles",
        description=(
            "Read files and folders (recursively): HTML (also gzip), plain text, JSONL exports "
            "(one article per line: `text` or `html`, optional id/title/url/date/outlet/author), "
            "and WARC/WET archives. Each document comes out ok, duplicate (a near-copy of an "
            "earlier one) or rejected (with the reason)."
        ),
        formats=("text", "json"),
        format_help="output format (default: text)",
        handler=_run_extract,
    )


def _add_brief(commands: Any) -> None:
    command = _reading_command(
        commands,
        "brief",
        summary="read documents and brief every story they tell",
        description=(
            "Read the documents (as `extract` does), group them into stories, and write one "
            "briefing per story: a summary whose every sentence cites its documents, key facts "
            "with the number of independent outlets behind each, conflicts between outlets, "
            "quotes with speakers, a timeline with resolved dates, and entities with variants."
        ),
        formats=("text", "md", "html", "json"),
        format_help="text (terminal), md (Markdown), html (a page) or json (default: text)",
        handler=_run_brief,
    )
    command.add_argument(
        "--words",
        type=_positive_int,
        default=120,
        metavar="N",
        help="summary length in words (default: 120)",
    )


def _add_eval(commands: Any) -> None:
    command = commands.add_parser(
        "eval",
        help="measure a stage on public data with gold answers",
        description=(
            "Score extraction, clustering or summarisation against gold data, "
            "with a baseline measured in the same run."
        ),
    )
    kinds = command.add_subparsers(title="what to evaluate", metavar="STAGE", parser_class=_Parser)
    extraction = kinds.add_parser(
        "extraction", help="article-body F1 (each set's metric) and title/author/date accuracy"
    )
    extraction.add_argument(
        "sets", nargs="*", type=Path, metavar="SET", help="gold folders: ground-truth.json, html/"
    )
    extraction.add_argument("--folds", type=int, default=0, metavar="K", help="out of fold by site")
    extraction.add_argument(
        "--html-dir", type=Path, metavar="DIR", help="folder of <id>.html(.gz) pages"
    )
    extraction.add_argument(
        "--gold", type=Path, metavar="FILE", help="ground-truth JSON: {id: {articleBody, url}}"
    )
    extraction.add_argument("--debug", action="store_true", help=argparse.SUPPRESS)
    extraction.set_defaults(handler=_run_eval_extraction)
    clustering = kinds.add_parser("clustering", help="story clustering: B-cubed and pairwise F1")
    clustering.add_argument(
        "data", type=Path, metavar="DATA.jsonl", help="articles with gold cluster_id"
    )
    clustering.add_argument(
        "--predictions", type=Path, metavar="OUT.jsonl", help="write {id, story} per article"
    )
    clustering.add_argument("--debug", action="store_true", help=argparse.SUPPRESS)
    clustering.set_defaults(handler=_run_eval_clustering)
    summary = kinds.add_parser("summary", help="multi-document summaries: ROUGE-1/2/Lsum")
    summary.add_argument(
        "data", type=Path, metavar="DATA.jsonl", help="stories with reference_summary"
    )
    summary.add_argument(
        "--words", type=_positive_int, default=250, metavar="N", help="word budget (default: 250)"
    )
    summary.add_argument(
        "--limit", type=_positive_int, metavar="N", help="only the first N stories"
    )
    summary.add_argument(
        "--predictions",
        type=Path,
        metavar="OUT.jsonl",
        help="write {cluster_id, summary} per story",
    )
    summary.add_argument("--debug", action="store_true", help=argparse.SUPPRESS)
    summary.set_defaults(handler=_run_eval_summary)


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a number of at least 1, got {number}")
    return number


def _extra_commands() -> list[Callable[[Any], None]]:
    """Commands that live beside their subsystem: each module has ``register(commands)``."""
    from newsfuse.commands.ingest import register as ingest
    from newsfuse.commands.serve import register as serve
    from newsfuse.commands.watch import register as watch
    from newsfuse.spark.cli import register as spark

    return [ingest, watch, serve, spark]


# --------------------------------------------------------------------------- handlers


def _read(args: argparse.Namespace, each: Callable[[Any], None]) -> Any:
    """Read ``args.paths`` with a progress bar, calling ``each(article)`` on every document as
    it is read (nothing is kept here); return the counts."""
    from newsfuse.pipeline import RunCounts, read_articles

    counts = RunCounts()
    with _progress(args.paths, quiet=args.quiet) as on_file:
        for article in read_articles(args.paths, on_file=on_file, workers=args.workers):
            counts.count(article)
            each(article)
    return counts


def _run_extract(args: argparse.Namespace) -> int:
    """Each document is rendered as it is read into a temporary file, copied out at the end."""
    from newsfuse.render.json import document_dict, list_item, write_output
    from newsfuse.render.text import render_extract_text
    from newsfuse.spill import TextSpill

    color = _color(args)
    _need_writable(args.output)
    with TextSpill(_spill_dir(args.output)) as pieces:

        def each(article: Any) -> None:
            if args.format == "json":
                pieces.write(list_item(document_dict(article)))
            else:
                pieces.write(render_extract_text([article], color=color))

        counts = _read(args, each)
        with _output(args.output) as out:
            if args.format == "json":
                write_output(out, pieces.pieces(), version=__version__, generated_at=_now())
            else:
                out.writelines(pieces.pieces())
                if not pieces.count:
                    out.write(render_extract_text([], color=color))
    _summary_line(counts)
    return 0


def _run_brief(args: argparse.Namespace) -> int:
    """Documents are held as slim records; their text and analyses wait in a temporary spill
    (beside ``-o`` when given), their JSON in another (see ``pipeline.StreamingBrief``)."""
    from newsfuse.pipeline import StreamingBrief
    from newsfuse.render.json import document_dict, list_item
    from newsfuse.spill import Spill, TextSpill

    _need_writable(args.output)
    directory = _spill_dir(args.output)
    with Spill(directory) as spill, TextSpill(directory) as documents:
        brief = StreamingBrief(spill, words=args.words, keep_copies=args.format == "html")

        def each(article: Any) -> None:
            if args.format == "json":
                documents.write(list_item(document_dict(article)))
            brief.add(article)

        counts = _read(args, each)
        briefings = brief.briefings()
        counts.stories = len(briefings)
        with _output(args.output) as out:
            _render_brief(out, args.format, brief, briefings, documents, color=_color(args))
    _summary_line(counts)
    return 0


def _render_brief(
    out: TextIO,
    fmt: str,
    brief: Any,
    briefings: Sequence[Any],
    documents: Any,
    *,
    color: bool,
) -> None:
    if fmt == "json":
        from newsfuse.render.json import write_output

        write_output(
            out,
            documents.pieces(),
            version=__version__,
            generated_at=_now(),
            articles=brief.articles,
            briefings=briefings,
        )
    elif fmt == "md":
        from newsfuse.render.markdown import render_markdown

        out.write(render_markdown(brief.articles, briefings))
    elif fmt == "html":
        from newsfuse.render.html import render_html

        out.write(render_html(_with_texts(brief, briefings), briefings, generated_at=_now()))
    else:
        from newsfuse.render.text import render_text

        out.write(render_text(brief.articles, briefings, color=color))


def _with_texts(brief: Any, briefings: Sequence[Any]) -> list[Any]:
    """The slim articles, with the full text of every document a story names (for HTML)."""
    from newsfuse.render.html import with_texts

    return with_texts(brief.articles, briefings, brief.full)


def _run_eval_extraction(args: argparse.Namespace) -> int:
    from newsfuse.evaluate.extraction import format_extraction_report, run_extraction_eval
    from newsfuse.evaluate.extraction_sets import run_sets

    if args.sets:
        print(run_sets(args.sets, folds=args.folds))
        return 0
    if args.html_dir is None or args.gold is None:
        raise InputError("pass gold set folders, or --html-dir DIR and --gold FILE")
    _need_dir(args.html_dir)
    _need_file(args.gold)
    print(format_extraction_report(run_extraction_eval(args.html_dir, args.gold)))
    return 0


def _run_eval_clustering(args: argparse.Namespace) -> int:
    from newsfuse.evaluate.clustering import format_clustering_report, run_clustering_eval

    _need_file(args.data)
    print(format_clustering_report(run_clustering_eval(args.data, predictions=args.predictions)))
    return 0


def _run_eval_summary(args: argparse.Namespace) -> int:
    from newsfuse.evaluate.summary import format_summary_report, run_summary_eval

    _need_file(args.data)
    report = run_summary_eval(
        args.data, words=args.words, limit=args.limit, predictions=args.predictions
    )
    print(format_summary_report(report))
    return 0


# --------------------------------------------------------------------------- helpers


def _need_file(path: Path) -> None:
    if not path.is_file():
        raise InputError(f"{path}: no such file")


def _need_dir(path: Path) -> None:
    if not path.is_dir():
        raise InputError(f"{path}: no such folder")


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def _color(args: argparse.Namespace) -> bool:
    import os

    return args.output is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ


def _spill_dir(output: Path | None) -> Path | None:
    """Temporary files go beside the output file when it is (to be) a plain file in a folder
    we may write to; else in the system's temporary folder."""
    import os

    if output is None or (output.exists() and not output.is_file()):
        return None
    folder = output.parent
    return folder if folder.is_dir() and os.access(folder, os.W_OK) else None


def _need_writable(path: Path | None) -> None:
    """Fail before the work, not after it, when ``-o`` names a folder or a file in a folder
    that does not exist."""
    if path is None:
        return
    if path.is_dir():
        raise InputError(f"{path}: cannot write (Is a directory)")
    if not path.parent.is_dir():
        raise InputError(f"{path}: cannot write (No such folder {path.parent})")


@contextmanager
def _output(path: Path | None) -> Iterator[TextIO]:
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


def _summary_line(counts: Any) -> None:
    parts = [
        f"{counts.documents} document{'' if counts.documents == 1 else 's'}",
        f"{counts.ok} ok",
        f"{counts.duplicate} duplicate",
        f"{counts.rejected} rejected",
    ]
    if counts.stories:
        parts.append(f"{counts.stories} stor{'y' if counts.stories == 1 else 'ies'}")
    print("newsfuse: " + ", ".join(parts), file=sys.stderr)


@contextmanager
def _progress(paths: Sequence[str], *, quiet: bool) -> Iterator[Callable[[Path], None] | None]:
    """A progress bar over files on standard error, only when it is a terminal."""
    if quiet or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    from newsfuse.ingest.files import list_files

    total = len(list_files(paths))
    progress = Progress(
        TextColumn("reading"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    with progress:
        task = progress.add_task("files", total=total)
        yield lambda _path: progress.advance(task)
