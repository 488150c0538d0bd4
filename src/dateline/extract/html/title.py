"""The headline, once: og:title, JSON-LD headline, <title> and <h1> reconciled.

<title> and og:title often carry a site suffix ("Headline | Site"); <h1> is the
headline as printed, but some pages put the site logo or a section name in an
<h1>. An <h1> wins when another source confirms it; otherwise the page's own
headline field with its suffix cut.
"""

from __future__ import annotations

import re

from ..authors import site_names
from ..meta import norm_text, split_title, url_sections
from .pagemeta import PageMeta

_MIN_WORDS = 2
# what pages put between a headline and a site name or section: "A | B", "A – B", "A • B"; and
# between a kicker and a headline: "Kicker: Title" (a colon also opens many a subtitle)
_SITE_SEPARATOR = re.compile(r"\s+(?:[|–—•·»]|-{1,2}|::)\s+")
_KICKER_SEPARATOR = re.compile(r"\s+(?:[|–—•·»]|-{1,2}|::|:)\s+|(?<=\w):\s+")


def _parts(field: str, separator: re.Pattern[str]) -> list[str]:
    return [p for p in (norm_text(x) for x in separator.split(field)) if p]


def _whole_part(h1: str, fields: list[str], names: frozenset[str]) -> bool:
    """The <h1> is one whole part of a title field, and the field's other parts are the site's names
    or sections ("Coffee - University of X", "Site | Headline", "Headline | Opinion"), or the <h1>
    opens the field: the <h1> is the headline without them."""
    n = norm_text(h1)
    if not n or n.replace(" ", "") in names:
        return False
    for field in fields:
        parts = _parts(field, _SITE_SEPARATOR)
        if len(parts) >= 2 and parts[0] == n:
            return True  # "Headline | Site name", however long the site's name
        parts = _parts(field, _KICKER_SEPARATOR)
        if len(parts) >= 2 and n in parts[1:]:
            at = parts.index(n)
            if all(p.replace(" ", "") in names for i, p in enumerate(parts) if i != at):
                return True  # "Site | Headline", "Section: Headline"
    return False


def _names(meta: PageMeta) -> frozenset[str]:
    """The site's names and the sections its URL path names ('/story/opinion/...')."""
    return site_names(meta.sitename, url=meta.url) | url_sections(meta.url)


def _strip_site(title: str, names: frozenset[str]) -> str:
    """'Headline | Opinion' -> 'Headline' and 'Site | Headline' -> 'Headline' when the cut part is
    one of the site's names or sections."""
    pieces = re.split(r"(\s+(?:[|–—•·»]|-{1,2}|::)\s+)", title)
    while len(pieces) >= 3 and norm_text(pieces[-1]).replace(" ", "") in names:
        pieces = pieces[:-2]
    while len(pieces) >= 3 and norm_text(pieces[0]).replace(" ", "") in names:
        pieces = pieces[2:]
    return "".join(pieces).strip()


def reconcile_title(meta: PageMeta) -> tuple[str | None, str | None]:
    """(headline, publisher from a title suffix) for the page."""
    fields = [t for t in (meta.og_title, meta.ld_headline, meta.html_title) if t]
    split = [split_title(t, meta.sitename) for t in fields]
    publisher = next((p for _, p in split if p), None)
    candidates = [t for t, _ in split if t] + fields
    norms = [norm_text(c) for c in candidates]
    names = _names(meta)
    for h1 in meta.h1:
        n = norm_text(h1)
        if len(n.split()) >= _MIN_WORDS and any(n == c or (c.startswith(n) and len(n) > 0.5 * len(c)) for c in norms):
            return _strip_site(h1, names), publisher
        if _whole_part(h1, fields, names):
            return h1, publisher
    if split:
        return _strip_site(split[0][0] or "", names) or split[0][0], publisher
    if meta.h1:
        return meta.h1[0], publisher
    return None, publisher
