"""Acceptance checks of the scraped-text cleaner on the user's five shared documents.

The documents are read from ``<repo>/../shared``; no text of them is copied here. Each
document's lines were annotated by hand, by line number (1-based): the lines of real
paragraphs, of section headings and of boilerplate. A paragraph is kept when its first words
open a body paragraph (anywhere in the body for the transcript, which is re-paragraphed); a
boilerplate line is removed when its words do not appear in the body.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsfuse.extract.text import clean, extract_text
from newsfuse.types import Article, RawDocument

pytestmark = pytest.mark.shared

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "kim-russia-2023-09"

# name: (title line, paragraph lines, heading lines, boilerplate lines)
ANNOTATIONS: dict[str, tuple[int, list[int], list[int], list[int]]] = {
    "000_cd5e89d29e7e5531.txt": (
        4, [9], [], [1, 2, 4, 6, 7, 11, 13, *range(15, 44, 2)],
    ),
    "001_e46daf88f120ff74.txt": (5, [7, 9, 11, 15, 17, 19, 21], [], [1, 5, 13, 23, 25, 27]),
    "002_620ee164350a74d5.txt": (
        1, [5, 7, 11, 13, 15, 19, 21, 23, 27, 29, 31, 33, 35, 37, 39], [9, 17, 25],
        [1, 3, 41, *range(43, 51), 53],
    ),
    "003_9e1e03348bde8a95.txt": (
        4, list(range(11, 38, 2)), [],
        [1, 2, 4, 7, 8, 9, 39, 41, 42, 43, 44, 45, 47, 49, 52, 55, 56, 58, 59],
    ),
    "004_40f0c448dcf7647f.txt": (
        5, [7, 11, 17, 21, 27], [9, 15, 19, 25], [1, 3, 5, 13, 23, 29, 31],
    ),
}
AUTHORS = {"002_620ee164350a74d5.txt": "Elizabeth Smith"}
DATES = {"000_cd5e89d29e7e5531.txt": "2023-09-12", "003_9e1e03348bde8a95.txt": "2023-09-12"}


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def contains_words(text: str, part: str) -> bool:
    """True when ``part``'s words occur as a contiguous run among ``text``'s words."""
    needle = " ".join(words(part))
    return bool(needle) and f" {needle} " in f" {' '.join(words(text))} "


def document(name: str) -> tuple[list[str], Article]:
    if not CORPUS.exists():
        pytest.skip(f"../shared/corpus/kim-russia-2023-09 is absent: looked for {CORPUS}")
    path = CORPUS / name
    content = path.read_text(encoding="utf-8")
    raw = RawDocument(source=str(path), content=content, kind="text")
    return content.split("\n"), extract_text(raw, doc_id=name[:3])


def opening(line: str, count: int = 6) -> str:
    return " ".join(words(line)[:count])


@pytest.mark.parametrize("name", sorted(ANNOTATIONS))
def test_every_document_is_an_english_article(name: str) -> None:
    _, article = document(name)
    assert article.status == "ok", article.reason
    assert article.language == "en"


@pytest.mark.parametrize("name", sorted(ANNOTATIONS))
def test_every_real_paragraph_is_kept(name: str) -> None:
    lines, article = document(name)
    _, paragraphs, _, _ = ANNOTATIONS[name]
    for number in paragraphs:
        first = opening(lines[number - 1])
        if article.transcript:
            assert contains_words(article.text, first), f"line {number} lost"
        else:
            assert any(opening(p) == first for p in article.paragraphs), f"line {number} lost"


@pytest.mark.parametrize("name", sorted(ANNOTATIONS))
def test_no_boilerplate_line_is_left(name: str) -> None:
    lines, article = document(name)
    _, _, _, boilerplate = ANNOTATIONS[name]
    for number in boilerplate:
        line = lines[number - 1]
        assert not contains_words(article.text, line), f"line {number} kept: {line[:40]!r}"


@pytest.mark.parametrize("name", sorted(ANNOTATIONS))
def test_section_headings_are_headings(name: str) -> None:
    lines, article = document(name)
    _, _, headings, _ = ANNOTATIONS[name]
    assert list(article.headings) == [lines[n - 1].strip() for n in headings]


@pytest.mark.parametrize("name", sorted(ANNOTATIONS))
def test_title_author_and_date(name: str) -> None:
    lines, article = document(name)
    title_line = ANNOTATIONS[name][0]
    assert words(article.title or "") == words(lines[title_line - 1])
    assert article.author == AUTHORS.get(name)
    assert article.published == DATES.get(name)


def test_dateline_wins_over_the_print_date_above_the_headline() -> None:
    _, article = document("003_9e1e03348bde8a95.txt")
    assert article.published == "2023-09-12" and article.published_signal == "dateline"
    assert (article.outlet or "").lower() == "nepalnews"
    cleaned = clean((CORPUS / "003_9e1e03348bde8a95.txt").read_text(encoding="utf-8"))
    assert cleaned.agency == "ANI"


def test_admin_byline_gives_no_author() -> None:
    _, article = document("000_cd5e89d29e7e5531.txt")
    assert article.author is None


def test_transcript_is_split_repaired_and_joined() -> None:
    _, article = document("001_e46daf88f120ff74.txt")
    assert article.transcript
    pairs = {(r.original, r.replacement) for r in article.repairs}
    assert pairs == {
        ("weremactively", "were actively"), ("thatmPutin", "that Putin"),
        ("discussmproviding", "discuss providing"), ("themwar", "the war"),
    }
    for repair in article.repairs:
        assert repair.replacement in article.blocks[repair.paragraph].text
        assert repair.original not in article.text
    assert "denied that North Korea would Supply arms" in article.text
    sentences = re.findall(r"[^.!?]+[.!?]", article.text)
    assert len(sentences) >= 8
    assert max(len(s.split()) for s in sentences) < 120
    assert len(article.paragraphs) >= 3


def test_figures_all_paragraphs_kept_all_boilerplate_removed() -> None:
    """The report's figures (run with ``-s`` to see them)."""
    kept = paragraphs = removed = boilerplate = 0
    for name, (_, numbers, _, junk) in ANNOTATIONS.items():
        lines, article = document(name)
        for number in numbers:
            first = opening(lines[number - 1])
            paragraphs += 1
            kept += contains_words(article.text, first)
        for number in junk:
            boilerplate += 1
            removed += not contains_words(article.text, lines[number - 1])
    print(f"\nshared corpus: paragraphs kept {kept}/{paragraphs}, "
          f"boilerplate lines removed {removed}/{boilerplate}")
    assert (kept, removed) == (paragraphs, boilerplate)
