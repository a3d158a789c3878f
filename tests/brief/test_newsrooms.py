"""Newsrooms: agency copies on different sites, one site's two articles and a borrowed
dispatch count once (invented articles)."""

from __future__ import annotations

from newsfuse.brief.newsrooms import near_identical, newsrooms, site
from newsfuse.types import AnalyzedArticle, Article, Sentence

_DISPATCH = [
    "The harbour authority of Port Elvane closed the northern quay on Tuesday after a crane "
    "collapsed onto a cargo ship.",
    "Two dock workers were taken to hospital with minor injuries, the authority said in a "
    "statement.",
    "The crane, installed in 1998, had passed an inspection in March, according to the operator.",
    "Ships bound for the northern quay were sent to the southern terminal until further notice.",
]


def _article(
    doc_id: str, sentences: list[str], *, url: str | None = None, agency: str | None = None
) -> AnalyzedArticle:
    article = Article(id=doc_id, source=f"{doc_id}.txt", status="ok", url=url, agency=agency)
    return AnalyzedArticle(
        article,
        tuple(
            Sentence(doc_id=doc_id, index=n, paragraph=n, text=text)
            for n, text in enumerate(sentences)
        ),
    )


def _own(words: str) -> list[str]:
    return [
        f"Our reporter at the quay saw {words} while the {n} cranes stood idle in the rain today."
        for n in ("old", "new", "blue")
    ]


def test_copies_of_one_agency_dispatch_on_different_sites_count_once() -> None:
    story = [
        _article("a", _DISPATCH, url="https://www.tidings-east.example/quay", agency="AP"),
        _article("b", _DISPATCH[:3], url="https://coastpost.example/n/1", agency="AP"),
        _article("c", _own("firemen"), url="https://harbourherald.example/x"),
    ]
    rooms = newsrooms(story, {})
    assert rooms.key("a") == rooms.key("b") != rooms.key("c")
    assert rooms.count([("a", "x"), ("b", "y"), ("c", "z")]) == 2
    assert rooms.agencies_of(["b", "c"]) == ("AP",)


def test_uncredited_copy_is_found_by_its_wording() -> None:
    story = [
        _article("a", _DISPATCH, url="https://wire.example/1"),
        _article(
            "b",
            _DISPATCH[:3]
            + ["A local councillor called for an inquiry into the collapse last night."],
            url="https://coastpost.example/2",
        ),
        _article("c", _own("smoke"), url="https://harbourherald.example/3"),
    ]
    rooms = newsrooms(story, {})
    assert rooms.key("a") == rooms.key("b")
    assert rooms.key("c") != rooms.key("a")


def test_one_site_counts_once() -> None:
    story = [
        _article(
            "a",
            ["Fishermen in Port Elvane said they had feared the crane would fall for months."],
            url="https://www.harbourherald.example/first",
        ),
        _article(
            "b",
            ["The mayor will visit the northern quay on Thursday to meet the dock workers."],
            url="https://news.harbourherald.example/second",
        ),
        _article("c", _own("a tug"), url="https://coastpost.example/x"),
    ]
    rooms = newsrooms(story, {})
    assert rooms.key("a") == rooms.key("b") != rooms.key("c")
    assert site("https://www.harbourherald.example/first") == "harbourherald.example"


def test_a_borrowed_sentence_counts_with_its_source_for_that_fact_only() -> None:
    story = [
        _article("a", _DISPATCH, url="https://wire.example/1"),
        _article("b", _own("divers"), url="https://coastpost.example/2"),
    ]
    rooms = newsrooms(story, {})
    assert rooms.key("a") != rooms.key("b")
    borrowed = [
        ("a", _DISPATCH[1]),
        ("b", "Two dock workers were taken to hospital with minor injuries, the authority said."),
    ]
    assert rooms.count(borrowed) == 1
    told = [("a", _DISPATCH[1]), ("b", "The authority said two workers were hurt.")]
    assert rooms.count(told) == 2


def test_short_sentences_are_not_copies() -> None:
    assert not near_identical("No one was injured.", "No one was injured.")
    assert near_identical(_DISPATCH[0], _DISPATCH[0].replace("Tuesday", "Tuesday morning"))
