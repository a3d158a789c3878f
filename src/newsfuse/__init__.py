"""newsfuse: from raw news documents to cross-checked briefings.

The Python API::

    import newsfuse

    for article in newsfuse.extract(["examples/"]):   # typed Articles, copies marked
        print(article.status, article.title, article.published, article.outlet)

    result = newsfuse.brief(["examples/"])            # every Article, one Briefing per story
    for briefing in result.briefings:
        print(briefing.headline)

``extract`` and ``brief`` share their names with the stage packages ``newsfuse.extract`` and
``newsfuse.brief``. Python binds a subpackage's name on its parent only when the subpackage is
first loaded, so both are loaded here first and the functions below then keep the names;
``from newsfuse.extract.html import ...`` and the like work as always.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

__version__ = "0.1.0"

import newsfuse.brief  # noqa: E402, F401  (loaded before the function takes the name)
import newsfuse.extract  # noqa: E402, F401
from newsfuse.config import DEFAULT_SETTINGS, Settings  # noqa: E402

if TYPE_CHECKING:
    from newsfuse.pipeline import BriefResult
    from newsfuse.types import Article

__all__ = ["__version__", "brief", "extract"]

Paths = Iterable[str | Path] | str | Path


def extract(paths: Paths, settings: Settings = DEFAULT_SETTINGS) -> Iterator[Article]:
    """Read every document under ``paths`` (files or folders) into Articles, in order, with
    near-copies of earlier documents marked ``duplicate``."""
    from newsfuse.pipeline import read_articles

    return read_articles(_listed(paths), settings)


def brief(paths: Paths, settings: Settings = DEFAULT_SETTINGS) -> BriefResult:
    """Read every document under ``paths`` and brief every story they tell: the result holds
    ``articles`` (all documents read) and ``briefings`` (one per story, most covered first)."""
    from newsfuse.pipeline import brief_paths

    return brief_paths(_listed(paths), settings)


def _listed(paths: Paths) -> list[str | Path]:
    return [paths] if isinstance(paths, str | Path) else list(paths)
