# ruff: noqa: E501  (sentence templates read best unbroken)
"""Invented news at any scale, for tests and benchmarks: events told by several outlets.

Each event has its own place, people and numbers; each outlet tells it in its own words
(sentence variants, order, an outlet-specific aside), some outlets reprint a wire copy, and a
few pages are not articles at all. Deterministic for a given seed.
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

_SYLLABLES = [
    "ka",
    "lo",
    "mar",
    "ven",
    "tis",
    "dor",
    "ra",
    "bel",
    "sun",
    "ort",
    "vik",
    "an",
    "el",
    "mo",
    "zer",
    "pal",
]
_FIRST = [
    "Anja",
    "Tomas",
    "Ruth",
    "Jonas",
    "Mara",
    "Petra",
    "Henrik",
    "Lena",
    "Oskar",
    "Ines",
    "Farid",
    "Nadia",
    "Kofi",
    "Yusuf",
    "Elif",
    "Marek",
]
_OUTLETS = [
    "Coastal Herald",
    "Daily Beacon",
    "Island Voice",
    "Valley Times",
    "Morning Ledger",
    "Northern Post",
    "City Chronicle",
    "Evening Star",
]
_KINDS = {
    "flood": (
        "Floods hit {place}",
        [
            [
                "Heavy rain flooded large parts of {place} on {weekday}, forcing {n} residents from their homes.",
                "Floodwater swept through {place} on {weekday} and {n} people had to leave their homes.",
            ],
            [
                "Mayor {person} said the river had risen faster than at any time in {years} years.",
                "The river rose faster than in {years} years, according to mayor {person}.",
            ],
            [
                "Emergency crews used boats to reach {k} villages cut off by the water.",
                "Rescue teams reached {k} cut-off villages by boat.",
            ],
        ],
    ),
    "fire": (
        "Fire destroys factory in {place}",
        [
            [
                "A fire destroyed a textile factory in {place} on {weekday}, and {n} workers were treated for smoke.",
                "{n} workers needed treatment for smoke after a blaze gutted a textile plant in {place} on {weekday}.",
            ],
            [
                "Fire chief {person} said the blaze started in a storage hall shortly after midnight.",
                "The fire began in a storage hall just after midnight, fire chief {person} said.",
            ],
            [
                "The plant employed about {k} hundred people and had been open for {years} years.",
                "Around {k} hundred people worked at the factory, which opened {years} years ago.",
            ],
        ],
    ),
    "strike": (
        "Transport strike halts {place}",
        [
            [
                "Bus and tram drivers in {place} stopped work on {weekday} in a dispute over pay, stranding {n} commuters.",
                "A pay strike by tram and bus drivers left {n} commuters stranded in {place} on {weekday}.",
            ],
            [
                "Union leader {person} said drivers had not had a raise in {years} years.",
                "Drivers have gone {years} years without a pay rise, union leader {person} said.",
            ],
            [
                "The city offered a rise of {k} percent, which the union rejected.",
                "The union turned down the city's offer of a {k} percent raise.",
            ],
        ],
    ),
    "quake": (
        "Earthquake shakes {place}",
        [
            [
                "An earthquake of magnitude {k}.{years} shook {place} on {weekday}, damaging {n} buildings.",
                "{n} buildings were damaged when a magnitude {k}.{years} quake struck {place} on {weekday}.",
            ],
            [
                "Seismologist {person} said the epicentre lay about ten kilometres under the town.",
                "The epicentre was some ten kilometres below the town, according to seismologist {person}.",
            ],
            [
                "Schools in {place} will stay closed while engineers inspect them.",
                "Engineers will inspect schools in {place}, which remain closed.",
            ],
        ],
    ),
}
_ASIDES = [
    "Local shops said business had been slow all month.",
    "The regional council is due to meet next week.",
    "Weather forecasters expect a calm weekend.",
    "Residents were asked to follow official announcements.",
]
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@dataclass(frozen=True)
class SynthArticle:
    event: int
    outlet: str
    title: str
    published: str
    text: str
    url: str


def _name(rng: random.Random, parts: int = 2) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(parts)).capitalize()


def generate(
    events: int, per_event: int = 4, *, seed: int = 7, start: date = date(2025, 3, 3)
) -> list[SynthArticle]:
    """``events`` invented events, each told by ``per_event`` outlets (one of them a wire reprint)."""
    rng = random.Random(seed)
    articles: list[SynthArticle] = []
    kinds = list(_KINDS)
    for event in range(events):
        kind = kinds[event % len(kinds)]
        headline, facts = _KINDS[kind]
        day = start + timedelta(days=event // 3)
        values = {
            "place": _name(rng, 2) + rng.choice(["ville", "berg", "port", "field", "holm"]),
            "person": f"{rng.choice(_FIRST)} {_name(rng, 2)}",
            "n": str(rng.randint(20, 900)),
            "k": str(rng.randint(3, 9)),
            "years": str(rng.randint(10, 60)),
            "weekday": _WEEKDAYS[day.weekday()],
        }
        outlets = rng.sample(_OUTLETS, per_event)
        wire = None
        for j, outlet in enumerate(outlets):
            if j == per_event - 1 and wire is not None and per_event > 2:
                text = "\n\n".join(wire.split("\n\n")[:-1] + [f"(Reprinted from {outlets[0]}.)"])
            else:
                sentences = [rng.choice(variants).format(**values) for variants in facts]
                paragraphs = [sentences[0], " ".join(sentences[1:]), rng.choice(_ASIDES)]
                text = "\n\n".join(paragraphs)
                wire = wire or text
            published = (day + timedelta(days=j % 2)).isoformat()
            title = headline.format(**values) + ("" if j == 0 else f" — {outlet}")
            slug = values["place"].lower()
            url = f"https://{outlet.lower().replace(' ', '')}.example/{published.replace('-', '/')}/{kind}-{slug}"
            articles.append(SynthArticle(event, outlet, title, published, text, url))
    return articles


def page_html(article: SynthArticle) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in article.text.split("\n\n"))
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{article.title}</title>"
        f"<meta property='og:site_name' content='{article.outlet}'>"
        f"<meta property='article:published_time' content='{article.published}T09:00:00Z'></head>"
        f"<body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article><h1>{article.title}</h1>"
        f"{paragraphs}</article><footer>© {article.outlet}. All rights reserved.</footer></body></html>"
    )


def write_warc(path: Path, articles: list[SynthArticle], *, junk_every: int = 0) -> None:
    """A gzipped WARC with one response record per article (and a non-article page now and then)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for n, article in enumerate(articles):
            _response(writer, article.url, page_html(article), StatusAndHeaders)
            if junk_every and n % junk_every == junk_every - 1:
                _response(
                    writer,
                    f"{article.url}/tag",
                    "<html><body><ul><li>Tags</li></ul></body></html>",
                    StatusAndHeaders,
                )


def _response(writer, url: str, html: str, headers_class) -> None:  # type: ignore[no-untyped-def]
    headers = headers_class(
        "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
    )
    record = writer.create_warc_record(
        url,
        "response",
        payload=io.BytesIO(html.encode()),
        http_headers=headers,
        warc_headers_dict={"WARC-Date": "2026-01-01T00:00:00Z"},
    )
    writer.write_record(record)
