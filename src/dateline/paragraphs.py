"""Where a text's paragraphs break: one rule for the clean-text reader (its Paragraph records) and for
the NLP pipeline (a paragraph break ends a sentence, whatever the parser would make of it)."""

from __future__ import annotations

import re

# the dashes that close a wire dateline ("LONDON (AP) - ..."): read by the sentence splitter (nlp/loader.py)
# and by the event coder's dateline test (nlp/events/grammar.py)
DATELINE_DASHES = frozenset({"\u2014", "\u2013", "--", "-"})
_BLANK_LINE = re.compile(r"\n\s*\n")
_LINE_BREAK = re.compile(r"\n")


def breaks(text: str) -> re.Pattern[str]:
    """The separator of ``text``'s paragraphs: blank lines, or, in a text that has none, line breaks
    (one paragraph per line)."""
    return _BLANK_LINE if _BLANK_LINE.search(text) else _LINE_BREAK


def blocks(text: str) -> list[str]:
    """The paragraphs of ``text``, stripped; a line with no letter or digit is no paragraph."""
    return [b.strip() for b in breaks(text).split(text) if any(c.isalnum() for c in b)]
