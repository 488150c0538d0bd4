"""Read queries for browsing a store: search facets, neighbouring articles, the articles of a dyad.

They reuse the store's query parsing and filters (search.fts_query, search.matches_sql,
queries.article_filters), so they match exactly what Store.search matches. The Store
exposes them as methods; the web UI and the CLI call those.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from typing import Any

from .queries import article_filters
from .search import fts_query, matches_sql, time_budget

FACETS = ("publisher", "language", "year")


def search_facets(conn: sqlite3.Connection, query: str, *, collapse: bool = False,
                  **filters: Any) -> dict[str, list[list[Any]]]:
    """Counts of the matching articles (clusters, with ``collapse``) by publisher, language and year.

    One pass over the matches, grouped by all three at once; the counts per facet are summed here.
    """
    where, params = article_filters(**filters)
    head, body = matches_sql(where)
    counted = "count(DISTINCT coalesce(a.duplicate_of, a.id))" if collapse else "count(*)"
    match = fts_query(query)
    with time_budget(conn, query):
        rows = conn.execute(
            f"{head} SELECT coalesce(a.publisher, '(unknown)'), coalesce(a.language, '(unknown)'), "
            f"coalesce(substr(a.published_at, 1, 4), '(undated)'), {counted} {body} GROUP BY 1, 2, 3",
            [match, *params],
        ).fetchall()
    counts: dict[str, Counter[str]] = {name: Counter() for name in FACETS}
    for *values, n in rows:
        for name, value in zip(FACETS, values, strict=True):
            counts[name][value] += n
    return {
        "publisher": [[k, n] for k, n in sorted(counts["publisher"].items(), key=lambda kv: (-kv[1], kv[0]))],
        "language": [[k, n] for k, n in sorted(counts["language"].items(), key=lambda kv: (-kv[1], kv[0]))],
        "year": [[k, n] for k, n in sorted(counts["year"].items(), reverse=True)],
    }


def previous_id(conn: sqlite3.Connection, article_id: str) -> str | None:
    """The article just before ``article_id`` in id order (the order of the article list)."""
    row = conn.execute("SELECT max(id) FROM articles WHERE id < ?", (article_id,)).fetchone()
    return row[0] if row else None


def next_id(conn: sqlite3.Connection, article_id: str) -> str | None:
    row = conn.execute("SELECT min(id) FROM articles WHERE id > ?", (article_id,)).fetchone()
    return row[0] if row else None


def _like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _side_may_match(side: str, actor: str) -> tuple[str, list[Any]]:
    """A condition true for every event side dateline.timeline would match to ``actor`` (and a few more):
    code prefix, country, or the name in the side's text or its entity's name."""
    from ..nlp.actors import country_code  # the NLP package loads only when a dyad is asked for

    code = actor.strip().upper()
    country = country_code(actor.strip()) or code
    name = f"%{_like(actor.strip())}%"
    cond = (
        f"(e.{side}_code LIKE ? ESCAPE '\\' OR e.{side}_code LIKE ? ESCAPE '\\' "
        f"OR e.{side}_country IN (?, ?) OR e.{side}_text LIKE ? ESCAPE '\\' "
        f"OR EXISTS (SELECT 1 FROM entities n WHERE n.article_id = e.article_id "
        f"AND n.entity_id = e.{side}_entity AND n.name LIKE ? ESCAPE '\\'))"
    )
    return cond, [_like(code) + "%", _like(country) + "%", code, country, name, name]


def dyad_article_ids(conn: sqlite3.Connection, a: str, b: str) -> list[str]:
    """Ids of the articles with an event that may involve both actors, for dateline.timeline to sift.

    A superset of what the timeline counts, so it can match precisely (and the same way as the CLI)
    on only those articles rather than the whole store.
    """
    src_a, p_src_a = _side_may_match("source", a)
    tgt_a, p_tgt_a = _side_may_match("target", a)
    src_b, p_src_b = _side_may_match("source", b)
    tgt_b, p_tgt_b = _side_may_match("target", b)
    rows = conn.execute(
        f"SELECT DISTINCT e.article_id FROM events e WHERE ({src_a} AND {tgt_b}) OR ({src_b} AND {tgt_a}) "
        "ORDER BY e.article_id",
        [*p_src_a, *p_tgt_b, *p_src_b, *p_tgt_a],
    ).fetchall()
    return [r[0] for r in rows]
