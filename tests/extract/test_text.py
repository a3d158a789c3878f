"""The scraped-text cleaner on invented pages (tests/fixtures/text/) and on arbitrary text.

Each fixture ``NAME.txt`` has a hand-written ``NAME.json``: the expected status, metadata,
the opening words of every real paragraph, the section headings, the boilerplate that must
be gone, phrases that must end up inside one paragraph (sentences cut by a removed line) and,
for transcripts, the word repairs and the words that must stay as they are.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsfuse.extract.text import (
    clean,
    extract_text,
    is_prose,
    line_role,
    normalise,
    split_lines,
)
from newsfuse.types import Article, RawDocument

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "text"
NAMES = sorted(path.stem for path in FIXTURES.glob("*.txt"))


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def contains_words(text: str, part: str) -> bool:
    needle = " ".join(words(part))
    return bool(needle) and f" {needle} " in f" {' '.join(words(text))} "


def load(name: str) -> tuple[dict[str, Any], Article]:
    expected = json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))
    raw = RawDocument(
        source=f"{name}.txt",
        content=(FIXTURES / f"{name}.txt").read_text(encoding="utf-8"),
        kind="text",
        url=expected.get("url"),
    )
    return expected, extract_text(raw, doc_id=name)


def test_there_are_enough_fixtures() -> None:
    assert len(NAMES) >= 8


@pytest.mark.parametrize("name", NAMES)
def test_status(name: str) -> None:
    expected, article = load(name)
    assert article.status == expected["status"], article.reason
    if article.status == "rejected":
        assert article.reason and "\n" not in article.reason and not article.blocks


@pytest.mark.parametrize("name", NAMES)
def test_every_real_paragraph_is_kept(name: str) -> None:
    expected, article = load(name)
    for first in expected["paragraphs"]:
        if article.transcript:
            assert contains_words(article.text, first), first
        else:
            assert any(p.startswith(first) for p in article.paragraphs), first
    if not article.transcript and article.status == "ok":
        assert len(article.paragraphs) == len(expected["paragraphs"])


@pytest.mark.parametrize("name", NAMES)
def test_boilerplate_is_removed(name: str) -> None:
    expected, article = load(name)
    for line in expected["boilerplate"]:
        assert not contains_words(article.text, line), line


@pytest.mark.parametrize("name", NAMES)
def test_headings_and_joined_sentences(name: str) -> None:
    expected, article = load(name)
    assert list(article.headings) == expected.get("headings", [])
    for phrase in expected.get("joined", []):
        assert any(contains_words(p, phrase) for p in article.paragraphs), phrase


@pytest.mark.parametrize("name", NAMES)
def test_metadata(name: str) -> None:
    expected, article = load(name)
    if expected["status"] != "ok":
        return
    for key in ("title", "author", "published", "outlet", "language", "transcript"):
        assert getattr(article, key) == expected[key], key


@pytest.mark.parametrize("name", NAMES)
def test_agency(name: str) -> None:
    expected, _ = load(name)
    if "agency" in expected:
        cleaned = clean((FIXTURES / f"{name}.txt").read_text(encoding="utf-8"))
        assert cleaned.agency == expected["agency"]


def test_transcript_repairs_are_flagged_and_names_kept() -> None:
    expected, article = load("en_transcript_wildfire")
    assert [(r.original, r.replacement) for r in article.repairs] == [
        tuple(pair) for pair in expected["repairs"]
    ]
    for repair in article.repairs:
        assert repair.replacement in article.blocks[repair.paragraph].text
    for word in expected["kept_words"]:
        assert word in article.text


def test_transcript_paragraphs_are_sentences() -> None:
    _, article = load("en_transcript_wildfire")
    for paragraph in article.paragraphs:
        assert paragraph[0].isupper() and paragraph.endswith(".")
    sentences = re.findall(r"[^.!?]+[.!?]", article.text)
    assert len(sentences) >= 6


def test_empty_and_tiny_documents_are_rejected_with_a_reason() -> None:
    empty = extract_text(RawDocument("e.txt", " \n\n ", "text"), doc_id="e")
    assert empty.status == "rejected" and empty.reason == "empty document"
    note = RawDocument("t.txt", "A short note about nothing much.", "text")
    tiny = extract_text(note, doc_id="t")
    assert tiny.status == "rejected"
    assert tiny.reason == (
        "not an article: only 6 words of plain text (an article has at least 40 words)"
    )


def test_a_long_real_paragraph_after_a_headline_list_continues_the_body() -> None:
    _, article = load("en_headline_block")
    assert any(p.startswith('"We have never seen damage') for p in article.paragraphs)
    assert not any("gadgets" in p for p in article.paragraphs)


@pytest.mark.parametrize(
    ("line", "role"),
    [
        ("Lire aussi : Le budget adopté", "link"),
        ("Leggi anche: Il sindaco si dimette", "link"),
        ("Lesen Sie auch: Neue Regeln", "link"),
        ("Lee también: La huelga sigue", "link"),
        ("Also read this The storm is over.", "link"),
        ("Leave a Reply", "form"),
        ("We use cookies to personalise content.", "notice"),
        ("© 2024 Example Media. All rights reserved.", "footer"),
        ("Home » World » Asia", "nav"),
        ("Tuesday, 12 September 2023 10:57 IST", "date"),
        ("The minister said the talks would resume on Monday.", None),
        ("Related talks were held in Geneva last year, officials said.", None),
        ("About 100 people worked at the plant, which makes biscuits and cookies.", None),
        ("RELATED Mayor opens the new bridge", "link"),
        ("MORE than 100 people crossed the new bridge on its first day.", None),
        ("The app lets 2 million people subscribe to local services, the mayor said.", None),
        ("Users who broke the terms of service were banned, the company said.", None),
        ("Subscribe to our newsletter", "notice"),
        ("By Jane Okafor", "byline"),
        ("di Marco Bianchi", "byline"),
        ("Di Maio lascia il governo", None),
        ("By Tuesday the river had risen two metres.", None),
        ("Advertisement Continue reading the main story", "notice"),
        ("Media playback is unsupported on your device", "notice"),
        ("The mayor at the opening on Monday. (Photo: Jan Berg/City Hall)", "caption"),
        ("FILE PHOTO: The bridge seen from the river in 2019.", "caption"),
        ("Crowds on the quay at dawn. REUTERS/Anna Lind", "caption"),
        ("The council took down a photo of the mayor from its website.", None),
        ("Contact the reporter at desk@example.org. Follow @cityhall on Twitter.", "footer"),
    ],
)
def test_line_roles(line: str, role: str | None) -> None:
    assert line_role(line) == role


def test_prose_shape() -> None:
    assert is_prose("The board apologised.")
    assert not is_prose("Kim Jong Un’s Rare Visit to Russia Raises...")
    assert not is_prose("Latest news")


# --------------------------------------------------------------------------- properties

SENTENCE = st.builds(
    lambda ws, end: " ".join(ws) + end,
    st.lists(st.sampled_from("the council said water road minister Kim report ALSO READ: "
                             "See also cookies Home » by admin 2023 Sep 12 village".split()),
             min_size=1, max_size=30),
    st.sampled_from([".", "", "...", "?", ":"]),
)
PAGE = st.lists(st.one_of(SENTENCE, st.text(max_size=80)), max_size=25).map(
    lambda parts: "\n".join(parts)
)


def _word_stream(text: str) -> list[str]:
    return words(text)


def _is_subsequence(part: list[str], whole: list[str]) -> bool:
    it = iter(whole)
    return all(any(w == x for x in it) for w in part)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=400), PAGE))
def test_cleaner_never_raises_and_never_invents_text(content: str) -> None:
    article = extract_text(RawDocument("p.txt", content, "text"), doc_id="p", min_words=1)
    assert article.status in ("ok", "rejected")
    source = _word_stream(content)
    for repair in article.repairs:
        source = _word_stream(" ".join(source).replace(repair.original.lower(),
                                                       repair.replacement.lower()))
    for block in article.blocks:
        assert block.text == block.text.strip() and block.text
        assert _is_subsequence(_word_stream(block.text), source)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_split_lines_keeps_every_word(content: str) -> None:
    kept = [w for line in split_lines(content) for w in line.split()]
    assert kept == normalise(content).split()


def test_figures_all_paragraphs_kept_all_boilerplate_removed() -> None:
    """The report's figures over every fixture (run with ``-s`` to see them)."""
    kept = paragraphs = removed = boilerplate = 0
    for name in NAMES:
        expected, article = load(name)
        paragraphs += len(expected["paragraphs"])
        kept += sum(contains_words(article.text, first) for first in expected["paragraphs"])
        boilerplate += len(expected["boilerplate"])
        removed += sum(not contains_words(article.text, line) for line in expected["boilerplate"])
    print(f"\nfixtures ({len(NAMES)} documents): paragraphs kept {kept}/{paragraphs}, "
          f"boilerplate lines removed {removed}/{boilerplate}")
    assert (kept, removed) == (paragraphs, boilerplate)


