"""The ``newsfuse`` command: parses arguments, calls the library, maps errors to exit codes.

Exit codes: see ``newsfuse.errors.EXIT_CODES`` (and ``newsfuse --help``).
"""

from __future__ import annotations

import argparse
import sys
import textwrap
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from newsfuse import __version__
from newsfuse.commands.options import EPILOG as EXIT_CODES
from newsfuse.commands.options import positive_int as _positive_int
from newsfuse.errors import InputError, NewsfuseError

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


EVAL_EXTRACTION = """\
Read every page of each gold set and score the article body (the set's own
metric: 4-gram F1 for ../shared/eval/extraction, word F1 for extraction-wcxb),
and title, author and date accuracy where the gold has them; trafilatura alone
is scored on the same pages in the same run. With --folds K, whatever newsfuse
chooses from data is refitted K times, grouped by site, and each page is
scored by the fit that did not see its site (out of fold, beside in fold).

example:
  newsfuse eval extraction ../shared/eval/extraction \\
      ../shared/eval/extraction-wcxb --folds 5
"""

EVAL_CLUSTERING = """\
Cluster the articles of DATA.jsonl into stories without being told how many
there are and score them against the gold cluster_id: B-cubed and pairwise F1,
out of fold by topic (the pair scorer refitted without each topic), in fold
beside it, and the spread over shuffled arrival orders. With --multinews, the
Multi-News stories are pooled into one pile and scored the same way.

example:
  newsfuse eval clustering ../shared/eval/clustering/ecbplus-dev.jsonl \\
      --multinews ../shared/eval/summarization/multinews-val.jsonl
"""

EVAL_SUMMARY = """\
Summarise each story of DATA.jsonl in --words words and score the summaries
against the reference summaries with ROUGE-1, ROUGE-2 and ROUGE-Lsum; a TF-IDF
centroid baseline is scored in the same run.

example:
  newsfuse eval summary ../shared/eval/summarization/multinews-val.jsonl \\
      --words 250
"""

EVAL_CLEANER = """\
Clean the labelled scraped texts and count the boilerplate lines removed and
the article lines kept, for the learned cleaner (out of fold by story or site,
beside in fold) and the rules alone.

example:
  newsfuse eval cleaner eval/gold/cleaner --missed 20
"""

