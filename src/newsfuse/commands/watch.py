"""``newsfuse watch FEED... [--interval SECONDS] [--db FILE]``: poll feeds into the store."""

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


def register(commands: Any) -> None:
    """Add the ``watch`` command to the CLI's subparsers."""
    command = commands.add_parser(
        "watch",
        help="poll RSS/Atom feeds on an interval and keep the store's stories up to date",
        description=wrapped(
            "Fetch each feed every --interval seconds with conditional GETs (an unchanged feed "
            "is not downloaded again), add its new items to the store and brief again the "
            "stories they join. Stop with Ctrl-C: what was committed stays."
        ),
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    command.add_argument("feeds", nargs="+", metavar="FEED", help="feed URLs")
    command.add_argument("--interval", type=float, default=900.0, metavar="SECONDS",
                         help="seconds between polls (default: 900)")
    command.add_argument("--polls", type=positive_int, metavar="N",
                         help="stop after N polls (default: run until interrupted)")
    add_store_options(command)
    add_fetch_options(command)
    command.set_defaults(handler=run_watch)


def run_watch(args: argparse.Namespace) -> int:
    from newsfuse.errors import InputError
    from newsfuse.store import Ingester, Store, StoryUpdater
    from newsfuse.store.ingest import is_url
    from newsfuse.store.watch import Poll, Watcher

    bad = [feed for feed in args.feeds if not is_url(feed)]
    if bad:
        raise InputError(f"{bad[0]}: not an http(s) feed URL")
    if args.interval <= 0:
        raise InputError(f"--interval must be more than 0 seconds, got {args.interval:g}")
    with Store.open(args.db, write=True) as store:
        fetcher, web = make_web(args, store)
        watcher = Watcher(
            args.feeds, ingester=Ingester(store), updater=StoryUpdater(store, words=args.words),
            web=web, briefings=not args.no_briefings,
        )

        def report(poll: Poll) -> None:
            print_errors(poll.fetch.errors, quiet=args.quiet)
            line = summary_line(poll.ingest, poll.stories, poll.fetch, store.stats())
            print(line.replace("newsfuse: ", f"newsfuse: poll {poll.number}: ", 1),
                  file=sys.stderr, flush=True)

        try:
            watcher.run(args.interval, polls=args.polls, on_poll=report)
        finally:
            fetcher.close()
    return 0
