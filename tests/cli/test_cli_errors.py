"""The command line: help that explains, one-line errors, bad documents reported."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

ARTICLE = """Lakeside town votes to rebuild its flooded library

The town council of Marrow Bay voted on Thursday to rebuild the public library that was flooded in
the spring storms, choosing a new site on higher ground near the railway station.

Councillors approved a budget of 4.2 million, most of it from the regional flood fund, after a
meeting that lasted until late in the evening. The old building will become a community garden.

Librarian Hana Welde said the collection had been dried and stored in a warehouse since April and
that a temporary reading room would open in the school hall next month.
"""


def _no_traceback(text: str) -> None:
    assert "Traceback" not in text and 'File "' not in text


def test_help_explains_every_command(cli) -> None:
    result = cli("--help")
    assert result.code == 0
    for word in ("extract", "brief", "eval", "exit codes"):
        assert word in result.out
    extract = cli("extract", "--help")
    assert "WARC" in extract.out and "JSONL" in extract.out and "--format" in extract.out


def test_missing_path_is_one_line_and_exit_2(cli, tmp_path: Path) -> None:
    result = cli("extract", str(tmp_path / "missing"))
    assert result.code == 2
    lines = result.err.strip().splitlines()
    assert (
        len(lines) == 1 and lines[0].startswith("newsfuse: error:") and "no such file" in lines[0]
    )
    _no_traceback(result.err)


def test_bad_option_is_one_line_and_exit_2(cli) -> None:
    result = cli("brief", "--words", "zero", ".")
    assert result.code == 2
    assert len(result.err.strip().splitlines()) == 1 and "--help" in result.err


def test_unwritable_output_is_one_line(cli, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    result = cli(
        "extract", str(tmp_path / "a.txt"), "-o", str(tmp_path / "no" / "such" / "dir" / "x.json")
    )
    assert result.code == 2 and "cannot write" in result.err
    _no_traceback(result.err)


def test_every_bad_document_is_reported_and_the_rest_goes_on(cli, tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "binary.bin").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "broken.html.gz").write_bytes(gzip.compress(b"<html>" + b"y" * 4000)[:30])
    (tmp_path / "latin1.txt").write_bytes(ARTICLE.replace("Welde", "Wéldé").encode("latin-1"))
    with (tmp_path / "huge.txt").open("wb") as handle:
        handle.truncate(200 * 1024 * 1024)
    (tmp_path.parent / "nothing-here").mkdir(exist_ok=True)
    result = cli(
        "extract", "--format", "json", str(tmp_path), str(tmp_path.parent / "nothing-here")
    )
    assert result.code == 0, result.err
    _no_traceback(result.err)
    documents = {Path(d["source"]).name: d for d in json.loads(result.out)["documents"]}
    assert documents["good.txt"]["status"] == "ok"
    assert documents["latin1.txt"]["status"] in ("ok", "duplicate")
    assert "Wéldé" in documents["latin1.txt"]["text"]
    for name, reason in [
        ("binary.bin", "not text"),
        ("empty.txt", "empty"),
        ("broken.html.gz", "broken gzip"),
        ("huge.txt", "too large"),
        ("nothing-here", "no readable file"),
    ]:
        assert documents[name]["status"] == "rejected", name
        assert reason in documents[name]["reason"] and "\n" not in documents[name]["reason"]
    assert "rejected" in result.err.splitlines()[-1]


def test_text_listing_in_a_pipe_has_no_colour_codes(cli, tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    result = cli("extract", str(tmp_path))
    assert result.code == 0 and "Marrow Bay" in result.out or "library" in result.out
    assert "\x1b[" not in result.out
