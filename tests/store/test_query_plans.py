"""The query objects' filters reach their rows through an index (EXPLAIN QUERY PLAN), not a scan of a
fact table: at 100,000 articles a scan of the events is half a second per list."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from dateline.model import Actor
from dateline.store import open_store, results
from dateline.store.query import ActorRef, ArticleQuery, EventQuery, Page, QuoteQuery
from dateline.store.schema import SCHEMA_VERSION
from tests.store.old_stores import old_store
from tests.store.records import harbour_article


def plan(store, sql: str, params: list) -> list[str]:
    return [row[3] for row in store.conn.execute(f"EXPLAIN QUERY PLAN {sql}", params)]


def test_an_actor_by_country_is_found_through_indexes_on_both_sides_of_its_or(tmp_path: Path):
    with open_store(tmp_path / "s.db") as store:
        store.upsert(harbour_article())
        for side in ("source", "target"):
            sql, params = results._event_sql(EventQuery(**{side: "NOR"}, collapse=False, page=Page(20)))
            steps = plan(store, sql, params)
            assert not [s for s in steps if s.startswith("SCAN e")], steps
            assert any(f"events_{side}_country" in s for s in steps), steps


def test_the_articles_alone_in_their_cluster_are_told_by_the_index_of_the_copies(tmp_path: Path):
    with open_store(tmp_path / "s.db") as store:
        store.upsert(harbour_article())
        sql, params = results._event_sql(EventQuery(source="NOR", page=Page(20)))  # collapsed: the default
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
                        {"actor": "Ingrid Dahl", "target": "country-nor"}, {"actor": "Norway", "plover": "CONSULT"},
                        {"a": "NOR", "b": "ISL", "plover": "CONSULT"}, {"source": "NOR", "plover": "THREATEN"}):
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


def test_an_actors_events_of_a_category_are_the_keys_of_both_indexes(tmp_path: Path):
    """With a PLOVER category, an actor's set of keys is intersected with the category's, from its index
    (schema 15), before a row is read: read from the indexes alone."""
    with open_store(tmp_path / "s.db") as store:
        store.upsert(_odd_sides_article())
        rows, params = EventQuery(actor="Norway", plover="CONSULT").actor_rows()
        steps = plan(store, rows, params)
        assert any("events_plover" in s for s in steps), steps
        tables = [s for s in steps if s.startswith(("SEARCH", "SCAN")) and "subquery" not in s]
        assert tables and all("COVERING INDEX" in s for s in tables), steps


def test_the_migration_to_versions_12_to_14_give_an_old_store_the_indexes_of_a_new_one(tmp_path: Path):
    article = _odd_sides_article()
    old_store(tmp_path / "old.db", 7, [article])
    with open_store(tmp_path / "old.db") as old, open_store(tmp_path / "new.db") as new:
        new.upsert(article)
        assert old.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert _indexes(old) == _indexes(new)
        assert {"articles_list", "articles_ids", "articles_copies"} <= _indexes(old)
        assert "entities_name" not in _indexes(old) and "quotes_speaker_entity" in _indexes(old)
        assert "events_plover" in _indexes(old)  # schema 15
        columns = {r[2] for r in old.conn.execute("PRAGMA index_info(events_source)")}
        assert columns == {"source_code", "source_country"}
        for query in (EventQuery(actor="NOR", page=Page(None)), EventQuery(a="NOR", b="ISL", page=Page(None))):
            assert [h.event for h in old.events(query)] == [h.event for h in new.events(query)]
            assert old.count_events(query) == new.count_events(query)
        for quotes in (QuoteQuery(speaker="person-ingrid-dahl"), QuoteQuery(speaker="Ingrid Dahl", collapse=False)):
            assert [h.quote for h in old.quotes(quotes)] == [h.quote for h in new.quotes(quotes)] != []
            assert old.count_quotes(quotes) == new.count_quotes(quotes) == 1


def test_a_speakers_set_of_keys_is_the_set_its_condition_gives(tmp_path: Path):
    article = _odd_sides_article()
    article.quotes.append(replace(article.quotes[0], speaker_entity=None, speaker_name="Dahl"))
    article.quotes.append(replace(article.quotes[0], speaker_entity="e-nor", speaker_name="Norway"))
    with open_store(tmp_path / "s.db") as store:
        store.upsert(article)
        for speaker in ("person-ingrid-dahl", "Ingrid Dahl", "Dahl", "country-nor", "gpe-norway", "Norway"):
            query = QuoteQuery(speaker=speaker)
            where, params = query.where()
            expected = set(store.conn.execute(f"SELECT q.article_id, q.idx FROM quotes q WHERE {where[0]}", params))
            rows, params = query.speaker_rows()
            got = store.conn.execute(rows, params).fetchall()
            assert len(got) == len(set(got)) and set(got) == expected, speaker
        assert store.count_quotes(QuoteQuery(speaker="country-nor")) == 1


def test_a_speaker_whose_page_has_no_quotes_of_its_entities_has_those_of_its_name(tmp_path: Path, monkeypatch):
    """A page whose speakers the summary counts no quote for (entity_pages.quotes) lists the quotes of the
    speaker's name alone, without reading its entity rows: the same quotes as reading them."""
    article = _odd_sides_article()
    article.quotes.append(replace(article.quotes[0], speaker_entity=None, speaker_name="Country Isl"))
    with open_store(tmp_path / "s.db") as store:
        store.upsert(article)
        assert store.conn.execute("SELECT quotes FROM entity_pages WHERE key = 'country-isl'").fetchone() == (0,)
        assert not results._speakers_quoted(store.conn, "country-isl")
        assert results._speakers_quoted(store.conn, "person-ingrid-dahl")
        for speaker in ("country-isl", "country-nor", "person-ingrid-dahl", "Ingrid Dahl", "gpe-nowhere"):
            for collapse in (True, False):
                query = QuoteQuery(speaker=speaker, collapse=collapse)
                answers = []
                for read_rows in (False, True):
                    if read_rows:
                        monkeypatch.setattr(results, "_speakers_quoted", lambda conn, speaker: True)
                    answers.append(([(h.article.id, h.index, h.copies) for h in store.quotes(query)],
                                    store.count_quotes(query)))
                monkeypatch.undo()
                assert answers[0] == answers[1], (speaker, collapse)
        assert store.count_quotes(QuoteQuery(speaker="country-isl")) == 1


