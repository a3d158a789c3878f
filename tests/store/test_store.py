"""The store on SQLite and on a real PostgreSQL server: idempotent ingest, raw documents kept,
full-text search, one writer, schema versions. No language models are loaded here."""

from __future__ import annotations

import shutil
import sqlite3
import sys
from pathlib import Path

import pytest

from newsfuse.errors import StoreError
from newsfuse.extract import read_document
from newsfuse.store import Ingester, Store
from newsfuse.store.schema import SCHEMA_VERSION

sys.path.insert(0, str(Path(__file__).parent))
import docgen  # noqa: E402


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    docgen.write_text_files(docs, events=3, per_event=3)
    return docs


def test_reingesting_a_folder_adds_nothing(store_url: str, folder: Path, tmp_path: Path) -> None:
    with Store.open(store_url, write=True) as store:
        first = Ingester(store).add_paths([folder])
        before = store.stats()
        again = Ingester(store).add_paths([folder])
        moved = tmp_path / "elsewhere"
        shutil.copytree(folder, moved)
        elsewhere = Ingester(store).add_paths([moved])
        after = store.stats()
    assert first.added == 9 and first.ok == 9
    assert again.added == 0 and again.already_stored == 9
    assert elsewhere.added == 0
    assert after == before
    assert after.documents == 9 and after.pending == 9


def test_a_changed_document_is_a_new_document(store_url: str, folder: Path) -> None:
    path = sorted(folder.iterdir())[0]
    with Store.open(store_url, write=True) as store:
        Ingester(store).add_paths([folder])
        path.write_text(path.read_text() + "\nA correction was added on Wednesday.\n")
        report = Ingester(store).add_paths([path])
        stats = store.stats()
    assert report.added == 1
    assert stats.documents == 10


def test_a_copy_ingested_later_is_marked_against_the_stored_original(
    store_url: str, folder: Path, tmp_path: Path
) -> None:
    original = sorted(folder.iterdir())[0]
    copy = tmp_path / "reprint.txt"
    copy.write_text(original.read_text().replace("Tuesday", "Tuesday evening"))
    with Store.open(store_url, write=True) as store:
        Ingester(store).add_paths([folder])
    with Store.open(store_url, write=True) as store:  # a new process: the index is rebuilt
        report = Ingester(store).add_paths([copy])
        copies = store.articles(status="duplicate")
    assert report.duplicate == 1
    assert [article.source for article in copies] == [str(copy)]
    assert copies[0].duplicate_of is not None
    with Store.open(store_url) as reader:
        stored = reader.article(copies[0].duplicate_of)
        assert stored is not None and stored.status == "ok" and stored.source == str(original)


def test_raw_documents_are_kept_for_reextraction(store_url: str, folder: Path) -> None:
    with Store.open(store_url, write=True) as store:
        Ingester(store).add_paths([folder])
        for article in store.articles(limit=100):
            raw = store.raw_document(article.id)
            assert raw is not None
            assert raw.content == (folder / Path(article.source).name).read_text()
            assert read_document(raw) == article


def test_full_text_search_finds_articles_by_words_in_the_body(
    store_url: str, folder: Path
) -> None:
    with Store.open(store_url, write=True) as store:
        Ingester(store).add_paths([folder])
        target = store.articles(limit=1)[0]
        body_only = _word_only_in_body(target.text, target.title or "")
        hits = store.search(body_only)
        nothing = store.search("xylophonequartz")
        odd = store.search('"unbalanced AND (OR')
    assert target.id in [hit.id for hit in hits]
    assert all(hit.kind == "article" for hit in hits)
    assert "[" in hits[0].snippet
    assert nothing == []
    assert isinstance(odd, list)


def _word_only_in_body(body: str, title: str) -> str:
    """The longest capitalised word of the body that the title does not contain."""
    words = {w.strip(".,") for w in body.split()} - {w.strip(".,()") for w in title.split()}
    return max((w for w in words if w[:1].isupper() and w.isalpha()), key=len)


def test_one_writer_many_readers(store_url: str, folder: Path) -> None:
    with Store.open(store_url, write=True) as writer:
        Ingester(writer).add_paths([folder])
        with pytest.raises(StoreError, match="another newsfuse process is writing"):
            Store.open(store_url, write=True)
        with Store.open(store_url) as reader:
            assert reader.stats().documents == 9
            with pytest.raises(StoreError, match="read-only"):
                with reader.transaction():
                    pass
    with Store.open(store_url, write=True) as again:  # the lock went with the first writer
        assert again.stats().documents == 9


def test_a_reader_needs_an_existing_database(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such database"):
        Store.open(tmp_path / "missing.db")


def test_schema_version_is_recorded_and_a_newer_one_refused(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    Store.open(path, write=True).close()
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        version = connection.execute("SELECT value FROM meta").fetchone()[0]
        assert int(version) == SCHEMA_VERSION
        connection.execute("UPDATE meta SET value = ?", (str(SCHEMA_VERSION + 1),))
    with pytest.raises(StoreError, match="newer than this newsfuse"):
        Store.open(path)
    with pytest.raises(StoreError, match="newer than this newsfuse"):
        Store.open(path, write=True)


def test_unknown_database_urls_are_refused() -> None:
    with pytest.raises(StoreError, match="unknown database URL"):
        Store.open("mysql://somewhere/db")


def test_readers_in_other_threads_see_only_committed_writes(tmp_path: Path, folder: Path) -> None:
    import threading

    from newsfuse.ingest.files import read_file

    db = tmp_path / "news.db"
    files = sorted(folder.iterdir())
    counts: list[int] = []
    with Store.open(db, write=True) as writer, Store.open(db) as reader:
        Ingester(writer).add_paths(files[:2])

        def count() -> None:
            counts.append(reader.stats().documents)

        with writer.transaction():
            for path in files[2:4]:
                raw = next(read_file(path))
                writer.add_document(raw, read_document(raw))
            thread = threading.Thread(target=count)
            thread.start()
            thread.join()
        thread = threading.Thread(target=count)
        thread.start()
        thread.join()
    assert counts == [2, 4]


def test_clustering_profiles_round_trip_through_the_store() -> None:
    import dataclasses

    import numpy as np

    from newsfuse.cluster_features import Profile
    from newsfuse.store.records import profile_columns, profile_from_columns

    extra = {
        spec.name: frozenset({"2024", "z"})
        for spec in dataclasses.fields(Profile)
        if spec.name not in {"id", "terms", "entities", "embedding", "day"}
    }
    item = Profile("d1", {"flood": 0.8, "río": 0.6}, {"kalmor": 1.0},
                   np.arange(4, dtype=np.float32) / 7, 739_000, **extra)  # type: ignore[arg-type]
    back = profile_from_columns("d1", *profile_columns(item))
    for spec in dataclasses.fields(Profile):
        if spec.name == "embedding":
            assert np.array_equal(back.embedding, item.embedding)
        else:
            assert getattr(back, spec.name) == getattr(item, spec.name), spec.name
