"""Run ``newsfuse serve ...`` whether or not the lead has wired ``serve`` into the CLI yet."""

from __future__ import annotations

import argparse
import sys

from newsfuse import cli
from newsfuse.commands import serve

_ORIGINAL = cli.build_parser


def build_parser() -> argparse.ArgumentParser:
    parser = _ORIGINAL()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    if "serve" not in sub.choices:
        serve.register(sub)
    return parser


if __name__ == "__main__":
    cli.build_parser = build_parser  # type: ignore[assignment]
    sys.exit(cli.main(sys.argv[1:]))
