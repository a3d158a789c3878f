"""``ingest`` and ``brief -o`` treat a missing folder alike; the ingest summary counts right."""

from __future__ import annotations

from pathlib import Path


def test_ingest_db_in_a_missing_folder_fails_like_brief_output(cli, tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text("Too short to be an article.", encoding="utf-8")
    folder = tmp_path / "nosuch"
    ingest = cli("ingest", str(note), "--db", str(folder / "x.db"))
    brief = cli("extract", str(note), "-o", str(folder / "x.json"))
    for result, name in ((ingest, "x.db"), (brief, "x.json")):
        assert result.code == 2
        assert result.err.strip() == (
            f"newsfuse: error: {folder / name}: cannot write (No such folder {folder})"
        )
    assert not folder.exists()


def test_ingest_summary_line_counts_in_singular_and_plural(cli, tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text("Too short to be an article.", encoding="utf-8")
    result = cli("ingest", str(note), "--db", str(tmp_path / "x.db"), "--no-briefings")
    assert result.code == 0, result.err
    summary = result.err.strip().splitlines()[-1]
    assert "0 briefings recomputed" in summary and summary.endswith(
        "store: 1 document, 0 stories"
    ), summary
