"""Composing the stages: paths -> Articles -> Stories -> Briefings.

The CLI, the web app and the Spark job call these functions, so a result does not depend on how
it was run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from newsfuse.config import DEFAULT_SETTINGS, Settings
from newsfuse.types import Article, Briefing

FileCallback = Callable[[Path], None]


@dataclass
class RunCounts:
    """What a run did: how many documents of each status."""

    documents: int = 0
    ok: int = 0
    duplicate: int = 0
    rejected: int = 0
    stories: int = 0
    reasons: dict[str, int] = field(default_factory=dict)

    def count(self, article: Article) -> None:
        self.documents += 1
        setattr(self, article.status, getattr(self, article.status) + 1)
        if article.reason:
            key = article.reason.split(":", 1)[0]
            self.reasons[key] = self.reasons.get(key, 0) + 1


def read_articles(
    paths: Iterable[str | Path],
    settings: Settings = DEFAULT_SETTINGS,
    *,
    on_file: FileCallback | None = None,
    workers: int | None = None,
) -> Iterator[Article]:
    """Read every document under ``paths``; mark near-duplicates of earlier documents.

    Documents are read in ``workers`` processes (None: the cores, at most 4; 1: in this
    process), each within ``settings.document_timeout`` seconds; the output is the same, in the
    same order, whatever the number of workers. Raises InputError for a path that does not
    exist; a bad document is yielded as rejected.
    """
    from itertools import chain

    from newsfuse.extract.pool import ReadingPool
    from newsfuse.ingest.files import list_files, read_file

    files = list_files(paths)
    marker = DuplicateMarker(settings)
    # Each file's documents, then (path, None) marking its end, so on_file runs in order.
    stream = ((path, raw) for path in files for raw in chain(read_file(path, settings), [None]))
    with ReadingPool(settings, workers=workers or settings.read_workers) as pool:
        for path, article in pool.read(stream):
            if article is not None:
                yield marker.mark(article)
            elif on_file is not None:
                on_file(path)


class DuplicateMarker:
    """Gives each article a unique id and marks near-copies of articles seen before."""

    def __init__(self, settings: Settings = DEFAULT_SETTINGS) -> None:
        from newsfuse.dedup import DuplicateIndex

        self._index = DuplicateIndex(
            permutations=settings.minhash_permutations,
            shingle=settings.shingle_words,
            jaccard=settings.duplicate_jaccard,
            containment=settings.duplicate_containment,
        )
        self._ids: set[str] = set()

    def mark(self, article: Article) -> Article:
        article = self._unique(article)
        if article.status != "ok":
            return article
        original = self._index.add(article)
        if original is None:
            return article
        return replace(article, status="duplicate", duplicate_of=original)

    def _unique(self, article: Article) -> Article:
        doc_id, n = article.id, 1
        while doc_id in self._ids:
            n += 1
            doc_id = f"{article.id}-{n}"
        self._ids.add(doc_id)
        return article if doc_id == article.id else replace(article, id=doc_id)


@dataclass(frozen=True)
class BriefResult:
    """Every document read, and one briefing per story."""

    articles: tuple[Article, ...]
    briefings: tuple[Briefing, ...]


class _StoryEmbedder:
    """Embeds for one story, each distinct text once: the summary and the claim alignment
    embed many of the same sentences. A vector does not depend on the batch it is computed
    in, so the results are those of the plain embedder; memory is one story's texts."""

    def __init__(self, embedder: Any) -> None:
        self._embedder = embedder
        self._vectors: dict[str, Any] = {}

    def embed(self, texts: Sequence[str]) -> Any:
        missing = [text for text in dict.fromkeys(texts) if text not in self._vectors]
        if missing:
            self._vectors.update(zip(missing, self._embedder.embed(missing), strict=True))
        if not texts:
            return self._embedder.embed([])
        import numpy as np

        return np.stack([self._vectors[text] for text in texts])


def brief_articles(
    articles: Sequence[Article],
    settings: Settings = DEFAULT_SETTINGS,
    *,
    words: int | None = None,
) -> list[Briefing]:
    """Group the ok articles into stories and brief each story, most covered first."""
    from newsfuse.brief import build_briefing, independence_keys
    from newsfuse.cluster import cluster_articles
    from newsfuse.nlp.analyze import Analyzer
    from newsfuse.nlp.embed import load_embedder

    ok = [article for article in articles if article.status == "ok"]
    if not ok:
        return []
    analyzed = Analyzer().analyze_all(ok)
    embedder = load_embedder()
    stories = cluster_articles(analyzed, embedder=embedder)
    by_id = {item.id: item for item in analyzed}
    independence = independence_keys(articles)
    briefings = [
        build_briefing(
            story,
            [by_id[doc_id] for doc_id in story.article_ids],
            all_articles=articles,
            independence=independence,
            embedder=_StoryEmbedder(embedder),
            words=words or settings.summary_words,
        )
        for story in stories
    ]
    briefings.sort(key=lambda b: (-len(b.outlets), -len(b.documents), b.headline))
    return briefings


def brief_paths(
    paths: Iterable[str | Path],
    settings: Settings = DEFAULT_SETTINGS,
    *,
    words: int | None = None,
    on_file: FileCallback | None = None,
) -> BriefResult:
    """Read ``paths`` and brief every story found."""
    articles = list(read_articles(paths, settings, on_file=on_file))
    return BriefResult(tuple(articles), tuple(brief_articles(articles, settings, words=words)))
