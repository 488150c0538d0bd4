"""Classify the lines of a dump and find the article: the densest run of prose.

Each line gets a kind from its own features (prose, near-prose, short, bad,
or a furniture label) and a score: prose earns in proportion to its length,
menus, repeats and furniture cost. The article is the run of lines with the
highest total (a maximum-sum segment, found in one pass), so a few short lines
inside an article do not break it while a long menu or a comment thread does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .furniture import END_MARKERS, MEDIA_LABELS, Furniture, furniture
from .lines import Line

_TRUNCATED = re.compile(r"\w\s?(?:\.\.\.|…)$")  # a teaser cut short: 'Microsoft offers a new bundle wi...'

_TEASER_LEAD = 7  # 'Harvick Fails To Rally Overmatched Ford In Finale Ford flopped...': headline + teaser

# line kinds
PROSE = "prose"
NEAR = "near"
SHORT = "short"
BAD = "bad"
TITLE = "title"
TEASER = "teaser"  # a headline with its teaser, or a summary cut short: a link to another story
COMMENT = "comment"  # a reader's comment under a comment thread's header
COMMENT_HEADER = "comment_header"
_TEXT_KINDS = frozenset({PROSE, NEAR, SHORT, TEASER})
_STAMPS = frozenset({"relative_time", "date"})
_THREAD_MIN_COMMENTS = 2
_THREAD_MIN_STAMPS = 3
_THREAD_LOOKAHEAD = 40  # lines below a comment section's heading where its first comments are looked for
_NAME_MAX_WORDS = 4


@dataclass
class Region:
    start: int  # index into the list of lines, inclusive
    end: int  # exclusive
    score: float


def classify(lines: list[Line], has_stopwords: bool) -> list[Furniture | None]:
    """Set ``kind`` and ``score`` on every line; return the furniture found (None for candidate text)."""
    found: list[Furniture | None] = []
    for line in lines:
        item = furniture(line)
        found.append(item)
        if item is not None:
            line.kind = item.label
            if item.label in END_MARKERS:
                line.score = -6.0
            elif item.label in MEDIA_LABELS:
                line.score = -0.2
            else:
                line.score = -1.5
            continue
        line.kind = _text_kind(line, has_stopwords)
        line.score = _SCORES[line.kind](line)
        if line.repeats > 1 and line.kind == SHORT:
            line.score = _REPEATED_SHORT
    _soften_interleaved(lines)
    _soften_rows(lines)
    _soften_announced_lists(lines)
    _mark_comment_threads(lines)
    return found


def _mark_comment_threads(lines: list[Line]) -> None:
    """The readers' comments of a thread cost what furniture does, so that a long thread does not
    outweigh a short article above it. A thread is told by its comments' own headers: lines that say
    who wrote ('Jane on March 3, 2019 at 4:12 pm said:'; one alone may be a quotation's lead-in, a
    thread has several), or, under a comment section's heading, names over time stamps ('Jane' /
    '2 days ago'), several different ones. The thread runs down to the next label that closes a section."""
    headers = sum(1 for line in lines if line.kind == COMMENT_HEADER)
    in_thread = False
    for i, line in enumerate(lines):
        if line.kind == COMMENT_HEADER:
            in_thread = headers >= _THREAD_MIN_COMMENTS
        elif line.kind in END_MARKERS:
            in_thread = line.kind == "comments" and _stamped_comments_below(lines, i)
        elif in_thread and line.kind in _TEXT_KINDS:
            line.kind, line.score = COMMENT, _SCORES[BAD](line)


def _stamped_comments_below(lines: list[Line], heading: int) -> bool:
    """Below a comment section's heading, before the next closing label: a short name line over a
    time stamp, with several different stamps (an article's own byline and date, printed twice
    under a 'Comments' link, is one)."""
    stamps: set[str] = set()
    for j in range(heading + 1, min(len(lines), heading + 1 + _THREAD_LOOKAHEAD)):
        line = lines[j]
        if line.kind in END_MARKERS:
            break
        above = lines[j - 1]
        if line.kind in _STAMPS and above.kind in _TEXT_KINDS and above.words <= _NAME_MAX_WORDS:
            stamps.add(line.norm)
    return len(stamps) >= _THREAD_MIN_STAMPS


def _soften_announced_lists(lines: list[Line]) -> None:
    """A line that ends with a colon announces what follows ('Foods you may eat:', 'Ingredients:'):
    the short lines right below it are the items of a list whose bullet marks the text browser
    dropped: they cost nothing, so the article reaches past them to the text after the list, and
    they are the article's list items."""
    items = 0
    for line in lines:
        if items and line.kind == SHORT and not line.text.endswith((":", "：")):
            line.score = max(line.score, 0.0)
            line.bullet = True  # a list item, its mark dropped
            items -= 1
            continue
        items = _LIST_MAX_ITEMS if line.kind in (SHORT, NEAR) and line.text.endswith((":", "：")) else 0


