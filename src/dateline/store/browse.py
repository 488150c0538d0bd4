"""Read queries for browsing a store: the neighbouring articles of an article.

Lists, facets and the events of a dyad are query objects (query.py, results.py).
"""

from __future__ import annotations

import sqlite3


def previous_id(conn: sqlite3.Connection, article_id: str) -> str | None:
    """The article just before ``article_id`` in id order (the order of the article list)."""
    row = conn.execute("SELECT max(id) FROM articles WHERE id < ?", (article_id,)).fetchone()
    return row[0] if row else None


def next_id(conn: sqlite3.Connection, article_id: str) -> str | None:
    row = conn.execute("SELECT min(id) FROM articles WHERE id > ?", (article_id,)).fetchone()
    return row[0] if row else None