def test_an_entitys_articles_are_the_same_walked_newest_first_or_read_from_its_rows(tmp_path: Path, monkeypatch):
    """A common entity's page walks the articles by date (results._WALK_SHARE); a rare one's reads its rows:
    both give the same pages and the same total (the page's summary)."""
    with open_store(tmp_path / "s.db") as store:
        for n in range(12):
            article = replace(_odd_sides_article(), id=f"harbour{n:04d}", url=f"https://example.org/{n}",
                              published=f"2024-04-{10 + n % 5:02d}T08:00:00Z" if n % 4 else None)
            if n % 3 == 0:
                article.entities = [e for e in article.entities if e.id != "e-dahl"]
            store.upsert(article)
        for key in ("country-nor", "person-ingrid-dahl", "gpe-nowhere"):
            cond, params = results.group_rows_sql("e", key)
            expected = [r[0] for r in store.conn.execute(
                f"SELECT DISTINCT a.id, a.published_at FROM entities e JOIN articles a ON a.id = e.article_id "
                f"WHERE {cond} ORDER BY a.published_at DESC NULLS LAST, a.id", params)]
            pages = {}
            for share in (0.0, 2.0):  # every entity walked; none
                monkeypatch.setattr(results, "_WALK_SHARE", share)
                pages[share] = [results.entity_article_ids(store.conn, key, limit=5, offset=offset)
                                for offset in (0, 5, 10)]
            assert pages[0.0] == pages[2.0], key
            assert [i for ids, _ in pages[0.0] for i in ids] == expected, key
            assert {total for _, total in pages[0.0]} == {len(expected)}, key


