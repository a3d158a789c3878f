"""What the commands share on their command lines: the exit codes epilog, number checks, and
the store and fetch options of ``ingest`` and ``watch`` (with the fetcher they describe)."""

from __future__ import annotations

import argparse
import shutil
import textwrap
from typing import Any

from newsfuse.errors import exit_codes_help

EPILOG = exit_codes_help()
"""The exit codes, under every command's ``--help``."""



def wrapped(text: str) -> str:
    """A ``--help`` description wrapped to the terminal (at most 100 columns), paragraph by
    paragraph (the commands' parsers keep text as given, for the exit code table)."""
    width = min(100, shutil.get_terminal_size((80, 24)).columns) - 2
    return "\n\n".join(textwrap.fill(part, width) for part in text.split("\n\n"))


DB_HELP = "the database: a SQLite file or postgresql://... (default: ./newsfuse.db)"


def positive_int(value: str) -> int:
    """An argparse type: a whole number of at least 1."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a number of at least 1, got {number}")
    return number


def add_store_options(command: argparse.ArgumentParser) -> None:
    """``--db``, ``--no-briefings``, ``--words``, ``-q`` and ``--debug``."""
    command.add_argument("--db", default="newsfuse.db", metavar="FILE|URL", help=DB_HELP)
    command.add_argument(
        "--no-briefings", action="store_true",
        help="place articles in stories but leave briefings for a later run",
    )
    command.add_argument("--words", type=positive_int, default=120, metavar="N",
                         help="summary length in words (default: 120)")
    command.add_argument("-q", "--quiet", action="store_true", help="print only the summary line")
    command.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")


def add_fetch_options(command: argparse.ArgumentParser) -> None:
    """How URLs and feeds are fetched: interval, timeout, private addresses, robots.txt."""
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
    """The fetcher and web source the fetch options describe (the caller closes the fetcher)."""
    from newsfuse.fetch import AddressPolicy, Fetcher, FetchOptions, WebSource

    options = FetchOptions(
        timeout=args.timeout, min_interval=args.min_interval, obey_robots=not args.ignore_robots
    )
    fetcher = Fetcher(options, AddressPolicy(allow_private=args.allow_private))
    return fetcher, WebSource(fetcher, store)
