"""Stable keys that group facts across articles."""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"\w+")


def normalise_name(name: str) -> str:
    """Case-, width- and punctuation-insensitive form of a name: "U.S. Navy" -> "u s navy"."""
    return " ".join(_WORD.findall(unicodedata.normalize("NFKC", name).casefold()))


def entity_key(type_: str, name: str) -> str:
    """The key of an entity page: its type and normalised name, e.g. "person-antony-blinken"."""
    return f"{type_.lower()}-{normalise_name(name).replace(' ', '-')}"