def test_the_events_of_a_search_are_the_same_read_by_article_or_by_actor(tmp_path: Path, monkeypatch):
    with open_store(tmp_path / "s.db") as store:
        for n in range(6):
            article = replace(_odd_sides_article(), id=f"harbour{n:04d}", url=f"https://example.org/{n}",
                              duplicate_of="harbour0000" if n == 3 else None)
            if n % 2:
                article.title, article.text = "Trawlers", article.text.replace("fishing", "trawling")
            store.upsert(article)
        for filters in ({"actor": "NOR"}, {"a": "NOR", "b": "ISL"}, {"source": "Ingrid Dahl", "plover": "CONSULT"}):
            answers = []
            for few in (0.0, 2.0):  # by actor; by article
                monkeypatch.setattr(results, "_FEW_MATCHES", few)
                for collapse in (True, False):
                    query = EventQuery(**filters, articles=ArticleQuery(q="fishing"), collapse=collapse,
                                       page=Page(None))
                    answers.append(([(h.article.id, h.event, h.copies) for h in store.events(query)],
                                    store.count_events(query), store.event_facets(query)))
            assert answers[:2] == answers[2:] and answers[0][1] > 0, filters


def test_a_page_of_events_chosen_in_parts_is_the_page_one_statement_gives(tmp_path: Path, monkeypatch):
    with open_store(tmp_path / "s.db") as store:
        for n in range(8):
            article = replace(_odd_sides_article(), id=f"harbour{n:04d}", url=f"https://example.org/{n}",
                              published=f"2024-04-{10 + n:02d}T08:00:00Z",
                              duplicate_of="harbour0000" if n in (3, 5) else "harbour0001" if n == 6 else None)
            for i, event in enumerate(article.events):
                event.goldstein = None if (i + n) % 4 == 0 else float((i * 7 + n) % 10 - 5)
                event.date = None if (i + n) % 3 == 0 else event.date
            store.upsert(article)
        for filters in ({}, {"actor": "NOR"}, {"a": "NOR", "b": "ISL"}, {"plover": "CONSULT"}):
            for sort in (None, "-goldstein", "published", "-date"):
                for page in (Page(3), Page(4, 5), Page(50), Page(2, 40)):
                    query = EventQuery(**filters, sort=sort, page=page)
                    answers = []
                    for parts in (0, 1000):  # one statement; in parts
                        monkeypatch.setattr(results, "_PAGE_IN_PARTS", parts)
                        answers.append([(h.article.id, h.index, h.copies) for h in store.events(query)])
                    assert answers[0] == answers[1], (filters, sort, page)
                    assert answers[0] or page.offset >= 40, (filters, sort, page)


def test_a_searchs_volume_picks_its_period_from_the_days_it_counts(tmp_path: Path):
    """volume_auto gives the period the span of the matches' publication times calls for (published_range)
    and the points volume gives in it, from one count of the days."""
    from datetime import date

    with open_store(tmp_path / "s.db") as store:
        for n, published in enumerate(["2024-04-10T08:00:00Z", "2024-05-30T23:00:00-02:00", "2024-06-01T01:00:00Z",
                                       "2025-02-01T00:00:00Z", "2027-01-01T00:00:00Z", None]):
            title = ["one", "one two", "two", "two three", "three", "three"][n]
            store.upsert(replace(harbour_article(), id=f"harbour{n:04d}", url=f"https://example.org/{n}",
                                 title=title, published=published, duplicate_of="harbour0001" if n == 2 else None))
        for q in ("one", "two", "three", "harbour", "nothing"):
            for collapse in (False, True):
                query = ArticleQuery(q=q, collapse=collapse)
                first, last = store.published_range(query)
                span = (date.fromisoformat(last[:10]) - date.fromisoformat(first[:10])).days if first else None
                freq = "week" if span is None else "day" if span <= 62 else "week" if span <= 730 else "month"
                assert store.volume_auto(query) == (freq, store.volume(query, freq)), (q, collapse)


