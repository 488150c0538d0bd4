"""Extraction word lists read for every shipped language at once.

Page furniture and author labels are what they are whatever the page's language, and a page's
language is known only once its text is out; so the extractors match against the union of every
language's list (``lang/<code>/<name>.txt``), each entry normalised as the text it is matched with.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from .. import lang
from .meta import norm_text


@cache
def languages() -> tuple[str, ...]:
    root = resources.files("dateline").joinpath("lang")
    return tuple(sorted(f.name for f in root.iterdir() if f.is_dir() and not f.name.startswith("_")))


@cache
def all_languages(name: str) -> frozenset[str]:
    """The entries of ``name`` from every language that ships it, normalised (lower case, words only)."""
    out: set[str] = set()
    for code in languages():
        if resources.files("dateline").joinpath("lang", code, f"{name}.txt").is_file():
            out.update(norm_text(w) for w in lang.words(name, code))
    return frozenset(w for w in out if w)
