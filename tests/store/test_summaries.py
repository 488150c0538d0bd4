"""The summary tables the write path keeps (store/summaries.py) equal a recount from the base tables
after writes, re-writes, deletes and clustering, and the migration builds them for an existing store."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from dateline.model import Entity, Quote, Span
from dateline.store import open_store
from dateline.store.summaries import recount, recount_days, stored, stored_days
from tests.store.old_stores import old_store
from tests.store.records import harbour_article, plain_article


def _us_article(n: int, *names: str, publisher: str = "Example Wire") -> object:
    """An article naming the United States under ``names`` (one entity each, as a tagger might give them,
    of disagreeing types), a person and a descriptor."""
    text = " ".join(f"{name} said." for name in names) + " Ann Lee spoke."
    entities, pos = [], 0
    for i, name in enumerate(names):
        start = text.index(name, pos)
        pos = start + len(name)
        entities.append(Entity(f"e{i}", name, "GPE" if i % 2 == 0 else "ORG", "USA", "USA",
                               ["superpower"] if i == 0 else [], [Span(start, start + len(name), name)]))
    lee = text.index("Ann Lee")
    entities.append(Entity("p", "Ann Lee", "PERSON", "USAGOV", "USA", ["US envoy", "diplomat"],
                           [Span(lee, lee + 7, "Ann Lee"), Span(lee, lee + 3, "Ann")]))
    published = f"2024-05-0{1 + n % 2}T10:00:00Z"  # two days, so that a cluster spans both
    return replace(plain_article(n, f"Story {n}", text, publisher=publisher, published=published),
                   entities=entities)


def _check(store) -> dict:
    expected = recount(store.conn)
    assert stored(store.conn) == expected
    assert stored_days(store.conn) == recount_days(store.conn)
    return expected


@pytest.fixture
def store(tmp_path: Path):
    with open_store(tmp_path / "s.db") as s:
        yield s


def test_writes_and_rewrites_keep_the_pages_equal_to_a_recount(store):
    store.upsert(harbour_article())
    store.upsert(_us_article(1, "United States", "U.S.", "America"))
    store.upsert(_us_article(2, "US"))
    pages = _check(store)
    usa = pages["country-usa"]
    assert usa[:3] == (2, 2, 4)  # articles, clusters, mentions: one article counts once for three names
    assert (usa[4], usa[5], usa[6]) == ("GPE", "USA", "USA")
    store.upsert(_us_article(1, "America"))  # re-written with fewer names
    pages = _check(store)
    assert pages["country-usa"][:3] == (2, 2, 2)
    assert ("name", "U.S.") not in pages["country-usa"][7]
    store.upsert(harbour_article())  # the same record again changes nothing
    assert _check(store) == pages


def test_deletes_and_clustering_keep_the_pages_equal_to_a_recount(store):
    for n in range(1, 5):
        store.upsert(_us_article(n, "United States"))
    store.set_duplicates({"plain0002": "plain0001", "plain0003": "plain0001"})
    pages = _check(store)
    assert stored_days(store.conn) == {"2024-05-01": (2, 2), "2024-05-02": (2, 1)}  # 0002 and 0004; 0001, 0003
    assert pages["country-usa"][:2] == (4, 2) and pages["person-ann-lee"][:2] == (4, 2)
    store.set_duplicates({"plain0003": None, "plain0001": "plain0004"})  # one leaves, the representative moves
    _check(store)
    with store.transaction() as cur:  # a representative goes; what points at it keeps its cluster
        cur.execute("DELETE FROM articles WHERE id = 'plain0004'")
    pages = _check(store)
    assert pages["country-usa"][:2] == (3, 3)  # clusters 0004 (of 0001), 0001 (of 0002), 0003
    store.save_result("page.html", "h1", _us_article(7, "US"), None)
    store.save_result("page.html", "h2", _us_article(8, "Washington"), None)  # the changed page's old article goes
    pages = _check(store)
    assert "gpe-us" not in pages and pages["country-usa"][0] == 4
    with store.transaction() as cur:
        cur.execute("DELETE FROM articles")
    assert _check(store) == {} and store.conn.execute("SELECT count(*) FROM entity_page_values").fetchone() == (0,)


def test_the_quotes_of_each_pages_speakers_equal_a_recount(store):
    """entity_pages.quotes (schema 16) counts the quotes whose speaker is an entity of the page, kept on writes,
    re-writes and deletes; a speaker entity of two names of one page counts its quotes once."""
    def quoted(n: int, speakers: list[str]) -> object:
        article = _us_article(n, "United States", "America")
        lee = next(e for e in article.entities if e.id == "p")
        article.quotes = [Quote(0, 5, article.text[0:5], "direct", lee.mentions[0], speaker, None, None)
                          for speaker in speakers]
        return article

    store.upsert(quoted(1, ["p", "e0", "e1", None]))
    store.upsert(quoted(2, ["p", "p", "nobody"]))
    pages = _check(store)
    assert pages["person-ann-lee"][8] == 3 and pages["country-usa"][8] == 2
    store.upsert(quoted(1, ["e1"]))  # re-written
    pages = _check(store)
    assert pages["person-ann-lee"][8] == 2 and pages["country-usa"][8] == 1
    with store.transaction() as cur:
        cur.execute("DELETE FROM articles WHERE id = 'plain0002'")
    pages = _check(store)
    assert pages["person-ann-lee"][8] == 0 and pages["country-usa"][8] == 1


def test_the_entity_pages_read_the_summary_with_the_answers_of_the_rows(store):
    store.upsert(harbour_article())
    store.upsert(_us_article(1, "United States", "U.S.", "America"))
    store.upsert(_us_article(2, "US"))
    usa = store.entity("country-usa")
    assert (usa.name, usa.type, usa.code, usa.articles, usa.mentions) == ("America", "GPE", "USA", 2, 4)
    assert usa.names == ["America", "U.S.", "US", "United States"] and usa.descriptors == ["superpower"]
    assert store.entity("gpe-united-states").key == "country-usa"
    assert [e.key for e in store.iter_entities(type="PERSON")] == ["person-ann-lee", "person-ingrid-dahl"]
    assert [e.key for e in store.iter_entities(country="ISL")] == ["country-isl"]
    assert [e.key for e in store.iter_entities(code="USAGOV")] == ["person-ann-lee"]
    lee = store.entity("person-ann-lee")
    assert (lee.mentions, lee.descriptors) == (4, ["US envoy", "diplomat"])


def test_the_migration_builds_the_summaries_of_an_existing_store(tmp_path: Path):
    path = tmp_path / "old.db"
    us_copy = replace(_us_article(2, "America"), duplicate_of="plain0001")
    old_store(path, 7, [harbour_article(), _us_article(1, "United States", "US"), us_copy])
    with open_store(path) as store:
        pages = _check(store)
        assert pages["country-usa"][:2] == (2, 1)
        store.upsert(_us_article(3, "U.S."))
        _check(store)