def _clustered_store(store) -> None:
    """The odd sides' story eight times over some days, three of them copies, half of them about trawling."""
    for n in range(8):
        article = replace(_odd_sides_article(), id=f"harbour{n:04d}", url=f"https://example.org/{n}",
                          published=f"2024-04-{10 + n:02d}T08:00:00Z",
                          duplicate_of="harbour0000" if n in (3, 5) else "harbour0001" if n == 6 else None)
        if n % 2:
            article.title, article.text = "Trawlers", article.text.replace("fishing", "trawling")
        for i, event in enumerate(article.events):
            event.goldstein = None if (i + n) % 4 == 0 else float((i * 7 + n) % 10 - 5)
            event.date = None if (i + n) % 3 == 0 else event.date
        store.upsert(article)


def test_lists_read_from_a_shared_set_give_the_answers_of_their_own_statements(tmp_path: Path):
    """Inside results.shared_sets a list's events (or quotes) are found once into a temporary table and its
    statements read them from there: the same rows, counts, facets and places as without it, for every kind
    of filter, collapsed or not, in every sort and page; the tables are gone after the block."""
    with open_store(tmp_path / "s.db") as store:
        _clustered_store(store)
        for filters in ({}, {"actor": "NOR"}, {"actor": "Norway", "plover": "CONSULT"}, {"a": "NOR", "b": "ISL"},
                        {"source": "person-ingrid-dahl"}, {"target": "country-nor", "negated": False},
                        {"articles": ArticleQuery(q="fishing")}, {"actor": "NOR", "articles": ArticleQuery(q="fishing")}):
            for collapse in (True, False):
                for sort, page in ((None, Page(3)), ("-goldstein", Page(4, 5)), ("published", Page(None)),
                                   ("-date", Page(2, 40))):
                    query = EventQuery(**filters, collapse=collapse, sort=sort, page=page)

                    def answers(query=query):
                        return ([(h.article.id, h.index, h.copies, h.event) for h in store.events(query)],
                                store.count_events(query), store.event_facets(query), store.event_places(query))

                    alone = answers()
                    with results.shared_sets(store.conn):
                        shared = answers()
                    assert shared == alone, (filters, collapse, sort, page)
                    assert alone[1] > 0 or filters.get("negated") is False, filters
        for speaker in ("person-ingrid-dahl", "Ingrid Dahl", "country-nor", None):
            for collapse in (True, False):
                quotes = QuoteQuery(speaker=speaker, collapse=collapse, page=Page(2, 1))
                alone = ([(h.article.id, h.index, h.copies) for h in store.quotes(quotes)], store.count_quotes(quotes))
                with results.shared_sets(store.conn):
                    shared = ([(h.article.id, h.index, h.copies) for h in store.quotes(quotes)],
                              store.count_quotes(quotes))
                assert shared == alone, (speaker, collapse)
        assert store.conn.execute("SELECT count(*) FROM temp.sqlite_master").fetchone()[0] == 0


