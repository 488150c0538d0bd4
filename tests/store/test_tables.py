"""The table map (store/tables.py): the migrations build exactly the tables it describes, and every
field of the record goes into a column and comes back out of it."""

from __future__ import annotations

import dataclasses
import json
import zlib
from pathlib import Path

from dateline.export import record_tables
from dateline.model import Actor, Event, Quote, Span
from dateline.store import open_store
from dateline.store.tables import (
    EVENTS,
    QUOTES,
    SQL_TABLES,
    TABLE_FIELDS,
    pack_record,
    pack_text,
    sql_declarations,
)
from tests.store.old_stores import old_store, table_texts
from tests.store.records import harbour_article


def test_the_migrations_build_the_tables_of_the_map(tmp_path: Path):
    with open_store(tmp_path / "fresh.db") as store:
        for table, columns in sql_declarations().items():
            info = store.conn.execute(f"PRAGMA table_info({table})").fetchall()
            # rowid: SQLite's own row id, named so the full-text index can point at it
            built = {row[1]: f"{row[2]}{' NOT NULL' if row[3] else ''}" for row in info if row[1] != "rowid"}
            assert built == columns, table


def test_every_field_of_a_fact_has_a_column():
    for table in (EVENTS, QUOTES):
        held = {c.path[0] for c in table.columns if c.path}
        assert held == {f.name for f in dataclasses.fields(table.record)}, table.name


def test_events_and_quotes_come_back_from_the_store_as_they_went_in(tmp_path: Path):
    article = harbour_article()
    article.events.append(Event(start=0, end=7, text="Harbour", source=Actor("Norway", 1, 2, code="NOR"),
                                negated=True, quote=0, confidence=0.25, id="ev-x"))
    article.quotes.append(Quote(start=0, end=7, text="Harbour", kind="indirect", cue=Span(8, 13, "talks")))
    with open_store(tmp_path / "s.db") as store:
        store.upsert(article)
        assert [e for _, e in store.iter_events()] == article.events
        # and (version 10) its text compressed, still found by the search index and read back whole
        columns = [r[1] for r in store.conn.execute("PRAGMA table_info(articles)")]
        assert "text" not in columns
        assert store.conn.execute("SELECT text_zlib FROM articles").fetchone()[0] == pack_text(article.text)
        assert [h.id for h in store.search("fishing").hits] == [article.id]
        assert [q for _, q in store.iter_quotes()] == article.quotes
        for table in SQL_TABLES:  # one row per object, nothing left out
            count = store.conn.execute(f"SELECT count(*) FROM {table.sql_table}").fetchone()[0]
            assert count == len(table.items(article)), table.name


def test_the_export_tables_have_one_row_per_fact():
    article = harbour_article()
    tables = record_tables([article])
    assert tables["events"].num_rows == len(article.events)
    assert tables["events"].column("event_id").to_pylist() == [e.id for e in article.events]
    assert tables["entities"].column("mention_count").to_pylist() == [len(e.mentions) for e in article.entities]


def test_a_span_text_that_is_the_articles_is_not_stored_twice(tmp_path: Path):
    article = harbour_article()
    odd = Quote(start=0, end=7, text="Harbor", kind="indirect")  # not the text at its span: kept as given
    article.quotes.append(odd)
    with open_store(tmp_path / "s.db") as store:
        store.upsert(article)
        assert table_texts(store.conn) == expected_texts(article)
        assert ("quote", "Harbor") in table_texts(store.conn) and ("quote", None) in table_texts(store.conn)
        assert store.get(article.id) == article
        assert [q for _, q in store.iter_quotes()] == article.quotes
        record = json.loads(zlib.decompress(store.conn.execute("SELECT record_zlib FROM articles").fetchone()[0]))
        assert not set(TABLE_FIELDS) & set(record)  # the lists are read from their rows


def expected_texts(article) -> list[tuple]:
    """Each quote's, event's and mention's text as the store should hold it: a quote's and a mention's
    None where it is the article's, an event's always."""
    def held(span) -> str | None:
        return None if article.text[span.start:span.end] == span.text else span.text

    mentions = [m for e in article.entities for m in e.mentions]
    return ([("quote", held(q)) for q in article.quotes] + [("event", e.text) for e in article.events]
            + [("mention", held(m)) for m in mentions])


def test_the_migrations_to_versions_9_and_10_take_out_what_was_stored_twice(tmp_path: Path):
    article = harbour_article()
    path = tmp_path / "v8.db"
    old_store(path, 8, [article])
    with open_store(path) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] >= 9
        assert table_texts(store.conn) == expected_texts(article)
        assert store.get(article.id) == article
        assert store.conn.execute("SELECT record_zlib FROM articles").fetchone()[0] == pack_record(article)
        assert [e for _, e in store.iter_events()] == article.events
        # and (version 10) its text compressed, still found by the search index and read back whole
        columns = [r[1] for r in store.conn.execute("PRAGMA table_info(articles)")]
        assert "text" not in columns
        assert store.conn.execute("SELECT text_zlib FROM articles").fetchone()[0] == pack_text(article.text)
        assert [h.id for h in store.search("fishing").hits] == [article.id]
