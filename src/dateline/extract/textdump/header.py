"""Title, publisher and date of a dump, read from the lines around the article's start."""

from __future__ import annotations

from collections import Counter
from datetime import datetime

from ..dates import find_date, resolve_relative
from ..meta import split_title
from .lines import Line, normalise

_TITLE_WINDOW = 400  # lines from the top where the page title and headline are looked for


def find_title(lines: list[Line], article_start: int) -> tuple[str | None, str | None, set[str]]:
    """(title, publisher, normalised forms of the title lines).

    The headline is the line near the top that the page repeats most (the
    document title, the headline above the article, a share text), counting a
    line and its form without a '– Publisher' suffix as the same. Without any
    repetition, the first line with a few words.
    """
    top = [line for line in lines[: max(article_start, 1)][:_TITLE_WINDOW] if 2 <= line.words <= 40 and line.norm]
    if not top:
        return None, None, set()
    keys = {id(line): normalise(split_title(line.text)[0] or line.text) for line in top}
    group = Counter(keys.values())
    best, best_hits = top[0], 0
    for line in top:
        hits = group[keys[id(line)]]
        if hits > best_hits:
            best, best_hits = line, hits
    if best_hits < 2:
        best = next((line for line in top if line.words >= 3), top[0])
    title, publisher = split_title(best.text)
    if publisher is None:
        publisher = _publisher_from_first_line(lines[0], title)
    norms = {best.norm, normalise(title or "")}
    return title, publisher, {n for n in norms if n}


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