def test_a_shared_set_of_events_is_made_without_looking_each_events_article_up(tmp_path: Path):
    """The set holds what the events themselves hold; its article conditions (a search, a publisher) are subqueries
    of the articles' ids, so no event is joined to its article to make it, and the lists are those without it."""
    with open_store(tmp_path / "s.db") as store:
        _clustered_store(store)
        for filters in ({"articles": ArticleQuery(q="fishing")}, {"articles": ArticleQuery(q="trawling", publisher="x")},
                        {"plover": "CONSULT", "articles": ArticleQuery(since="2024-04-12")}, {"actor": "NOR"}):
            query = EventQuery(**filters, sort="-goldstein", page=Page(3))
            alone = ([(h.article.id, h.index, h.copies) for h in store.events(query)], store.count_events(query))
            statements: list[str] = []
            store.conn.set_trace_callback(statements.append)
            with results.shared_sets(store.conn):
                shared = ([(h.article.id, h.index, h.copies) for h in store.events(query)], store.count_events(query))
            store.conn.set_trace_callback(None)
            made = [s for s in statements if s.startswith("CREATE TEMP TABLE")]
            assert len(made) == 1 and "JOIN articles a ON a.id = e.article_id" not in made[0], made
            assert shared == alone, filters


def test_a_page_of_events_and_an_entitys_page_find_each_lists_events_once(tmp_path: Path):
    """The events page (its count, its page, its facets) and an entity's page (its quotes, its events as source
    and as target, each counted and paged) find the events of each list once, not once per statement."""
    from dateline.web import queries

    with open_store(tmp_path / "s.db") as store:
        _clustered_store(store)
        statements: list[str] = []
        store.conn.set_trace_callback(statements.append)
        data = queries.list_events(store, EventQuery(actor="Norway", plover="CONSULT", page=Page(3)))
        assert data["total"] > 0 and data["events"]
        assert sum("source_country = " in s for s in statements) == 1, statements  # the actor's set, made once
        statements.clear()
        view = queries.entity_view(store, "country-nor", limit=2)
        assert view["events_as_source"]["total"] > 0 and view["events_as_target"]["total"] > 0
        assert sum("FROM quotes WHERE speaker_norm" in s for s in statements) == 1, statements
        # an entity's events of one side are counted and paged from the indexes of its keys, not a shared set
        assert not [s for s in statements if "CREATE TEMP TABLE" in s and "source_country" in s], statements
        statements.clear()  # a person's are found through its entity rows: once a side, into a shared set
        view = queries.entity_view(store, "person-ingrid-dahl", limit=2)
        assert view["events_as_source"]["total"] > 0
        assert sum("CREATE TEMP TABLE" in s and "JOIN events e" in s for s in statements) == 2, statements
        store.conn.set_trace_callback(None)


def test_an_actors_events_counted_in_its_indexes_and_walked_by_date_are_those_of_a_shared_set(
        tmp_path: Path, monkeypatch):
    """The collapsed list of an actor's events (no other filter) is counted from its keys (those alone in their
    cluster as all keys less the clustered ones) and paged walking the events by date (a common actor,
    results._WALK_EVENTS_SHARE) or from its keys: the same counts and pages as read from a shared set."""
    with open_store(tmp_path / "s.db") as store:
        _clustered_store(store)
        for filters in ({"source": "country-nor"}, {"target": "country-nor"}, {"actor": "NOR"},
                        {"source": "person-ingrid-dahl"}, {"a": "NOR", "b": "ISL"}, {"source": "Ingrid Dahl"},
                        {"actor": "Norway", "plover": "CONSULT"}, {"target": "ISL", "negated": False}):
            for sort in (None, "date", "-goldstein"):
                for page in (Page(3), Page(4, 5), Page(50), Page(2, 40)):
                    query = EventQuery(**filters, sort=sort, page=page)
                    answers = []
                    for share in (0.0, 2.0):  # every actor walked; none
                        monkeypatch.setattr(results, "_WALK_EVENTS_SHARE", share)
                        answers.append(([(h.article.id, h.index, h.copies, h.event) for h in store.events(query)],
                                        store.count_events(query)))
                    with results.shared_sets(store.conn):
                        answers.append(([(h.article.id, h.index, h.copies, h.event) for h in store.events(query)],
                                        store.count_events(query)))
                    assert answers[0] == answers[1] == answers[2], (filters, sort, page)
                    assert answers[0][1] > 0, filters


