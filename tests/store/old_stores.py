"""Stores as earlier schema versions wrote them, for the migration tests (written for this project)."""

from __future__ import annotations

import json
import sqlite3
import zlib
from pathlib import Path

from dateline.model import Article
from dateline.store.db import _connect
from dateline.store.schema import MIGRATIONS, _statements
from dateline.store.tables import SQL_TABLES


def old_store(path: Path, version: int, articles: list[Article]) -> None:
    """A store of schema ``version`` (7 or 8) holding ``articles`` as that version wrote them: the text
    plain, the whole record packed (its lists too) and every span's text in its row."""
    conn = _connect(path, readonly=False)
    for script in MIGRATIONS[:version]:
        for statement in _statements(script):
            conn.execute(statement)
    conn.execute(f"PRAGMA user_version = {version}")
    conn.execute("BEGIN")
    for a in articles:
        for table in SQL_TABLES:
            # the columns that version had: a field added since has no column there yet
            present = {row[1] for row in conn.execute(f"PRAGMA table_info({table.sql_table})")} | {"text_zlib"}
            columns = [c for c in table.sql_columns() if c.name in present]
            rows = [tuple(_old_value(c, obj, a, i) for c in columns) for i, obj in enumerate(table.items(a))]
            names = ", ".join('"end"' if c.name == "end" else "text" if c.name == "text_zlib" else c.name
                              for c in columns)
            if rows:
                conn.executemany(f"INSERT INTO {table.sql_table}({names}) VALUES ({', '.join('?' * len(columns))})",
                                 rows)
    conn.execute("COMMIT")
    conn.close()


def _old_value(column, obj, article: Article, index: int):
    if column.name == "record_zlib":
        record = article.to_dict()
        del record["text"], record["duplicate_of"]
        return zlib.compress(json.dumps(record, ensure_ascii=False).encode(), 6)
    if column.name == "text_zlib":  # plain text before version 10
        return article.text
    if column.span is not None:  # the text as it is, never elided
        return column.arrow_value(obj, article, index)
    return column.sql_value(obj, article, index)


def table_texts(conn: sqlite3.Connection) -> list[tuple]:
    """The span texts as the rows hold them (NULL: elided)."""
    return conn.execute("SELECT 'quote', text FROM quotes UNION ALL SELECT 'event', text FROM events "
                        "UNION ALL SELECT 'mention', text FROM mentions").fetchall()
