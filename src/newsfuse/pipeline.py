"""Composing the stages: paths -> Articles -> Stories -> Briefings.

``run`` reads, marks copies, analyses, groups into stories and briefs; the CLI calls it. The
store (:mod:`newsfuse.store`) and the Spark job (:mod:`newsfuse.spark.job`) run the same
stages on their own schedule through the same functions: ``DuplicateMarker`` (ids and
copies), ``analyse`` (analysis and story profiles) and ``brief_story``. So a result does not
depend on how it was run. Progress is told to an observer (:mod:`newsfuse.progress`); nothing
here prints.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from newsfuse.config import DEFAULT_SETTINGS, Settings
from newsfuse.progress import ANALYSING, BRIEFING, READING, STORIES, Observer, Tracker
from newsfuse.reasons import reason_code
from newsfuse.types import AnalyzedArticle, Article, Briefing, Story
from newsfuse.workers import chunked, default_workers, run_in_workers

if TYPE_CHECKING:
    from newsfuse.cluster_features import Profile
    from newsfuse.dedup import DuplicateIndex

FileCallback = Callable[[Path], None]
ArticleCallback = Callable[[Article], None]


@dataclass
class RunCounts:
    """What a run did: how many documents of each status, and of each rejection reason (by
    its code, see ``newsfuse.reasons``)."""

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
            code = reason_code(article.reason)
            self.reasons[code] = self.reasons.get(code, 0) + 1


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
    """Gives each article a unique id and marks near-copies of articles seen before.

    ``index`` (default: a new one from ``settings``) holds what was seen before; ``taken``
    (default: the ids this marker gave) tells which ids are in use.
    """

    def __init__(
        self,
        settings: Settings = DEFAULT_SETTINGS,
        *,
        index: DuplicateIndex | None = None,
        taken: Callable[[str], bool] | None = None,
    ) -> None:
        from newsfuse.dedup import DuplicateIndex

        self._index = DuplicateIndex.from_settings(settings) if index is None else index
        self._ids: set[str] = set()
        self._taken = self._ids.__contains__ if taken is None else taken

    def mark(self, article: Article) -> Article:
        article = with_unique_id(article, self._taken)
        self._ids.add(article.id)
        if article.status != "ok":
            return article
        original = self._index.add(article)
        if original is None:
            return article
        return replace(article, status="duplicate", duplicate_of=original)


def with_unique_id(article: Article, taken: Callable[[str], bool]) -> Article:
    """``article`` with an id no other document has (see ``newsfuse.dedup.unique_id``)."""
    from newsfuse.dedup import unique_id

    doc_id = unique_id(article.id, taken)
    return article if doc_id == article.id else replace(article, id=doc_id)


def unique_ids(articles: Iterable[Article]) -> list[Article]:
    """``articles`` with the ids a run gives them (a repeated id becomes ``id-2``...)."""
    seen: set[str] = set()
    out: list[Article] = []
    for article in articles:
        out.append(with_unique_id(article, seen.__contains__))
        seen.add(out[-1].id)
    return out


def analyse(
    articles: Sequence[Article], analyzer: Any, embedder: Any
) -> list[tuple[AnalyzedArticle, Profile]]:
    """The analysis of each ok article and its story profile (its lead embedded)."""
    from newsfuse.cluster_features import profiles

    analyzed = analyzer.analyze_all(articles)
    return list(zip(analyzed, profiles(analyzed, embedder), strict=True))


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
    articles: Iterable[Article],
    settings: Settings = DEFAULT_SETTINGS,
    *,
    words: int | None = None,
    workers: int | None = None,
) -> list[Briefing]:
    """Group the ok articles into stories and brief each story, most covered first.

    Stories are briefed in ``workers`` processes (None: the cores, at most 4; 1: in this
    process) when they hold ``PARALLEL_MIN_SENTENCES`` sentences or more; the briefings are
    the same either way. Everything is kept in memory (see ``StreamingBrief`` for a spill).
    """
    brief = StreamingBrief({}, settings, words=words, workers=workers)
    for article in articles:
        brief.add(article)
    return brief.briefings()


def slim(article: Article) -> Article:
    """``article`` without its text: what the renderers (but HTML sources), the independence
    keys and the briefing's list of copies read."""
    return replace(article, blocks=()) if article.blocks else article


