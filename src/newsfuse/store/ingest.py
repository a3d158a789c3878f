"""Adding documents to the store: read, skip what is stored, extract, mark copies, commit.

The stages are the pipeline's (``read_document``, then ``pipeline.DuplicateMarker`` for ids
and copies), against what the store holds rather than what one run has seen.

Documents are committed in batches (``commit_every``), so a run killed half-way keeps every
batch it committed, and running it again adds only the rest. Near-duplicates are marked
against everything stored before (the index is rebuilt from the store once per process).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from newsfuse.config import DEFAULT_SETTINGS, Settings
from newsfuse.pipeline import DuplicateMarker, RunCounts
from newsfuse.store.store import Store
from newsfuse.types import RawDocument

if TYPE_CHECKING:
    from newsfuse.fetch.sources import FetchReport, WebSource


def is_url(target: str | Path) -> bool:
    """True for an http(s) URL (anything else is taken for a path)."""
    return str(target).lower().startswith(("http://", "https://"))


@dataclass
class IngestReport(RunCounts):
    """What an ingest run did: documents read, and of those added (counted by status) or
    already stored."""

    read: int = 0
    already_stored: int = 0

    @property
    def added(self) -> int:
        return self.documents


class Ingester:
    """Adds RawDocuments to one store; owns the near-duplicate index for that store."""

    def __init__(
        self, store: Store, settings: Settings = DEFAULT_SETTINGS, *, commit_every: int = 100
    ) -> None:
        self.store = store
        self.settings = settings
        self.commit_every = max(1, commit_every)
        self._marker: DuplicateMarker | None = None

    def _marked(self) -> DuplicateMarker:
        """Ids free in the store, copies of what it holds marked (its index rebuilt once)."""
        if self._marker is None:
            from newsfuse.dedup import DuplicateIndex

            index = DuplicateIndex.from_settings(self.settings)
            for article in self.store.originals():
                index.add(article)
            self._marker = DuplicateMarker(self.settings, index=index, taken=self.store.has_id)
        return self._marker

    def add_paths(
        self, paths: Iterable[str | Path], report: IngestReport | None = None
    ) -> IngestReport:
        """Add every document of the files and folders ``paths`` (see ``newsfuse extract``)."""
        from newsfuse.ingest.files import list_files, read_file

        report = report or IngestReport()
        for path in list_files(paths):
            self.add_raw(read_file(path, self.settings), report)
        return report

    def add_targets(
        self,
        targets: Iterable[str | Path],
        *,
        web: WebSource | None = None,
        report: IngestReport | None = None,
        fetch_report: FetchReport | None = None,
    ) -> IngestReport:
        """Add files, folders, article URLs and feed URLs (URLs need ``web``)."""
        from newsfuse.errors import InputError
        from newsfuse.fetch.sources import FetchReport

        report = report or IngestReport()
        fetch_report = fetch_report if fetch_report is not None else FetchReport()
        targets = list(targets)
        paths = [target for target in targets if not is_url(target)]
        self.add_paths(paths, report)
        for url in (str(target) for target in targets if is_url(target)):
            if web is None:
                raise InputError(f"{url}: fetching URLs needs a web source")
            self.add_raw(web.documents(url, fetch_report), report)
        return report

    def add_raw(
        self, raws: Iterable[RawDocument], report: IngestReport | None = None
    ) -> IngestReport:
        """Add documents, committing every ``commit_every`` of them."""
        report = report or IngestReport()
        batch: list[RawDocument] = []
        for raw in raws:
            batch.append(raw)
            if len(batch) >= self.commit_every:
                self._commit(batch, report)
                batch = []
        if batch:
            self._commit(batch, report)
        return report

    def _commit(self, batch: list[RawDocument], report: IngestReport) -> None:
        with self.store.transaction():
            for raw in batch:
                self._add_one(raw, report)

    def _add_one(self, raw: RawDocument, report: IngestReport) -> None:
        from newsfuse.extract import read_document

        report.read += 1
        if self.store.has_document(raw):
            report.already_stored += 1
            return
        article = self._marked().mark(read_document(raw, self.settings))
        if self.store.add_document(raw, article):
            report.count(article)
        else:
            report.already_stored += 1
