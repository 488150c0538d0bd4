"""Word lists of the language bundle compiled into patterns over raw text, for every layer that matches
them (extraction drops teaser paragraphs; the event coder reads them as headlines, not events)."""

from __future__ import annotations

import re
from collections.abc import Iterable

# what follows the opening words of a teaser: "Read more: ...", "See also | ...", "WATCH - ..."
_TEASER_SEPARATOR = r"\b\s*[:|»>\-–—]"


def alternation(entries: Iterable[str]) -> str:
    """Normalised entries ('suivez nous') as one regex alternation over raw text ('Suivez-nous'),
    longest first."""
    return "|".join(r"\W+".join(map(re.escape, e.split())) for e in sorted(entries, key=len, reverse=True))


def teaser(entries: Iterable[str]) -> re.Pattern[str]:
    """A paragraph that opens with one of ``entries`` (furniture_leads) and a separator: a cross-link or
    a teaser for another story ("READ MORE: China slams ...")."""
    return re.compile(rf"^(?:{alternation(entries)}){_TEASER_SEPARATOR}", re.I)