class Store(Protocol):
    """Where ``StreamingBrief`` keeps full documents: a dict, or a ``newsfuse.spill.Spill``."""

    def __setitem__(self, key: str, value: Any, /) -> None: ...
    def __getitem__(self, key: str, /) -> Any: ...
    def __contains__(self, key: object, /) -> bool: ...


ANALYSIS_CHUNK_WORDS = 300_000
"""Words of ok articles analysed, profiled and moved to the store at a time while reading."""
BRIEF_GROUP_SENTENCES = 40_000
"""Sentences of stories loaded from the store and briefed at a time."""


class StreamingBrief:
    """Briefs articles given one at a time (``add``), in memory only a small record per
    document: ok articles are analysed a chunk at a time and kept in ``store`` with their
    analysis (copies too when ``keep_copies``); the clusterer keeps one profile per ok article;
    stories are briefed a group at a time from the store. The briefings are those of
    analysing, clustering and briefing all articles at once."""

    def __init__(
        self,
        store: Store,
        settings: Settings = DEFAULT_SETTINGS,
        *,
        words: int | None = None,
        workers: int | None = None,
        keep_copies: bool = False,
        observer: Observer | None = None,
    ) -> None:
        self.articles: list[Article] = []
        self._store = store
        self._words = words or settings.summary_words
        self._workers = default_workers(4) if workers is None else workers
        self._keep_copies = keep_copies
        self._pending: list[Article] = []
        self._pending_words = 0
        self._sentences: dict[str, int] = {}
        self._models: tuple[Any, Any, Any] | None = None
        self._observer = observer
        self._analysing = Tracker(observer, ANALYSING, "articles", total=0)
        self._placing = Tracker(observer, STORIES, "articles", total=0)

    def add(self, article: Article) -> Article:
        """Take the next article; return its slim record (also kept in ``articles``)."""
        light = slim(article)
        self.articles.append(light)
        if article.status == "ok":
            self._pending.append(article)
            self._pending_words += article.word_count
            self._analysing.expect()
            self._placing.expect()
            if self._pending_words >= ANALYSIS_CHUNK_WORDS:
                self._analyze()
        elif article.status == "duplicate" and self._keep_copies:
            self._store[article.id] = article
        return light

    def full(self, doc_id: str) -> Article | None:
        """The full article ``doc_id`` (with its text) when the store holds it."""
        if doc_id not in self._store:
            return None
        found = self._store[doc_id]
        return found.article if isinstance(found, AnalyzedArticle) else found

    def briefings(self) -> list[Briefing]:
        """Brief every story, most covered first (call once, after the last ``add``)."""
        from newsfuse.brief import independence_keys

        self._analyze()
        self._analysing.finish()
        stories = self._clusterer().stories() if self._sentences else []
        self._placing.finish()
        if not stories:
            return []
        sizes = [sum(self._sentences[doc_id] for doc_id in s.article_ids) for s in stories]
        jobs = iter_story_jobs(
            stories,
            self._store.__getitem__,
            self.articles,
            independence_keys(self.articles),
            self._words,
        )
        briefing = Tracker(self._observer, BRIEFING, "stories", total=len(stories))
        briefing.begin()
        briefings = _brief_in_groups(jobs, sizes, self._workers, briefing.advance)
        briefing.finish()
        return most_covered_first(briefings)

    def _analyze(self) -> None:
        if not self._pending:
            return
        self._analysing.begin()
        analyzer, embedder, clusterer = self._load()
        self._placing.begin()
        analysed = analyse(self._pending, analyzer, embedder)
        self._analysing.advance(len(analysed))
        for item, found in analysed:
            clusterer.add_profile(found)
            self._sentences[item.id] = len(item.sentences)
            self._store[item.id] = item
        self._placing.advance(len(analysed))
        self._pending, self._pending_words = [], 0

    def _clusterer(self) -> Any:
        return self._load()[2]

    def _load(self) -> tuple[Any, Any, Any]:
        if self._models is None:
            from newsfuse.cluster import StoryClusterer
            from newsfuse.nlp.analyze import Analyzer
            from newsfuse.nlp.embed import load_embedder

            embedder = load_embedder()
            self._models = (Analyzer(), embedder, StoryClusterer(embedder=embedder))
        return self._models


def most_covered_first(briefings: list[Briefing]) -> list[Briefing]:
    """``briefings`` sorted in place, the most covered first (outlets, then documents), ties
    by headline; returned."""
    briefings.sort(key=lambda b: (-len(b.outlets), -len(b.documents), b.headline))
    return briefings


