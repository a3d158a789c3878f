"""``newsfuse serve [--db FILE] [--host H] [--port N]``: the web app and JSON API.

Everything that can go wrong before the first request is one line and its own exit code (see
``newsfuse.errors.EXIT_CODES``): a database that does not exist (unless ``--create``), one that
cannot be read, an address that cannot be listened on (a port in use).
"""

from __future__ import annotations

import argparse
import errno
import socket
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

from newsfuse.commands.options import DB_HELP, EPILOG, wrapped
from newsfuse.errors import AddressError, InputError, NoDatabaseError
from newsfuse.render.view import count_of


def register(commands: Any) -> None:
    """Add the ``serve`` command to the CLI's subparsers."""
    command = commands.add_parser(
        "serve",
        help="serve the stories in a browser, with a JSON API",
        description=wrapped(
            "Serve the store's stories: a front page (latest or most covered first), a story "
            "page with the full briefing, the cleaned articles, search, and a JSON twin of "
            "every page (add .json). The API lives under /api (description at "
            "/api/openapi.json); POST /api/documents adds a document. No JavaScript needed."
        ),
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    command.add_argument("--db", default="newsfuse.db", metavar="FILE|URL", help=DB_HELP)
    command.add_argument("--create", action="store_true",
                         help="start an empty database when --db does not exist")
    command.add_argument("--host", default="127.0.0.1",
                         help="address to listen on (default: 127.0.0.1, this machine only)")
    command.add_argument("--port", type=_port, default=8000, metavar="N",
                         help="port to listen on (default: 8000; 0: any free port)")
    command.add_argument("--max-body", type=int, default=2 * 1024 * 1024, metavar="BYTES",
                         help="largest request body accepted (default: 2 MiB)")
    command.add_argument("--log", metavar="FILE",
                         help="append a line per request to FILE (-: standard error)")
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
    uvicorn, create_app = _web_packages()
    with _access_log(args.log) as log:
        try:
            app = create_app(args.db, max_body=args.max_body, create=args.create, access_log=log)
        except NoDatabaseError as error:
            raise NoDatabaseError(
                f"{args.db}: no such database: give --create to start an empty one, or add "
                f"documents first with `newsfuse ingest PATH --db {args.db}`"
            ) from error
        listening = listen(args.host, args.port)
        print(_startup_line(args, app.state.web.store.stats(), listening), file=sys.stderr,
              flush=True)
        server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False))
        server.run(sockets=[listening])
    return 0


def _web_packages() -> tuple[Any, Any]:
    try:
        import uvicorn

        from newsfuse.web import create_app
    except ImportError as error:
        raise InputError(
            f"the web app needs its extra packages ({error.name} is missing): "
            'pip install "newsfuse[web]"'
        ) from error
    return uvicorn, create_app


def listen(host: str, port: int) -> socket.socket:
    """A socket bound to ``host:port`` (uvicorn listens on it), or an AddressError."""
    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
    except (socket.gaierror, UnicodeError) as error:
        raise AddressError(f"{host}: not an address this machine can listen on ({error})") from None
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as error:
        sock.close()
        if error.errno == errno.EADDRINUSE:
            raise AddressError(
                f"{host}:{port}: the port is in use: stop what listens there or give another "
                "--port"
            ) from None
        raise AddressError(f"{host}:{port}: cannot listen ({error.strerror})") from None
    return sock


@contextmanager
def _access_log(name: str | None) -> Iterator[TextIO | None]:
    """The stream ``--log`` names (appended to), standard error for ``-``, or None."""
    if name is None or name == "-":
        yield sys.stderr if name else None
        return
    try:
        out = Path(name).open("a", encoding="utf-8")
    except OSError as error:
        raise InputError(f"{name}: cannot write ({error.strerror})") from error
    with out:
        yield out


def _startup_line(args: argparse.Namespace, stats: Any, listening: socket.socket) -> str:
    host, port = listening.getsockname()[:2]
    url = f"http://[{host}]:{port}/" if ":" in host else f"http://{host}:{port}/"
    stories = count_of(stats.stories, "story", "stories")
    served = f"{stories}, {count_of(stats.documents, 'document')}"
    log = f"; access log: {args.log}" if args.log and args.log != "-" else ""
    return f"newsfuse: serving {args.db} ({served}) on {url}{log}"