def test_a_read_only_connection_counts_a_searchs_days_from_the_table_it_keeps(tmp_path: Path):
    """A read-only store joins the matches of a search without article filters to a table of the articles'
    days it makes once per write generation (results._days_table): the volume a writable store counts from the
    articles, with copies and undated articles, made again after another connection writes."""
    db = tmp_path / "s.db"
    with open_store(db) as writer:
        for n, published in enumerate(["2024-04-10T08:00:00Z", "2024-05-30T23:00:00-02:00", "2024-06-01T01:00:00Z",
                                       "2025-02-01T00:00:00Z", None, "2024-04-10T09:00:00Z"]):
            writer.upsert(replace(harbour_article(), id=f"harbour{n:04d}", url=f"https://example.org/{n}",
                                  title=["one", "one two", "two", "two three", "three", "one"][n], published=published,
                                  duplicate_of="harbour0000" if n == 5 else None))
        with open_store(db, readonly=True) as reader:
            statements: list[str] = []
            reader.conn.set_trace_callback(statements.append)

            def same() -> None:
                for q in ("one", "two", "three", "harbour", "nothing"):
                    for collapse in (False, True):
                        query = ArticleQuery(q=q, collapse=collapse)
                        assert reader.volume_auto(query) == writer.volume_auto(query), (q, collapse)
                        assert reader.volume(query, "day") == writer.volume(query, "day"), (q, collapse)

            same()
            assert sum("CREATE TEMP TABLE dateline_days" in s for s in statements) == 1
            writer.upsert(replace(harbour_article(), id="harbour0009", url="https://example.org/9", title="two",
                                  published="2024-06-02T10:00:00Z"))
            same()
            assert sum("CREATE TEMP TABLE dateline_days" in s for s in statements) == 2
            june = [p for p in reader.volume(ArticleQuery(q="two"), "month") if p["period"] == "2024-06"]
            assert june[0]["count"] == 2  # the new article counted


def test_a_searchs_entity_and_country_facets_counted_in_one_pass_are_those_of_grouping_the_rows(tmp_path: Path,
                                                                                                   monkeypatch):
    """results.entity_facets reads the entity rows of the matches once and counts both facets: the counts, names
    and order of grouping the rows by page key (least name) and by country in SQL. The rows are read by the
    matching articles' ids (a few at a time here, as 10,000 at a time in a store), none joined to its article."""
    from dateline.store.keys import group_key_sql

    monkeypatch.setattr(results, "_IDS_PER_STATEMENT", 2)
    with open_store(tmp_path / "s.db") as store:
        _clustered_store(store)
        store.upsert(replace(harbour_article(), id="harbour0100", url="https://example.org/100"))
        for q in ("fishing", "trawling", "harbour OR Trawlers"):
            for collapse in (True, False):
                query = ArticleQuery(q=q, collapse=collapse)
                sub, params = query.ids_sql()
                counted = "count(DISTINCT coalesce(a.duplicate_of, a.id))" if collapse else \
                    "count(DISTINCT g.article_id)"
                joined = f"FROM entities g JOIN articles a ON a.id = g.article_id WHERE g.article_id IN ({sub})"
                entities = store.conn.execute(f"SELECT {group_key_sql('g')}, min(g.name), {counted} {joined} "
                                              "GROUP BY 1 ORDER BY 3 DESC, 1 LIMIT 3", params).fetchall()
                countries = store.conn.execute(f"SELECT g.country, {counted} {joined} AND g.country IS NOT NULL "
                                               "GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 3", params).fetchall()
                statements: list[str] = []
                store.conn.set_trace_callback(statements.append)
                assert results.entity_facets(store.conn, query, top=3) == {
                    "entity": [list(r) for r in entities], "country": [list(r) for r in countries]}, (q, collapse)
                store.conn.set_trace_callback(None)
                assert entities, q
                read = [s for s in statements if "FROM entities g" in s]
                assert len(read) > 1 and not [s for s in read if "JOIN articles" in s], read
