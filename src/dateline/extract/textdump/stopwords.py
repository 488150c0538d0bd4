"""Stop-word lists by language, for the stop-word share of a line.

The lists are jusText's (a dependency of trafilatura): function words are what
running prose is made of, and what menus, captions and credits lack.
"""

from __future__ import annotations

from functools import cache

# py3langid codes whose jusText list is not simply the language's English name
_SPECIAL = {"nb": "Norwegian_Bokmal", "no": "Norwegian_Bokmal", "nn": "Norwegian_Nynorsk", "el": "Greek"}


@cache
def stopwords(language: str | None) -> frozenset[str]:
    """The stop words of an ISO 639-1 language; empty when there is no list (CJK, unknown)."""
    if not language:
        return frozenset()
    try:
        import justext
        import pycountry
    except ImportError:
        return frozenset()
    name = _SPECIAL.get(language)
    if name is None:
        record = pycountry.languages.get(alpha_2=language)
        if record is None:
            return frozenset()
        name = record.name.split(" (")[0].removeprefix("Modern ").replace(" ", "_")
    try:
        return frozenset(w.lower() for w in justext.get_stoplist(name))
    except ValueError:
        return frozenset()
