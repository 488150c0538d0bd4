"""The store: schema and settings, record round trip, atomic writes, listing and fact queries."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from dateline.model import Article, Paragraph
from dateline.store import StoreError, open_store
from dateline.store.schema import SCHEMA_VERSION
from tests.store.records import harbour_article, plain_article


@pytest.fixture
def store(tmp_path: Path):
    s = open_store(tmp_path / "test.db")
    yield s
    s.close()


def test_a_new_store_has_the_current_schema_wal_and_foreign_keys(store):
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_reopening_does_not_migrate_twice_and_a_newer_schema_is_refused(tmp_path: Path):
    path = tmp_path / "s.db"
    open_store(path).close()
    open_store(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StoreError, match="newer"):
        open_store(path)


def test_default_path_comes_from_dateline_db(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("DATELINE_DB", str(tmp_path / "env.db"))
    with open_store() as s:
        assert s.path == tmp_path / "env.db"


def test_get_returns_exactly_the_stored_record(store):
    article = harbour_article()
    assert store.upsert(article) == article.id
    assert store.get(article.id).to_dict() == article.to_dict()
    assert store.get("missing") is None


def test_upsert_replaces_the_article_and_all_its_parts(store):
    article = harbour_article()
    store.upsert(article)
    article.entities = article.entities[:1]
    article.events = []
    article.title = "Harbour talks collapse"
    store.upsert(article)
    assert store.count() == 1
    counts = {t: store.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("entities", "events")}
    assert counts == {"entities": 1, "events": 0}
    assert store.search("collapse").total == 1
    assert store.search("title:resume").total == 0


def test_a_failed_write_leaves_nothing_of_the_article(store):
    article = plain_article(1, "Half written", "Some text here.")
    article.paragraphs.append(Paragraph(0, 4, kind=None))  # type: ignore[arg-type]  # violates NOT NULL
    with pytest.raises(sqlite3.IntegrityError):
        store.upsert(article)
    assert store.count() == 0
    assert store.conn.execute("SELECT count(*) FROM paragraphs").fetchone()[0] == 0
    assert store.search("written").total == 0


def test_readonly_store_reads_but_cannot_write(tmp_path: Path):
    path = tmp_path / "ro.db"
    with open_store(path) as s:
        s.upsert(harbour_article())
    with open_store(path, readonly=True) as ro:
        assert ro.get("harbour0001") is not None
        with pytest.raises(StoreError, match="the store cannot be written .*readonly"):  # what to do, and why
            ro.upsert(plain_article(1, "x", "y"))
    with pytest.raises(StoreError, match="no such database"):
        open_store(tmp_path / "missing.db", readonly=True)


def test_iter_articles_filters_and_pages_by_id_cursor(store):
    for n in range(7):
        store.upsert(plain_article(n, f"Story {n}", f"Body {n}.", published=f"2024-0{n + 1}-10T12:00:00Z",
                                   publisher="Wire A" if n % 2 else "Wire B", language="en" if n < 5 else "de"))
    assert [a.id for a in store.iter_articles()] == [f"plain{n:04d}" for n in range(7)]
    assert [a.id for a in store.iter_articles(after="plain0004")] == ["plain0005", "plain0006"]
    assert len(list(store.iter_articles(limit=3))) == 3
    assert [a.id for a in store.iter_articles(publisher="wire a")] == ["plain0001", "plain0003", "plain0005"]
    assert [a.id for a in store.iter_articles(language="de")] == ["plain0005", "plain0006"]
    assert [a.id for a in store.iter_articles(since="2024-03", until="2024-04-10")] == ["plain0002", "plain0003"]
    with pytest.raises(StoreError, match="not a date"):
        list(store.iter_articles(since="last tuesday"))


def test_entity_and_country_filters(store):
    store.upsert(harbour_article())
    store.upsert(plain_article(1, "Other", "Nothing about fish."))
    assert [a.id for a in store.iter_articles(entity="ingrid dahl")] == ["harbour0001"]
    assert [a.id for a in store.iter_articles(entity="person-ingrid-dahl")] == ["harbour0001"]
    assert [a.id for a in store.iter_articles(country="isl")] == ["harbour0001"]
    assert list(store.iter_articles(country="FRA")) == []


def test_events_quotes_and_entities_across_articles(store):
    store.upsert(harbour_article())
    assert [e.cameo for _, e in store.iter_events(actor="NOR")] == ["040", "112"]
    assert [e.cameo for _, e in store.iter_events(source="ISL")] == ["112"]
    assert [e.cameo for _, e in store.iter_events(cameo="11")] == ["112"]
    assert [e.plover for _, e in store.iter_events(since="2024-04-23", until="2024-04-23")] == ["CONSULT", "ACCUSE"]
    assert list(store.iter_events(since="2024-05")) == []
    [(aid, quote)] = list(store.iter_quotes(speaker="Ingrid Dahl"))
    assert aid == "harbour0001" and quote == harbour_article().quotes[0]
    summary = store.entity("person-ingrid-dahl")
    assert (summary.name, summary.country, summary.articles, summary.descriptors) == (
        "Ingrid Dahl", "NOR", 1, ["Norwegian fisheries minister"])
    # a country is one page by its code, whatever it was called; the per-type key still finds it
    assert [e.key for e in store.iter_entities(type="GPE")] == ["country-isl", "country-nor"]
    assert store.entity("gpe-norway").key == "country-nor"
    assert store.entity_articles("country-nor") == ["harbour0001"]


def test_failures_and_stats(store):
    store.upsert(harbour_article())
    store.record_failure("bad.bin", "bad.bin: binary", "BinaryInput")
    store.record_failure("bad.bin", "bad.bin: still binary", "BinaryInput")
    assert [(f.source, f.error) for f in store.failures()] == [("bad.bin", "bad.bin: still binary")]
    stats = store.stats()
    assert {k: stats[k] for k in ("articles", "entities", "quotes", "events", "failures")} == {
        "articles": 1, "entities": 3, "quotes": 1, "events": 2, "failures": 1}
    assert stats["languages"] == {"en": 1}
    assert stats["published_from"] == "2024-04-23T06:15:00"


def test_the_front_pages_brief_stats_are_the_full_ones_without_a_count_that_reads_every_row(store):
    from dateline.store.queries import BRIEF

    store.upsert(harbour_article())
    statements: list[str] = []
    store.conn.set_trace_callback(statements.append)
    brief = store.stats(brief=True)
    store.conn.set_trace_callback(None)
    full = store.stats()
    assert list(brief) == list(BRIEF) and brief == {k: full[k] for k in BRIEF}
    assert full["paragraphs"] > 0 and full["publishers"] and full["languages"] == {"en": 1}
    assert statements and not [s for s in statements if "paragraphs" in s or "GROUP BY" in s]
    store.upsert(plain_article(2, "Second", "Another text."))  # a write: both counted again
    assert store.stats(brief=True)["articles"] == store.stats()["articles"] == 2


def test_a_changed_input_that_gives_a_new_article_removes_the_old_one(store):
    old = plain_article(1, "Draft", "First version.")
    new = Article.from_dict({**old.to_dict(), "id": "plain9999", "text": "Second version."})
    store.save_result("page.txt", "hash-1", old, None)
    store.save_result("page.txt", "hash-2", new, None)
    assert [a.id for a in store.iter_articles()] == ["plain9999"]
    assert store.input_done("page.txt", "hash-2") and not store.input_done("page.txt", "hash-1")


def test_a_store_from_an_older_schema_is_upgraded_in_place(tmp_path: Path):
    from dateline.store.schema import MIGRATIONS, _statements

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    for statement in _statements(MIGRATIONS[0]):
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 1")
    conn.execute("INSERT INTO articles(id, source, title, text, record, stored_at) "
                 "VALUES ('old1', 'x', '旧港口', 'Kept from before.', '{}', '2024-01-01')")
    conn.close()
    with open_store(path) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert [h.id for h in store.search("港口").hits] == ["old1"]  # the index was rebuilt
        assert store.search("before").total == 1


def test_a_version_5_store_keeps_every_record_whole_when_its_records_are_packed(tmp_path: Path):
    """Migration 6 packs the JSON records and moves the lists of words into columns: get() gives back the
    very record that was stored before, and the list of articles shows its authors."""
    import json
    import zlib

    from dateline.store.query import ArticleQuery
    from dateline.store.schema import MIGRATIONS, _statements
    article = harbour_article()
    article.authors, article.tags, article.warnings = ["Kari Nordmann"], ["fisheries"], ["odd byline"]
    path = tmp_path / "v5.db"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.create_function("dateline_segment", 1, lambda t: t)
    for migration in MIGRATIONS[:5]:
        for statement in _statements(migration):
            conn.execute(statement)
    conn.execute("PRAGMA user_version = 5")
    record = article.to_dict()
    text = record.pop("text")
    record.pop("duplicate_of")
    conn.execute("INSERT INTO articles(id, source, title, text, record, stored_at) VALUES (?, ?, ?, ?, ?, ?)",
                 (article.id, article.source, article.title, text, json.dumps(record), "2024-01-01"))
    conn.close()
    with open_store(path) as store:
        assert store.get(article.id).to_dict() == article.to_dict()
        assert [r.authors for r in store.articles(ArticleQuery())] == [["Kari Nordmann"]]
        assert store.conn.execute("SELECT tags, warnings FROM articles").fetchone() == ('["fisheries"]',
                                                                                        '["odd byline"]')
        packed = store.conn.execute("SELECT record_zlib FROM articles").fetchone()[0]
    # packed (schema 6); its lists stay in it (schema 9) because this store has none of their rows
    assert len(packed) < len(json.dumps(record)) and json.loads(zlib.decompress(packed)) == record


def test_one_entity_page_for_a_country_under_all_its_names(store):
    from dateline.model import Entity, Span

    def naming(n: int, name: str, type_: str) -> Article:
        text = f"{name} said so."
        return Article(id=f"us{n}", source=f"t{n}", text=text, published=f"2024-01-0{n + 1}",
                       entities=[Entity("e1", name, type_, "USA", "USA", [], [Span(0, len(name), name)])])

    for n, (name, type_) in enumerate([("United States", "GPE"), ("U.S.", "ORG"), ("America", "GPE"),
                                       ("United States", "GPE")]):
        store.upsert(naming(n, name, type_))
    [usa] = list(store.iter_entities(code="USA"))
    assert (usa.key, usa.type, usa.articles, usa.names[0]) == ("country-usa", "GPE", 4, "United States")
    assert set(usa.names) == {"United States", "U.S.", "America"}
    assert store.entity("org-u-s").key == "country-usa"  # the per-type key finds the merged page
    assert store.entity_articles("country-usa") == ["us3", "us2", "us1", "us0"]
