"""A search without article filters is counted and ranked by the full-text index alone, and sorted by
date or publisher by walking their index; its pages are the same as the general path's, and the facets of
a search with many matches are an estimate from a sample that says so."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from dateline.store import open_store
from dateline.store import results as store_results
from dateline.store.query import ArticleQuery, Page
from tests.store.records import plain_article

TOPICS = ["harbour", "budget", "ferry"]


@pytest.fixture
def store(tmp_path: Path):
    s = open_store(tmp_path / "paths.db")
    for n in range(30):
        topic = TOPICS[n % 3]
        body = f"The {topic} talks went on. " + ("The quota was set. " * (n % 4)) + f"Story {n}."
        day = None if n % 7 == 0 else f"2024-{1 + n % 12:02d}-{1 + n % 27:02d}T10:00:00Z"
        # identical copies rank the same: their order is settled by rowid
        s.upsert(plain_article(n, "Talks" if n % 5 else f"{topic} talks", body if n % 9 else "The talks went on.",
                               published=day, publisher=["Courier", "gazette", "Herald"][n % 3]))
    yield s
    s.close()


def all_hits(store, **kw) -> list[str]:
    out, offset = [], 0
    while True:
        page = store.search(ArticleQuery(q="talks", page=Page(4, offset), **kw)).hits
        out += [h.id for h in page]
        if len(page) < 4:
            return out
        offset += 4


@pytest.mark.parametrize("sort", [None, "-published", "published", "publisher", "-publisher", "title"])
def test_the_unfiltered_path_pages_as_the_general_one_without_overlap(store, sort):
    fast = all_hits(store, sort=sort)
    assert len(fast) == len(set(fast)) == 30  # every match once across the pages
    # the general path (a filter: the dated articles) gives the same articles in the same order
    dated = [i for i in fast if store.get(i).published is not None]
    general = all_hits(store, sort=sort, since="1900-01-01")
    assert sorted(dated) == sorted(general) and len(dated) < 30
    if sort not in (None, "title"):  # by relevance and by title the undated ones come in between
        assert dated == general
    if sort in ("-published", "published"):
        assert fast[len(dated):] == [i for i in fast if store.get(i).published is None]  # undated last
    if sort is None:
        scores = [h.score for h in store.search(ArticleQuery(q="talks", page=Page(30))).hits]
        assert scores == sorted(scores, reverse=True)
    result = store.search(ArticleQuery(q="talks", sort=sort, page=Page(4)))
    assert result.total == 30 and all(h.score > 0 and h.snippet for h in result.hits)


def test_a_search_matching_more_than_the_tier_ranks_its_newest_matches_first(store, monkeypatch):
    """Over RANK_TIER matches, relevance orders the RANK_TIER most recently stored matches (highest rowid)
    first, then the older ones, each tier by bm25 (ties by rowid); every match once across the pages, each
    with its own bm25 score, and the general path (a filter) orders its matches the same way."""
    from dateline.store import search as store_search

    full = store.conn.execute("SELECT f.rowid, f.rank, a.id FROM articles_fts f JOIN articles a ON a.rowid = f.rowid "
                              "WHERE articles_fts MATCH 'talks' ORDER BY f.rank, f.rowid").fetchall()
    assert all_hits(store) == [r[2] for r in full]  # one tier: plain bm25
    monkeypatch.setattr(store_search, "RANK_TIER", 10)
    newest = sorted(r[0] for r in full)[-10:]
    tiered = sorted(full, key=lambda r: (r[0] not in newest, r[1], r[0]))
    assert tiered != full
    fast = all_hits(store)  # pages of 4: one of them straddles the tiers
    assert fast == [r[2] for r in tiered]
    scores = {h.id: h.score for h in store.search(ArticleQuery(q="talks", page=Page(30))).hits}
    assert scores == {r[2]: -r[1] for r in full}
    dated = [i for i in fast if store.get(i).published is not None]
    assert all_hits(store, since="1900-01-01") == dated
    assert [h.id for h in store.search(ArticleQuery(q="talks", page=Page(5, 8))).hits] == fast[8:13]
    assert [h.id for h in store.search(ArticleQuery(q="talks", page=Page(5, 12))).hits] == fast[12:17]
    assert [h.id for h in store.search(ArticleQuery(q="talks", page=Page(None))).hits] == fast
    monkeypatch.setattr(store_search, "_ROWS_PER_STATEMENT", 7)  # the page's rows read in several statements
    assert [h.id for h in store.search(ArticleQuery(q="talks", page=Page(None))).hits] == fast
    collapsed = [h.id for h in store.search(ArticleQuery(q="talks", collapse=True, page=Page(None))).hits]
    assert collapsed == fast  # no copies here: one cluster per article


def test_facets_of_many_matches_are_estimated_from_a_sample_and_say_so(store, monkeypatch):
    query = ArticleQuery(q="talks")
    exact = store.article_facets(query)
    sampled, sample = store.facet_sample(query)
    assert sampled.sample == 1 and not sample.estimated and sample.matches == 30
    monkeypatch.setattr(store_results, "FACET_SAMPLE", 10)
    sampled, sample = store.facet_sample(query)
    assert sample.to_dict() == {"matches": 30, "every": 3, "estimated": True, "sampled": 10}
    estimate = store.article_facets(sampled)
    counted = [n for _, n in estimate["publisher"]]
    assert sum(counted) == 30 and all(n % 3 == 0 for n in counted)  # ten articles, each standing for three
    assert {k for k, _ in estimate["publisher"]} <= {k for k, _ in exact["publisher"]}
    narrowed, sample = store.facet_sample(ArticleQuery(q="harbour"))  # 7 matches: counted exactly
    assert narrowed.sample == 1 and sample.matches == 7


def test_a_sample_of_a_searchs_matches_is_taken_of_the_index_before_the_articles_are_read(store):
    """The sample's condition names the full-text index's rowid: tested as the index yields a match, not after
    the match is joined to its article (at 100,000 articles the facets of a broad search: 21 -> 5 ms)."""
    head, body, params = ArticleQuery(q="talks", sample=3).from_sql()
    assert head == "" and body.endswith("f.rowid % 3 = 0")
    sampled = store.conn.execute(f"SELECT a.id {body}", params).fetchall()
    every = store.conn.execute("SELECT a.id FROM articles a WHERE a.rowid IN (SELECT rowid FROM articles_fts "
                               "WHERE articles_fts MATCH 'talks') AND a.rowid % 3 = 0", []).fetchall()
    assert sorted(sampled) == sorted(every) and len(every) == 10


def test_a_searchs_sample_made_once_into_a_table_gives_the_facets_taken_of_the_index(store, monkeypatch):
    """Inside results.sample_sets the sample of a broad search's matches is a temporary table of their rowids,
    which every facet's statement reads: the counts of the sample taken of the index by each, for a search with
    and without filters, collapsed or not; the table is gone after the block."""
    from dateline.store.query import EventQuery

    monkeypatch.setattr(store_results, "FACET_SAMPLE", 10)
    monkeypatch.setattr(store_results, "_SAMPLE_TABLE_MATCHES", 0)
    estimated = 0
    for query in (ArticleQuery(q="talks"), ArticleQuery(q="talks", publisher="Courier"),
                  ArticleQuery(q="talks OR quota", collapse=True), ArticleQuery(q="talks", since="2024-03")):
        def facets(sampled: ArticleQuery) -> tuple:
            return (store.article_facets(sampled), store.entity_facets(replace(sampled, collapse=True)),
                    store.event_facets(EventQuery(articles=sampled, page=Page(None))),
                    store.conn.execute(*sampled.ids_sql()).fetchall())

        sampled, sample = store.facet_sample(query)
        assert sampled.sample_rows is None
        if not query.collapse:  # a search's total is the count of the matches it is taken of
            assert store.facet_sample(query, store.search(query).total) == (sampled, sample)
        of_index = facets(sampled)
        with store_results.sample_sets(store.conn):
            sampled, same = store.facet_sample(query)
            assert same == sample and bool(sampled.sample_rows) == (sample.estimated and not query.where()[0])
            assert facets(sampled) == of_index, query
        estimated += sample.estimated
    assert estimated >= 2
    assert store.conn.execute("SELECT count(*) FROM temp.sqlite_master").fetchone()[0] == 0


def test_a_sample_is_a_positive_whole_number():
    from dateline.store.query import QueryError

    for bad in (0, -2, True, 1.5):
        with pytest.raises(QueryError, match="sample"):
            ArticleQuery(q="talks", sample=bad)


def test_a_query_full_text_search_cannot_read_is_a_clear_error_in_every_list(store):
    from dateline.store import SearchQueryError

    for ask in (store.search, store.articles, store.count_articles, store.article_facets, store.facet_sample):
        with pytest.raises(SearchQueryError, match="cannot read"):
            ask(ArticleQuery(q="()0"))


@pytest.mark.parametrize("tier", [None, 7])
def test_collapsed_by_rank_is_the_general_paths_answer(tmp_path: Path, monkeypatch, tier):
    """Copies of three stories (and a copy whose representative does not match): the unfiltered collapsed
    search gives one hit per cluster, its best match, in rank order, with the same count as the general
    path, page after page (and so with the two tiers of a search over RANK_TIER matches)."""
    if tier:
        from dateline.store import search as store_search

        monkeypatch.setattr(store_search, "RANK_TIER", tier)
    with open_store(tmp_path / "copies.db") as store:
        for n in range(24):
            body = f"The harbour talks went on. {'The quota was set. ' * (n % 5)}Story {n}."
            store.upsert(plain_article(n, "Talks", body, published=f"2024-01-{1 + n:02d}T10:00:00Z"))
        store.upsert(plain_article(99, "Quota", "Nothing here about it.", published="2024-02-01T10:00:00Z"))
        store.set_duplicates({"plain0005": "plain0001", "plain0009": "plain0001", "plain0010": "plain0002",
                              "plain0011": "plain0099", "plain0012": "plain0099", "plain0013": "plain0003"})
        pages = []
        for offset in range(0, 24, 5):
            fast = store.search(ArticleQuery(q="talks", collapse=True, page=Page(5, offset)))
            general = store.search(ArticleQuery(q="talks", collapse=True, since="2000-01-01", page=Page(5, offset)))
            assert fast.total == general.total == 24 - 5  # 5, 9, 10, 13 join a match; 11 and 12 are one cluster
            pages += [h.id for h in fast.hits]
            assert {h.id for h in fast.hits} <= {h.id for h in store.search(ArticleQuery(q="talks", page=Page(30))).hits}
        assert len(pages) == len(set(pages)) == 19
        best = [h.id for h in store.search(ArticleQuery(q="talks", page=Page(30))).hits]
        clusters = {h: (store.get(h).duplicate_of or h) for h in best}
        firsts = [h for i, h in enumerate(best) if clusters[h] not in {clusters[x] for x in best[:i]}]
        assert pages == firsts
        sizes = {h.id: h.cluster_size for h in store.search(ArticleQuery(q="talks", collapse=True, page=Page(30))).hits}
        assert sizes[next(h for h in firsts if clusters[h] == "plain0001")] == 3  # 1, 5 and 9
