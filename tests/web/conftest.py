"""Fixtures for the web tests: stores built from the examples and tests/fixtures/web."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from webcorpus import CORPUS, xss_records
from webserver import CHROMIUM_ARGS, chromium_path

from newsfuse.store import Ingester, Store, StoryUpdater
from newsfuse.web import create_app


@pytest.fixture(scope="session")
def story_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The examples and the web fixtures ingested with stories and briefings (slow: models)."""
    db = tmp_path_factory.mktemp("web") / "stories.db"
    with Store.open(db, write=True) as store:
        Ingester(store).add_paths(CORPUS)
        StoryUpdater(store).update()
    return db


@pytest.fixture
def story_db_copy(story_db: Path, tmp_path: Path) -> Path:
    """A private copy of ``story_db`` for tests that write."""
    target = tmp_path / "stories.db"
    shutil.copy(story_db, target)
    return target


@pytest.fixture(scope="session")
def articles_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same documents plus the XSS corpus as articles only: no stories (fast)."""
    db = tmp_path_factory.mktemp("web-articles") / "articles.db"
    from newsfuse.config import DEFAULT_SETTINGS
    from newsfuse.ingest.jsonl import record_document

    raws = [
        record_document(f"xss#{n}", json.dumps(record), DEFAULT_SETTINGS)
        for n, record in enumerate(xss_records(), start=1)
    ]
    with Store.open(db, write=True) as store:
        ingester = Ingester(store)
        ingester.add_paths(CORPUS)
        ingester.add_raw(raws)
    return db


@pytest.fixture
def client(articles_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(articles_db), raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture
def story_client(story_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(story_db), raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Headless system Chromium through Playwright, or a skip saying what is missing."""
    sync_api = pytest.importorskip(
        "playwright.sync_api",
        reason="the playwright package is missing (pip install playwright==1.65.2): "
        "browser tests skipped",
    )
    executable = chromium_path()
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()
