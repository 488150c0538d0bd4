"""The query objects' filters reach their rows through an index (EXPLAIN QUERY PLAN), not a scan of a
fact table: at 100,000 articles a scan of the events is half a second per list."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from dateline.model import Actor
from dateline.store import open_store
from dateline.store.query import ActorRef, EventQuery, Page
from dateline.store.results import _event_sql
from tests.store.old_stores import old_store
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


def _odd_sides_article():
    """The harbour story with events whose sides disagree the ways real ones can: a code with no country,
    a country with no code, a code of another country than its country, an IGO code, a name only."""
    article = harbour_article()
    base = article.events[0]
    sides = [
        (Actor("Norwegian ministry", code="NORGOV"), Actor("Iceland", code="ISL", country="ISL")),
        (Actor("Oslo", country="NOR"), Actor("Reykjavik")),
        (Actor("Norway's envoy", code="NORGOV", country="ISL"), Actor("NATO", code="IGOWSTNAT", country="NOR")),
        (Actor("Ingrid Dahl", entity="e-dahl"), Actor("Norway", code="NOR", country="NOR", entity="e-nor")),
        (Actor("the Norwegians", code="NORWAY"), Actor("Iceland", entity="e-isl", code="ISL")),
    ]
    for n, (source, target) in enumerate(sides):
        article.events.append(replace(base, source=source, target=target, id=f"odd-{n}"))
    return article


def test_an_actors_set_of_keys_is_the_set_its_conditions_give(tmp_path: Path):
    """ActorRef.rows_sql (what a list reads its events from) holds exactly the events ActorRef.sql selects."""
    with open_store(tmp_path / "s.db") as store:
        store.upsert(_odd_sides_article())
        for text in ("NOR", "Norway", "NORGOV", "country-nor", "country-isl", "IGOWSTNAT", "ISL",
                     "person-ingrid-dahl", "Ingrid Dahl", "Dahl", "Reykjavik", "the Norwegians"):
            ref = ActorRef.parse(text)
            for side in ("source", "target"):
                cond, params = ref.sql(side)
                expected = set(store.conn.execute(f"SELECT article_id, idx FROM events e WHERE {cond}", params))
                rows, params = ref.rows_sql(side)
                got = store.conn.execute(rows, params).fetchall()
                assert len(got) == len(set(got)), (text, side)  # each key once
                assert set(got) == expected, (text, side)
        # and a list over every combination of actor filters gives what the conditions alone give
        for filters in ({"actor": "NOR"}, {"actor": "Norway"}, {"source": "NOR", "target": "ISL"},
                        {"a": "NOR", "b": "ISL"}, {"a": "NOR", "b": "ISL", "directed": True},
                        {"actor": "Ingrid Dahl", "target": "country-nor"}):
            query = EventQuery(**filters, collapse=False, page=Page(None))
            where, params = query.where()
            expected = store.conn.execute(
                "SELECT e.event_id FROM events e JOIN articles a ON a.id = e.article_id WHERE "
                f"{' AND '.join(where)} ORDER BY e.day, e.article_id, e.idx", params).fetchall()
            assert [h.event.id for h in store.events(query)] == [r[0] for r in expected], filters


def test_an_actor_by_country_is_read_from_the_indexes_alone(tmp_path: Path):
    with open_store(tmp_path / "s.db") as store:
        store.upsert(harbour_article())
        for side in ("source", "target"):
            rows, params = ActorRef.parse("Norway").rows_sql(side)
            steps = plan(store, rows, params)
            assert steps and all("COVERING INDEX" in s for s in steps if s.startswith(("SEARCH", "SCAN"))), steps
            assert not [s for s in steps if "TEMP B-TREE" in s], steps  # the branches add up without a set


def _indexes(store) -> set[str]:
    return {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}


def test_the_migration_to_version_12_gives_an_old_store_the_indexes_of_a_new_one(tmp_path: Path):
    article = _odd_sides_article()
    old_store(tmp_path / "old.db", 7, [article])
    with open_store(tmp_path / "old.db") as old, open_store(tmp_path / "new.db") as new:
        new.upsert(article)
        assert old.conn.execute("PRAGMA user_version").fetchone()[0] == 12
        assert _indexes(old) == _indexes(new)
        assert {"articles_list", "articles_ids", "articles_copies"} <= _indexes(old)
        assert "entities_name" not in _indexes(old)
        columns = {r[2] for r in old.conn.execute("PRAGMA index_info(events_source)")}
        assert columns == {"source_code", "source_country"}
        for query in (EventQuery(actor="NOR", page=Page(None)), EventQuery(a="NOR", b="ISL", page=Page(None))):
            assert [h.event for h in old.events(query)] == [h.event for h in new.events(query)]
            assert old.count_events(query) == new.count_events(query)
