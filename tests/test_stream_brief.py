"""``newsfuse brief`` and ``extract`` stream: their output equals the old in-memory way of
reading every document, analysing, clustering and briefing them all at once, then rendering.

The reference here is that old way, written out with the stages' public functions.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from newsfuse import __version__, cli, output, pipeline
from newsfuse.pipeline import StreamingBrief, read_articles, story_jobs
from newsfuse.render.json import extract_output_dict, json_text, output_dict
from newsfuse.spill import Spill
from newsfuse.types import Article, Briefing

pytestmark = pytest.mark.slow  # loads spaCy and the embedder, briefs whole stories

REPO = Path(__file__).resolve().parents[1]
FOLDERS = {"examples": REPO / "examples", "stream": REPO / "tests" / "fixtures" / "stream"}
NOW = "2026-06-01T12:00:00+00:00"


def _old_briefings(articles: list[Article], words: int = 120) -> list[Briefing]:
    """What ``brief_articles`` did before streaming: everything at once."""
    from newsfuse.brief import independence_keys
    from newsfuse.cluster import cluster_articles
    from newsfuse.nlp.analyze import Analyzer
    from newsfuse.nlp.embed import load_embedder

    analyzed = Analyzer().analyze_all([a for a in articles if a.status == "ok"])
    stories = cluster_articles(analyzed, embedder=load_embedder())
    jobs = story_jobs(stories, analyzed, articles, independence_keys(articles), words)
    briefings = pipeline.brief_stories(jobs, workers=1)
    briefings.sort(key=lambda b: (-len(b.outlets), -len(b.documents), b.headline))
    return briefings


@pytest.fixture(scope="module")
def reference() -> dict[str, tuple[list[Article], list[Briefing]]]:
    found = {}
    for name, folder in FOLDERS.items():
        articles = list(read_articles([folder]))
        found[name] = (articles, _old_briefings(articles))
    return found


def _old_brief_output(fmt: str, articles: list[Article], briefings: list[Briefing]) -> str:
    from newsfuse.render.html import render_html
    from newsfuse.render.markdown import render_markdown
    from newsfuse.render.text import render_text

    if fmt == "json":
        return json_text(output_dict(articles, briefings, version=__version__, generated_at=NOW))
    if fmt == "md":
        return render_markdown(articles, briefings)
    if fmt == "html":
        return render_html(articles, briefings, generated_at=NOW)
    return render_text(articles, briefings, color=False)


def _run(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, *args: str) -> str:
    monkeypatch.setattr(output, "now", lambda: NOW)
    result = tmp_path / "out" / "result"
    result.parent.mkdir()
    assert cli.main([*args, "-q", "-o", str(result)]) == 0
    # the spills were written beside the output and are gone
    assert list(result.parent.iterdir()) == [result]
    return result.read_text(encoding="utf-8")


@pytest.mark.parametrize("folder", sorted(FOLDERS))
@pytest.mark.parametrize("fmt", ["text", "md", "html", "json"])
def test_brief_output_equals_the_in_memory_rendering(
    fmt: str, folder: str, reference: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    articles, briefings = reference[folder]
    assert briefings, "the fixture folder should tell at least one story"
    streamed = _run(monkeypatch, tmp_path, "brief", str(FOLDERS[folder]), "-f", fmt)
    assert streamed == _old_brief_output(fmt, articles, briefings)


def test_html_shows_the_text_of_cited_copies(
    reference: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    articles, _ = reference["stream"]
    copy = next(a for a in articles if a.status == "duplicate")
    page = _run(monkeypatch, tmp_path, "brief", str(FOLDERS["stream"]), "-f", "html")
    assert f'id="doc-{copy.id}"' in page
    assert "Lire aussi" not in page  # the copy's boilerplate was cleaned, its text is shown:
    assert "fireboats were deployed" in page.split(f'id="doc-{copy.id}"', 1)[1]


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_extract_output_equals_the_in_memory_rendering(
    fmt: str, reference: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from newsfuse.render.text import render_extract_text

    articles = [a for name in sorted(FOLDERS) for a in reference[name][0]]
    paths = [str(FOLDERS[name]) for name in sorted(FOLDERS)]
    streamed = _run(monkeypatch, tmp_path, "extract", *paths, "-f", fmt)
    if fmt == "json":
        expected = json_text(extract_output_dict(articles, version=__version__, generated_at=NOW))
    else:
        expected = render_extract_text(articles, color=False)
    assert streamed == expected


def _synth_articles(count: int) -> list[Article]:
    """Invented multi-outlet stories (the benchmarks' ``synth_articles``)."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    from stages import synth_articles

    return list(synth_articles(count))


def test_chunked_analysis_and_spill_give_the_whole_list_briefings(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # Each ok article analysed, embedded and clustered in a chunk of its own.
    monkeypatch.setattr(pipeline, "ANALYSIS_CHUNK_WORDS", 1)
    marker = pipeline.DuplicateMarker()
    originals = _synth_articles(18)
    articles = [marker.mark(a) for a in [*originals, *originals[:2]]]
    assert articles[-1].status == articles[-2].status == "duplicate"
    ok = [a for a in articles if a.status == "ok"]
    with Spill(tmp_path) as spill:
        brief = StreamingBrief(spill, words=80, workers=1)
        for article in articles:
            brief.add(article)
        assert len(spill) == len(ok)  # ok articles only: no copies without keep_copies
        streamed = brief.briefings()
        assert all(not a.blocks for a in brief.articles)  # memory holds no text
        assert brief.full(ok[3].id) == ok[3]
        assert brief.full(articles[-1].id) is None
    assert len({b.story_id for b in streamed}) > 3
    assert streamed == _old_briefings(articles, words=80)


def test_brief_articles_keeps_its_in_memory_contract() -> None:
    articles = _synth_articles(6)
    briefings = pipeline.brief_articles(articles, workers=1)
    assert briefings == _old_briefings(articles, words=120)
