"""extract_html on invented pages: body, headline, dates, author, outlet, language, rejects."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsfuse.evaluate.extraction import decode_html
from newsfuse.extract.html import extract_html
from newsfuse.extract.html_boilerplate import drop_boilerplate, is_boilerplate
from newsfuse.types import Article, Block, RawDocument

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "html"


def read(name: str, *, url: str | None = None, html: str | None = None, **kw: str) -> Article:
    content = html if html is not None else decode_html((FIXTURES / name).read_bytes())
    raw = RawDocument(source=name, content=content, kind="html", url=url, **kw)
    return extract_html(raw, doc_id=name)


@pytest.fixture(scope="module")
def ferry() -> Article:
    return read("harbour_gazette_ferry.html", url="https://harbour-gazette.example/news/ferry")


def test_body_keeps_article_paragraphs_and_heading(ferry: Article) -> None:
    assert ferry.status == "ok"
    assert ferry.paragraphs[0].startswith("The ferry service between Port Ardlen")
    assert any("Freight bookings" in text for text in ferry.paragraphs)
    assert "Timetable changes" in ferry.headings


def test_embedded_post_quoted_by_the_article_is_kept(ferry: Article) -> None:
    assert "First crossing of the morning has just left the slipway" in ferry.text


def test_body_drops_banner_ads_prompts_and_related_links(ferry: Article) -> None:
    text = ferry.text
    for boilerplate in (
        "cookies",
        "Advertisement",
        "newsletter",
        "Related articles",
        "Lifeboat crew",
        "All rights reserved",
        "Weather",
    ):
        assert boilerplate not in text, boilerplate


def test_title_is_headline_not_site_and_not_repeated_in_body(ferry: Article) -> None:
    assert ferry.title == "Ferry link to Skerrow Island reopens after storm repairs"
    assert ferry.blocks[0].text != ferry.title
    assert ferry.outlet == "The Harbour Gazette"


def test_meta_date_wins_over_todays_date_in_header(ferry: Article) -> None:
    assert (ferry.published, ferry.published_signal) == ("2025-03-14", "meta")


def test_byline_by_admin_is_not_an_author(ferry: Article) -> None:
    assert ferry.author is None


def test_json_ld_gives_date_author_outlet_and_language() -> None:
    article = read("le_courrier_vignes.html")
    assert (article.published, article.published_signal) == ("2024-09-02", "meta")
    assert article.author == "Mireille Okonkwo-Laval"
    assert article.outlet == "Le Courrier du Jura"
    assert article.language == "fr"
    assert not any(text.startswith("Lire aussi") for text in article.paragraphs)


def test_url_date_when_markup_has_none() -> None:
    html = (FIXTURES / "harbour_gazette_ferry.html").read_text(encoding="utf-8")
    html = html.replace('<meta property="article:published_time"', '<meta property="x"')
    article = read("ferry", html=html, url="https://harbour-gazette.example/2025/03/13/ferry")
    assert (article.published, article.published_signal) == ("2025-03-13", "url")


def test_today_header_and_crawl_date_are_never_the_publication_date() -> None:
    html = (FIXTURES / "harbour_gazette_ferry.html").read_text(encoding="utf-8")
    html = html.replace('<meta property="article:published_time"', '<meta property="x"')
    article = read("ferry", html=html, crawl_date="2026-11-21")
    assert article.status == "ok"
    assert article.published not in ("2026-11-22", "2026-11-21")


def test_dateline_date() -> None:
    article = read("kestrel_bay_dateline.html")
    assert (article.published, article.published_signal) == ("2022-03-03", "dateline")
    assert article.title == "Kestrel Bay votes to keep its lighthouse lit"


def test_hover_card_after_a_link_is_dropped_but_the_link_text_kept() -> None:
    text = read("kestrel_bay_dateline.html").text
    assert "chaired by Mairi Duncan" in text
    assert "Regatta date set" not in text


def test_category_index_is_rejected() -> None:
    article = read("northfield_index.html", url="https://northfield-echo.example/local/")
    assert article.status == "rejected"
    assert article.reason is not None and article.reason.startswith("not an article:")
    assert article.blocks == ()


def test_short_page_is_rejected_with_word_count() -> None:
    html = "<html><body><article><p>Only a few words here.</p></article></body></html>"
    article = read("short", html=html)
    assert article.status == "rejected"
    assert article.reason is not None and "not an article" in article.reason


@pytest.mark.parametrize(
    ("name", "phrase", "language"),
    [
        ("valdeoro_cp1252.html", "La cooperativa agrícola de Valdeoro inauguró", "es"),
        ("ozyorsk_cp1251.html", "торжественно открыли новый пешеходный мост", "ru"),
    ],
)
def test_non_utf8_pages_decode_and_read(name: str, phrase: str, language: str) -> None:
    article = read(name)
    assert article.status == "ok"
    assert phrase in article.text
    assert article.language == language


def test_already_rejected_raw_stays_rejected() -> None:
    raw = RawDocument(source="x", content="", kind="html", rejected="unreadable: bad gzip")
    article = extract_html(raw, doc_id="x")
    assert (article.status, article.reason) == ("rejected", "unreadable: bad gzip")


_TAGS = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<div>",
        "</div>",
        "<h1>",
        "<script>",
        "<!--",
        "]]>",
        "<meta charset='x'>",
        "<article>",
        "&amp;",
        "&#0;",
        "<",
        ">",
        "\x00",
    ]
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_TAGS, st.text(max_size=40)), max_size=40))
def test_never_raises_on_garbage(parts: list[str]) -> None:
    raw = RawDocument(source="g", content="".join(parts), kind="html")
    article = extract_html(raw, doc_id="g")
    assert article.status in ("ok", "rejected")
    if article.status == "rejected":
        assert article.reason


@pytest.mark.parametrize(
    "line",
    [
        "ADVERTISEMENT",
        "Story continues below advertisement",
        "Read more: Harbour master retires after forty years",
        "Lesen Sie auch: Neue Fähre für die Insel",
        "Leia também: Cooperativa abre nova loja",
        "Sign up to our Coastal Briefing newsletter for the week's top stories.",
        "Follow us on Instagram and Facebook for more island news.",
        "Mayor backs new pier plan [VIDEO]",
        "© 2026 Coastal Media Group",
        "* * *",
    ],
)
def test_boilerplate_shapes_are_dropped(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "The harbour master said the pier would reopen on Friday.",
        "Subscribers to the island's water scheme will pay less from April, after the council "
        "agreed to share the cost of the new pipeline with the mainland utility, officials said "
        "at a meeting that ran late into the evening on Tuesday.",
        "Related costs rose by 4% as fuel prices climbed.",
    ],
)
def test_prose_is_kept(line: str) -> None:
    assert not is_boilerplate(line)


def test_headings_that_head_nothing_are_dropped() -> None:
    para = Block("paragraph", "The pier reopened on Thursday after three weeks of repairs.")
    blocks = [
        Block("heading", "Repairs"),
        para,
        Block("heading", "Storm closes pier"),
        Block("heading", "School bus changes"),
        Block("heading", "Lifeboat crew honoured"),
        para,
        Block("heading", "More from the coast"),
    ]
    assert drop_boilerplate(blocks) == [blocks[0], para, para]


def test_sales_pitch_is_dropped_only_at_the_end() -> None:
    para = Block("paragraph", "The pier reopened on Thursday after three weeks of repairs.")
    tickets = Block("paragraph", "Tickets cost £12 at the harbour office; click here for times.")
    pitch = Block("paragraph", "Get the Coastal Weekly: 12 issues for £19.99. Click here to order.")
    assert drop_boilerplate([para, tickets, para, para]) == [para, tickets, para, para]
    assert drop_boilerplate([para, tickets, para, pitch]) == [para, tickets, para]
