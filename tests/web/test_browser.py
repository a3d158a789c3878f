"""End-to-end in real headless Chromium: front page, story page, a citation to its cleaned
article, search, a phone-sized screen; JavaScript off, as the pages need none.

Screenshots go to ``<repo>/screenshots/web/`` (git-ignored) and ``/tmp/web_*.png``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from webserver import running_server, shot

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def base_url(story_db: Path) -> Iterator[str]:
    with running_server(story_db) as url:
        yield url

def watched(context: Any) -> tuple[Any, list[str]]:
    """A new page that records console errors and failed requests."""
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("requestfailed", lambda r: problems.append(f"failed: {r.url}"))
    return page, problems


def test_read_a_story_follow_a_citation_and_search(browser: Any, base_url: str) -> None:
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 1100, "height": 900}
    )
    page, problems = watched(context)
    page.goto(base_url + "/")
    assert page.locator("h1").inner_text() == "Stories"
    cards = page.locator(".story-card")
    assert cards.count() >= 3
    assert "outlet" in cards.first.locator(".card-coverage").inner_text()
    shot(page, "front")

    tarsk = page.locator(".story-card h2 a", has_text="Tarsk").or_(
        page.locator(".story-card h2 a", has_text="crane")).first
    headline = tarsk.inner_text()
    tarsk.click()
    page.wait_for_load_state()
    assert page.url.startswith(base_url + "/stories/")
    assert page.locator(".story-head h1").inner_text() == headline
    for section in (".summary", ".facts", ".quotes", ".timeline", ".entities", ".sources"):
        assert page.locator(section).count() == 1, section
    assert page.locator(".facts .support-count").count() >= 1
    assert page.locator(".sources .source").count() >= 3
    shot(page, "story")

    citation = page.locator(".summary a.cite").first
    source_title = citation.get_attribute("title") or ""
    citation.click()
    page.wait_for_load_state()
    assert "/articles/" in page.url
    title = page.locator(".story-head h1").inner_text()
    assert title and title in source_title
    assert len(page.locator(".article-body p").all_inner_texts()) >= 3
    shot(page, "article")

    page.go_back()
    page.fill("#q", "crane inspectors")
    page.press("#q", "Enter")
    page.wait_for_load_state()
    assert "/search?q=crane+inspectors" in page.url
    results = page.locator(".result")
    assert results.count() >= 2
    assert page.locator(".snippet mark").count() >= 2
    shot(page, "search")
    results.first.locator("a.result-title").click()
    page.wait_for_load_state()
    assert "/articles/" in page.url
    assert problems == []
    context.close()


def test_pages_fit_a_phone(browser: Any, base_url: str) -> None:
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 390, "height": 844},
        device_scale_factor=2, is_mobile=True,
    )
    page, problems = watched(context)
    page.goto(base_url + "/")
    story_url = page.locator(".story-card h2 a").first.get_attribute("href")
    checks = [("front_phone", "/"), ("story_phone", story_url or "/")]
    for name, path in checks:
        page.goto(base_url + path)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 1, f"{path} is {overflow}px wider than the phone"
        size = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
        assert size >= 15
        shot(page, name)
    assert problems == []
    context.close()


def test_the_stylesheet_applies_under_the_csp(browser: Any, base_url: str) -> None:
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    page, problems = watched(context)
    page.goto(base_url + "/")
    family = page.evaluate("getComputedStyle(document.querySelector('h1')).fontFamily")
    assert "Georgia" in family or "serif" in family
    story_url = page.locator(".story-card h2 a").first.get_attribute("href")
    page.goto(base_url + (story_url or "/"))
    width = page.evaluate(
        "getComputedStyle(document.querySelector('.facts .bar span')).width"
    )
    assert width != "auto" and float(width.rstrip("px")) > 0
    assert problems == []
    context.close()