def _brief_in_groups(
    jobs: Iterable[StoryJob], sizes: Sequence[int], workers: int, done: Callable[[int], None]
) -> list[Briefing]:
    """``brief_stories`` over ``jobs`` (of ``sizes`` sentences) a group at a time, so that one
    group's documents are in memory: about ``BRIEF_GROUP_SENTENCES`` sentences of stories
    when they are briefed in workers, else one story. ``done(n)`` after each group."""
    parallel = workers > 1 and len(sizes) > 1 and sum(sizes) >= PARALLEL_MIN_SENTENCES
    limit, workers = (BRIEF_GROUP_SENTENCES, workers) if parallel else (1, 1)
    briefings: list[Briefing] = []
    group: list[StoryJob] = []
    total = 0
    for job, size in zip(jobs, sizes, strict=True):
        group.append(job)
        total += size
        if total >= limit:
            briefings.extend(brief_stories(group, workers=workers, min_sentences=0))
            done(len(group))
            group, total = [], 0
    briefings.extend(brief_stories(group, workers=workers, min_sentences=0))
    done(len(group))
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
    return list(iter_story_jobs(stories, by_id.__getitem__, articles, independence, words))


def iter_story_jobs(
    stories: Sequence[Story],
    member: Callable[[str], AnalyzedArticle],
    articles: Sequence[Article],
    independence: Mapping[str, str],
    words: int,
) -> Iterator[StoryJob]:
    """``story_jobs``, each job made when it is asked for, its members from ``member(id)``
    (the documents it may cite are those of ``articles``: slim records are enough)."""
    story_of = {doc_id: n for n, story in enumerate(stories) for doc_id in story.article_ids}
    cited: list[list[Article]] = [[] for _ in stories]
    for article in articles:  # in the input's order, as build_briefing lists copies
        owner = article.duplicate_of if article.status == "duplicate" else article.id
        if owner in story_of:
            cited[story_of[owner]].append(article)
    for story, documents in zip(stories, cited, strict=True):
        members = tuple(member(doc_id) for doc_id in story.article_ids)
        keys = {item.id: independence[item.id] for item in documents if item.id in independence}
        yield StoryJob(story, members, tuple(documents), keys, words)


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


def run(
    paths: Iterable[str | Path],
    settings: Settings = DEFAULT_SETTINGS,
    *,
    brief: StreamingBrief | None = None,
    each: ArticleCallback | None = None,
    workers: int | None = None,
    observer: Observer | None = None,
) -> RunReport:
    """Read ``paths``, mark copies, and (with ``brief``) analyse, group into stories and brief.

    ``each(article)`` is called on every document as it is read (nothing else keeps the full
    documents, unless ``brief`` does); ``workers`` processes read (see ``read_articles``);
    every stage tells ``observer`` how far it is.
    """
    paths = list(paths)
    counts = RunCounts()
    reading = Tracker(observer, READING, "files", total=_file_count(paths, observer))
    reading.begin()
    read = read_articles(paths, settings, on_file=lambda _: reading.advance(), workers=workers)
    for article in read:
        counts.count(article)
        if each is not None:
            each(article)
        if brief is not None:
            brief.add(article)
    reading.finish()
    briefings = brief.briefings() if brief is not None else []
    counts.stories = len(briefings)
    return RunReport(counts, briefings)


@dataclass(frozen=True)
class RunReport:
    """What ``run`` did: its counts and the briefings, most covered first."""

    counts: RunCounts
    briefings: list[Briefing]


def _file_count(paths: Iterable[str | Path], observer: Observer | None) -> int | None:
    """How many files ``paths`` name, when someone watches (listing a big tree costs time)."""
    if observer is None:
        return None
    from newsfuse.ingest.files import list_files

    return len(list_files(paths))


def brief_paths(
    paths: Iterable[str | Path],
    settings: Settings = DEFAULT_SETTINGS,
    *,
    words: int | None = None,
    observer: Observer | None = None,
) -> BriefResult:
    """Read ``paths`` and brief every story found, everything kept in memory."""
    articles: list[Article] = []
    brief = StreamingBrief({}, settings, words=words, observer=observer)
    report = run(paths, settings, brief=brief, each=articles.append, observer=observer)
    return BriefResult(tuple(articles), tuple(report.briefings))
