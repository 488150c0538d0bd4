"""Invisible characters: what a page holds that a reader never sees.

Soft hyphens (U+00AD) mark where a word may break ("die\\xadsem"), zero-width spaces and word
joiners mark where a line may or may not break; none is part of the word, and left in the text
they break search and exact matching. Non-breaking and narrow spaces are spaces. Zero-width
joiners and non-joiners are kept where a script needs them (Persian, the Indic scripts, emoji
sequences) and dropped next to Latin letters, where they are only markup residue.

The extractors run every paragraph through :func:`visible` before the builder measures it, so the
paragraph offsets index the normalised ``text``; titles, authors and captions get the same.
"""

from __future__ import annotations

import re

# never visible, never part of a word: soft hyphen, zero-width space, word joiner, BOM / ZWNBSP,
# Mongolian vowel separator, invisible times/separator/plus
_DROP = re.compile("[\u00ad\u180e\u200b\u2060\u2061-\u2064\ufeff]")
# joiners next to a Latin (or Greek, Cyrillic) letter, a digit or a space: markup residue
_LATIN = "A-Za-z0-9\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff\\s"
_JOINER = re.compile(f"(?<=[{_LATIN}])[\u200c\u200d]+|[\u200c\u200d]+(?=[{_LATIN}])")
# spaces of other widths: no-break, narrow no-break, figure, the typographic spaces, ideographic
_SPACES = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_LINE_SEPARATORS = re.compile("[\u2028\u2029\u0085]")


def visible(text: str) -> str:
    """``text`` without invisible characters, other spaces as plain spaces, line separators as newlines."""
    if text.isascii():
        return text
    text = _DROP.sub("", text)
    text = _JOINER.sub("", text)
    text = _SPACES.sub(" ", text)
    return _LINE_SEPARATORS.sub("\n", text)


def visible_inline(text: str | None) -> str | None:
    """A one-line field (title, author, publisher): visible characters, white space folded; None if empty."""
    if text is None:
        return None
    return " ".join(visible(text).split()) or None
