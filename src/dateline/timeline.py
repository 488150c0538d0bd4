"""Aggregation: the events between two actors as a time series.

    timeline(articles, "USA", "CHN", freq="week") -> Timeline

An actor query matches an event side by CAMEO code prefix ("USA" matches USAGOV), by country (ISO3,
or a country name such as "China"), or by entity name ("Blinken"). Each event is dated by its own date,
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
from .model import Actor, Article, Event

FREQUENCIES = ("day", "week", "month")
QUADS = (1, 2, 3, 4)


class TimelineError(DatelineError):
    """A timeline request that cannot be answered as asked (an unknown frequency, an empty actor)."""


@dataclass
class TimelineRow:
    period: str  # 2024-04-26 (day), 2024-W17 (ISO week), 2024-04 (month)
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


class ActorQuery:
    """One side of the timeline: a code prefix, a country or an entity name."""

    def __init__(self, text: str) -> None:
        text = text.strip()
        if not text:
            raise TimelineError("an actor is empty: give a code (USA, USAGOV, IGOWSTNAT), a country or a name")
        self.text = text
        self.code = text.upper()
        from .nlp.actors import country_code  # loads the NLP package: only when a timeline is asked for

        self.country = country_code(text)
        self.name = re.compile(r"\b" + re.escape(text.casefold()) + r"\b")

    def matches(self, actor: Actor | None, names: dict[str, str]) -> bool:
        if actor is None:
            return False
        if actor.code and actor.code.upper().startswith(self.code):
            return True
        if actor.country and (actor.country == self.code or actor.country == self.country):
            return True
        if self.country and actor.code and actor.code.upper().startswith(self.country):
            return True
        name = names.get(actor.entity or "", "") + " " + (actor.text or "")
        return bool(self.name.search(name.casefold()))


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


def event_day(event: Event, article: Article, freq: str) -> date | None:
    """The day an event is counted on, or None when its date is too coarse for ``freq`` or unknown."""
    value = event.date or article.published
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


def timeline(articles: Iterable[Article], a: str, b: str, *, freq: str = "week", directed: bool = False) -> Timeline:
    """Events between actors ``a`` and ``b`` per day, week or month: counts by quad class, mean Goldstein.

    With ``directed`` only events from ``a`` to ``b`` count; otherwise both directions.
    """
    if freq not in FREQUENCIES:
        raise TimelineError(f"unknown frequency {freq!r}: use one of {', '.join(FREQUENCIES)}")
    qa, qb = ActorQuery(a), ActorQuery(b)
    result = Timeline(a=a, b=b, freq=freq, directed=directed)
    buckets: dict[date, list[Event]] = {}
    for article in articles:
        names = {e.id: e.name for e in article.entities}
        for event in article.events:
            if event.negated:
                continue
            forward = qa.matches(event.source, names) and qb.matches(event.target, names)
            backward = not directed and qb.matches(event.source, names) and qa.matches(event.target, names)
            if not (forward or backward):
                continue
            day = event_day(event, article, freq)
            if day is None:
                result.undated += 1
                continue
            buckets.setdefault(_start(day, freq), []).append(event)
    if not buckets:
        return result
    day, last = min(buckets), max(buckets)
    while day <= last:
        result.rows.append(_row(period_of(day, freq), buckets.get(day, [])))
        day = _next(day, freq)
    return result


def _row(period: str, events: list[Event]) -> TimelineRow:
    row = TimelineRow(period=period, count=len(events))
    for e in events:
        if e.quad_class in row.by_quad:
            row.by_quad[e.quad_class] += 1
    scores = [e.goldstein for e in events if e.goldstein is not None]
    row.mean_goldstein = round(sum(scores) / len(scores), 2) if scores else None
    return row
