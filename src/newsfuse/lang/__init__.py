"""What each language brings: one folder per language (``lang/en/``, ``lang/fr/`` ...).

A stage never names a language's words itself: it asks for a *part* of the article's language,
a module of that language's folder (``part(article.language, "calendar")``), and reads the
tables and patterns there. A language that lacks a part falls back to the default language's,
so adding a language is adding one folder with the parts it can fill.

Parts every language folder may hold:

- ``core``: the spaCy model name, stop words, word frequency;
- ``calendar``: month and weekday names, their abbreviations and patterns;
- further parts named by the stage that reads them: ``boilerplate`` (page furniture),
  ``scraped`` (the scraped-text cleaner's words), ``bylines``, ``datelines``, ``timex`` (time
  expressions), ``transcript`` (sentence cues of speech-to-text), ``places`` (the gazetteer's
  aliases), ``evaluation`` (the baselines'), ``samples`` (the workers' warm-up article),
  ``quotes``, ``claims`` ...

English (``lang/en/``) fills every part; another language fills the parts it has words for
(tables named as in English's part: a test checks it). Its folder name is the ISO 639-1 code
``extract.language.detect_language`` gives (``no`` for Norwegian).

Stages that run before the language is known (cleaning a scraped page, reading a date in a
meta tag) read a part of every language at once with ``parts(name)``, or one table of it with
``entries(name, table)``: every language's entries, the default language's first, or
``alternatives(name, table)`` to match any of them in a regular expression.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import cache
from importlib import import_module
from pathlib import Path
from types import ModuleType
from typing import Any

__all__ = [
    "DEFAULT", "alternatives", "available", "code", "entries", "most_common", "part", "parts",
]

DEFAULT = "en"
"""The language read when an article's language is unknown or has no folder."""


@cache
def available() -> tuple[str, ...]:
    """The codes of the languages that have a folder here, the default first."""
    here = Path(__file__).parent
    found = sorted(p.name for p in here.iterdir() if p.is_dir() and (p / "__init__.py").exists())
    return (DEFAULT, *(name for name in found if name != DEFAULT))


def code(language: str | None) -> str:
    """The folder that serves ``language`` ("en-GB" -> "en"; unknown -> the default)."""
    base = (language or "").split("-", 1)[0].split("_", 1)[0].lower()
    return base if base in available() else DEFAULT


def most_common(languages: Iterable[str | None]) -> str:
    """The folder that serves most of ``languages`` (the default when there are none)."""
    counts = Counter(code(language) for language in languages)
    return counts.most_common(1)[0][0] if counts else DEFAULT


@cache
def part(language: str | None, name: str) -> ModuleType:
    """The module ``name`` of ``language``'s folder, else of the default language's."""
    folder = code(language)
    module = f"{__name__}.{folder}.{name}"
    try:
        return import_module(module)
    except ModuleNotFoundError as error:
        if error.name != module or folder == DEFAULT:
            raise
        return import_module(f"{__name__}.{DEFAULT}.{name}")


@cache
def parts(name: str) -> tuple[ModuleType, ...]:
    """The module ``name`` of every language that has one, the default first."""
    found = []
    for folder in available():
        module = f"{__name__}.{folder}.{name}"
        try:
            found.append(import_module(module))
        except ModuleNotFoundError as error:
            if error.name != module:
                raise
    return tuple(found)


@cache
def entries(name: str, table: str) -> tuple[Any, ...]:
    """The entries of ``table`` (a tuple or set) in part ``name`` of every language, the
    default language's first; a language whose part lacks the table adds nothing."""
    return tuple(entry for module in parts(name) for entry in getattr(module, table, ()))


@cache
def alternatives(name: str, table: str, *, words: bool = False) -> str:
    """Every language's entries of ``table`` in part ``name`` as one regular-expression group,
    ``(?:a|b|...)``. Entries are patterns, or with ``words`` plain words (escaped, longest
    first, so that "sept" is tried before "sep"). No entries give a group that never matches."""
    found = entries(name, table)
    if not found:
        return "(?!)"
    if words:
        found = tuple(sorted((re.escape(word) for word in found), key=len, reverse=True))
    return "(?:" + "|".join(found) + ")"
