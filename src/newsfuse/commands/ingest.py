"""``newsfuse ingest PATH|URL... [--db FILE]``: add documents, URLs and feeds to the store."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from newsfuse.commands.options import (
    EPILOG,
    add_fetch_options,
    add_store_options,
    make_web,
    positive_int,
    wrapped,
)
from newsfuse.commands.report import print_errors, summary_line
from newsfuse.errors import ExitCode


def register(commands: Any) -> None:
    """Add the ``ingest`` command to the CLI's subparsers."""
    command = commands.add_parser(
        "ingest",
        help="add documents, article URLs and feeds to the store; update its stories",
        description=wrapped(
            "Add files and folders (as `extract` reads them), article URLs and RSS/Atom feed "
            "URLs to the store. A document already stored is skipped. Each new article joins "
            "a story or opens one, and only the stories that changed are briefed again. "
            "Documents are committed in batches: an interrupted run keeps what it committed, "
            "and running it again finishes the rest (with no PATH it only finishes pending "
            "work)."
        ),
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    command.add_argument("targets", nargs="*", metavar="PATH|URL", help="files, folders, URLs")
    add_store_options(command)
    command.add_argument(
        "--commit-every", type=positive_int, default=100, metavar="N",
        help="documents per transaction (default: 100)",
    )
    add_fetch_options(command)
    command.set_defaults(handler=run_ingest)


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
    return ExitCode.FETCH if nothing_fetched and report.read == 0 else ExitCode.OK

