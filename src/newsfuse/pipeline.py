"""Composing the stages: paths -> Articles -> Stories -> Briefings.

The CLI, the web app and the Spark job call these functions, so a result does not depend on how
it was run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from newsfuse.config import DEFAULT_SETTINGS, Settings
from newsfuse.types import AnalyzedArticle, Article, Briefing, Story
from newsfuse.workers import chunked, default_workers, run_in_workers

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


PARALLEL_MIN_SENTENCES = 2_000
"""Below this many sentences in all stories, starting briefing workers costs more than it
saves (each loads the parser, the gazetteer and the embedder)."""
CHUNK_SENTENCES = 600
"""Sentences of stories sent to a briefing worker at a time (whole stories)."""


@dataclass(frozen=True)
class StoryJob:
    """Everything needed to brief one story: its analysed members, the documents it may cite
    (members and their copies) and their independence keys."""

    story: Story
    members: tuple[AnalyzedArticle, ...]
    articles: tuple[Article, ...]
    independence: dict[str, str]
    words: int

    @property
    def sentences(self) -> int:
        return sum(len(member.sentences) for member in self.members)


def brief_articles(
    articles: Sequence[Article],
    settings: Settings = DEFAULT_SETTINGS,
    *,
    words: int | None = None,
    workers: int | None = None,
) -> list[Briefing]:
    """Group the ok articles into stories and brief each story, most covered first.

    Stories are briefed in ``workers`` processes (None: the cores, at most 4; 1: in this
    process) when they hold ``PARALLEL_MIN_SENTENCES`` sentences or more; the briefings are
    the same either way.
    """
    from newsfuse.brief import independence_keys
    from newsfuse.cluster import cluster_articles
    from newsfuse.nlp.analyze import Analyzer
    from newsfuse.nlp.embed import load_embedder

    ok = [article for article in articles if article.status == "ok"]
    if not ok:
        return []
    analyzed = Analyzer().analyze_all(ok)
    stories = cluster_articles(analyzed, embedder=load_embedder())
    jobs = story_jobs(
        stories, analyzed, articles, independence_keys(articles), words or settings.summary_words
    )
    briefings = brief_stories(jobs, workers=default_workers(4) if workers is None else workers)
    briefings.sort(key=lambda b: (-len(b.outlets), -len(b.documents), b.headline))
    return briefings


def story_jobs(
    stories: Sequence[Story],
    analyzed: Sequence[AnalyzedArticle],
    articles: Sequence[Article],
    independence: Mapping[str, str],
    words: int,
) -> list[StoryJob]:
    """One job per story, holding only that story's documents."""
    by_id = {item.id: item for item in analyzed}
    story_of = {doc_id: n for n, story in enumerate(stories) for doc_id in story.article_ids}
    cited: list[list[Article]] = [[] for _ in stories]
    for article in articles:  # in the input's order, as build_briefing lists copies
        owner = article.duplicate_of if article.status == "duplicate" else article.id
        if owner in story_of:
            cited[story_of[owner]].append(article)
    jobs = []
    for story, documents in zip(stories, cited, strict=True):
        members = tuple(by_id[doc_id] for doc_id in story.article_ids)
        keys = {item.id: independence[item.id] for item in documents if item.id in independence}
        jobs.append(StoryJob(story, members, tuple(documents), keys, words))
    return jobs


def brief_story(job: StoryJob, embedder: Any | None = None) -> Briefing:
    """The briefing of one story (``embedder``: None loads the shipped model)."""
    from newsfuse.brief import build_briefing
    from newsfuse.nlp.embed import load_embedder

    return build_briefing(
        job.story,
        job.members,
        all_articles=job.articles,
        independence=job.independence,
        embedder=_StoryEmbedder(embedder or load_embedder()),
        words=job.words,
    )


def brief_chunk(jobs: Sequence[StoryJob]) -> list[Briefing]:
    """Brief a chunk of stories (what a briefing worker runs; one embedder thread, since
    each core runs a worker)."""
    from newsfuse.nlp.embed import load_embedder

    embedder = load_embedder(threads=1)
    return [brief_story(job, embedder) for job in jobs]


def brief_stories(
    jobs: Sequence[StoryJob],
    *,
    workers: int = 1,
    min_sentences: int = PARALLEL_MIN_SENTENCES,
) -> list[Briefing]:
    """The briefing of every job, in order; in ``workers`` processes when the stories hold
    ``min_sentences`` sentences or more (a chunk whose worker fails is briefed here)."""
    if workers <= 1 or len(jobs) < 2 or sum(job.sentences for job in jobs) < min_sentences:
        return [brief_story(job) for job in jobs]
    chunks = chunked(jobs, lambda job: job.sentences, CHUNK_SENTENCES)
    results = run_in_workers("newsfuse.pipeline:brief_chunk", chunks, workers)
    return [
        briefing
        for chunk, result in zip(chunks, results, strict=True)
        for briefing in (result if result is not None else brief_chunk(chunk))
    ]


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
