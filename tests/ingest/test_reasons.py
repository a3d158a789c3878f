"""Rejection reasons: one table of codes and messages; messages that count what was read."""

from __future__ import annotations

import ast
import gzip
import json
import re
from pathlib import Path
from string import Formatter
from typing import get_args

import pytest

from newsfuse.config import Settings
from newsfuse.extract import read_document
from newsfuse.ingest.files import READERS, read_file
from newsfuse.ingest.jsonl import record_document
from newsfuse.ingest.sniff import Kind
from newsfuse.pipeline import RunCounts
from newsfuse.reasons import OTHER, REASONS, reason, reason_code, too_short, word_count
from newsfuse.types import Article

SRC = Path(__file__).resolve().parents[2] / "src" / "newsfuse"
SAMPLES = {"size": 1234567, "limit": 1000, "tags": 200000, "seconds": 1.5, "words": "7 words",
           "body": "3 words", "least": "40 words", "kind": "plain text",
           "how": "exited with code 3", "error": "ValueError: bad: thing", "encoding": "x-nothing"}


def _sample(template: str) -> dict[str, object]:
    return {field: SAMPLES[field] for _, field, _, _ in Formatter().parse(template) if field}


@pytest.mark.parametrize("code", sorted(REASONS))
def test_every_message_gives_its_own_code_back(code: str) -> None:
    message = reason(code, **_sample(REASONS[code]))
    assert "\n" not in message and "{" not in message
    assert reason_code(message) == code


def test_codes_are_stable_names_and_other_text_has_the_other_code() -> None:
    assert all(re.fullmatch(r"R\d{3}", code) for code in REASONS)
    assert reason_code("something an older version wrote") == OTHER


def test_no_rejection_message_is_written_outside_the_table() -> None:
    """The fixed start of each message is in no string of the code but the table's."""
    starts = {
        next(literal for literal, _, _, _ in Formatter().parse(template))
        for template in REASONS.values()
    }
    starts = {start for start in starts if len(start) >= 12}
    assert len(starts) >= 15
    for path in SRC.rglob("*.py"):
        if path.name != "reasons.py":
            for text in _code_strings(path):
                found = [start for start in starts if start in text]
                assert not found, f"{path.relative_to(SRC)} writes {found[0]!r} itself"


def _code_strings(path: Path) -> list[str]:
    """The string literals of a module (f-strings' fixed parts too), docstrings left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body and isinstance(node.body[0], ast.Expr)
    }
    return [
        node.value for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
        and id(node) not in docstrings
    ]


def test_singular_and_plural() -> None:
    assert word_count(1) == "1 word" and word_count(0) == "0 words" and word_count(2) == "2 words"
    assert too_short(1, 1, 40) == (
        "not an article: only 1 word of plain text (an article has at least 40 words)"
    )
    assert too_short(0, 45, 50) == (
        "not an article: only 0 words of body text in 45 words of plain text "
        "(an article has at least 50 words)"
    )


def test_a_six_word_text_file_named_html_gz_says_what_it_is(tmp_path: Path) -> None:
    path = tmp_path / "story.html.gz"
    path.write_text("Harbour ferry service suspended until Monday\n", encoding="utf-8")
    [raw] = read_file(path, Settings())
    article = read_document(raw)
    assert article.status == "rejected"
    assert article.reason == (
        "not an article: only 6 words of plain text, not gzip or HTML "
        "(an article has at least 40 words)"
    )
    assert reason_code(article.reason) == "R301"


def test_gzip_text_that_is_too_short_is_named_as_such(tmp_path: Path) -> None:
    path = tmp_path / "note.txt.gz"
    path.write_bytes(gzip.compress(b"Two words"))
    [raw] = read_file(path, Settings())
    assert raw.rejected == (
        "not an article: only 2 words of gzip-compressed plain text "
        "(an article has at least 40 words)"
    )
    assert raw.content == "Two words"  # kept: the document's id depends on it


def test_a_posted_hi_is_one_word_not_zero() -> None:
    raw = record_document("api", json.dumps({"text": "hi"}), Settings())
    article = read_document(raw)
    assert article.reason == (
        "not an article: only 1 word of plain text (an article has at least 40 words)"
    )


def test_run_counts_group_rejections_by_code() -> None:
    counts = RunCounts()
    for why in (too_short(1, 1, 40), too_short(3, 3, 40), reason("R106")):
        counts.count(Article("x", "x", "rejected", reason=why))
    assert counts.reasons == {"R301": 2, "R106": 1}


def test_every_sniffed_kind_has_a_reader() -> None:
    assert set(READERS) == set(get_args(Kind))
