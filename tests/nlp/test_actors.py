"""Country and actor coding from the country data packages."""

from __future__ import annotations

import pytest

from dateline.nlp.actors import actor_code, country_code, find_countries, place_country


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("China", "CHN"),
        ("Chinese", "CHN"),
        ("Beijing", "CHN"),
        ("U.S.", "USA"),
        ("US", "USA"),
        ("the United States", "USA"),
        ("American", "USA"),
        ("Americans", "USA"),
        ("Washington", "USA"),
        ("Britain", "GBR"),
        ("UK", "GBR"),
        ("Moscow", "RUS"),
        ("Kremlin", "RUS"),
        ("Norway's", "NOR"),
        ("Dutch", "NLD"),
        ("Congolese", "COD"),
        ("Georgia", "GEO"),
    ],
)
def test_country_code_names_adjectives_capitals(text: str, iso3: str) -> None:
    assert country_code(text) == iso3


@pytest.mark.parametrize("text", ["", "it", "can", "in", "Europe", "yesterday", "Harvard"])
def test_country_code_none_for_non_countries(text: str) -> None:
    assert country_code(text) is None


def test_provinces_are_places_not_countries() -> None:
    assert country_code("Sichuan") is None
    assert place_country("Sichuan") == "CHN"


def test_find_countries_in_free_text() -> None:
    text = "a scholar of U.S.-Asia ties who met Chinese and Kenyan officials"
    found = [(text[s:e], code) for s, e, code in find_countries(text)]
    assert found == [("U.S.", "USA"), ("Chinese", "CHN"), ("Kenyan", "KEN")]


@pytest.mark.parametrize(
    ("name", "type_", "descriptors", "expected"),
    [
        ("Blinken", "PERSON", ["US Secretary of State"], ("USAGOV", "USA")),
        ("China", "GPE", [], ("CHN", "CHN")),
        ("Chinese Ministry of Foreign Affairs", "ORG", [], ("CHNGOV", "CHN")),
        ("NATO", "ORG", [], ("IGOWSTNAT", None)),
        ("the Kremlin", "ORG", [], ("RUSGOV", "RUS")),
        ("Pentagon", "ORG", [], ("USAMIL", "USA")),
        ("Jordan Peele", "PERSON", [], (None, None)),
        ("Amara Osei", "PERSON", ["a Ghanaian army colonel"], ("GHAMIL", "GHA")),
        ("Lena Vogt", "PERSON", ["a professor of history at the University of Oslo"], ("NOREDU", "NOR")),
        ("Tomas Ruiz", "PERSON", ["an opposition lawmaker"], ("LEG", None)),
        ("Kenyan police", "NORP", [], ("KENCOP", "KEN")),
        ("Brazilian Supreme Court", "ORG", [], ("BRAJUD", "BRA")),
    ],
)
def test_actor_code(name: str, type_: str, descriptors: list[str], expected: tuple) -> None:
    assert actor_code(name, type_, descriptors) == expected


def test_a_large_city_is_meant_before_a_small_region_of_its_name_elsewhere():
    assert place_country("Charlotte") == "USA"  # not a parish of Saint Vincent and the Grenadines
    assert place_country("Ontario") == "CAN"  # the province, not the Californian city


def test_no_sector_code_is_a_country_code():
    """A code of a sector alone (an actor no country is known for) must not read as a country: the store's
    actor filter and every reader of CAMEO codes take a code's first three letters for its country."""
    import pycountry

    from dateline.nlp.actors import _SECTOR_ROWS
    from dateline.nlp.events import actors_in_sentence, coder, confidence

    sectors = {row["sector"] for row in _SECTOR_ROWS if row["sector"] != "-"}
    sectors |= set(actors_in_sentence._DOMESTIC_SECTORS) | set(confidence.POLITICAL_SECTORS)
    sectors |= set(coder._STATE_SECTORS) | set(coder._FORCE_SECTORS) | set(coder._UNARMED_SECTORS)
    assert "GOV" in sectors and "ETN" in sectors
    countries = {c.alpha_3 for c in pycountry.countries}
    assert sorted(sectors & countries) == []
