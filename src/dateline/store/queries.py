"""Read-side helpers over the normalised tables: the article filters, date bounds, countries, summary figures."""

from __future__ import annotations

import re
import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from .errors import StoreError
from .keys import group_key_sql, normalise_name

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
            "EXISTS (SELECT 1 FROM entities e WHERE e.article_id = a.id "
            f"AND (e.entity_key = ? OR e.name_norm = ? OR {group_key_sql('e')} = ?))"
        )
        params += [entity, normalise_name(entity), entity]
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
        try:
            date(int(y), int(m or 1), int(d or 1))
        except ValueError:
            raise StoreError(f"{value!r} is not a date; use ISO 8601, e.g. 2024-04-26 or 2024-04-26T10:00:00Z") from None
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


# events, quotes and entities across articles: see query.py (the query objects) and results.py (their runners)


# -- summary -------------------------------------------------------------------------------------
# What the web front page shows of the statistics (Store.stats(brief=True)): each a count off an index or a summary
BRIEF = ("path", "schema_version", "bytes", "articles", "duplicates", "clusters", "entities", "mentions", "quotes",
         "events", "failures", "published_from", "published_to", "last_run")


def stats(conn: sqlite3.Connection, path: Path, *, brief: bool = False) -> dict[str, Any]:
    """What the store holds, for `dateline stats` and /api/stats; ``brief``: the BRIEF figures the web front page
    shows, without those that read every row of their table (at 100,000 articles the paragraphs' count took 37 ms
    and the publishers' 23, three quarters of the whole)."""
    one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
    # each bound read off the index of publication times (min and max in one SELECT would read every row)
    first, last = conn.execute("SELECT (SELECT min(published_at) FROM articles), "
                               "(SELECT max(published_at) FROM articles)").fetchone()
    last_run = conn.execute(
        "SELECT id, started, finished, status, stored, skipped, failed FROM ingest_runs ORDER BY id DESC LIMIT 1"
    ).fetchone()
    if brief:
        full: dict[str, Any] = {"paragraphs": None, "languages": None, "publishers": None}
    else:
        full = {
            "paragraphs": one("SELECT count(*) FROM paragraphs"),
            "languages": _languages(conn),
            "publishers": dict(conn.execute(
                "SELECT coalesce(publisher, '?'), count(*) FROM articles GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10"
            ).fetchall()),
        }
    out = {
        "path": str(path),
        "schema_version": one("PRAGMA user_version"),
        "bytes": path.stat().st_size if path.exists() else 0,
        "articles": one("SELECT count(*) FROM articles"),
        "duplicates": one("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL"),
        "clusters": one("SELECT count(DISTINCT duplicate_of) FROM articles WHERE duplicate_of IS NOT NULL"),
        "paragraphs": full["paragraphs"],
        # entities: the pages across articles, kept by the write path (store/summaries.py), like the mentions
        "entities": one("SELECT count(*) FROM entity_pages"),
        "mentions": one("SELECT coalesce(sum(mentions), 0) FROM entity_pages"),
        "quotes": one("SELECT count(*) FROM quotes"),
        "events": one("SELECT count(*) FROM events"),
        "failures": one("SELECT count(*) FROM failures"),
        "published_from": first,
        "published_to": last,
        "languages": full["languages"],
        "publishers": full["publishers"],
        "last_run": dict(zip(("id", "started", "finished", "status", "stored", "skipped", "failed"), last_run,
                             strict=True)) if last_run else None,
    }
    return {k: out[k] for k in BRIEF} if brief else out


def _languages(conn: sqlite3.Connection) -> dict[str, int]:
    """Articles per language ('?' for none), most first: grouped by the column itself, so that its index
    counts them, then named."""
    counts: dict[str, int] = {}
    for language, n in conn.execute("SELECT language, count(*) FROM articles GROUP BY language"):
        counts[language if language is not None else "?"] = counts.get(language if language is not None else "?", 0) + n
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
