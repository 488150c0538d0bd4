"""Stable keys that group facts across articles."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

_WORD = re.compile(r"\w+")

# Scripts written without spaces between words (Chinese, Japanese kana): each character is a search token.
UNSPACED = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_BETWEEN_UNSPACED = re.compile(f"([{UNSPACED}])(?=[{UNSPACED}])")
_MARK = "\x02\x03"
_INSERTED_SPACE = re.compile(f"([{UNSPACED}][{_MARK}]?) (?=[{_MARK}]?[{UNSPACED}])")


def normalise_name(name: str) -> str:
    """Case-, width- and punctuation-insensitive form of a name: "U.S. Navy" -> "u s navy"."""
    return " ".join(_WORD.findall(unicodedata.normalize("NFKC", name).casefold()))


def entity_key(type_: str, name: str) -> str:
    """The key of an entity page: its type and normalised name, e.g. "person-antony-blinken"."""
    return f"{type_.lower()}-{normalise_name(name).replace(' ', '-')}"


# An entity of any type but a person or a people, whose code is a bare country code, is that country:
# "United States", "U.S.", "US" and "America" are one page, whatever type each was tagged with.
# An intergovernmental organisation is one page by its code ("NATO", "the alliance" coded IGOWSTNAT).
_COUNTRY_TYPES_EXCLUDED = ("PERSON", "NORP")


def group_key(type_: str, name: str, code: str | None, country: str | None) -> str:
    """The key of an entity's page across articles (see :func:`group_key_sql`, which must agree)."""
    if code and type_ not in _COUNTRY_TYPES_EXCLUDED:
        if len(code) == 3 and code == country:
            return f"country-{code.lower()}"
        if code.startswith("IGO") and type_ == "ORG":
            return f"igo-{code.lower()}"
    return entity_key(type_, name)


def group_key_sql(alias: str) -> str:
    """:func:`group_key` over a row of the entities table ``alias``."""
    n = alias
    excluded = ", ".join(f"'{t}'" for t in _COUNTRY_TYPES_EXCLUDED)
    return (
        f"(CASE WHEN {n}.code IS NOT NULL AND {n}.type NOT IN ({excluded}) AND length({n}.code) = 3 "
        f"AND {n}.code = {n}.country THEN 'country-' || lower({n}.code) "
        f"WHEN {n}.code IS NOT NULL AND {n}.type = 'ORG' AND substr({n}.code, 1, 3) = 'IGO' "
        f"THEN 'igo-' || lower({n}.code) ELSE {n}.entity_key END)"
    )


def group_rows_sql(alias: str, key: str) -> tuple[str, list[Any]]:
    """The rows of the entities table ``alias`` whose page key is ``key``, reached through an index
    (the code for a country or an IGO, else the per-type key) and then checked exactly."""
    exact = f"{group_key_sql(alias)} = ?"
    if key.startswith(("country-", "igo-")):
        return f"({alias}.code = ? AND {exact})", [key.split("-", 1)[1].upper(), key]
    return f"({alias}.entity_key = ? AND {exact})", [key, key]


def entity_group_key(entity: Any) -> str:
    """group_key of a model Entity."""
    return group_key(entity.type, entity.name, entity.code, entity.country)


def search_form(text: str | None) -> str | None:
    """The text as the full-text index sees it: a space between characters of unspaced scripts."""
    return None if text is None else _BETWEEN_UNSPACED.sub(r"\1 ", text)


def display_form(snippet: str) -> str:
    """A snippet of the search form with those inserted spaces taken out again (match marks kept)."""
    return _INSERTED_SPACE.sub(r"\1", snippet)
