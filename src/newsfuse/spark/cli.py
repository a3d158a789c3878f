"""``newsfuse spark extract|brief INPUT... --output DIR``: the job from the command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from newsfuse.errors import InputError


def register(commands: Any) -> None:
    command = commands.add_parser(
        "spark",
        help="run extraction or briefing as an Apache Spark job (WARC/WET at crawl scale)",
        description=(
            "Run the same reading, dedup, clustering and briefing as `newsfuse brief` on Apache "
            "Spark, one task per input file. Writes OUTPUT/documents.parquet, stories.parquet and "
            "briefing.json. A restarted job skips input files already done (checkpoints in "
            "OUTPUT/_work). Needs the [spark] extra (pyspark) and Java 17."
        ),
    )
    command.add_argument(
        "stage",
        choices=("extract", "brief"),
        help="extract: documents only; brief: documents, stories and briefings",
    )
    command.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="WARC/WET (or any newsfuse input) files or folders, or URLs of any filesystem "
        "Spark reads (hdfs://, s3a://, file://; globs allowed)",
    )
    command.add_argument("--output", required=True, type=Path, metavar="DIR", help="output folder")
    command.add_argument(
        "--master", default="local[2]", help="Spark master URL (default: local[2])"
    )
    command.add_argument(
        "--words", type=int, default=120, metavar="N", help="summary length in words"
    )
    command.add_argument("--debug", action="store_true", help=argparse.SUPPRESS)
    command.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    try:
        import pyspark  # noqa: F401
    except ImportError:
        raise InputError("pyspark is not installed: pip install 'newsfuse[spark]'") from None
    from newsfuse.spark.job import NewsfuseJob, make_session

    spark = make_session(args.master)
    try:
        counters = NewsfuseJob(args.output, words=args.words).run(
            spark, args.inputs, brief=args.stage == "brief"
        )
    finally:
        spark.stop()
    for line in counters.lines():
        print(f"newsfuse spark: {line}", file=sys.stderr)
    return 0
