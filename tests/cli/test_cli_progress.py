"""Progress on a terminal: every stage drawn with its counts and rate; nothing when standard
error is not a terminal or with -q."""

from __future__ import annotations

import io
import os
import pty
import select
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, run_cli
from newsfuse.progress import STAGES, Step
from newsfuse.terminal import progress_display

STORY = """Harbour crane collapses in Tarsk

A crane at the port of Tarsk collapsed on Monday morning, injuring two dock workers, the port
authority said. The crane had been inspected in March, according to harbour master Ilse Varga.
Work on the eastern quay was halted while engineers examined the other cranes.
"""


class _Terminal(io.StringIO):
    """A stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def _steps() -> list[Step]:
    units = {"reading": "files", "briefing": "stories", "writing": "stories"}
    steps = []
    for stage in STAGES:
        unit = units.get(stage, "articles")
        steps += [
            Step(stage, unit, 0, 4),  # counted, not begun
            Step(stage, unit, 0, 4, 0.0),
            Step(stage, unit, 2, 4, 0.5),
            Step(stage, unit, 4, 4, 2.0, finished=True),
        ]
    return steps


def test_every_stage_is_drawn_with_its_count_unit_rate_and_time() -> None:
    stream = _Terminal()
    with progress_display(stream) as observer:
        assert observer is not None
        for step in _steps():
            observer(step)
    drawn = stream.getvalue()
    last = drawn.rsplit("\x1b[?25l", 1)[-1]
    for stage in STAGES:
        assert stage in last
    assert "4/4" in last and "files" in last and "articles" in last and "stories" in last
    assert "/s" in last and "0:00:00" in last  # a rate and each stage's clock


def test_a_stage_counted_but_not_begun_shows_no_rate_or_time() -> None:
    stream = _Terminal()
    with progress_display(stream) as observer:
        assert observer is not None
        observer(Step("analysing", "articles", 0, 7))
    drawn = stream.getvalue()
    assert "0/7" in drawn and "/s" not in drawn and "-:--:--" in drawn


def test_the_display_stops_before_the_result_is_printed_on_the_same_terminal() -> None:
    stream = _Terminal()
    with progress_display(stream, output_on_screen=True) as observer:
        assert observer is not None
        for step in _steps():
            observer(step)
    drawn = stream.getvalue()
    assert "briefing" in drawn and "writing" not in drawn


def test_nothing_is_drawn_when_not_a_terminal_or_quiet() -> None:
    for stream, quiet in ((io.StringIO(), False), (_Terminal(), True)):
        with progress_display(stream, quiet=quiet) as observer:
            assert observer is None
        assert stream.getvalue() == ""


def _run_on_a_terminal(*args: str) -> tuple[int, str]:
    """Run the command with standard error on a pseudo-terminal; what it drew there."""
    main, secondary = pty.openpty()
    env = {"PATH": "/usr/bin:/bin", "HOME": str(Path.home()), "COLUMNS": "100", "TERM": "xterm"}
    process = subprocess.Popen(
        [sys.executable, "-m", "newsfuse", *args],
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=secondary,
        env={**env, "PYTHONPATH": os.environ.get("PYTHONPATH", "")},
    )
    os.close(secondary)
    drawn = b""
    while True:
        ready, _, _ = select.select([main], [], [], 300)
        try:
            chunk = os.read(main, 65536) if ready else b""
        except OSError:  # the command closed the terminal
            chunk = b""
        if not chunk:
            break
        drawn += chunk
    os.close(main)
    return process.wait(timeout=60), drawn.decode("utf-8", "replace")


def test_extract_draws_reading_and_writing_on_a_terminal(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "crane.txt").write_text(STORY, encoding="utf-8")
    (folder / "copy.txt").write_text(STORY, encoding="utf-8")
    code, drawn = _run_on_a_terminal(
        "extract", str(folder), "--workers", "1", "-o", str(tmp_path / "out.json")
    )
    assert code == 0, drawn
    assert "reading" in drawn and "2/2" in drawn and "files" in drawn
    assert "writing" in drawn and "documents" in drawn
    assert "/s" in drawn
    assert "2 documents, 1 article, 1 copy" in drawn


def test_extract_draws_nothing_when_standard_error_is_not_a_terminal(tmp_path: Path) -> None:
    (tmp_path / "crane.txt").write_text(STORY, encoding="utf-8")
    run = run_cli(
        "extract", str(tmp_path / "crane.txt"), "--workers", "1", "-o", str(tmp_path / "out.txt")
    )
    assert run.code == 0
    assert run.err == "newsfuse: 1 document, 1 article, 0 rejected\n"


def test_quiet_draws_nothing_on_a_terminal(tmp_path: Path) -> None:
    (tmp_path / "crane.txt").write_text(STORY, encoding="utf-8")
    code, drawn = _run_on_a_terminal(
        "extract", str(tmp_path / "crane.txt"), "--workers", "1", "-q", "-o", str(tmp_path / "out")
    )
    assert code == 0
    assert drawn.strip() == "newsfuse: 1 document, 1 article, 0 rejected"


@pytest.mark.slow
def test_brief_draws_every_stage_on_a_terminal(tmp_path: Path) -> None:
    (tmp_path / "crane.txt").write_text(STORY, encoding="utf-8")
    code, drawn = _run_on_a_terminal(
        "brief",
        str(tmp_path / "crane.txt"),
        "--workers",
        "1",
        "-o",
        str(tmp_path / "out"),
        "-f",
        "md",
    )
    assert code == 0, drawn
    for stage in STAGES:
        assert stage in drawn, stage
    assert "1/1" in drawn and "articles" in drawn and "stories" in drawn
