"""Recover the article's structure from its classified lines.

Inside the article region: prose lines are paragraphs, bulleted lines list
items, a short line without a final full stop that opens a run of prose is a
sub-heading, and a name-and-role line right after a heading (or at the top) is
a byline. Captions, credits and player notices become media, never text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..builder import ArticleBuilder
from .bylines import byline_names
from .classify import NEAR, PROSE, SHORT, TEASER, Region
from .furniture import Furniture
from .lines import Line

_HEADING_MAX_WORDS = 16
_REPEAT_MIN_WORDS = 8  # shorter repeated lines (sub-headings of a recurring layout) are kept each time
_MEDIA_LOOKBACK = 12  # lines above the article where its lead image's caption and credit sit
_BY_WORDS = frozenset({"by", "von", "par", "por", "door", "av", "di"})
_BYLINE_LOOKBACK = 25  # lines above the article where its byline is looked for
_HEAD_LINES = 6  # lines at the top of the article where its byline may sit
_MEDIA_LOOKAHEAD = 3  # lines below it where a closing photo's credit sits


@dataclass
class Structure:
    builder: ArticleBuilder = field(default_factory=ArticleBuilder)
    authors: list[str] = field(default_factory=list)


def build(lines: list[Line], found: list[Furniture | None], region: Region) -> Structure:
    out = Structure()
    media_end = min(len(lines), region.end + _MEDIA_LOOKAHEAD)
    _collect_media(lines, found, max(0, region.start - _MEDIA_LOOKBACK), media_end, out.builder)
    _lead_bylines(lines, region, out)
    expect_byline = True  # a byline may open the article or follow a heading
    emitted: set[str] = set()  # a line the page prints twice (a caption, a pull quote) is kept once
    in_head = True  # above the first paragraph: bylines, dates and labels, not text
    in_box = False  # below a 'Related stories' label inside the article: its headlines, until prose
    for i in range(region.start, region.end):
        line = lines[i]
        if found[i] is not None and found[i].label == "related":
            in_box = True
        if in_box and line.kind == PROSE:
            in_box = False
        if found[i] is not None or line.kind in ("title", "bad") or in_box:
            continue
        if line.norm in _BY_WORDS:  # 'By' on its own line, the name below it
            expect_byline = True
            continue
        if in_head and line.kind in (PROSE, NEAR) or line.bullet:
            in_head = False
        if line.words >= _REPEAT_MIN_WORDS and line.repeats > 1:
            if line.norm in emitted:
                continue
            emitted.add(line.norm)
        at_head = expect_byline or i < region.start + _HEAD_LINES
        if i > 0 and lines[i - 1].norm in _BY_WORDS:
            names = _names_after_by(line.text)
        else:
            names = byline_names(line.text, labelled_only=line.kind == PROSE or not at_head)
        if names:
            _add_authors(out, names)
            out.builder.byline(line.text)
            expect_byline = False
            continue
        expect_byline = False
        if line.bullet and line.kind in (PROSE, NEAR, SHORT):
            out.builder.add(line.body_text, "list_item")
        elif line.kind in (PROSE, NEAR, TEASER) and not _is_heading(lines, found, i, region):
            out.builder.add(line.text)
        elif not in_head and _is_heading(lines, found, i, region):
            out.builder.heading(line.text)
            expect_byline = True
        elif not in_head and line.repeats == 1 and _in_flow(lines, found, i, region):
            out.builder.add(line.text)
    return out


def _is_heading(lines: list[Line], found: list[Furniture | None], i: int, region: Region) -> bool:
    line = lines[i]
    if line.words > _HEADING_MAX_WORDS or line.bullet or line.kind == PROSE:
        return False
    stripped = line.text.rstrip("\"'”’»)")
    if stripped.endswith((".", ",", ";", "…", "。", "、", "，", "；")) or line.digit_share > 0.3:
        return False
    following = _next_text(lines, found, i + 1, region.end, skip_bylines=True)
    return following is not None and (following.kind in (PROSE, NEAR) or following.bullet)


def _in_flow(lines: list[Line], found: list[Furniture | None], i: int, region: Region) -> bool:
    """A short line between two prose lines belongs to the text (a table row, a one-line answer)."""
    before = _previous_text(lines, found, i - 1, region.start)
    after = _next_text(lines, found, i + 1, region.end, skip_bylines=False)
    return (
        before is not None
        and after is not None
        and before.kind in (PROSE, NEAR, SHORT)
        and after.kind in (PROSE, NEAR, SHORT)
        and (before.kind != SHORT or after.kind != SHORT or lines[i].words >= 3)
    )


def _next_text(
    lines: list[Line], found: list[Furniture | None], start: int, stop: int, *, skip_bylines: bool
) -> Line | None:
    for j in range(start, min(stop, start + 4)):
        if found[j] is not None and found[j].label in ("caption", "credit", "player"):
            continue
        if skip_bylines and byline_names(lines[j].text):
            continue
        return lines[j] if found[j] is None else None
    return None


def _previous_text(lines: list[Line], found: list[Furniture | None], start: int, stop: int) -> Line | None:
    for j in range(start, max(stop - 1, start - 4), -1):
        if found[j] is not None and found[j].label in ("caption", "credit", "player"):
            continue
        return lines[j] if found[j] is None else None
    return None


def _lead_bylines(lines: list[Line], region: Region, out: Structure) -> None:
    """An article byline in the lines just above the article ('By Jane Doe', 'Posted by ... on ...',
    or 'By' on a line of its own with the name below)."""
    after_by = False
    for line in lines[max(0, region.start - _BYLINE_LOOKBACK) : region.start]:
        names = _names_after_by(line.text) if after_by else byline_names(line.text)
        after_by = line.norm in _BY_WORDS
        if names:
            _add_authors(out, names)


def _names_after_by(text: str) -> list[str]:
    return byline_names("By " + text, labelled_only=True)


def _add_authors(out: Structure, names: list[str]) -> None:
    for name in names:
        if name not in out.authors:
            out.authors.append(name)


def _collect_media(lines: list[Line], found: list[Furniture | None], start: int, stop: int, builder: ArticleBuilder) -> None:
    """Pair credits, captions and player notices that sit together into one media item each."""
    pending_kind: str | None = None  # a player notice announces a video
    pending_credit: str | None = None
    pending_at = -10
    for i in range(start, stop):
        item = found[i]
        if item is None or item.label not in ("caption", "credit", "player"):
            if pending_credit is not None and i - pending_at > 2:
                builder.add_media(pending_kind or "image", None, pending_credit)
                pending_credit, pending_kind = None, None
            continue
        if item.label == "player":
            pending_kind, pending_at = "video", i
        elif item.label == "credit":
            if pending_credit is not None:
                builder.add_media(pending_kind or "image", None, pending_credit)
            pending_credit, pending_at = item.text, i
        else:
            kind = "video" if item.media_kind == "video" or (pending_kind and i - pending_at <= 3) else "image"
            builder.add_media(kind, item.text, pending_credit or item.credit)
            pending_credit, pending_kind = None, None
    if pending_credit is not None:
        builder.add_media(pending_kind or "image", None, pending_credit)
