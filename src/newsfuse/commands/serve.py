"""``newsfuse serve [--db FILE] [--host H] [--port N]``: the web app and JSON API."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from newsfuse.cli import EXIT_CODES

DB_HELP = "the database: a SQLite file or postgresql://... (default: ./newsfuse.db)"


def register(commands: Any) -> None:
    """Add the ``serve`` command to the CLI's subparsers."""
    command = commands.add_parser(
        "serve",
        help="serve the stories in a browser, with a JSON API",
        description=(
            "Serve the store's stories: a front page (latest or most covered first), a story "
            "page with the full briefing, the cleaned articles, search, and a JSON twin of "
            "every page (add .json). The API lives under /api (description at "
            "/api/openapi.json); POST /api/documents adds a document. No JavaScript needed."
        ),
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    command.add_argument("--db", default="newsfuse.db", metavar="FILE|URL", help=DB_HELP)
    command.add_argument("--host", default="127.0.0.1",
                         help="address to listen on (default: 127.0.0.1, this machine only)")
    command.add_argument("--port", type=_port, default=8000, metavar="N",
                         help="port to listen on (default: 8000)")
    command.add_argument("--max-body", type=int, default=2 * 1024 * 1024, metavar="BYTES",
                         help="largest request body accepted (default: 2 MiB)")
    command.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")
    command.set_defaults(handler=run_serve)


def _port(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a port number, got {value!r}") from None
    if not 0 <= number <= 65535:
        raise argparse.ArgumentTypeError(f"a port is 0 to 65535, got {number}")
    return number


def run_serve(args: argparse.Namespace) -> int:
    try:
        import uvicorn

        from newsfuse.web import create_app
    except ImportError as error:
        from newsfuse.errors import InputError

        raise InputError(
            f"the web app needs its extra packages ({error.name} is missing): "
            'pip install "newsfuse[web]"'
        ) from error
    app = create_app(args.db, max_body=args.max_body)
    print(f"newsfuse: serving {args.db} on http://{args.host}:{args.port}/", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", access_log=False)
    return 0
