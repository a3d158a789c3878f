"""One set of counts: the front page, the story cards, the story page, the API and the CLI's
summary line count articles (ok originals), copies (near-duplicates set aside) and outlets
(independent newsrooms) the same way, on a real SQLite store of invented reports with copies."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from newsfuse import cli
from newsfuse.store import Ingester, Store, StoryUpdater
from newsfuse.web import create_app

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))
import docgen  # noqa: E402

pytestmark = pytest.mark.slow


def _copy(record: dict[str, str], outlet: str) -> dict[str, str]:
    """``record`` reprinted by another outlet under its own id and a shorter headline."""
    return {**record, "id": f"{record['id']}-{outlet.split()[0].lower()}", "outlet": outlet,
            "title": record["title"].split(" (")[0] + " - wire"}


@dataclass(frozen=True)
class Desk:
    db: Path
    jsonl: Path
    expected: dict[str, tuple[int, int, int]]  # first report's id -> (articles, copies, outlets)


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> Desk:
    """Event 0 told by three outlets, one report reprinted twice; event 1 by one outlet,
    reprinted once: 4 articles, 3 copies, in 2 stories."""
    base = tmp_path_factory.mktemp("counts")
    first, second = docgen.make_event(0), docgen.make_event(1)
    reports = [docgen.report(first, n) for n in range(3)]
    lone = docgen.report(second, 0)
    records = [
        *reports, _copy(reports[0], "Syndicate Wire"), _copy(reports[0], "Relay News"),
        lone, _copy(lone, "Syndicate Wire"),
    ]
    jsonl = base / "desk.jsonl"
    jsonl.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    db = base / "desk.db"
    with Store.open(db, write=True) as store:
        Ingester(store).add_paths([jsonl])
        StoryUpdater(store).update()
    return Desk(db, jsonl, {reports[0]["id"]: (3, 2, 3), lone["id"]: (1, 1, 1)})


@pytest.fixture
def desk_client(desk: Desk) -> Iterator[TestClient]:
    with TestClient(create_app(desk.db), raise_server_exceptions=False) as test_client:
        yield test_client


def _stories(client: TestClient) -> dict[str, dict[str, Any]]:
    """The API's story cards by the id of each story's first report (``e0-r0``, ``e1-r0``)."""
    cards = client.get("/api/stories", params={"limit": 100}).json()["stories"]
    found = {}
    for card in cards:
        documents = client.get(card["url"]).json()["documents"]
        found[min(doc for doc in documents if re.fullmatch(r"e\d-r\d", doc))] = card
    return found


def _spans(html: str, css_class: str) -> list[str]:
    block = re.search(rf'<p class="{css_class}">(.*?)</p>', html, re.S)
    assert block, css_class
    return [re.sub(r"<[^>]+>", "", span).strip()
            for span in re.findall(r"<span>(.*?)</span>", block.group(1), re.S)]


def _counted(articles: int, copies: int) -> list[str]:
    words = [f"{articles} article{'s' if articles != 1 else ''}"]
    if copies:
        words.append(f"{copies} cop{'y' if copies == 1 else 'ies'}")
    return words


def test_the_api_cards_and_briefings_count_alike(desk: Desk, desk_client: TestClient) -> None:
    cards = _stories(desk_client)
    assert set(cards) == set(desk.expected)
    for first, (articles, copies, outlets) in desk.expected.items():
        card = cards[first]
        assert (card["articles"], card["copies"], card["outlets"]) == (articles, copies, outlets)
        assert card["documents"] == articles + copies
        briefing = desk_client.get(card["url"]).json()
        copied = [doc for group in briefing["copies"] for doc in group["copies"]]
        assert [group["original"] for group in briefing["copies"]] == [first]
        assert len(briefing["documents"]) - len(copied) == articles
        assert len(copied) == copies and briefing["independent_outlets"] == outlets


def test_the_front_page_and_its_cards_agree(desk: Desk, desk_client: TestClient) -> None:
    page = desk_client.get("/").text
    stats = re.search(r'<p class="store-stats">(.*?)</p>', page, re.S)
    assert stats and stats.group(1).split(" · ") == ["2 stories", "4 articles", "3 copies"]
    cards = _stories(desk_client)
    for first, (articles, copies, outlets) in desk.expected.items():
        card = page.split(f'href="{cards[first]["html_url"]}"', 1)[1]
        shown = _spans(card.split("</li>", 1)[0] + "</p>", "card-coverage")
        assert shown[: len(_counted(articles, copies))] == _counted(articles, copies)
        assert f"{outlets} outlet{'s' if outlets != 1 else ''}</strong>" in card
    assert sum(a for a, _, _ in desk.expected.values()) == 4
    assert sum(c for _, c, _ in desk.expected.values()) == 3


def test_the_story_page_counts_and_lists_the_copies(desk: Desk, desk_client: TestClient) -> None:
    cards = _stories(desk_client)
    for first, (articles, copies, outlets) in desk.expected.items():
        page = desk_client.get(cards[first]["html_url"]).text
        coverage = _spans(page, "coverage")
        outlet_word = f"{outlets} outlet{'s' if outlets != 1 else ''}"
        assert coverage[: 1 + len(_counted(articles, copies))] == [
            outlet_word, *_counted(articles, copies)
        ]
        section = page.split('<section class="copies">', 1)[1].split("</section>", 1)[0]
        assert f'href="/articles/{first}"' in section
        assert f'<span class="copy-count">{_counted(0, copies)[1]}</span>' in section


def test_the_cli_summary_counts_alike(desk: Desk, tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "brief.json"
    assert cli.main(["brief", str(desk.jsonl), "--format", "json", "-o", str(out), "-q"]) == 0
    assert "newsfuse: 7 documents, 4 articles, 3 copies, 0 rejected, 2 stories" in (
        capsys.readouterr().err
    )
    with Store.open(desk.db) as store:
        for story in json.loads(out.read_text("utf-8"))["stories"]:
            assert store.briefing_json(story["id"]) == story
