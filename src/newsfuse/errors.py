"""newsfuse's exceptions: one tree, one-line messages a person can act on.

::

    NewsfuseError                 base; str(error) is the one line shown to a user
    ├── InputError                a path, file or argument the user gave is unusable
    ├── DocumentError             one document cannot be read (the run goes on: it is rejected)
    ├── ModelError                a model that ships in a package is missing or broken
    ├── StoreError                the database cannot be opened, migrated or written
    └── FetchError                a URL cannot be fetched (refused, too large, timed out ...)

Messages say what was expected, what was found and what to do, in one line.
"""

from __future__ import annotations


class NewsfuseError(Exception):
    """Base of every error newsfuse raises on purpose."""

    exit_code = 1


class InputError(NewsfuseError):
    """Something the user passed cannot be used (exit code 2)."""

    exit_code = 2


class DocumentError(NewsfuseError):
    """One document cannot be read; it is reported as rejected and the run goes on."""


class ModelError(NewsfuseError):
    """A model shipped inside a package is missing or cannot be loaded (exit code 3)."""

    exit_code = 3


class StoreError(NewsfuseError):
    """The store cannot be opened, migrated or written (exit code 4)."""

    exit_code = 4


class FetchError(NewsfuseError):
    """A URL cannot be fetched (exit code 5)."""

    exit_code = 5
