"""Stable keys that group facts across articles."""

from __future__ import annotations

import re
import unicodedata

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


def search_form(text: str | None) -> str | None:
    """The text as the full-text index sees it: a space between characters of unspaced scripts."""
    return None if text is None else _BETWEEN_UNSPACED.sub(r"\1 ", text)


def display_form(snippet: str) -> str:
    """A snippet of the search form with those inserted spaces taken out again (match marks kept)."""
    return _INSERTED_SPACE.sub(r"\1", snippet)