EVAL_BRIEFING = """\
Brief each gold story from its source texts (found under --shared) and judge
the briefing against the hand-written gold: quotes and their speakers, key
facts and their newsroom counts, timeline dates, entities, summary citations,
conflicts and updates. The gold is split into a tune half (rules and models
were chosen on it) and a check half (out of fold); both are reported. All 72
stories take about 7 minutes on 2 cores.

example:
  newsfuse eval briefing eval/gold/briefing --split check
"""


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
        "extraction",
        help="article-body F1 (each set's metric) and title/author/date accuracy",
        description=EVAL_EXTRACTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
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
    clustering = kinds.add_parser(
        "clustering",
        help="story clustering: B-cubed and pairwise F1",
        description=EVAL_CLUSTERING,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    clustering.add_argument(
        "data", type=Path, metavar="DATA.jsonl", help="articles with gold cluster_id"
    )
    clustering.add_argument(
        "--predictions", type=Path, metavar="OUT.jsonl", help="write {id, story} per article"
    )
    clustering.add_argument(
        "--multinews", type=Path, metavar="FILE.jsonl",
        help="also score Multi-News stories pooled into one pile (and train folds on them)",
    )
    clustering.add_argument(
        "--orders", type=int, default=5, metavar="N", help="shuffled arrival orders (default: 5)"
    )
    clustering.add_argument(
        "--no-folds", action="store_true", help="skip the out-of-fold figures (no refitting)"
    )
    clustering.add_argument("--debug", action="store_true", help=argparse.SUPPRESS)
    clustering.set_defaults(handler=_run_eval_clustering)
    summary = kinds.add_parser(
        "summary",
        help="multi-document summaries: ROUGE-1/2/Lsum",
        description=EVAL_SUMMARY,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
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
    _add_eval_briefing(kinds)
    _add_eval_cleaner(kinds)


def _add_eval_cleaner(kinds: Any) -> None:
    cleaner = kinds.add_parser(
        "cleaner",
        help="scraped-text cleaner: boilerplate lines removed, article lines kept",
        description=EVAL_CLEANER,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    cleaner.add_argument(
        "gold", type=Path, nargs="?", default=Path("eval/gold/cleaner"), metavar="GOLD",
        help="labelled lines (default: eval/gold/cleaner)",
    )
    cleaner.add_argument(
        "--shared", type=Path, default=Path("../shared/eval"), metavar="DIR",
        help="the pages' data (default: ../shared/eval)",
    )
    cleaner.add_argument("--no-folds", action="store_true", help="skip the out-of-fold run")
    cleaner.add_argument("--limit", type=_positive_int, metavar="N", help="only the first N pages")
    cleaner.add_argument(
        "--missed", type=int, default=0, metavar="N", help="list N boilerplate lines kept"
    )
    cleaner.add_argument("--debug", action="store_true", help=argparse.SUPPRESS)
    cleaner.set_defaults(handler=_run_eval_cleaner)


def _add_eval_briefing(kinds: Any) -> None:
    briefing = kinds.add_parser(
        "briefing",
        help="briefings against hand-made gold stories: quotes, facts, conflicts ...",
        description=EVAL_BRIEFING,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    briefing.add_argument(
        "gold", type=Path, metavar="GOLD", help="gold folder (eval/gold/briefing: stories/*.json)"
    )
    briefing.add_argument(
        "--shared", type=Path, default=Path("../shared"), metavar="DIR",
        help="where the source texts are (default: ../shared)",
    )
    briefing.add_argument(
        "--split", choices=("tune", "check", "both"), default="both",
        help="which half of the gold to score (default: both)",
    )
    briefing.add_argument(
        "--limit", type=_positive_int, metavar="N", help="only the first N stories of each half"
    )
    briefing.add_argument("--debug", action="store_true", help=argparse.SUPPRESS)
    briefing.set_defaults(handler=_run_eval_briefing)


def _extra_commands() -> list[Callable[[Any], None]]:
    """Commands that live beside their subsystem: each module has ``register(commands)``."""
    from newsfuse.commands.ingest import register as ingest
    from newsfuse.commands.serve import register as serve
    from newsfuse.commands.watch import register as watch
    from newsfuse.spark.cli import register as spark

    return [ingest, watch, serve, spark]


# --------------------------------------------------------------------------- handlers


def _run_extract(args: argparse.Namespace) -> int:
    from newsfuse.output import write_extract

    with _progress(args) as observer:
        counts = write_extract(
            args.paths, _target(args), workers=args.workers, observer=observer
        )
    _summary_line(counts)
    return 0


def _run_brief(args: argparse.Namespace) -> int:
    from newsfuse.output import write_brief

    with _progress(args) as observer:
        counts = write_brief(
            args.paths,
            _target(args),
            words=args.words,
            workers=args.workers,
            observer=observer,
        )
    _summary_line(counts)
    return 0


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


def _run_eval_cleaner(args: argparse.Namespace) -> int:
    from newsfuse.evaluate.cleaner import format_cleaner_report, run_cleaner_eval

    _need_dir(args.gold)
    _need_dir(args.shared)
    report = run_cleaner_eval(args.gold, args.shared, folds=not args.no_folds, limit=args.limit)
    print(format_cleaner_report(report, missed=args.missed))
    return 0


def _run_eval_clustering(args: argparse.Namespace) -> int:
    from newsfuse.evaluate.clustering import format_clustering_report, run_clustering_eval

    _need_file(args.data)
    if args.multinews is not None:
        _need_file(args.multinews)
    report = run_clustering_eval(
        args.data, predictions=args.predictions, multinews=args.multinews,
        orders=args.orders, folds=not args.no_folds,
    )
    print(format_clustering_report(report))
    return 0


def _run_eval_summary(args: argparse.Namespace) -> int:
    from newsfuse.evaluate.summary import format_summary_report, run_summary_eval

    _need_file(args.data)
    report = run_summary_eval(
        args.data, words=args.words, limit=args.limit, predictions=args.predictions
    )
    print(format_summary_report(report))
    return 0


def _run_eval_briefing(args: argparse.Namespace) -> int:
    from newsfuse.evaluate.briefing import SPLITS, format_briefing_report, run_briefing_eval

    _need_dir(args.gold)
    _need_dir(args.shared)
    splits = SPLITS if args.split == "both" else (args.split,)
    report = run_briefing_eval(args.gold, args.shared, splits=splits, limit=args.limit)
    print(format_briefing_report(report))
    return 0


# --------------------------------------------------------------------------- helpers


def _need_file(path: Path) -> None:
    if not path.is_file():
        raise InputError(f"{path}: no such file")


def _need_dir(path: Path) -> None:
    if not path.is_dir():
        raise InputError(f"{path}: no such folder")


def _target(args: argparse.Namespace) -> Any:
    """Where the command writes (colour only for text on a terminal)."""
    import os

    from newsfuse.output import Target

    color = args.output is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    return Target(args.output, args.format, color=color)


def _summary_line(counts: Any) -> None:
    from newsfuse.render.view import Tally, count_of

    parts = [
        count_of(counts.documents, "document"),
        *Tally(counts.ok, counts.duplicate).parts(),
        f"{counts.rejected} rejected",
    ]
    if counts.stories:
        parts.append(count_of(counts.stories, "story", "stories"))
    print("newsfuse: " + ", ".join(parts), file=sys.stderr)


def _progress(args: argparse.Namespace) -> Any:
    """Progress of every stage on standard error, only when it is a terminal (not with -q)."""
    from newsfuse.terminal import progress_display

    on_screen = args.output is None and sys.stdout.isatty()
    return progress_display(sys.stderr, quiet=args.quiet, output_on_screen=on_screen)
