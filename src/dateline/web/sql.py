"""Read queries the web needs beyond the Store's methods, run on the store's own connection.

They reuse the store's query parsing and filters (store.search.fts_query,
store.queries.article_filters), so they match exactly what Store.search matches.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from ..store.queries import article_filters
from ..store.search import fts_query

FACETS = {
    "publisher": "coalesce(a.publisher, '(unknown)')",
    "language": "coalesce(a.language, '(unknown)')",
    "year": "coalesce(substr(a.published_at, 1, 4), '(undated)')",
}


def search_facets(conn: sqlite3.Connection, query: str, *, collapse: bool = False,
                  **filters: Any) -> dict[str, list[list[Any]]]:
    """Counts of the matching articles (clusters, with ``collapse``) by publisher, language and year."""
    where, params = article_filters(**filters)
    conditions = " AND ".join(["articles_fts MATCH ?", *where])
    counted = "count(DISTINCT coalesce(a.duplicate_of, a.id))" if collapse else "count(*)"
    facets: dict[str, list[list[Any]]] = {}
    for name, column in FACETS.items():
        order = "1 DESC" if name == "year" else "2 DESC, 1"
        rows = conn.execute(
            f"SELECT {column}, {counted} FROM articles_fts f JOIN articles a ON a.rowid = f.rowid "
            f"WHERE {conditions} GROUP BY 1 ORDER BY {order}",
            [fts_query(query), *params],
        ).fetchall()
        facets[name] = [[value, n] for value, n in rows]
    return facets


def previous_id(conn: sqlite3.Connection, article_id: str) -> str | None:
    """The article just before ``article_id`` in id order (the order of the article list)."""
    row = conn.execute("SELECT max(id) FROM articles WHERE id < ?", (article_id,)).fetchone()
    return row[0] if row else None


def next_id(conn: sqlite3.Connection, article_id: str) -> str | None:
    row = conn.execute("SELECT min(id) FROM articles WHERE id > ?", (article_id,)).fetchone()
    return row[0] if row else None