def _soften_rows(lines: list[Line]) -> None:
    """A run of short lines of one shape that carry figures ('June 9 -- Arena, City, ST', '9:00 Doors
    open', 'Lakeside 6:41') is a schedule or a table, and earns what a near-prose line does: menus
    and link lists are bare words, without figures and separators in the same places line after
    line. (Scored 0, rows only stopped costing; the article did not reach past them.)"""
    run: list[Line] = []
    shape: str | None = None
    for line in [*lines, None]:
        row = _row_shape(line) if line is not None and line.kind == SHORT else None
        if row is not None and row == shape:
            run.append(line)
            continue
        if len(run) >= _ROWS_MIN:
            for member in run:
                member.score = _ROW_SCORE
        run, shape = ([line], row) if row is not None else ([], None)


def _row_shape(line: Line) -> str | None:
    """The separators of a line in order, with a mark for each of its figures ('9:9--,' for '9:00 --
    Arena, City'; '99999' for '1 Jane Doe 5040 5 1 17', a row of a table set out with spaces); None
    for a line without a figure and another mark."""
    marks = _ROW_MARKS.sub("", _FIGURES.sub("9", line.text))
    return marks if "9" in marks and len(marks) > 1 else None


def _soften_interleaved(lines: list[Line]) -> None:
    """Short lines set between rows of text cost nothing: a table, a schedule, a results list
    or a recipe alternates short rows with longer ones, while a menu is a long unbroken run of
    short lines with no text near it. A short line with a sentence-like row (near-prose, not a
    paragraph) within a few lines above and below, and only short lines between, is taken as
    part of the table it sits in. A date, a credit or any other furniture between breaks the
    run, and so does a paragraph: a list of teasers (headline, author, date, summary) is not a
    table. (Measured: letting a paragraph stand on one side joins teaser lists to articles.)"""
    before = _nearest_text(lines, range(len(lines)))
    after = _nearest_text(lines, range(len(lines) - 1, -1, -1))
    for line, above, below in zip(lines, before, after, strict=True):
        if line.kind == SHORT and above == below == NEAR:
            line.score = 0.0


def _nearest_text(lines: list[Line], order: range) -> list[str | None]:
    """For each line, the kind of the nearest prose or near-prose line in the given direction,
    when it lies within reach with only short lines between; None otherwise."""
    out: list[str | None] = [None] * len(lines)
    kind: str | None = None
    distance = _INTERLEAVE_REACH + 1
    for i in order:
        line = lines[i]
        distance += 1
        out[i] = kind if distance <= _INTERLEAVE_REACH else None
        if line.kind in (PROSE, NEAR):
            kind, distance = line.kind, 0
        elif line.kind != SHORT:
            kind, distance = None, _INTERLEAVE_REACH + 1
    return out


def _text_kind(line: Line, has_stopwords: bool) -> str:
    if not line.norm:
        return BAD
    stops_ok = not has_stopwords or line.stop_share >= 0.15
    sentence = line.ends_sentence or line.has_sentence_inside
    if line.pipes >= 2:
        return BAD
    if _TRUNCATED.search(line.text) or line.capitalised_lead >= _TEASER_LEAD:
        return TEASER
    if line.words >= 10 and sentence and stops_ok:
        return PROSE
    if line.words >= 18 and has_stopwords and stops_ok:
        return PROSE
    if line.words >= 5 and (sentence or line.bullet) and (stops_ok or line.words >= 8):
        return NEAR
    return SHORT


