"""Issue 12's search guards inside issue 17's query objects: the caps count every term (NEAR's too), the
page of every list is bounded, and the time budget covers every answer that searches: the facts of a
search (events, quotes, entities), the article list with q, the volume, and the CSV downloads, each a
400 that says so rather than a thread held or a cut-off file."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from dateline.config import settings
from dateline.store import open_store
from dateline.store.errors import SearchQueryError, SearchTooCostly
from dateline.store.query import ArticleQuery, EventQuery, Page, QueryError, QuoteQuery
from dateline.store.search import MAX_OFFSET, MAX_TERMS, fts_query
from dateline.web.app import create_app

from .hostile import word_soup_store

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient

WORDS = "harbour fishers talks quota council minister said the of and in a to vote summit port".split()
COSTLY = "NEAR(" + " ".join(["harbour"] * 20) + ")"


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    return word_soup_store(tmp_path_factory.mktemp("budget") / "store.db", articles=300, words=WORDS, length=300,
                           seed=17, publishers=5)


@pytest.fixture
def no_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(settings, "search_budget", 1e-9)  # every search is over its budget at once


def test_near_counts_each_of_its_words_toward_the_term_cap():
    fts_query("NEAR(" + " ".join(["harbour"] * MAX_TERMS) + ")")
    with pytest.raises(SearchTooCostly, match="terms, over the limit"):
        fts_query("NEAR(" + " ".join(["harbour"] * (MAX_TERMS + 1)) + ")")
    with pytest.raises(SearchTooCostly, match="terms, over the limit"):
        fts_query("quota " + "NEAR(" + " ".join(["harbour"] * MAX_TERMS) + ")")


def test_near_distance_is_bounded():
    with pytest.raises(SearchQueryError, match="distance"):
        fts_query("NEAR(harbour quota, " + "9" * 30 + ")")


@pytest.mark.parametrize("limit, offset", [(1, MAX_OFFSET + 1), (1, -1), (0, 0), (MAX_OFFSET + 1, 0), (1, 10**20)])
def test_every_page_is_bounded(limit: int, offset: int):
    with pytest.raises(QueryError, match="offset must be"):
        Page(limit, offset)
    Page(None, 0)
    Page(MAX_OFFSET, MAX_OFFSET)


def test_the_facts_of_a_search_are_budgeted(db: Path, no_time: None):
    with open_store(db, readonly=True) as store:
        search = ArticleQuery(q=COSTLY)
        for run in (lambda: store.search(search), lambda: store.count_articles(search),
                    lambda: store.articles(search), lambda: store.article_facets(search),
                    lambda: store.volume(search, "week"), lambda: store.published_range(search),
                    lambda: store.count_events(EventQuery(articles=search)),
                    lambda: list(store.events(EventQuery(articles=search))),
                    lambda: list(store.quotes(QuoteQuery(articles=search)))):
            with pytest.raises(SearchTooCostly, match="budget"):
                run()
        assert store.count_articles(ArticleQuery()) == 300  # without a search, no budget; the handler is gone


@pytest.mark.parametrize("path", ["/api/search", "/api/articles", "/api/events", "/api/quotes", "/api/entities",
                                  "/api/volume", "/api/map", "/search", "/events", "/quotes", "/entities", "/map",
                                  "/api/search?format=csv", "/api/events?format=csv", "/api/events?format=tsv",
                                  "/api/quotes?format=csv", "/api/articles?format=csv",
                                  "/api/timeline?a=NOR&b=ISL", "/api/timeline?a=NOR&b=ISL&format=csv"])
def test_every_answer_that_searches_is_a_400_over_the_budget(db: Path, no_time: None, path: str):
    client = TestClient(create_app(db), raise_server_exceptions=False)
    sep = "&" if "?" in path else "?"
    answer = client.get(f"{path}{sep}q={COSTLY}")
    assert answer.status_code == 400, (answer.status_code, answer.text[:300])
    assert "budget" in answer.text


@pytest.mark.parametrize("path", ["/api/articles", "/api/events", "/api/quotes", "/api/entities", "/events",
                                  "/quotes", "/entities", "/", "/search?q=harbour"])
def test_every_list_offset_is_bounded(db: Path, path: str):
    client = TestClient(create_app(db), raise_server_exceptions=False)
    sep = "&" if "?" in path else "?"
    for number in (10**20, 2**63, MAX_OFFSET + 1, -1):
        assert client.get(f"{path}{sep}offset={number}").status_code == 422, (path, number)
