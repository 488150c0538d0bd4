"""Read-side queries over the normalised tables: filters, events, entities, quotes and summary figures."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from ..model import Event, Quote
from .errors import StoreError
from .keys import normalise_name
from .tables import EVENTS, QUOTES

DateLike = str | date | datetime | None


# -- filters shared by search and listing ----------------------------------------------------------
def article_filters(
    publisher: str | None = None,
    language: str | None = None,
    since: DateLike = None,
    until: DateLike = None,
    entity: str | None = None,
    country: str | None = None,
) -> tuple[list[str], list[Any]]:
    """SQL conditions on the articles table (alias ``a``) and their bound parameters."""
    where: list[str] = []
    params: list[Any] = []
    if publisher:
        where.append("a.publisher = ? COLLATE NOCASE")
        params.append(publisher)
    if language:
        where.append("a.language = ?")
        params.append(language.lower())
    if since:
        where.append("a.published_at >= ?")
        params.append(time_bound(since, end=False))
    if until:
        where.append("a.published_at <= ?")
        params.append(time_bound(until, end=True))
    if entity:
        where.append(
            "EXISTS (SELECT 1 FROM entities e WHERE e.article_id = a.id AND (e.entity_key = ? OR e.name_norm = ?))"
        )
        params += [entity, normalise_name(entity)]
    if country:
        where.append("EXISTS (SELECT 1 FROM entities e WHERE e.article_id = a.id AND e.country = ?)")
        params.append(country_filter(country))
    return where, params


def time_bound(value: str | date | datetime, *, end: bool) -> str:
    """A filter bound as stored in published_at (UTC, seconds). A date alone covers the whole day."""
    if isinstance(value, datetime):
        dt = value if value.tzinfo else value.replace(tzinfo=UTC)
        return dt.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S")
    text = value.isoformat() if isinstance(value, date) else str(value).strip()
    day = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", text)
    if day:  # a year, month or day: from its first second to its last (stored times compare as text)
        y, m, d = day.groups()
        if not end:
            return f"{y}-{m or '01'}-{d or '01'}T00:00:00"
        return f"{y}-{m or '12'}-{d or '31'}T23:59:59"
    try:
        dt = datetime.fromisoformat(text.replace("Z", "+00:00"))
        return time_bound(dt, end=end)
    except (ValueError, OverflowError):  # OverflowError: an offset that moves it out of datetime's range
        raise StoreError(f"{value!r} is not a date; use ISO 8601, e.g. 2024-04-26 or 2024-04-26T10:00:00Z") from None


def country_filter(value: str) -> str:
    """An ISO 3166 alpha-3 code from a code ("chn") or a country name, adjective or capital ("Chinese")."""
    if re.fullmatch(r"[A-Za-z]{3}", value):
        return value.upper()
    from ..nlp.actors import country_code

    code = country_code(value)
    if code is None:
        raise StoreError(f"{value!r} is not a country dateline knows; use an ISO 3166 alpha-3 code such as CHN")
    return code


# -- events --------------------------------------------------------------------------------------
def _side_match(side: str, value: str) -> tuple[str, list[Any]]:
    """An event side matches by code prefix ("USA" matches USAGOV), by country, or by entity name."""
    cond = (
        f"(e.{side}_code LIKE ? ESCAPE '\\' OR e.{side}_country = ? OR lower(e.{side}_text) = lower(?) OR "
        f"EXISTS (SELECT 1 FROM entities n WHERE n.article_id = e.article_id AND n.entity_id = e.{side}_entity "
        f"AND (n.name_norm = ? OR n.entity_key = ?)))"
    )
    prefix = value.upper().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    return cond, [prefix, value.upper(), value, normalise_name(value), value]


def iter_events(
    conn: sqlite3.Connection,
    *,
    actor: str | None = None,
    source: str | None = None,
    target: str | None = None,
    cameo: str | None = None,
    plover: str | None = None,
    since: DateLike = None,
    until: DateLike = None,
) -> Iterator[tuple[str, Event]]:
    """(article id, event) for every matching event, in article and then text order.

    ``actor`` matches either side; ``cameo`` is a prefix ("13" matches 130 to 139); the
    date range applies to the event's date, else the article's publication date.
    """
    where: list[str] = []
    params: list[Any] = []
    if actor:
        src, p1 = _side_match("source", actor)
        tgt, p2 = _side_match("target", actor)
        where.append(f"({src} OR {tgt})")
        params += p1 + p2
    for side, value in (("source", source), ("target", target)):
        if value:
            cond, p = _side_match(side, value)
            where.append(cond)
            params += p
    if cameo:
        where.append("e.cameo LIKE ?")
        params.append(cameo.replace("%", "") + "%")
    if plover:
        where.append("e.plover = ? COLLATE NOCASE")
        params.append(plover)
    if since:
        where.append("e.day >= ?")
        params.append(time_bound(since, end=False)[:10])
    if until:
        where.append("e.day <= ?")
        params.append(time_bound(until, end=True)[:10])
    sql = f"SELECT e.article_id, {EVENTS.select_sql('e')} FROM events e"
    sql += (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY e.article_id, e.idx"
    for row in conn.execute(sql, params):
        yield row[0], EVENTS.decode(row[1:])


# -- entities ------------------------------------------------------------------------------------
@dataclass
class EntitySummary:
    """One entity across the store: grouped by type and normalised name (``key``)."""

    key: str
    name: str  # the most frequent spelling
    type: str
    code: str | None
    country: str | None
    articles: int
    mentions: int
    descriptors: list[str]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


_ENTITY_GROUP = """
    SELECT entity_key, type, count(DISTINCT article_id), sum(mention_count),
           (SELECT name FROM entities x WHERE x.entity_key = g.entity_key
            GROUP BY name ORDER BY sum(mention_count) DESC, name LIMIT 1),
           max(code), max(country)
    FROM entities g
