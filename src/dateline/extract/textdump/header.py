"""Title, publisher and date of a dump, read from the lines around the article's start."""

from __future__ import annotations

from collections import Counter
from datetime import datetime

from ..dates import find_date, resolve_relative
from ..meta import split_title
from .lines import Line, normalise

_TITLE_WINDOW = 400  # lines from the top where the page title and headline are looked for
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
    """A relative time ('13 minutes ago') before the article's end resolved against ``fetched``,
    else the calendar date on a short line nearest above the article (or in its first lines)."""
    for line in lines[:article_end]:
        if line.kind == "relative_time":
            when = resolve_relative(line.text, fetched)
            if when is not None:
                return when
    window = lines[max(0, article_start - 40) : article_start]
    for line in reversed(window):
        if line.words <= 25:
            found = find_date(line.text)
            if found is not None:
                return found
    for line in lines[article_start : min(article_end, article_start + 3)]:
        if line.words <= 25:
            found = find_date(line.text)
            if found is not None:
                return found
    return None
