"""The query objects' filters reach their rows through an index (EXPLAIN QUERY PLAN), not a scan of a
fact table: at 100,000 articles a scan of the events is half a second per list."""

from __future__ import annotations

from pathlib import Path

from dateline.store import open_store
from dateline.store.query import EventQuery, Page
from dateline.store.results import _event_sql
from tests.store.records import harbour_article


def plan(store, sql: str, params: list) -> list[str]:
    return [row[3] for row in store.conn.execute(f"EXPLAIN QUERY PLAN {sql}", params)]


def test_an_actor_by_country_is_found_through_indexes_on_both_sides_of_its_or(tmp_path: Path):
    with open_store(tmp_path / "s.db") as store:
        store.upsert(harbour_article())
        for side in ("source", "target"):
            sql, params = _event_sql(EventQuery(**{side: "NOR"}, collapse=False, page=Page(20)))
            steps = plan(store, sql, params)
            assert not [s for s in steps if s.startswith("SCAN e")], steps
            assert any(f"events_{side}_country" in s for s in steps), steps


def test_the_articles_alone_in_their_cluster_are_told_by_the_index_of_the_copies(tmp_path: Path):
    with open_store(tmp_path / "s.db") as store:
        store.upsert(harbour_article())
        sql, params = _event_sql(EventQuery(source="NOR", page=Page(20)))  # collapsed: the default
        steps = plan(store, sql, params)
        assert any("articles_duplicate_of" in s for s in steps), steps
        assert [h.event for h in store.events(EventQuery(source="NOR", page=Page(20)))] == [
            e for e in harbour_article().events
            if e.source and ((e.source.code or "").startswith("NOR") or e.source.country == "NOR")]