def test_a_repair_points_at_its_own_paragraph_not_an_earlier_same_phrase() -> None:
    chunk = (
        "the talks about the war went on for hours in the capital and officials said "
        "nothing had changed since the morning when the delegations first met at the palace "
        "the foreign minister said the two sides would meet again next week in the north "
    )
    content = "Talks about the war drag on in the capital\n\n" + chunk * 3 + (
        "she said themwar could end only when both armies pulled back from the river"
    )
    article = extract_text(RawDocument("t.txt", content, "text"), doc_id="t")
    assert article.transcript
    [repair] = article.repairs
    assert (repair.original, repair.replacement) == ("themwar", "the war")
    assert "could end only" in article.blocks[repair.paragraph].text
    assert repair.paragraph == len(article.blocks) - 1


def test_the_dateline_beside_the_agency_wins_over_a_print_date_above_it() -> None:
    body = (
        "The Kestrel Bay council voted on Monday to close the old ferry pier after engineers "
        "found cracks in two of its concrete piles, ending a service that began in 1961. "
    )
    content = (
        "Saturday Mar 1, 2025\nRiver Courier\nAFP\n2024 Feb 12, 09:30,\n\n"
        "Council closes the old ferry pier\n\n" + body * 3
    )
    cleaned = clean(content)
    assert (cleaned.published, cleaned.published_signal) == ("2024-02-12", "dateline")
    assert cleaned.agency == "AFP" and cleaned.outlet == "River Courier"
    late = clean(content, crawl_date="2024-02-01T00:00:00Z")
    assert late.published is None  # a date after the crawl cannot be the publication date
