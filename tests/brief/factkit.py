"""The invented fact-fixture stories of tests/fixtures/facts, shared by the brief tests."""

from __future__ import annotations

from pathlib import Path

from newsfuse.types import Article, Block

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "facts"
# the reprint copies the wire: one group key for both
INDEPENDENCE = {"wire": "wire", "reprint": "wire", "state": "state", "ministry": "ministry",
                "update": "update"}


def read_fixture(path: Path) -> Article:
    """A fixture file: ``key: value`` header lines, a blank line, then paragraphs."""
    head, _, body = path.read_text(encoding="utf-8").partition("\n\n")
    meta = dict(line.split(": ", 1) for line in head.splitlines())
    blocks = tuple(Block("paragraph", text.strip()) for text in body.split("\n\n") if text.strip())
    return Article(id=meta["id"], source=str(path), status="ok", published=meta["published"],
                   outlet=meta["outlet"], blocks=blocks)
