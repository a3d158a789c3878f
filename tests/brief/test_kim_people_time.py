"""The user's example story (../shared/corpus/kim-russia-2023-09): people, quotes and time.

Only two of the five documents carry a publication date (2023-09-12); the others take the
story's date.
"""

from functools import lru_cache
from pathlib import Path

import pytest

from newsfuse.brief.entities import EntityIndex, resolve_entities
from newsfuse.brief.quotes import extract_quotes
from newsfuse.brief.timeline import build_timeline, story_date
from newsfuse.nlp.analyze import Analyzer
from newsfuse.types import AnalyzedArticle, Quote, RawDocument, TimelineEvent

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "kim-russia-2023-09"

pytestmark = [pytest.mark.shared, pytest.mark.slow]


@lru_cache(maxsize=1)
def _story() -> tuple[AnalyzedArticle, ...]:
    if not CORPUS.is_dir():
        pytest.skip(f"../shared/corpus/kim-russia-2023-09 is absent: {CORPUS}")
    try:
        from newsfuse.extract.text import extract_text
    except ImportError:
        pytest.skip("newsfuse.extract.text.extract_text is not written yet")
    articles = []
    for path in sorted(CORPUS.glob("*.txt")):
        raw = RawDocument(str(path), path.read_text(encoding="utf-8"), "text")
        articles.append(extract_text(raw, doc_id=path.name[:3]))
    return tuple(Analyzer().analyze_all([a for a in articles if a.status == "ok"]))


@pytest.fixture(scope="module")
def story() -> tuple[AnalyzedArticle, ...]:
    return _story()


@pytest.fixture(scope="module")
def index(story: tuple[AnalyzedArticle, ...]) -> EntityIndex:
    return resolve_entities(story)


@pytest.fixture(scope="module")
def quotes(story: tuple[AnalyzedArticle, ...], index: EntityIndex) -> list[Quote]:
    return extract_quotes(story, index)


@pytest.fixture(scope="module")
def timeline(story: tuple[AnalyzedArticle, ...]) -> list[TimelineEvent]:
    return build_timeline(story, story_date=story_date(story))


def test_kim_variants_are_one_person(index: EntityIndex) -> None:
    kim = index.get("Kim Jong Un")
    assert kim is not None and kim.type == "PERSON" and kim.name == "Kim Jong Un"
    for variant in ("Kim Jong-un", "Kim", "King Jong"):
        assert index.canonical(variant) == "Kim Jong Un", variant
    assert len(kim.sources) == 5


def test_peskov_and_shoigu(index: EntityIndex) -> None:
    for variant in ("Dimitri Peskov", "Dimitri peskov", "Peskov", "peskov"):
        assert index.canonical(variant) == "Dmitry Peskov", variant
    peskov = index.get("Dmitry Peskov")
    assert peskov is not None and len(peskov.sources) == 5
    shoigu = index.get("Sergey Shoigu")
    assert shoigu is not None and shoigu.type == "PERSON"


def test_khasan_with_hasan_and_the_misheard_carson(index: EntityIndex) -> None:
    khasan = index.get("Khasan")
    assert khasan is not None and khasan.type == "PLACE" and khasan.name == "Khasan"
    assert index.canonical("Hasan") == "Khasan"
    assert index.canonical("Carson") == "Khasan" and "Carson" in khasan.flagged
    assert khasan.place is None  # the gazetteer's "Khasan" is Hassan, India: rejected


def test_the_forum_and_vladivostok(index: EntityIndex) -> None:
    forum = index.get("Eastern Economic Forum")
    assert forum is not None and forum.type == "EVENT"
    assert index.canonical("Eastern economic Forum") == forum.name
    assert index.canonical("Eef") == forum.name
    vladivostok = index.get("Vladivostok")
    assert vladivostok is not None and vladivostok.type == "PLACE"
    assert vladivostok.place is not None and vladivostok.place["country"] == "RU"


def test_no_junk_entities(index: EntityIndex) -> None:
    names = {entity.name for entity in index.entities}
    assert not names & {"U.S", "Tuesday", "2019", "Un", "Communication", "Way"}
    assert index.canonical("U.S") == index.canonical("US")


def test_peskov_quotes_with_resolved_speakers(quotes: list[Quote]) -> None:
    by_text = {quote.text: quote for quote in quotes}
    spokesman = [q for q in quotes if q.text.startswith("Of course, as two neighboring")]
    assert spokesman and spokesman[0].speaker == "Dmitry Peskov"  # "The spokesman continued"
    pronoun = by_text.get("We are acting in the interests of both countries")
    assert pronoun is not None and pronoun.speaker == "Dmitry Peskov"  # "he said"
    sensitive = [q for q in quotes if "“sensitive” issues" in q.text]
    assert sensitive and sensitive[0].kind == "reported"
    assert not any(q.text.strip("“”\" .") == "sensitive" for q in quotes)


def test_price_warning_is_attributed_to_the_us(quotes: list[Quote]) -> None:
    price = [q for q in quotes if "pay a price" in q.text or 'pay a "price"' in q.text]
    assert price
    assert {q.speaker for q in price} <= {"United States", "Jake Sullivan"}


def _dated(timeline: list[TimelineEvent], date: str, *words: str) -> TimelineEvent:
    for event in timeline:
        if event.date == date and all(w.lower() in event.text.lower() for w in words):
            return event
    raise AssertionError(f"no {date} event with {words}: {[(e.date, e.text) for e in timeline]}")


def test_timeline_dates(timeline: list[TimelineEvent]) -> None:
    assert [e.date for e in timeline] == sorted(e.date for e in timeline)
    sunday = _dated(timeline, "2023-09-10")  # left Pyongyang on Sunday (001, 003)
    assert {"001", "003"} <= set(sunday.sources)
    _dated(timeline, "2023-09-11", "video")  # "on Monday" / "yesterday"
    arrival = _dated(timeline, "2023-09-12", "Russia", "Kim")  # arrived on Tuesday
    assert len(arrival.sources) >= 3  # "on Tuesday", "September 12", "early Tuesday morning"
    _dated(timeline, "2023-09-12", "Hasan")  # "this morning", in an undated document
    _dated(timeline, "2023-09-13", "talks")  # "tomorrow's Putin-Kim talks"
    _dated(timeline, "2023-09-13", "Wednesday")  # the Forum "runs through Wednesday"


def test_timeline_keeps_month_and_year_precision(timeline: list[TimelineEvent]) -> None:
    july = _dated(timeline, "2023-07-01", "Pyongyang")
    assert july.precision == "month"  # Shoigu's visit "in July"
    met = _dated(timeline, "2019-01-01")
    assert met.precision == "year"


def test_sunday_departure_is_one_event_from_several_documents(
    timeline: list[TimelineEvent],
) -> None:
    sunday = [e for e in timeline if e.date == "2023-09-10"]
    assert len(sunday) == 1 and len(sunday[0].sources) >= 3
