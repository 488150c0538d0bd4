"""Aggregation: the events between two actors as a time series.

    timeline(articles, "USA", "CHN", freq="week") -> Timeline     (over records)
    store_timeline(store, "USA", "CHN", freq="week") -> Timeline  (over a store, in SQL)

An actor is read by the store's one actor reference (dateline.store.query.ActorRef): a CAMEO code
prefix ("USA" matches USAGOV), a country (ISO3, or a name such as "China"), an entity key, or an entity
name ("Blinken"). Near-duplicate copies of an event count once (``collapse``, the default): the same
dyad, code and date in articles of one near-duplicate cluster. Each event is dated by its own date,
else by the article's published date; an event whose date is coarser than the period (a year, for a
weekly series) is counted as undated rather than put on a day it did not happen. Negated events
("did not attack") did not happen and are left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from .errors import DatelineError
from .model import Article, Event
from .store.query import ActorRef, ArticleQuery, EventQuery, Page, QueryError, event_signature

FREQUENCIES = ("day", "week", "month")
QUADS = (1, 2, 3, 4)


class TimelineError(DatelineError):
    """A timeline request that cannot be answered as asked (an unknown frequency, an empty actor)."""


@dataclass
class TimelineRow:
    period: str  # 2024-04-26 (day), 2024-W17 (ISO week), 2024-04 (month)
    start: str = ""  # the period's first and last day (links to its events: since=start&until=end)
    end: str = ""
    count: int = 0
    by_quad: dict[int, int] = field(default_factory=lambda: dict.fromkeys(QUADS, 0))
    mean_goldstein: float | None = None


@dataclass
class Timeline:
    a: str
    b: str
    freq: str
    directed: bool
    rows: list[TimelineRow] = field(default_factory=list)
    undated: int = 0  # matching events with no date as precise as the period

    @property
    def total(self) -> int:
        return sum(r.count for r in self.rows)

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["total"] = self.total
        for row in out["rows"]:
            row["by_quad"] = {str(q): n for q, n in row["by_quad"].items()}
        return out


def period_of(day: date, freq: str) -> str:
    if freq == "day":
        return day.isoformat()
    if freq == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    return f"{day.year:04d}-{day.month:02d}"


def _next(day: date, freq: str) -> date:
    if freq == "day":
        return day + timedelta(days=1)
    if freq == "week":
        return day + timedelta(days=7)
    return date(day.year + (day.month == 12), day.month % 12 + 1, 1)


def _start(day: date, freq: str) -> date:
    if freq == "week":
        return day - timedelta(days=day.weekday())
    if freq == "month":
        return day.replace(day=1)
    return day


def event_day(event: Event | _Counted, published: str | None, freq: str) -> date | None:
    """The day an event is counted on (its date, else the article's ``published``), or None when that
    is too coarse for ``freq`` or unknown."""
    value = event.date or published
    if not value:
        return None
    if re.fullmatch(r"\d{4}-\d{2}", value):  # a month: enough for a monthly series only
        return date(int(value[:4]), int(value[5:7]), 1) if freq == "month" else None
    if re.fullmatch(r"\d{4}", value):
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        return None


def _refs(a: str, b: str, freq: str) -> tuple[ActorRef, ActorRef]:
    if freq not in FREQUENCIES:
        raise TimelineError(f"unknown frequency {freq!r}: use one of {', '.join(FREQUENCIES)}")
    try:
        return ActorRef.parse(a), ActorRef.parse(b)
    except QueryError as exc:
        raise TimelineError(str(exc)) from None


def timeline(articles: Iterable[Article], a: str, b: str, *, freq: str = "week", directed: bool = False,
             collapse: bool = True) -> Timeline:
    """Events between actors ``a`` and ``b`` per day, week or month: counts by quad class, mean Goldstein.

    With ``directed`` only events from ``a`` to ``b`` count; otherwise both directions. With ``collapse``
    the copies of an event in near-duplicate articles (``duplicate_of``) count once.
    """
    qa, qb = _refs(a, b, freq)

    def matching() -> Iterable[tuple[Event, str | None]]:
        seen: set[tuple] = set()
        for article in articles:
            entities = {e.id: e for e in article.entities}
            for event in article.events:
                if event.negated:
                    continue
                forward = qa.matches(event.source, entities) and qb.matches(event.target, entities)
                backward = not directed and qb.matches(event.source, entities) and qa.matches(event.target, entities)
                if not (forward or backward):
                    continue
                if collapse:
                    signature = event_signature(event, article.duplicate_of or article.id)
                    if signature in seen:
                        continue
                    seen.add(signature)
                yield event, article.published

    return _series(matching(), a, b, freq, directed)


def store_timeline(store, a: str, b: str, *, freq: str = "week", directed: bool = False, collapse: bool = True,
                   articles: ArticleQuery | None = None) -> Timeline:
    """The same series over a store, its events chosen in SQL (EventQuery with the pair ``a``/``b``);
    ``articles`` narrows them to the events of the articles a search matches."""
    _refs(a, b, freq)
    from .store.results import event_values, shared_sets

    query = EventQuery(a=a, b=b, directed=directed, negated=False, collapse=collapse, articles=articles,
                       page=Page(None))
    # the pair's events found first, by themselves (SQLite plans the one statement that finds, collapses and
    # reads them several times slower: 100k articles, NOR and Russia, 150 -> 70 ms), and of each only what the
    # series counts is read: its date, its article's, its quad class and Goldstein score (not the whole event)
    with shared_sets(store.conn):
        rows = event_values(store.conn, query, "e.date, a.published, e.quad_class, e.goldstein")
        return _series(((_Counted(date, quad, goldstein), published) for date, published, quad, goldstein, _ in rows),
                       a, b, freq, directed)


@dataclass
class _Counted:
    """What a series reads of an event (see event_day and _row)."""

    date: str | None
    quad_class: int | None
    goldstein: float | None


def _series(events: Iterable[tuple[Event | _Counted, str | None]], a: str, b: str, freq: str, directed: bool) -> Timeline:
    result = Timeline(a=a, b=b, freq=freq, directed=directed)
    buckets: dict[date, list[Event | _Counted]] = {}
    for event, published in events:
        day = event_day(event, published, freq)
        if day is None:
            result.undated += 1
            continue
        buckets.setdefault(_start(day, freq), []).append(event)
    if not buckets:
        return result
    day, last = min(buckets), max(buckets)
    while day <= last:
        following = _next(day, freq)
        row = _row(period_of(day, freq), buckets.get(day, []))
        row.start, row.end = day.isoformat(), (following - timedelta(days=1)).isoformat()
        result.rows.append(row)
        day = following
    return result


def _row(period: str, events: list[Event | _Counted]) -> TimelineRow:
    row = TimelineRow(period=period, count=len(events))
    for e in events:
        if e.quad_class in row.by_quad:
            row.by_quad[e.quad_class] += 1
    scores = [e.goldstein for e in events if e.goldstein is not None]
    row.mean_goldstein = round(sum(scores) / len(scores), 2) if scores else None
    return row