"""


def entity(conn: sqlite3.Connection, key: str) -> EntitySummary | None:
    row = conn.execute(_ENTITY_GROUP + " WHERE entity_key = ? GROUP BY entity_key, type", (key,)).fetchone()
    return _summary(conn, row) if row else None


def iter_entities(
    conn: sqlite3.Connection, *, type: str | None = None, country: str | None = None, code: str | None = None,
    limit: int | None = None,
) -> Iterator[EntitySummary]:
    """Entities across the store, most articles first."""
    where: list[str] = []
    params: list[Any] = []
    if type:
        where.append("type = ?")
        params.append(type.upper())
    if country:
        where.append("country = ?")
        params.append(country_filter(country))
    if code:
        where.append("code LIKE ?")
        params.append(code.upper().replace("%", "") + "%")
    sql = _ENTITY_GROUP + (" WHERE " + " AND ".join(where) if where else "")
    sql += " GROUP BY entity_key, type ORDER BY count(DISTINCT article_id) DESC, entity_key"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    for row in conn.execute(sql, params).fetchall():
        yield _summary(conn, row)


def _summary(conn: sqlite3.Connection, row: tuple) -> EntitySummary:
    descriptors: dict[str, int] = {}
    for (text,) in conn.execute("SELECT descriptors FROM entities WHERE entity_key = ?", (row[0],)):
        for d in json.loads(text):
            descriptors[d] = descriptors.get(d, 0) + 1
    top = sorted(descriptors, key=lambda d: (-descriptors[d], d))[:10]
    return EntitySummary(
        key=row[0], type=row[1], articles=row[2], mentions=row[3] or 0, name=row[4], code=row[5], country=row[6],
        descriptors=top,
    )


def entity_articles(conn: sqlite3.Connection, key: str, *, limit: int | None = None) -> list[str]:
    """Ids of the articles that name the entity, newest first."""
    sql = (
        "SELECT DISTINCT a.id, a.published_at FROM entities e JOIN articles a ON a.id = e.article_id "
        "WHERE e.entity_key = ? ORDER BY a.published_at DESC, a.id"
    )
    params: list[Any] = [key]
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return [r[0] for r in conn.execute(sql, params)]


# -- quotes --------------------------------------------------------------------------------------
def iter_quotes(conn: sqlite3.Connection, *, speaker: str | None = None) -> Iterator[tuple[str, Quote]]:
    """(article id, quote); ``speaker`` matches the speaker's name or entity key."""
    sql = f"SELECT q.article_id, {QUOTES.select_sql('q')} FROM quotes q"
    params: list[Any] = []
    if speaker:
        sql += (
            " WHERE q.speaker_norm = ? OR EXISTS (SELECT 1 FROM entities n WHERE n.article_id = q.article_id "
            "AND n.entity_id = q.speaker_entity AND n.entity_key = ?)"
        )
        params += [normalise_name(speaker), speaker]
    sql += " ORDER BY q.article_id, q.idx"
    for row in conn.execute(sql, params):
        yield row[0], QUOTES.decode(row[1:])


# -- summary -------------------------------------------------------------------------------------
def stats(conn: sqlite3.Connection, path: Path) -> dict[str, Any]:
    """What the store holds, for `dateline stats` and the web front page."""
    one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
    first, last = conn.execute("SELECT min(published_at), max(published_at) FROM articles").fetchone()
    last_run = conn.execute(
        "SELECT id, started, finished, status, stored, skipped, failed FROM ingest_runs ORDER BY id DESC LIMIT 1"
    ).fetchone()
    return {
        "path": str(path),
        "schema_version": one("PRAGMA user_version"),
        "bytes": path.stat().st_size if path.exists() else 0,
        "articles": one("SELECT count(*) FROM articles"),
        "duplicates": one("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL"),
        "clusters": one("SELECT count(DISTINCT duplicate_of) FROM articles"),
        "paragraphs": one("SELECT count(*) FROM paragraphs"),
        "entities": one("SELECT count(DISTINCT entity_key) FROM entities"),
        "mentions": one("SELECT count(*) FROM mentions"),
        "quotes": one("SELECT count(*) FROM quotes"),
        "events": one("SELECT count(*) FROM events"),
        "failures": one("SELECT count(*) FROM failures"),
        "published_from": first,
        "published_to": last,
        "languages": dict(conn.execute(
            "SELECT coalesce(language, '?'), count(*) FROM articles GROUP BY 1 ORDER BY 2 DESC, 1").fetchall()),
        "publishers": dict(conn.execute(
            "SELECT coalesce(publisher, '?'), count(*) FROM articles GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10"
        ).fetchall()),
        "last_run": dict(zip(("id", "started", "finished", "status", "stored", "skipped", "failed"), last_run,
                             strict=True)) if last_run else None,
    }
