"""Title, publisher and date of a dump, read from the lines around the article's start."""

from __future__ import annotations

import re
from collections import Counter
from datetime import datetime

from ..dates import find_date, resolve_relative
from ..meta import split_title
from .lines import Line, normalise

_TITLE_WINDOW = 400  # lines from the top where the page title and headline are looked for
_DATE_LOOKBACK = 40  # lines above the article where its date is looked for (nearest first)
_DATE_LOOKAHEAD = 10  # and lines at its top
_DATE_LINE_MAX_WORDS = 25
_UPDATED = re.compile(r"\b(?:updated|modified|edited|last\s+changed)\b", re.I)
_FIRST_LINES = 6  # a dump opens with the document title, after at most a banner or two


def find_title(lines: list[Line]) -> tuple[str | None, str | None, set[str]]:
    """(title, publisher, normalised forms of the title lines).

    A dump opens with the document title ('Headline – Publisher'), after at most
    a banner or two. When the first lines hold no such line, the headline is the
    line near the top that the page repeats most, counting a line and its form
    without a publisher suffix as the same.
    """
    top = [line for line in lines[:_TITLE_WINDOW] if 2 <= line.words <= 40 and line.norm and _may_be_title(line)]
    if not top:
        return None, None, set()
    best = next((line for line in top if line.index < lines[0].index + _FIRST_LINES and line.words >= 3), None)
    if best is None:
        keys = {id(line): normalise(split_title(line.text)[0] or line.text) for line in top}
        group = Counter(keys.values())
        best = max(top, key=lambda line: group[keys[id(line)]])
    title, publisher = split_title(best.text)
    if publisher is None:
        title, publisher = _split_on_repeated_head(best.text, {line.norm for line in lines if line is not best})
    if publisher is None:
        publisher = _publisher_from_first_line(lines[0], title)
    norms = {best.norm, normalise(title or "")}
    return title, publisher, {n for n in norms if n}


_TITLE_SEPARATORS = (" | ", " – ", " — ", " - ", " :: ", " · ", " » ")


def _split_on_repeated_head(raw: str, other_norms: set[str]) -> tuple[str, str | None]:
    """'Headline – Site' when the page prints 'Headline' alone elsewhere (the headline above the article)."""
    for separator in _TITLE_SEPARATORS:
        head, found, tail = raw.rpartition(separator)
        if found and head.strip() and tail.strip() and normalise(head) in other_norms:
            return head.strip(), tail.strip()
    return raw, None


def _may_be_title(line: Line) -> bool:
    return line.kind in ("prose", "near", "short", "bad")


def _publisher_from_first_line(first: Line, title: str | None) -> str | None:
    if not title:
        return None
    head, site = split_title(first.text)
    if site and head and normalise(head) == normalise(title):
        return site
    return None


def find_published(lines: list[Line], article_start: int, article_end: int, fetched: datetime | None) -> datetime | None:
    """The date on a short line nearest above the article (or in its first lines): a relative time
    ('13 minutes ago') resolved against ``fetched``, or a calendar date, preferring a publication
    date to an update. Else any relative time before the article's end."""
    above = reversed(lines[max(0, article_start - _DATE_LOOKBACK) : article_start])
    top = lines[article_start : min(article_end, article_start + _DATE_LOOKAHEAD)]
    updated: datetime | None = None
    for line in [*above, *top]:
        if line.words > _DATE_LINE_MAX_WORDS:
            continue
        found = resolve_relative(line.text, fetched) if line.kind == "relative_time" else find_date(line.text)
        if found is None:
            continue
        if not _UPDATED.search(line.text):
            return found
        updated = updated or found
    if updated is not None:
        return updated
    for line in lines[:article_end]:
        if line.kind == "relative_time":
            when = resolve_relative(line.text, fetched)
            if when is not None:
                return when
    return None
