"""``newsfuse ingest PATH|URL... [--db FILE]``: add documents, URLs and feeds to the store."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from newsfuse.cli import EXIT_CODES, _positive_int

DB_HELP = "the database: a SQLite file or postgresql://... (default: ./newsfuse.db)"


def register(commands: Any) -> None:
    """Add the ``ingest`` command to the CLI's subparsers."""
    command = commands.add_parser(
        "ingest",
        help="add documents, article URLs and feeds to the store; update its stories",
        description=(
            "Add files and folders (as `extract` reads them), article URLs and RSS/Atom feed "
            "URLs to the store. A document already stored is skipped. Each new article joins "
            "a story or opens one, and only the stories that changed are briefed again. "
            "Documents are committed in batches: an interrupted run keeps what it committed, "
            "and running it again finishes the rest (with no PATH it only finishes pending "
            "work)."
        ),
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    command.add_argument("targets", nargs="*", metavar="PATH|URL", help="files, folders, URLs")
    add_store_options(command)
    command.add_argument(
        "--commit-every", type=_positive_int, default=100, metavar="N",
        help="documents per transaction (default: 100)",
    )
    add_fetch_options(command)
    command.set_defaults(handler=run_ingest)


def add_store_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("--db", default="newsfuse.db", metavar="FILE|URL", help=DB_HELP)
    command.add_argument(
        "--no-briefings", action="store_true",
        help="place articles in stories but leave briefings for a later run",
    )
    command.add_argument("--words", type=_positive_int, default=120, metavar="N",
                         help="summary length in words (default: 120)")
    command.add_argument("-q", "--quiet", action="store_true", help="print only the summary line")
    command.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")


def add_fetch_options(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--min-interval", type=float, default=1.0, metavar="SECONDS",
        help="least time between two requests to one host (default: 1)",
    )
    command.add_argument("--timeout", type=float, default=10.0, metavar="SECONDS",
                         help="network timeout per request (default: 10)")
    command.add_argument(
        "--allow-private", action="store_true",
        help="allow fetching from loopback and private addresses (a local server)",
    )
    command.add_argument("--ignore-robots", action="store_true", help=argparse.SUPPRESS)


def make_web(args: argparse.Namespace, store: Any) -> Any:
    """The fetcher and web source the options describe (the caller closes the fetcher)."""
    from newsfuse.fetch import AddressPolicy, Fetcher, FetchOptions, WebSource

    options = FetchOptions(
        timeout=args.timeout, min_interval=args.min_interval, obey_robots=not args.ignore_robots
    )
    fetcher = Fetcher(options, AddressPolicy(allow_private=args.allow_private))
    return fetcher, WebSource(fetcher, store)


def run_ingest(args: argparse.Namespace) -> int:
    from newsfuse.fetch import FetchReport
    from newsfuse.ingest.files import list_files
    from newsfuse.store import Ingester, Store, StoryUpdater
    from newsfuse.store.ingest import is_url

    list_files(t for t in args.targets if not is_url(t))  # a missing path fails before the store
    fetch_report = FetchReport()
    with Store.open(args.db, write=True) as store:
        ingester = Ingester(store, commit_every=args.commit_every)
        web = None
        fetcher = None
        if any(is_url(target) for target in args.targets):
            fetcher, web = make_web(args, store)
        try:
            report = ingester.add_targets(args.targets, web=web, fetch_report=fetch_report)
        finally:
            if fetcher is not None:
                fetcher.close()
        stories = StoryUpdater(store, words=args.words).update(briefings=not args.no_briefings)
        stats = store.stats()
    print_errors(fetch_report.errors, quiet=args.quiet)
    print(summary_line(report, stories, fetch_report, stats), file=sys.stderr)
    nothing_fetched = fetch_report.errors and not fetch_report.fetched
    return 5 if nothing_fetched and report.read == 0 else 0


def print_errors(errors: list[str], *, quiet: bool) -> None:
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
        f"{len(stories.recomputed)} briefings recomputed",
    ]
    if fetch.fetched or fetch.not_modified or fetch.errors:
        parts.append(
            f"{fetch.fetched} fetched, {fetch.not_modified} unchanged (304), "
            f"{len(fetch.errors)} failed"
        )
    parts.append(f"store: {stats.documents} documents, {stats.stories} stories")
    return "newsfuse: " + "; ".join(parts)
