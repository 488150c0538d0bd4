"""Quotation marks: find the quoted stretches of a text, robust to broken marks.

Works on the raw string, one paragraph (line) at a time, in one linear pass:

- double marks: straight ``"``, curly ``“ ”``, low ``„``, guillemets ``« »`` and ``‹ ›``;
- single curly marks ``‘ ’`` and straight ``'`` at the top level, only where they
  open at a word start and close before a non-letter (so apostrophes such as
  "don’t", "the ’90s" or "Jones' car" are not quotes);
- a quote still open at the end of a paragraph continues into the next one when
  that paragraph opens with a mark again (the news convention) or closes a mark
  before opening one; otherwise it ends with its paragraph. An odd number of
  marks therefore never swallows the rest of the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_OPEN_DOUBLE = {"\u201c": "\u201d", "\u201e": "\u201c", "\u00ab": "\u00bb", "\u2039": "\u203a"}
_CLOSE_DOUBLE = {"\u201d", "\u00bb", "\u203a"}
_STRAIGHT = '"'
_OPEN_SINGLE = "\u2018"
_CLOSE_SINGLE = "\u2019"
_ALL_MARKS = "\"'\u201c\u201d\u201e\u00ab\u00bb\u2039\u203a\u2018\u2019"
_LINE = re.compile(r"[^\n]+")
# Two single marks standing for one double mark, as typewriters and some CMSs write them.
_DOUBLED = {"\u2019\u2019": "\u201d", "\u2018\u2018": "\u201c", "``": "\u201c", "''": _STRAIGHT}


@dataclass
class Quoted:
    """One quoted stretch inside one paragraph.

    ``start``/``end`` are the offsets of the words between the marks.
    ``chain`` numbers the stretches of one quote that runs over several
    paragraphs (equal numbers: one quote); ``closed`` is False when the text
    gave no closing mark for this stretch.
    """

    start: int
    end: int
    chain: int
    closed: bool = True


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def quoted_spans(text: str) -> list[Quoted]:
    """Every quoted stretch of ``text`` in order, paragraph by paragraph."""
    out: list[Quoted] = []
    carry: int | None = None  # chain number of a quote left open by the previous paragraph
    chains = 0
    for line in _LINE.finditer(text):
        segs, open_at_end = _scan_line(text, line.start(), line.end(), carry is not None)
        for i, (start, end, closed) in enumerate(segs):
            if i == 0 and carry is not None and _continues(text, line.start(), start):
                chain = carry
            else:
                chain = chains
                chains += 1
            out.append(Quoted(start, end, chain, closed))
        carry = out[-1].chain if open_at_end and segs else None
    return [q for q in out if q.end > q.start]


def _continues(text: str, line_start: int, seg_start: int) -> bool:
    """A stretch at the head of a paragraph continues the last paragraph's open quote."""
    return not text[line_start:seg_start].strip(" \t" + _ALL_MARKS)


def _scan_line(text: str, lo: int, hi: int, carried: bool) -> tuple[list[tuple[int, int, bool]], bool]:
    """(stretches as (start, end, closed), whether a quote is open at the line end)."""
    segs: list[tuple[int, int, bool]] = []
    open_at: int | None = None  # start of the words of the open double quote
    closer = ""  # the mark that closes it
    single_at: int | None = None  # start of a top-level single quote
    single_closer = ""
    if carried and _closes_before_opening(text, lo, hi):
        open_at, closer = _first_content(text, lo, hi), "*"
    i = lo
    while i < hi:
        ch = text[i]
        width = 1
        if text[i : i + 2] in _DOUBLED:  # two single marks typed for one double mark
            ch, width = _DOUBLED[text[i : i + 2]], 2
        prev = text[i - 1] if i > lo else " "
        nxt = text[i + width] if i + width < hi else " "
        if open_at is None and single_at is None:
            if ch in _OPEN_DOUBLE and not (ch == "\u201c" and _is_word(prev) and not _is_word(nxt)):
                open_at, closer = i + width, _OPEN_DOUBLE[ch]
            elif ch == _STRAIGHT and not (_is_word(prev) and not _is_word(nxt)):
                open_at, closer = i + width, _STRAIGHT
            elif ch in (_OPEN_SINGLE, "'") and not _is_word(prev) and (nxt.isupper() or nxt in "\u201c\""):
                single_at, single_closer = i + 1, _CLOSE_SINGLE if ch == _OPEN_SINGLE else "'"
            elif ch in _CLOSE_DOUBLE and carried and not segs:
                # a closing mark with no opening: the quote began at the paragraph head
                segs.append((_first_content(text, lo, hi), i, True))
        elif open_at is not None:
            if _closes(ch, closer, prev, nxt):
                segs.append((open_at, i, True))
                open_at = None
            elif _reopens(ch, closer, prev, nxt):
                # a new opening mark while one is open: the first was never closed
                segs.append((open_at, _trim_end(text, open_at, i), False))
                open_at, closer = i + width, _OPEN_DOUBLE.get(ch, _STRAIGHT)
        else:
            if ch == single_closer and not _is_word(nxt) and not prev.isspace():
                segs.append((single_at, i, True))
                single_at = None
            elif ch in _OPEN_DOUBLE or ch == _STRAIGHT:
                # a double mark inside an unclosed single one: the single one was an apostrophe
                single_at = None
                continue
        i += width
    if open_at is not None:
        segs.append((open_at, _trim_end(text, open_at, hi), False))
        return segs, True
    return segs, False


def _closes(ch: str, closer: str, prev: str, nxt: str) -> bool:
    if closer == "*":
        return ch in _CLOSE_DOUBLE or (ch == _STRAIGHT and not _is_word(nxt))
    if ch == closer:
        return closer != _STRAIGHT or not (prev.isspace() and _is_word(nxt))
    # a curly closing mark also closes a straight opening one (mixed marks, as CMSs mix them)
    return ch in _CLOSE_DOUBLE and (closer in _CLOSE_DOUBLE or closer == _STRAIGHT)


def _reopens(ch: str, closer: str, prev: str, nxt: str) -> bool:
    if closer == "*" or _is_word(prev):
        return False
    if ch == _STRAIGHT:
        return closer == _STRAIGHT and prev.isspace() and _is_word(nxt)
    return ch in _OPEN_DOUBLE and ch != closer


def _closes_before_opening(text: str, lo: int, hi: int) -> bool:
    """The paragraph closes a double mark before it opens one (a quote run on from above)."""
    for i in range(lo, hi):
        ch = text[i]
        if ch in _OPEN_DOUBLE:
            return False
        if ch in _CLOSE_DOUBLE:
            return True
        if ch == _STRAIGHT:
            nxt = text[i + 1] if i + 1 < hi else " "
            return not _is_word(nxt)
    return False


def _first_content(text: str, lo: int, hi: int) -> int:
    i = lo
    while i < hi and (text[i].isspace() or text[i] in _ALL_MARKS):
        i += 1
    return i


def _trim_end(text: str, lo: int, hi: int) -> int:
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    return hi
