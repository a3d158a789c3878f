"""XSS payloads in titles, bodies, URLs, outlets, authors and quotes, ingested through the API,
run no script in a real browser and inject no element or attribute.

The browser ignores the Content-Security-Policy here (``bypass_csp``), so the test proves the
escaping itself, not only that the policy would block what got through.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from webcorpus import xss_records
from webserver import running_server, shot

pytestmark = pytest.mark.slow

INSPECT = """() => {
  const all = [...document.querySelectorAll('*')];
  return {
    xss: window.__xss === undefined ? null : window.__xss,
    parentXss: window.parent.__xss === undefined ? null : window.parent.__xss,
    active: document.querySelectorAll('script, iframe, object, embed, img, frame').length,
    handlers: all.flatMap(e => [...e.attributes].filter(a => a.name.startsWith('on'))
                                                 .map(a => e.tagName + '@' + a.name)),
    links: [...document.querySelectorAll('a[href]')].map(a => a.protocol),
    text: document.body.innerText,
  };
}"""


@pytest.fixture(scope="module")
def xss_server(story_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("xss") / "xss.db"
    db.write_bytes(story_db.read_bytes())
    with running_server(db) as url:
        yield url


@pytest.fixture(scope="module")
def posted(xss_server: str) -> list[dict[str, Any]]:
    answers = []
    with httpx.Client(base_url=xss_server, timeout=300) as client:
        for record in xss_records():
            response = client.post("/api/documents", json=record)
            assert response.status_code == 201, response.text
            answers.append(response.json())
    return answers


def pages_to_visit(base: str, posted: list[dict[str, Any]]) -> list[str]:
    stories = {answer["story"] for answer in posted if answer["story"]}
    assert stories, "the payload documents formed no story"
    return [
        "/", "/?order=outlets",
        *(f"/stories/{story}" for story in sorted(stories)),
        *(answer["html_url"] for answer in posted),
        "/search?q=Brenmoor", "/search?q=Brenmoor&kind=story", "/search?q=onerror",
        "/search?q=%22%3E%3Cscript%3Ewindow.__xss%3D1%3C/script%3E",
        "/stories/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E",
    ]


def test_no_payload_runs_or_injects_markup(
    browser: Any, xss_server: str, posted: list[dict[str, Any]]
) -> None:
    context = browser.new_context(bypass_csp=True, viewport={"width": 1100, "height": 900})
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    seen_text = ""
    for path in pages_to_visit(xss_server, posted):
        page.goto(xss_server + path)
        page.wait_for_timeout(100)
        found = page.evaluate(INSPECT)
        assert found["xss"] is None and found["parentXss"] is None, path
        assert found["active"] == 0, path
        assert found["handlers"] == [], (path, found["handlers"])
        assert set(found["links"]) <= {"http:", "https:"}, (path, found["links"])
        seen_text += found["text"]
    assert dialogs == []
    assert "<script>window.__xss" in seen_text
    assert "onerror=" in seen_text
    story = next(answer["story"] for answer in posted if answer["story"])
    page.goto(f"{xss_server}/stories/{story}")
    shot(page, "xss_story")
    context.close()
