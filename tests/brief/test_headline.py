"""The story headline: a cleaned, central title, never a site name."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsfuse.brief.headline import clean_title, is_page_furniture, make_headline
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


# --------------------------------------------------------------------------- page furniture


@pytest.mark.parametrize(
    "text",
    [
        "Listen to Article 4:34 Share This Article",
        "Getty Images / Mara Velt / Contributor",
        "Embed Ferry Sinks Off Terlow 2:14 autoplay autoplay",
        "Sign in using your account with: {* loginWidget *}",
    ],
)
def test_player_share_bar_credit_and_widget_text_is_furniture(text: str) -> None:
    assert is_page_furniture(text)


@pytest.mark.parametrize(
    "text",
    [
        "Orvane recalls 40,000 e-scooters after battery fires",
        "Ferry sinks off Terlow at 3:30 a.m., 24 dead",
        "AC/DC drummer Mara Velt joins Terlow festival bill",
    ],
)
def test_headlines_are_not_furniture(text: str) -> None:
    assert not is_page_furniture(text)


def test_a_separator_inside_the_title_stays_and_an_end_site_name_goes() -> None:
    title = "Woman Killed in Terlow Hit - And - Run, Driver Charged | The Daily Ledger"
    assert clean_title(title, ("The Daily Ledger",)) == (
        "Woman Killed in Terlow Hit - And - Run, Driver Charged"
    )


def test_a_title_split_by_dashes_is_not_cut_to_a_lower_case_fragment() -> None:
    title = "A Terlow deputy — a father of two — died after a shooting on Friday"
    assert clean_title(title)[0].isupper()


def _story(analyzer: Analyzer, titles: list[str | None]) -> list[AnalyzedArticle]:
    bodies = [
        ["A ferry carrying 80 passengers sank off the port of Terlow on Tuesday, and 24 people "
         "died, the coast guard said.", "Divers searched the wreck of the Mara Velt overnight."],
        ["The Mara Velt ferry sank off Terlow on Tuesday with 80 passengers aboard.",
         "The coast guard said 24 people died and 56 were rescued."],
        ["Rescuers pulled 56 survivors from the sea after the Mara Velt ferry sank off Terlow.",
         "The port of Terlow was closed on Wednesday."],
    ]
    return analyzer.analyze_all([
        Article(f"fe-{n}", f"fixture:fe-{n}", "ok", title=title, outlet=f"Outlet {n}",
                blocks=tuple(Block("paragraph", text) for text in body))
        for n, (title, body) in enumerate(zip(titles, bodies, strict=True))
    ])


def test_a_credit_line_naming_the_story_is_not_the_headline(analyzer) -> None:
    headline = make_headline(_story(analyzer, ["Getty Images / Mara Velt / Contributor",
                                               None, None]))
    assert "Getty" not in headline and "Contributor" not in headline
    assert "ferry" in headline.lower()


def test_a_share_bar_title_gives_way_to_a_real_title(analyzer) -> None:
    headline = make_headline(_story(analyzer, [
        "LISTEN TO ARTICLE 4:34 SHARE THIS ARTICLE", None, "Ferry Mara Velt sinks off Terlow"]))
    assert headline == "Ferry Mara Velt sinks off Terlow"


def test_a_title_about_the_page_not_the_story_is_not_the_headline(analyzer) -> None:
    headline = make_headline(_story(analyzer, [
        "Warning: this video contains images some viewers may find upsetting", None, None]))
    assert "video" not in headline.lower()
