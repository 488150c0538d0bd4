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
# zero-width joiners and non-joiners: kept only between two characters of a script that uses them
# (Arabic, Persian, the Indic scripts) or of an emoji sequence; elsewhere (next to Latin, Greek or
# Cyrillic letters, digits, spaces, punctuation, or alone) they are markup residue
_JOINERS = re.compile("[\u200c\u200d]")
_JOINING_SCRIPTS = re.compile("[\u0600-\u06ff\u0750-\u077f\u0900-\u0dff\u1780-\u17ff\U0001f000-\U0001faff\u2600-\u27bf\ufe0f]")


def _joiner(m: re.Match[str]) -> str:
    text, at = m.string, m.start()
    before = text[at - 1] if at > 0 else ""
    after = text[at + 1] if at + 1 < len(text) else ""
    return m.group() if _JOINING_SCRIPTS.match(before) and _JOINING_SCRIPTS.match(after or " ") else ""


# spaces of other widths: no-break, narrow no-break, figure, the typographic spaces, ideographic
_SPACES = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_LINE_SEPARATORS = re.compile("[\u2028\u2029\u0085]")


def visible(text: str) -> str:
    """``text`` without invisible characters, other spaces as plain spaces, line separators as newlines."""
    if text.isascii():
        return text
    text = _DROP.sub("", text)
    text = _JOINERS.sub(_joiner, text)
    text = _SPACES.sub(" ", text)
    return _LINE_SEPARATORS.sub("\n", text)


def visible_inline(text: str | None) -> str | None:
    """A one-line field (title, author, publisher): visible characters, white space folded; None if empty."""
    if text is None:
        return None
    return " ".join(visible(text).split()) or None
