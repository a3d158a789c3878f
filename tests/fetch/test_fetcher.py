"""The fetcher against a real HTTP server on loopback: manners, limits and safety."""

from __future__ import annotations

import pytest
from newsserver import NewsServer, Route, make_fetcher

from newsfuse.errors import FetchError
from newsfuse.fetch import Fetcher


def test_a_page_is_fetched_with_its_validators_and_our_user_agent(
    server: NewsServer, fetcher: Fetcher
) -> None:
    url = server.serve_page("kelmarsh-breach")
    page = fetcher.get(url)
    assert page.status == 200 and b"Kelmarsh" in page.content
    assert page.etag == '"kelmarsh-breach-v1"' and page.content_type == "text/html"
    sent = server.headers["/news/kelmarsh-breach.html"][0]
    assert sent["User-Agent"].startswith("newsfuse/")
    assert sent["Host"] == server.base.removeprefix("http://")


def test_the_default_policy_never_reaches_a_loopback_server(server: NewsServer) -> None:
    url = server.serve_page("kelmarsh-breach")
    with Fetcher() as strict, pytest.raises(FetchError, match="loopback"):
        strict.get(url)
    assert sum(server.hits.values()) == 0


def test_conditional_gets_answer_304_without_content(server: NewsServer, fetcher: Fetcher) -> None:
    url = server.serve_feed("/feed.xml", ["kelmarsh-breach"])
    first = fetcher.get(url)
    by_etag = fetcher.get(url, etag=first.etag)
    by_date = fetcher.get(url, last_modified=first.last_modified)
    assert by_etag.not_modified and by_etag.content == b""
    assert by_date.not_modified
    assert server.not_modified["/feed.xml"] == 2
    server.serve_feed("/feed.xml", ["kelmarsh-breach", "brantholm-trams"], version="2")
    changed = fetcher.get(url, etag=first.etag)
    assert changed.status == 200 and b"Brantholm" in changed.content


def test_robots_txt_is_obeyed(server: NewsServer, fetcher: Fetcher) -> None:
    server.routes["/robots.txt"] = Route(b"User-agent: *\nDisallow: /private/\n", "text/plain")
    server.routes["/private/memo.html"] = Route(b"<p>secret</p>")
    public = server.serve_page("brantholm-trams")
    with pytest.raises(FetchError, match="robots.txt"):
        fetcher.get(server.url("/private/memo.html"))
    assert fetcher.get(public).status == 200
    assert server.hits["/private/memo.html"] == 0
    assert server.hits["/robots.txt"] == 1  # read once per site


def test_an_unavailable_robots_txt_disallows_everything(server: NewsServer) -> None:
    server.routes["/robots.txt"] = Route(b"down", "text/plain", status=500)
    url = server.serve_page("brantholm-trams")
    with make_fetcher(retries=0) as fetcher, pytest.raises(FetchError, match="robots.txt"):
        fetcher.get(url)
    assert server.hits["/news/brantholm-trams.html"] == 0


def test_requests_to_one_host_are_spaced(server: NewsServer) -> None:
    urls = [server.serve_page(slug) for slug in ("kelmarsh-breach", "kelmarsh-inspector")]
    with make_fetcher(min_interval=0.3) as fetcher:
        for url in urls + urls:
            fetcher.get(url)
    times = sorted(t for path, hits in server.times.items() if path != "/robots.txt" for t in hits)
    gaps = [later - earlier for earlier, later in zip(times, times[1:], strict=False)]
    assert len(times) == 4 and min(gaps) >= 0.28


def test_server_errors_are_retried_with_backoff(server: NewsServer, fetcher: Fetcher) -> None:
    url = server.serve_page("kelmarsh-breach")
    server.routes["/news/kelmarsh-breach.html"].fail_first = 2
    assert fetcher.get(url).status == 200
    assert server.hits["/news/kelmarsh-breach.html"] == 3
    server.routes["/news/kelmarsh-breach.html"].fail_first = 10
    with pytest.raises(FetchError):
        fetcher.get(url)
    assert server.hits["/news/kelmarsh-breach.html"] == 6  # one try and two retries


def test_too_large_bodies_are_refused(server: NewsServer) -> None:
    server.routes["/big.html"] = Route(b"<p>" + b"x" * 300_000 + b"</p>")
    with make_fetcher(max_bytes=100_000) as fetcher, pytest.raises(FetchError, match="too large"):
        fetcher.get(server.url("/big.html"))


def test_a_stalled_server_times_out(server: NewsServer) -> None:
    server.routes["/slow.html"] = Route(b"<p>late</p>", stall=3.0)
    with make_fetcher(timeout=0.5, retries=0) as fetcher:
        with pytest.raises(FetchError, match="timed out"):
            fetcher.get(server.url("/slow.html"))


def test_redirects_are_followed_and_limited(server: NewsServer, fetcher: Fetcher) -> None:
    target = server.serve_page("kelmarsh-breach")
    server.routes["/old"] = Route(status=301, headers={"Location": "/news/kelmarsh-breach.html"})
    server.routes["/loop"] = Route(status=302, headers={"Location": "/loop"})
    assert fetcher.get(server.url("/old")).url == target
    with pytest.raises(FetchError, match="redirects"):
        fetcher.get(server.url("/loop"))
    assert server.hits["/loop"] == 6  # the first request and five redirects


@pytest.mark.parametrize(
    "location",
    ["http://169.254.169.254/latest/meta-data/", "http://127.0.0.2:{port}/news/x.html",
     "http://10.0.0.1/", "file:///etc/passwd"],
)
def test_every_redirect_is_checked_again(
    server: NewsServer, fetcher: Fetcher, location: str
) -> None:
    port = server.base.rsplit(":", 1)[1]
    server.routes["/jump"] = Route(status=302, headers={"Location": location.format(port=port)})
    with pytest.raises(FetchError, match="refused|only http"):
        fetcher.get(server.url("/jump"))
