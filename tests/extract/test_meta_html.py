"""Title, author and date of invented pages: the metadata ranking against accounts, site
names, crawl and print dates, and JSON-LD that disagrees with the meta tags."""

from __future__ import annotations

import json

from newsfuse.extract.html import extract_html
from newsfuse.extract.meta_candidates import Candidate
from newsfuse.extract.meta_model import choose, is_site_name, load_model, person_author
from newsfuse.types import Article, RawDocument

BODY = " ".join(
    f"<p>The harbour committee met on the quay for the {n} time this season and agreed that "
    "the old ferry ramp will be rebuilt before the winter storms reach the northern bay.</p>"
    for n in ("first", "second", "third", "fourth")
)


def page(*, head: str = "", above: str = "", below: str = "", ld: dict | None = None,
         title: str = "Ferry ramp to be rebuilt before winter") -> str:
    script = f'<script type="application/ld+json">{json.dumps(ld)}</script>' if ld else ""
    return (
        f"<html><head><title>{title} | Harbour Gazette</title>"
        f'<meta property="og:site_name" content="Harbour Gazette">{head}{script}</head>'
        f"<body><header><nav><a href='/'>Home</a></nav></header>{above}"
        f"<article><h1>{title}</h1>{below}{BODY}</article></body></html>"
    )


def read(html: str, *, url: str = "https://harbourgazette.example/news/ferry-ramp",
         crawl_date: str | None = None) -> Article:
    raw = RawDocument(source="t", content=html, kind="html", url=url, crawl_date=crawl_date)
    return extract_html(raw, doc_id="t")


def test_admin_account_is_no_author() -> None:
    html = page(head='<meta name="author" content="admin">',
                below='<p class="byline">By admin</p>',
                ld={"@type": "NewsArticle", "author": {"@type": "Person", "name": "admin"}})
    article = read(html)
    assert article.status == "ok"
    assert article.author is None


def test_site_name_is_no_author_but_the_byline_is() -> None:
    ld = {"@type": "NewsArticle", "author": {"@type": "Organization", "name": "Harbour Gazette"}}
    assert read(page(ld=ld)).author is None
    article = read(page(ld=ld, below='<p class="byline">By Jane Okafor</p>'))
    assert article.author == "Jane Okafor"


def test_crawl_date_above_the_headline_is_not_the_date() -> None:
    html = page(above='<div class="today-date">Tuesday, March 5, 2024</div>',
                below='<p class="post-date">Published September 12, 2023</p>')
    article = read(html, crawl_date="2024-03-05T08:00:00Z")
    assert article.published == "2023-09-12"


def test_date_after_the_crawl_is_never_taken() -> None:
    html = page(head='<meta property="article:published_time" content="2031-01-01T00:00:00Z">')
    article = read(html, crawl_date="2024-03-05")
    assert article.published != "2031-01-01"


def test_json_ld_publication_outvotes_a_later_modification_tag() -> None:
    ld = {"@type": "NewsArticle", "headline": "Ferry ramp to be rebuilt before winter",
          "datePublished": "2023-09-12T09:00:00Z",
          "author": {"@type": "Person", "name": "Jane Okafor"}}
    html = page(head='<meta property="article:modified_time" content="2024-01-10T09:00:00Z">'
                     '<meta name="author" content="Harbour Gazette">',
                below='<p class="post-date">September 12, 2023</p>', ld=ld)
    article = read(html)
    assert article.published == "2023-09-12"
    assert article.published_signal == "meta"
    assert article.author == "Jane Okafor"
    assert article.title == "Ferry ramp to be rebuilt before winter"


def test_title_loses_the_site_name() -> None:
    assert read(page()).title == "Ferry ramp to be rebuilt before winter"


def test_url_date_when_the_markup_has_none() -> None:
    article = read(page(), url="https://harbourgazette.example/2023/09/12/ferry-ramp/")
    assert (article.published, article.published_signal) == ("2023-09-12", "url")


def test_site_names_and_people() -> None:
    assert is_site_name("CottageCare", None, "cottagecare.example")
    assert is_site_name("Harbour Gazette", "Harbour Gazette", "hg.example")
    assert not is_site_name("Gary Marcus", None, "garymarcus.substack.example")
    assert person_author("Posted by Jane Okafor", None, "x.example") == "Jane Okafor"
    assert person_author("q_admin", None, "x.example") is None


def test_choose_needs_a_candidate_above_the_threshold() -> None:
    chosen = choose([Candidate("author", "Share", "heading-line", 7)], outlet=None,
                    host="x.example", model=load_model())
    assert chosen["author"].value is None
    chosen = choose([Candidate("title", "Ferry ramp to be rebuilt", "h1")], outlet=None,
                    host="x.example", model=load_model())
    assert (chosen["title"].value, chosen["title"].signal) == ("Ferry ramp to be rebuilt", "h1")
