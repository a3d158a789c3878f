"""The one-line account of a run on standard error reads as English for one of a thing."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_cli

STORY = """Harbour crane collapses in Tarsk

A crane at the port of Tarsk collapsed on Monday morning, injuring two dock workers, the port
authority said. The crane had been inspected in March, according to harbour master Ilse Varga.
Work on the eastern quay was halted while engineers examined the other cranes.
"""


@pytest.mark.slow
def test_one_document_and_one_story_are_counted_in_the_singular(tmp_path: Path) -> None:
    (tmp_path / "crane.txt").write_text(STORY, encoding="utf-8")
    run = run_cli("brief", str(tmp_path / "crane.txt"), "-o", str(tmp_path / "out.txt"))
    assert run.code == 0, run.err
    assert "newsfuse: 1 document, 1 article, 0 rejected, 1 story" in run.err
