"""Fuzzing reading: any HTML or text gives an Article (ok or rejected), never an exception."""

from __future__ import annotations

import pytest
from fuzzkit import bounded, budget
from hypothesis import given
from hypothesis import strategies as st

from newsfuse.config import Settings
from newsfuse.extract import read_document
from newsfuse.extract.pool import ReadingPool
from newsfuse.extract.text import extract_text
from newsfuse.types import Article, RawDocument

TAGS = ["div", "p", "span", "article", "main", "section", "h1", "h2", "a", "ul", "li", "table",
        "td", "tr", "script", "style", "nav", "footer", "aside", "figure", "figcaption", "br",
        "blockquote", "time", "meta", "title", "head", "body", "html", "iframe", "svg", "form",
        "noscript", "template", "pre", "code", "b", "i", "img", "button", "header"]
ATTRS = ["class", "id", "href", "content", "property", "name", "datetime", "itemprop", "style",
         "hidden", "lang", "charset", "data-x", "role"]
VALUES = ["article-body", "og:title", "article:published_time", "author", "2023-09-13T10:00:00Z",
          "display:none", "nav", "javascript:alert(1)", "https://news.example/a/1", "", "\x00",
          "9999-99-99", "-1", "headline", "NewsArticle", "{\"@type\": \"NewsArticle\"}"]
WORDS = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=80)
PROSE = st.sampled_from([
    "The council voted on Monday to close the old bridge at Varn for repairs.",
    "Read more: five bridges that changed how we build",
    "Sign up for our newsletter",
    "© 2031 Varn Courier. All rights reserved.",
    "By Ilse Marken, Varn Courier",
    "VARN, Sept. 14 (Courier) -",
    "Advertisement",
    "Share this article",
])


def _attrs(pairs: list[tuple[str, str]]) -> str:
    return "".join(f' {name}="{value}"' for name, value in pairs)


html_nodes = st.recursive(
    st.one_of(WORDS, PROSE),
    lambda children: st.builds(
        lambda tag, attrs, kids, close: f"<{tag}{_attrs(attrs)}>{''.join(kids)}"
        + (f"</{tag}>" if close else ""),
        st.sampled_from(TAGS),
        st.lists(st.tuples(st.sampled_from(ATTRS), st.sampled_from(VALUES)), max_size=3),
        st.lists(children, max_size=5),
        st.booleans(),
    ),
    max_leaves=40,
)
pages = st.one_of(
    html_nodes.map(lambda body: f"<!DOCTYPE html><html><head><title>T</title></head>{body}"),
    html_nodes,
    WORDS,
    st.integers(1, 20_000).map(lambda n: "<div>" * n + "deep" + "</div>" * n),
    st.integers(1, 5_000).map(lambda n: "<p>" + "<b>x " * n),
)
lines = st.lists(st.one_of(PROSE, WORDS, st.just(""), st.just("- " * 30)), max_size=40)
texts = st.one_of(lines.map("\n".join), WORDS, st.integers(1, 5000).map(lambda n: "word " * n))

STATUSES = {"ok", "rejected"}


def _check(article: Article, raw: RawDocument) -> None:
    assert article.status in STATUSES and article.source == raw.source
    if article.status == "rejected":
        assert article.reason and not article.blocks
        assert not article.reason.startswith("extraction failed"), article.reason
    else:
        assert article.blocks and all(block.text.strip() for block in article.blocks)


def _read_and_check(raw: RawDocument) -> None:
    with bounded():
        article = read_document(raw, Settings(min_article_words=5))
    _check(article, raw)


@budget()
@given(pages)
def test_any_html_reads_into_an_article(content: str) -> None:
    _read_and_check(RawDocument("page.html", content, "html"))


@budget()
@given(texts)
def test_any_text_reads_into_an_article(content: str) -> None:
    _read_and_check(RawDocument("story.txt", content, "text"))


@budget()
@given(texts, st.one_of(st.none(), st.sampled_from(["https://varn.example/2031/09/14/x", "x:"])))
def test_the_text_cleaner_itself_never_raises(content: str, url: str | None) -> None:
    with bounded():
        article = extract_text(RawDocument("s.txt", content, "text", url=url), doc_id="s",
                               min_words=1)
    assert article.status in STATUSES


def test_a_page_with_absurdly_many_tags_is_refused_unparsed() -> None:
    raw = RawDocument("deep.html", "<div>" * 400_000 + "x", "html")
    with bounded(5):
        article = read_document(raw, Settings())
    assert article.status == "rejected" and article.reason.startswith("too complex")


def test_deep_html_is_read_or_rejected() -> None:
    for content in ("<div>" * 20_000 + "x", "<table><tr><td>" * 20_000, "<p>" * 50_000):
        raw = RawDocument("deep.html", content, "html")
        with bounded(60):
            _check(read_document(raw, Settings()), raw)


@pytest.mark.slow
def test_the_pool_stops_html_too_deep_to_parse_in_time() -> None:
    # Found by fuzzing: lexbor's parse time grows faster than quadratically with nesting depth
    # (60,000 nested divs: 5 s of CPU; 200,000: minutes). The pool's time limit ends it.
    documents = [
        RawDocument("deep.html", "<div>" * 400_000 + "x", "html"),
        RawDocument("fine.txt", "The lock at Varn reopened on Friday after repairs. " * 9, "text"),
    ]
    with ReadingPool(Settings(document_timeout=5), workers=2) as pool:
        deep, fine = list(pool.read_documents(documents))
    assert deep.status == "rejected"  # refused unparsed now; the time limit is the backstop
    assert fine.status == "ok"


@pytest.mark.slow
@budget(0.1)
@given(st.lists(st.one_of(pages.map(lambda c: ("html", c)), texts.map(lambda c: ("text", c))),
                min_size=1, max_size=12))
def test_the_pool_reads_fuzzed_documents_as_this_process_does(
    contents: list[tuple[str, str]],
) -> None:
    documents = [RawDocument(f"doc{n}", body, kind) for n, (kind, body) in  # type: ignore[arg-type]
                 enumerate(contents)]
    settings = Settings(min_article_words=5)
    with ReadingPool(settings, workers=1) as serial:
        expected = list(serial.read_documents(documents))
    with ReadingPool(settings, workers=2) as pool:
        assert list(pool.read_documents(documents)) == expected
