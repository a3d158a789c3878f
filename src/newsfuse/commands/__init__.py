"""The store's ``newsfuse`` commands, each a ``register(commands)`` function over argparse
subparsers: ``ingest`` (documents, URLs and feeds into the store), ``watch`` (poll feeds into
the store) and ``serve`` (the web app). ``newsfuse.cli`` lists them; what they share is in
``options`` (command-line options) and ``report`` (what they print).
"""
