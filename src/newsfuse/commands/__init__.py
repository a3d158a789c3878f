"""Extra ``newsfuse`` commands, each a ``register(commands)`` function over argparse subparsers.

``ingest`` (documents, URLs and feeds into the store) and ``watch`` (poll feeds into the
store) live here; ``newsfuse.cli`` lists the registered functions in ``_EXTRA_COMMANDS``.
"""
