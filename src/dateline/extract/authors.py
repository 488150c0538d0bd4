"""Author values checked before they reach the record.

Pages fill their author fields with much that is not a person's name: a label ("View all posts",
"Written by", "Zeige alle Artikel"), a section or team name ("Our People", "Author Archives"), a
placeholder ("Unknown", "admin"), the site or the publisher itself ("National Geographic" on
nationalgeographic.com), a date ("Dec"). :func:`clean_author` takes the words printed before a
name off it ("By", "von", "par", "Articles by") and drops a value of those kinds; the word lists
are language data (``lang/<code>/author_junk.txt``, ``author_junk_words.txt``,
``author_prefixes.txt``), read for every shipped language, since a label is a label on any page.
"""

from __future__ import annotations

import re
from functools import cache
from urllib.parse import urlsplit

from .chars import visible_inline
from .langdata import all_languages
from .meta import norm_text

_MONTH = re.compile(
    r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|januar[yi]?|february|febru?ar|march|märz|mars"
    r"|april|avril|june|juni|juin|july|juli|juillet|august|août|september|septembre|october|oktober|octobre"
    r"|november|novembre|december|dezember|décembre|janvier|février|mai)$",
    re.I,
)
_MAX_WORDS = 8
_MIN_CHARS = 2


@cache
def _prefix_pattern() -> re.Pattern[str]:
    prefixes = sorted(all_languages("author_prefixes"), key=len, reverse=True)
    words = "|".join(r"\s+".join(map(re.escape, p.split())) for p in prefixes)
    return re.compile(rf"^(?:(?:{words})\b\s*[:：\-–—]?\s*)+", re.I)


def site_names(*names: str | None, url: str | None = None) -> frozenset[str]:
    """The site's own names, normalised and with spaces taken out: 'Cleveland Clinic', 'usatoday'."""
    out = {norm_text(n).replace(" ", "") for n in names if n}
    if url:
        host = urlsplit(url).hostname or ""
        labels = [p for p in host.split(".") if p not in ("www", "m", "amp", "blog", "news")]
        if len(labels) >= 2:
            out.add(labels[-2])
    return frozenset(n for n in out if len(n) >= 3)


def strip_prefix(name: str) -> str:
    """'By Jane Doe' -> 'Jane Doe'; 'von Anna Schmidt' -> 'Anna Schmidt'; 'Articles by Jane' -> 'Jane'."""
    return _prefix_pattern().sub("", name).strip(" ,;:|-–—")


def clean_author(value: str | None, sites: frozenset[str] = frozenset()) -> str | None:
    """The name in an author value, or None when the value is not a person's name (or byline)."""
    name = visible_inline(value)
    if not name:
        return None
    name = strip_prefix(name)
    norm = norm_text(name)
    if len(norm) < _MIN_CHARS or not any(c.isalpha() for c in norm) or len(norm.split()) > _MAX_WORDS:
        return None
    if norm in all_languages("author_junk") or any(w in all_languages("author_junk_words") for w in norm.split()):
        return None
    if norm.replace(" ", "") in sites or _MONTH.match(norm):
        return None
    if sum(c.isdigit() for c in norm) > 2:
        return None
    return name


def clean_authors(values: list[str], sites: frozenset[str] = frozenset()) -> list[str]:
    """The names among ``values``, each once, in order."""
    out: list[str] = []
    seen: set[str] = set()
    for value in values:
        name = clean_author(value, sites)
        if name and name.lower() not in seen:
            seen.add(name.lower())
            out.append(name)
    return out
