"""newsfuse's exceptions and exit codes: one tree, one table, one-line messages.

::

    NewsfuseError                 base; str(error) is the one line shown to a user (exit 1)
    ├── InputError                a path, file or argument the user gave is unusable (exit 2)
    ├── DocumentError             one document cannot be read (the run goes on: it is rejected)
    ├── ModelError                a model that ships in a package is missing or broken (exit 3)
    ├── StoreError                the database cannot be opened, migrated or written (exit 4)
    │   └── NoDatabaseError       the database does not exist (exit 6)
    ├── FetchError                a URL cannot be fetched (refused, too large ...) (exit 5)
    └── AddressError              ``serve`` cannot listen on the address (port in use ...) (exit 7)

``EXIT_CODES`` is the one table of exit codes: the CLI's ``--help`` and the README are made from
it (a test checks the README). Messages say what was expected, what was found and what to do,
in one line.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """What the ``newsfuse`` command returns."""

    OK = 0
    ERROR = 1
    INPUT = 2
    MODEL = 3
    STORE = 4
    FETCH = 5
    NO_DATABASE = 6
    ADDRESS = 7
    INTERNAL = 70
    INTERRUPTED = 130


EXIT_CODES: dict[ExitCode, str] = {
    ExitCode.OK: "success",
    ExitCode.ERROR: "error",
    ExitCode.INPUT: "bad input or usage (a missing file, a bad option)",
    ExitCode.MODEL: "a model that ships in a package is missing: run `make venv`",
    ExitCode.STORE: "the store (database) cannot be opened or written",
    ExitCode.FETCH: "a URL cannot be fetched",
    ExitCode.NO_DATABASE: "the database does not exist (`serve --create` starts an empty one)",
    ExitCode.ADDRESS: "`serve` cannot listen on the address (the port is in use)",
    ExitCode.INTERNAL: "internal error: a bug in newsfuse, please report it "
    "(rerun with --debug for details)",
    ExitCode.INTERRUPTED: "interrupted",
}
"""Every exit code and what it means: the one table (``--help``'s epilog, the README)."""


def exit_codes_help() -> str:
    """The table as ``--help`` shows it."""
    rows = (f"  {int(code):<3} {meaning}" for code, meaning in EXIT_CODES.items())
    return "exit codes:\n" + "\n".join(rows) + "\n"


class NewsfuseError(Exception):
    """Base of every error newsfuse raises on purpose."""

    exit_code: ExitCode = ExitCode.ERROR


class InputError(NewsfuseError):
    """Something the user passed cannot be used."""

    exit_code = ExitCode.INPUT


class DocumentError(NewsfuseError):
    """One document cannot be read; it is reported as rejected and the run goes on. The
    message is made from the table of reasons (``newsfuse.reasons``)."""


class ModelError(NewsfuseError):
    """A model shipped inside a package is missing or cannot be loaded."""

    exit_code = ExitCode.MODEL


class StoreError(NewsfuseError):
    """The store cannot be opened, migrated or written."""

    exit_code = ExitCode.STORE


class NoDatabaseError(StoreError):
    """A database that should be read does not exist."""

    exit_code = ExitCode.NO_DATABASE


class FetchError(NewsfuseError):
    """A URL cannot be fetched."""

    exit_code = ExitCode.FETCH


class AddressError(NewsfuseError):
    """``serve`` cannot listen on the host and port it was given."""

    exit_code = ExitCode.ADDRESS
