"""Metadata helpers on lines written for these tests."""

from __future__ import annotations

import pytest

from newsfuse.extract import meta


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("2023 Sep 12, 10:57,", "2023-09-12"),
        ("Friday Nov 22, 2024", "2024-11-22"),
        ("Published: 3 March 2021", "2021-03-03"),
        ("Updated on September 5th, 2022 at 6:40 pm IST", "2022-09-05"),
        ("Publié le 14 mars 2024 à 09h12", "2024-03-14"),
        ("12 settembre 2023", "2023-09-12"),
        ("12.09.2023, 14:30 Uhr", "2023-09-12"),
        ("12 de septiembre de 2023", "2023-09-12"),
        ("2021-02-29", None),
        ("The talks began on September 12, 2023 in Vladivostok after a long delay.", None),
        ("Sept 2023", None),
    ],
)
def test_parse_dateline(line: str, expected: str | None) -> None:
    assert meta.parse_dateline(line) == expected


def test_explicit_date_label() -> None:
    assert meta.explicit_date("date 2023-09-12 Home » Something happened") == "2023-09-12"
    assert meta.explicit_date("The 2023-09-12 meeting") is None


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://news.example/2023/09/12/kim-train/", "2023-09-12"),
        ("https://news.example/world/20230912/kim-train", "2023-09-12"),
        ("https://news.example/2023-9-2-story", "2023-09-02"),
        ("https://news.example/world/kim-train-1505", None),
        ("https://news.example/2023/13/40/x", None),
        (None, None),
    ],
)
def test_date_from_url(url: str | None, expected: str | None) -> None:
    assert meta.date_from_url(url) == expected


@pytest.mark.parametrize(
    ("candidate", "expected"),
    [
        ("by admin", None),
        ("By Admin", None),
        ("ANI", None),
        ("By Reuters", None),
        ("Web Desk", None),
        ("September 12, 2023", None),
        ("www.example.com", None),
        ("By Elizabeth Smith", "Elizabeth Smith"),
        ("Par Claire Dubois", "Claire Dubois"),
        ("By Jean-Luc O'Neill | Sept 12, 2023", "Jean-Luc O'Neill"),
        ("Priya Raman", "Priya Raman"),
        (None, None),
    ],
)
def test_clean_author(candidate: str | None, expected: str | None) -> None:
    assert meta.clean_author(candidate) == expected


def test_person_name_shape() -> None:
    assert meta.is_person_name("Elizabeth Smith")
    assert meta.is_person_name("Mary J. Blige")
    assert not meta.is_person_name("Nepalnews")
    assert not meta.is_person_name("Friday Nov 22, 2024")
    assert not meta.is_person_name("North Korea said on Tuesday")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Published by Nepalnews Pvt Ltd", "Nepalnews"),
        ("© NepalNews. 2021 All rights reserved. | Nepal's First News Portal", "NepalNews"),
        ("© 2023 Gazzetta delle Alpi S.p.A. - Tutti i diritti riservati", "Gazzetta delle Alpi"),
        (
            "Copyright © 2019-2024 The Coastal Ledger Inc. All rights reserved.",
            "The Coastal Ledger",
        ),
        ("The company was published by accident.", None),
    ],
)
def test_publisher_name(line: str, expected: str | None) -> None:
    assert meta.publisher_name(line) == expected


def test_agencies() -> None:
    assert meta.agency_name("ANI") == "ANI"
    assert meta.agency_name("(Reuters)") == "Reuters"
    assert meta.agency_name("Anil") is None
    assert meta.agency_in_text("WASHINGTON, Sept 12 (Reuters) - The US said ...") == "Reuters"
    assert meta.agency_in_text("The plan (approved in May) - was dropped") is None


def test_choose_title_prefers_the_repeated_headline_in_full() -> None:
    short = "Kim's visit to Russia"
    full = "Kim's visit to Russia for talks with Putin"
    assert meta.choose_title([(short, 1.0), (short, 1.0), (full, 1.0)]) == full
    assert meta.choose_title([("Sport | News", 0.2), ("Frost hits the orchards", 0.8)]) == (
        "Frost hits the orchards"
    )
    assert meta.choose_title([]) is None


def test_print_date_detection() -> None:
    assert meta.is_print_date("2024-11-22", [2018, 2019, 2021], None)
    assert not meta.is_print_date("2022-05-01", [2018, 2021], None)
    assert meta.is_print_date("2024-03-01", [], "2024-02-01T10:00:00Z")
    assert not meta.is_print_date("2024-03-01", [], None)


def test_header_date_prefers_the_dateline_beside_the_agency() -> None:
    header = meta.PageHeader(
        lines=["Friday Nov 22, 2024", "A headline about talks", "Courier", "ANI",
               "2023 Sep 12, 10:57,"],
        roles=["date", None, None, "agency", "date"],
        title="A headline about talks",
        title_at=1,
    )
    found = meta.header_date(header, url=None, crawl_date=None, body_years=[2019],
                             outlet="Courier")
    assert found == ("2023-09-12", "dateline")
    alone = meta.PageHeader(header.lines[:2], header.roles[:2], header.title, 1)
    assert meta.header_date(alone, url=None, crawl_date=None, body_years=[2019],
                            outlet=None) == (None, None)
    assert meta.header_date(alone, url="https://x.example/2023/09/12/a", crawl_date=None,
                            body_years=[2019], outlet=None) == ("2023-09-12", "url")


def test_header_outlet_and_author() -> None:
    header = meta.PageHeader(
        lines=["A headline about talks - The Daily Example", "A headline about talks",
               "Jane Okafor"],
        roles=[None, None, None],
        title="A headline about talks",
        title_at=1,
    )
    def share(line: str) -> float:
        return 1.0 if "talks" in line else 0.0

    assert meta.header_outlet(header, [], share, None) == "The Daily Example"
    assert meta.header_author(header, share) == "Jane Okafor"
    assert meta.header_outlet(header, ["© 2024 Example Media Group. All rights reserved."],
                              share, None) == "Example"
