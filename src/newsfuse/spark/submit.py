"""Entry point for ``spark-submit``.

    spark-submit newsfuse/spark/submit.py brief INPUT... --output DIR


The cluster's master comes from spark-submit (``--master``); the newsfuse package must be
importable on the executors (installed, or shipped with ``--py-files``).
"""

from __future__ import annotations

import sys

from newsfuse.cli import main

if __name__ == "__main__":
    raise SystemExit(main(["spark", *sys.argv[1:]]))
