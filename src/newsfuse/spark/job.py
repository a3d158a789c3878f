"""The Spark job: read WARC/WET (or any newsfuse input) files, dedup, cluster, brief.

In the manner of Common Crawl's cc-pyspark jobs, the job owns input reading and counters; the
work on each record is newsfuse's own stage functions, so the output equals ``newsfuse brief``
on the same input:

1. **extract** (executors, one task per input file): ``read_file`` + ``read_document``. Each
   finished file is checkpointed under ``OUTPUT/_work/extract/``; a restarted job skips it.
2. **dedup** (executors): MinHash band keys group candidates; pairs are confirmed on shingles;
   the driver replays the single-machine rule over the confirmed pairs (:mod:`.dedup`).
3. **analyze** (executors): spaCy analysis and lead-sentence embeddings of the articles left,
   checkpointed per input file too.
4. **cluster** (driver): :class:`newsfuse.cluster.StoryClusterer` over the compact profiles
   (blocking, pair scorer, average-link: the stories of a batch run, whatever the order).
5. **brief** (executors, one task per story): :func:`newsfuse.brief.build_briefing`.

Output: ``documents.parquet``, ``stories.parquet`` and ``briefing.json`` (what
``newsfuse brief --format json`` prints for the same input).
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from newsfuse import __version__
from newsfuse.config import DEFAULT_SETTINGS, Settings
from newsfuse.errors import InputError
from newsfuse.pipeline import RunCounts, unique_ids
from newsfuse.spark.inputs import InputFile
from newsfuse.types import AnalyzedArticle, Article, Briefing

WORK = "_work"


@dataclass
class JobCounters:
    """What the job did, reported at the end."""

    input_files: int = 0
    skipped_files: int = 0
    records: RunCounts = field(default_factory=RunCounts)

    def lines(self) -> list[str]:
        records = self.records
        return [
            f"input files      {self.input_files} ({self.skipped_files} already done, skipped)",
            f"records read     {records.documents}",
            f"rejected         {records.rejected}",
            f"duplicates       {records.duplicate}",
            f"articles         {records.ok}",
            f"stories          {records.stories}",
        ]


class NewsfuseJob:
    """One run of the job over ``inputs``, writing to ``output``."""

    def __init__(
        self, output: Path, *, settings: Settings = DEFAULT_SETTINGS, words: int = 120
    ) -> None:
        self.output = output
        self.settings = settings
        self.words = words
        self.counters = JobCounters()

    # ------------------------------------------------------------------ the stages

    def run(self, spark: Any, inputs: Sequence[str | Path], *, brief: bool = True) -> JobCounters:
        from newsfuse.spark.inputs import list_inputs

        files = list_inputs(spark, inputs)
        if not files:
            raise InputError("no input files: name WARC/WET, HTML, text or JSONL files or folders")
        self.counters.input_files = len(files)
        articles = self._extract(spark, files)
        articles = self._dedup(spark, articles)
        for article in articles:
            self.counters.records.count(article)
        briefings: list[Briefing] = []
        if brief:
            analyzed = self._analyze(spark, articles)
            briefings = self._brief(spark, articles, analyzed)
        self.counters.records.stories = len(briefings)
        self._write(spark, articles, briefings)
        return self.counters

    def _extract(self, spark: Any, files: list[InputFile]) -> list[Article]:
        folder = self.output / WORK / "extract"
        folder.mkdir(parents=True, exist_ok=True)
        pending = [item for item in files if not (folder / f"{item.key}.pkl").exists()]
        self.counters.skipped_files = len(files) - len(pending)
        settings = self.settings
        local = [
            (item.name, str(folder / f"{item.key}.pkl")) for item in pending if not item.remote
        ]
        if local:
            spark.sparkContext.parallelize(local, len(local)).foreach(
                lambda job: _extract_file(job[0], Path(job[1]), settings)
            )
        remote = {item.name: str(folder / f"{item.key}.pkl") for item in pending if item.remote}
        if remote:
            spark.sparkContext.binaryFiles(",".join(remote), len(remote)).foreach(
                lambda pair: _extract_bytes(pair[0], pair[1], Path(remote[pair[0]]), settings)
            )
        articles: list[Article] = []
        for item in files:
            articles.extend(_load(folder / f"{item.key}.pkl"))
        return unique_ids(articles)

    def _dedup(self, spark: Any, articles: list[Article]) -> list[Article]:
        from newsfuse.dedup import DuplicateIndex
        from newsfuse.spark.dedup import UNDATED, band_keys, candidate_pairs, resolve

        ok = [(n, a) for n, a in enumerate(articles) if a.status == "ok"]
        order = {n: (a.published or UNDATED, seen) for seen, (n, a) in enumerate(ok)}
        settings = self.settings
        rdd = spark.sparkContext.parallelize(ok, max(1, min(len(ok) // 200 + 1, 64)))

        def keys(part: Iterator[tuple[int, Article]]) -> Iterator[tuple[Any, int]]:
            index = DuplicateIndex.from_settings(settings)
            for position, article in part:
                yield from band_keys(position, article, index)

        texts = rdd.mapPartitions(lambda part: _shingled(part, settings)).cache()
        confirmed = (
            rdd.mapPartitions(keys)
            .groupByKey()
            .flatMap(lambda kv: candidate_pairs(kv[1]))
            .distinct()
            .join(texts)  # (later, (earlier, later's shingles))
            .map(lambda kv: (kv[1][0], (kv[0], kv[1][1])))
            .join(texts)  # (earlier, ((later, later's shingles), earlier's shingles))
            .filter(lambda kv: _same(kv[1][0][1], kv[1][1], settings))
            .map(lambda kv: (kv[1][0][0], kv[0]))
            .collect()
        )
        texts.unpersist()
        roots = resolve(order, confirmed)
        return [
            replace(a, status="duplicate", duplicate_of=articles[roots[n]].id) if n in roots else a
            for n, a in enumerate(articles)
        ]

    def _analyze(self, spark: Any, articles: list[Article]) -> list[AnalyzedArticle]:
        folder = self.output / WORK / "analyze"
        folder.mkdir(parents=True, exist_ok=True)
        ok = [a for a in articles if a.status == "ok"]
        digest = hashlib.sha1("\n".join(a.id for a in ok).encode()).hexdigest()[:12]
        chunks = [ok[i : i + 50] for i in range(0, len(ok), 50)]
        paths = [folder / f"{digest}-{n}.pkl" for n in range(len(chunks))]
        pending = [
            (chunk, str(path))
            for chunk, path in zip(chunks, paths, strict=True)
            if not path.exists()
        ]
        if pending:
            spark.sparkContext.parallelize(pending, len(pending)).foreach(
                lambda item: _analyze_chunk(item[0], Path(item[1]))
            )
        analyzed: list[AnalyzedArticle] = []
        for path in paths:
            analyzed.extend(_load(path))
        return analyzed

    def _brief(self, spark: Any, articles: list[Article], analyzed: list[Any]) -> list[Briefing]:
        from newsfuse.brief import independence_keys
        from newsfuse.cluster import StoryClusterer
        from newsfuse.pipeline import brief_chunk, most_covered_first, slim, story_jobs

        clusterer = StoryClusterer(embedder=None)  # type: ignore[arg-type]  # profiles come embedded
        for item in analyzed:
            clusterer.add_profile(item[1])
        stories = clusterer.stories()
        members = [item[0] for item in analyzed]
        light = [slim(a) for a in articles]  # briefs need ids and statuses only
        jobs = story_jobs(stories, members, light, independence_keys(articles), self.words)
        briefings = (
            spark.sparkContext.parallelize(jobs, max(1, min(len(jobs), 64)))
            .mapPartitions(lambda part: brief_chunk(list(part)))
            .collect()
        )
        return most_covered_first(briefings)

    # ------------------------------------------------------------------ output

    def _write(self, spark: Any, articles: list[Article], briefings: list[Briefing]) -> None:
        from newsfuse.render.json import document_dict, output_dict

        generated = datetime.now(UTC).replace(microsecond=0).isoformat()
        story_of = {doc: b.story_id for b in briefings for doc in b.documents}
        documents = [{**_flat(document_dict(a)), "story": story_of.get(a.id)} for a in articles]
        whole = output_dict(articles, briefings, version=__version__, generated_at=generated)
        stories = [
            {
                "id": s["id"],
                "headline": s["headline"],
                "documents": list(s["documents"]),
                "first_published": s.get("first_published"),
                "briefing_json": json.dumps(s, ensure_ascii=False),
            }
            for s in whole["stories"]
        ]
        _write_parquet(spark, documents, self.output / "documents.parquet", _DOCUMENT_SCHEMA)
        _write_parquet(spark, stories, self.output / "stories.parquet", _STORY_SCHEMA)
        (self.output / "briefing.json").write_text(
            json.dumps(whole, ensure_ascii=False, indent=2) + "\n"
        )


# ---------------------------------------------------------------------- executor side


def _shingled(part: Iterator[tuple[int, Article]], settings: Settings) -> Iterator[tuple[int, Any]]:
    from newsfuse.dedup import dedup_text, pack, shingles

    for position, article in part:
        yield position, pack(shingles(dedup_text(article), settings.shingle_words))


def _same(first: Any, second: Any, settings: Settings) -> bool:
    from newsfuse.dedup import DuplicateIndex

    return DuplicateIndex.from_settings(settings).same(first, second)


def _extract_file(path: str, target: Path, settings: Settings) -> None:
    """Read one input file into Articles and checkpoint them atomically."""
    from newsfuse.extract import read_document
    from newsfuse.ingest.files import read_file

    articles = [read_document(raw, settings) for raw in read_file(Path(path), settings)]
    _dump(articles, target)


def _extract_bytes(name: str, data: bytes, target: Path, settings: Settings) -> None:
    """Read one remote input file, given its bytes, and checkpoint its Articles."""
    from newsfuse.extract import read_document
    from newsfuse.spark.inputs import read_remote

    _dump([read_document(raw, settings) for raw in read_remote(name, data, settings)], target)


def _analyze_chunk(articles: list[Article], target: Path) -> None:
    """Analyse a chunk of articles and embed their leads: (AnalyzedArticle, Profile) pairs."""
    from newsfuse.nlp.analyze import Analyzer
    from newsfuse.nlp.embed import load_embedder
    from newsfuse.pipeline import analyse

    _dump(analyse(articles, Analyzer(), load_embedder(threads=1)), target)


def _dump(items: list[Any], target: Path) -> None:
    temporary = target.with_suffix(f".{os.getpid()}.tmp")
    with temporary.open("wb") as handle:
        pickle.dump(items, handle, protocol=pickle.HIGHEST_PROTOCOL)
        handle.flush()
        os.fsync(handle.fileno())
    temporary.replace(target)


def _load(path: Path) -> list[Any]:
    with path.open("rb") as handle:
        return list(pickle.load(handle))


def _flat(document: dict[str, Any]) -> dict[str, Any]:
    return {key: document.get(key) for key in _DOCUMENT_FIELDS}


_DOCUMENT_FIELDS = (
    "id",
    "source",
    "status",
    "reason",
    "duplicate_of",
    "title",
    "published",
    "outlet",
    "author",
    "language",
    "text",
    "word_count",
)
_DOCUMENT_SCHEMA = ", ".join(
    f"{name} {'INT' if name == 'word_count' else 'STRING'}" for name in (*_DOCUMENT_FIELDS, "story")
)
_STORY_SCHEMA = (
    "id STRING, headline STRING, documents ARRAY<STRING>, first_published STRING, "
    "briefing_json STRING"
)


def _write_parquet(spark: Any, rows: list[dict[str, Any]], path: Path, schema: str) -> None:
    frame = spark.createDataFrame(rows, schema=schema)
    frame.write.mode("overwrite").parquet(str(path))


def make_session(master: str = "local[2]", app: str = "newsfuse") -> Any:
    """A SparkSession whose Python workers run this interpreter."""
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    builder = (
        SparkSession.builder.master(master)
        .appName(app)
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.python.worker.reuse", "true")
    )
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    return session
