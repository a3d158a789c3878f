"""Attribution phrases: who a sentence says its information comes from."""

from __future__ import annotations

import pytest

from newsfuse.brief.attribution import attributions


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The toll rose to 20, according to Reuters.", ["Reuters"]),
        ("According to the Interior Ministry, 15 people died.", ["Interior Ministry"]),
        ("The dam burst at dawn, reported Al Jazeera citing state media.",
         ["state media", "Al Jazeera"]),
        ("The plant was closed, state media said.", ["state media"]),
        ("Brazilian media reported that the minister resigned.", ["Brazilian media"]),
        ("The ferry sank, the official news agency Xinhua said.", ["Xinhua"]),
        ("Officials told AFP the bridge collapsed.", ["AFP"]),
        ("The ferry sank, Reuters reported citing the coast guard.", ["coast guard", "Reuters"]),
        ("The blast killed 12, the ministry said, citing local police.",
         ["local police"]),
        ("Reports from Korean media, such as Yonhap news agency, confirm the launch.",
         ["Korean media", "Yonhap"]),
        ("Japanese news agency Kyodo reported the arrival.", ["Kyodo"]),
    ],
)
def test_sources_are_found(sentence: str, expected: list[str]) -> None:
    found = attributions(sentence)
    for name in expected:
        assert name in found, found


@pytest.mark.parametrize(
    "sentence",
    [
        "He said it was fine.",
        "The mayor said on Monday that the fire was out.",
        "They met in the capital on Tuesday.",
        "This was a surprise to many.",
    ],
)
def test_people_and_plain_statements_are_not_media_sources(sentence: str) -> None:
    assert attributions(sentence) == []


def test_cited_source_comes_before_the_outlet_citing_it() -> None:
    found = attributions("Kim left on Sunday, CNN reported citing news agency KCNA.")
    assert found.index("KCNA") < found.index("CNN")
