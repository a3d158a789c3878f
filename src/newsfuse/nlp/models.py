"""The spaCy pipelines, loaded once per process and language."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from newsfuse import lang
from newsfuse.errors import ModelError


def model_name(language: str | None) -> str:
    """The spaCy pipeline that analyses ``language`` (the default language's when it has none)."""
    name: str = lang.part(language, "core").SPACY_MODEL
    return name


def load_spacy(language: str | None = None) -> Any:
    """The spaCy pipeline of ``language``, parser included, loaded once per process; each
    stage disables the components it does not read (``nlp.pipe(texts, disable=[...])``)."""
    return _load(model_name(language))


@lru_cache(maxsize=4)
def _load(name: str) -> Any:
    import spacy

    try:
        return spacy.load(name)
    except OSError as error:
        raise ModelError(
            f"spaCy model {name!r} is not installed: run `make venv` ({error})"
        ) from error


def without(nlp: Any, *names: str) -> list[str]:
    """The components of ``names`` that ``nlp`` has (what to pass as ``disable``)."""
    return [name for name in names if name in nlp.pipe_names]
