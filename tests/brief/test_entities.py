"""Entity resolution on an invented story with transliterations and a misheard transcript."""

from functools import lru_cache
from pathlib import Path

import pytest

from newsfuse.brief.entities import EntityIndex, resolve_entities
from newsfuse.nlp.analyze import Analyzer
from newsfuse.types import AnalyzedArticle, Article, Block

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "entities"


def read_fixture(path: Path) -> Article:
    """A fixture file: ``key: value`` header lines, a blank line, then paragraphs."""
    header, _, body = path.read_text(encoding="utf-8").partition("\n\n")
    meta = dict(line.split(": ", 1) for line in header.splitlines())
    blocks = tuple(Block("paragraph", p.strip()) for p in body.split("\n\n") if p.strip())
    return Article(
        id=path.stem, source=str(path), status="ok", published=meta.get("published"),
        outlet=meta.get("outlet"), blocks=blocks, transcript=meta.get("transcript") == "yes",
    )


@lru_cache(maxsize=1)
def fixture_story() -> tuple[AnalyzedArticle, ...]:
    return tuple(Analyzer().analyze_all([read_fixture(p) for p in sorted(FIXTURES.glob("*.txt"))]))


@pytest.fixture(scope="module")
def index() -> EntityIndex:
    return resolve_entities(fixture_story())


def test_transliterations_merge(index: EntityIndex) -> None:
    zelensky = index.get("Volodymyr Zelensky")
    assert zelensky is not None and zelensky.type == "PERSON"
    assert index.canonical("Vladimir Zelensky") == zelensky.name
    assert index.canonical("Zelensky") == zelensky.name
    assert index.canonical("Muhammad bin Salman") == index.canonical("Mohammed bin Salman")
    assert set(zelensky.sources) == {"a_wire", "b_daily", "c_transcript"}


def test_canonical_is_the_most_frequent_punctuated_full_form(index: EntityIndex) -> None:
    assert index.canonical("Zelensky") == "Volodymyr Zelensky"


def test_lowercase_transcript_surname_is_found(index: EntityIndex) -> None:
    nykyforov = index.get("Serhiy Nykyforov")
    assert nykyforov is not None
    assert "c_transcript" in nykyforov.sources


def test_misheard_place_is_flagged(index: EntityIndex) -> None:
    tartus = index.get("Tartus")
    assert tartus is not None and tartus.type == "PLACE"
    assert "Tarters" in tartus.aliases and "Tarters" in tartus.flagged


def test_places_get_gazetteer_facts_only_when_they_are_places(index: EntityIndex) -> None:
    jeddah = index.get("Jeddah")
    assert jeddah is not None and jeddah.type == "PLACE"
    assert jeddah.place is not None and jeddah.place["country"] == "SA"
    assert all(entity.place is None for entity in index.entities if entity.type != "PLACE")


def test_events_and_junk(index: EntityIndex) -> None:
    summit = index.get("Red Sea Summit")
    assert summit is not None and summit.type == "EVENT"
    names = {entity.name for entity in index.entities}
    assert not names & {"Thursday", "2023", "June", "next month"}


def test_unknown_names_map_to_themselves(index: EntityIndex) -> None:
    assert index.canonical("Nobody Atall") == "Nobody Atall"


def test_gazetteer_narrows_cities_to_the_story_countries() -> None:
    from newsfuse.nlp.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    assert gazetteer.lookup("the U.S.") == gazetteer.lookup("United States")
    assert gazetteer.lookup("Khasan", countries={"RU", "KP"}) is None  # not Hassan, India
    izmail = gazetteer.lookup("Izmail", countries={"UA"})
    assert izmail is not None and izmail.country == "UA"
    assert gazetteer.lookup("Un") is None
