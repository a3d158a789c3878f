"""The story headline: a cleaned, central title, never a site name."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsfuse.brief.headline import clean_title, make_headline
from newsfuse.nlp.analyze import Analyzer
from newsfuse.types import AnalyzedArticle, Article, Block

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "summary"


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def story(analyzer: Analyzer, name: str, *, titles: bool = True) -> list[AnalyzedArticle]:
    data = json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))
    articles = [
        Article(
            item["id"], f"fixture:{item['id']}", "ok",
            title=item["title"] if titles else None, outlet=item["outlet"],
            blocks=tuple(Block("paragraph", text) for text in item["paragraphs"]),
        )
        for item in data["articles"]
    ]
    return analyzer.analyze_all(articles)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Orvane recalls e-scooters after battery fires | The Daily Ledger",
         "Orvane recalls e-scooters after battery fires"),
        ("Orvane recalls e-scooters after battery fires - TechWire",
         "Orvane recalls e-scooters after battery fires"),
        ("Home » Business » Orvane recalls e-scooters", "Orvane recalls e-scooters"),
        ("BREAKING: Orvane recalls e-scooters", "Orvane recalls e-scooters"),
    ],
)
def test_clean_title_drops_site_names_breadcrumbs_labels_and_shouting(
    title: str, expected: str
) -> None:
    assert clean_title(title, ("The Daily Ledger", "TechWire")) == expected


def test_clean_title_lowers_shouting_but_keeps_the_words() -> None:
    cleaned = clean_title("ORVANE RECALLS E-SCOOTERS OVER FIRES")
    assert cleaned.lower() == "orvane recalls e-scooters over fires"
    assert cleaned.split()[0] == "Orvane" and not cleaned.isupper()


def test_headline_is_a_central_title_not_a_site_name(analyzer: Analyzer) -> None:
    headline = make_headline(story(analyzer, "orvane-recall"))
    assert "Orvane" in headline
    assert "recall" in headline.lower()
    for site in ("TechWire", "Ledger", "Home", "|", "»"):
        assert site not in headline
    assert not headline.isupper()


def test_headline_prefers_the_title_the_other_articles_share(analyzer: Analyzer) -> None:
    headline = make_headline(story(analyzer, "velmora-bridge"))
    assert "Velmora" in headline or "Kestrel" in headline
    assert "repair bill" not in headline, "the finance aside is not the story"
    assert "Gazette" not in headline and "Herald" not in headline


def test_without_titles_a_short_lead_sentence_stands_in(analyzer: Analyzer) -> None:
    headline = make_headline(story(analyzer, "velmora-bridge", titles=False))
    assert headline
    assert len(headline.split()) <= 16
    assert not headline.startswith("By ")
    assert "Velmora" in headline or "Kestrel" in headline


def test_no_articles_give_an_empty_headline() -> None:
    assert make_headline([]) == ""


def _titled(analyzer: Analyzer, items: list[tuple[str, str, bool]]) -> list[AnalyzedArticle]:
    body = (
        "A ferry capsized off Port Aldrin on Sunday with 212 passengers on board. "
        "The coast guard said at least 12 people died and rescue boats searched overnight."
    )
    return analyzer.analyze_all([
        Article(doc, f"fixture:{doc}", "ok", title=title, transcript=transcript,
                blocks=(Block("paragraph", body),))
        for doc, title, transcript in items
    ])


def test_an_informative_title_beats_a_short_partial_one(analyzer: Analyzer) -> None:
    articles = _titled(analyzer, [
        ("a", "Rescue boats searched overnight", False),
        ("b", "At least 12 dead as ferry capsizes off Port Aldrin", False),
        ("c", "Coast guard searches overnight", False),
    ])
    assert make_headline(articles) == "At least 12 dead as ferry capsizes off Port Aldrin"


def test_a_video_title_is_used_only_without_a_written_one(analyzer: Analyzer) -> None:
    video = ("v", "Ferry capsizes off Port Aldrin with 212 passengers what we know", True)
    written = ("w", "Ferry capsizes off Port Aldrin", False)
    assert make_headline(_titled(analyzer, [video, written])) == "Ferry capsizes off Port Aldrin"
    assert "what we know" in make_headline(_titled(analyzer, [video]))
