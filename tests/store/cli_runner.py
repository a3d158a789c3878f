"""Run ``newsfuse`` with the ingest and watch commands present, wired in or not.

``python tests/store/cli_runner.py ingest ...`` behaves as ``newsfuse ingest ...`` does once
the commands are registered in ``newsfuse.cli``; until then this adds them.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from newsfuse import cli
from newsfuse.commands import ingest, watch


def build_parser() -> argparse.ArgumentParser:
    parser = _ORIGINAL()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for name, module in (("ingest", ingest), ("watch", watch)):
        if name not in sub.choices:
            module.register(sub)
    return parser


_ORIGINAL = cli.build_parser


def main(argv: Sequence[str]) -> int:
    cli.build_parser = build_parser  # type: ignore[assignment]
    try:
        return cli.main(list(argv))
    finally:
        cli.build_parser = _ORIGINAL  # type: ignore[assignment]


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
