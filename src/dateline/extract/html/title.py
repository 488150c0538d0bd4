"""The headline, once: og:title, JSON-LD headline, <title> and <h1> reconciled.

<title> and og:title often carry a site suffix ("Headline | Site"); <h1> is the
headline as printed, but some pages put the site logo or a section name in an
<h1>. An <h1> wins when another source confirms it; otherwise the page's own
headline field with its suffix cut.
"""

from __future__ import annotations

from ..meta import norm_text, split_title
from .pagemeta import PageMeta

_MIN_WORDS = 2


def reconcile_title(meta: PageMeta) -> tuple[str | None, str | None]:
    """(headline, publisher from a title suffix) for the page."""
    fields = [t for t in (meta.og_title, meta.ld_headline, meta.html_title) if t]
    split = [split_title(t, meta.sitename) for t in fields]
    publisher = next((p for _, p in split if p), None)
    candidates = [t for t, _ in split if t] + fields
    norms = [norm_text(c) for c in candidates]
    for h1 in meta.h1:
        n = norm_text(h1)
        if len(n.split()) < _MIN_WORDS:
            continue
        if any(n == c or (c.startswith(n) and len(n) > 0.5 * len(c)) for c in norms):
            return h1, publisher
    if split:
        return split[0][0], publisher
    if meta.h1:
        return meta.h1[0], publisher
    return None, publisher