_REPEATED_SHORT = -1.0
_INTERLEAVE_REACH = 5  # lines between a short row and the text above or below it
_ROWS_MIN = 3  # rows of one shape that make a table
_LIST_MAX_ITEMS = 30  # items of a list announced by a line ending with a colon
_ROW_SCORE = 0.4  # a table row earns what a near-prose line does
_FIGURES = re.compile(r"\d+")
_ROW_MARKS = re.compile(r"[^\W\d_]+|\s+")  # letters and spaces: what is left is figures and separators
_OPENING_WINDOW = 8  # lines below the headline where the article's first paragraph is looked for
_OPENING_BONUS = 2.0
_GAP_GROWTH = 0.5
_MAX_JOINS = 3
_JOIN_GAP = 8  # lines of interruption the article may cross
_JOIN_REACH = 60  # lines past the interruption where its continuation is looked for
_JOIN_MIN_SCORE = 4.0  # a continuation is at least one real paragraph
# a box of related stories inside an article runs longer than a short interruption: the article
# goes on past up to this many lines when what follows is more than one paragraph of prose
_LONG_GAP = 20
_LONG_GAP_MIN_SCORE = 5.0


# share buttons and sign-up boxes come where the article ends, not inside a box within it
_PAGE_END = frozenset({"share", "subscribe"})


def _gap_allowed(continuation_score: float) -> int:
    return _LONG_GAP if continuation_score >= _LONG_GAP_MIN_SCORE else _JOIN_GAP
_HARD_ENDS = frozenset({"comments", "comment_header", "copyright", "next", "language_note"})
_GAP_MAX_FACTOR = 4.0
_SCORES = {
    PROSE: lambda line: 1.0 + min(line.words, 80) / 20,
    NEAR: lambda line: 0.4,
    SHORT: lambda line: -0.6,
    BAD: lambda line: -1.5,
    TEASER: lambda line: -0.3,
}


def mark_title(lines: list[Line], title_norms: set[str]) -> None:
    """Lines that repeat the headline are page furniture, wherever they are.

    Below a repetition of the headline comes the article's head (byline, date,
    standfirst) and its opening: those lines cost nothing and prose there earns a
    bonus, so the article region reaches up to its headline.
    """
    opening_until = -1
    for i, line in enumerate(lines):
        if line.norm in title_norms:
            line.kind, line.score = TITLE, -1.0
            if i > 0:
                opening_until = i + _OPENING_WINDOW
        elif i <= opening_until and line.kind not in END_MARKERS:
            line.score = max(line.score, 0.0) + (_OPENING_BONUS if line.kind == PROSE else 0.0)


def article_region(lines: list[Line]) -> Region | None:
    """The best region, widened over short interruptions (an inline 'Related' box, an advert)
    to the prose that continues right after or before it."""
    region = best_region(lines)
    if region is None:
        return None
    for _ in range(_MAX_JOINS):
        after = best_region(lines[region.end : region.end + _LONG_GAP + _JOIN_REACH])
        if after is None or after.score < _JOIN_MIN_SCORE or after.start > _gap_allowed(after.score):
            break
        gap = lines[region.end : region.end + after.start]
        if _closes_article(gap) or len(gap) > _JOIN_GAP and any(line.kind in _PAGE_END for line in gap):
            break
        region = Region(region.start, region.end + after.end, region.score + after.score)
    for _ in range(_MAX_JOINS):
        window_start = max(0, region.start - _JOIN_GAP - _JOIN_REACH)
        before = best_region(lines[window_start : region.start])
        if before is None or before.score < _JOIN_MIN_SCORE or region.start - (window_start + before.end) > _JOIN_GAP:
            break
        if _closes_article(lines[window_start + before.end : region.start]):
            break
        region = Region(window_start + before.start, region.end, region.score + before.score)
    return region


def _closes_article(gap: list[Line]) -> bool:
    return any(line.kind in _HARD_ENDS for line in gap)


def best_region(lines: list[Line]) -> Region | None:
    """The run of lines with the highest total score (Kadane), or None when nothing scores above zero.

    A gap of lines that are not text costs more the longer it runs: one short line
    between paragraphs is a heading or a caption, ten are a menu or a teaser list.
    """
    best: Region | None = None
    run_start, run_total = 0, 0.0
    gap = 0
    for i, line in enumerate(lines):
        if run_total <= 0:
            run_start, run_total = i, 0.0
        if line.score < 0:
            gap += 1
            run_total += line.score * min(1.0 + _GAP_GROWTH * (gap - 1), _GAP_MAX_FACTOR)
        else:
            gap = 0
            run_total += line.score
        if run_total > 0 and (best is None or run_total > best.score):
            best = Region(run_start, i + 1, run_total)
    return best
