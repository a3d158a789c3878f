"""``newsfuse ingest`` exit codes and messages that need no language models."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from cli_runner import main  # noqa: E402


def test_an_unfetchable_url_exits_with_the_fetch_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["ingest", "http://127.0.0.1:9/feed.xml", "--db", str(tmp_path / "n.db")])
    err = capsys.readouterr().err
    assert code == 5
    assert "refused: 127.0.0.1 is a loopback address" in err
    assert "pass --allow-private" in err  # the hint names the option
    assert "1 failed" in err


def test_a_missing_path_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["ingest", str(tmp_path / "nowhere"), "--db", str(tmp_path / "n.db")])
    assert code == 2
    assert "no such file or folder" in capsys.readouterr().err


def test_a_locked_database_is_a_store_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from newsfuse.store import Store

    db = tmp_path / "n.db"
    with Store.open(db, write=True):
        code = main(["ingest", "--db", str(db)])
    assert code == 4
    assert "another newsfuse process is writing" in capsys.readouterr().err


def test_watch_refuses_paths_and_bad_intervals(tmp_path: Path) -> None:
    db = str(tmp_path / "n.db")
    assert main(["watch", "feeds.txt", "--db", db]) == 2
    assert main(["watch", "https://example.org/feed", "--interval", "0", "--db", db]) == 2


def test_a_usage_error_creates_no_database(tmp_path: Path) -> None:
    assert main(["ingest", str(tmp_path / "nowhere"), "--db", str(tmp_path / "n.db")]) == 2
    assert not (tmp_path / "n.db").exists()
