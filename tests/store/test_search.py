"""Ranked full-text search: bm25 with the title weighted, phrases, prefixes, filters, snippets, bad queries."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.store import MARK_END, MARK_START, SearchQueryError, open_store
from tests.store.records import harbour_article, plain_article

BODIES = [
    ("Budget vote delayed", "The council delayed the budget vote after a row over school funding.", "2024-03-01"),
    ("Schools get new funding", "Funding for schools rises next year, the budget office said.", "2024-03-05"),
    ("Ferry strike ends", "Ferry crews ended their strike. The budget for repairs was agreed.", "2024-04-02"),
    ("Covid-19 rules eased", "The health board eased covid-19 rules for hospitals in the U.S. and Canada.", "2024-05-20"),
    ("Negotiations stall", "Negotiators left the room; the negotiation will resume on Friday.", "2024-06-11"),
]


@pytest.fixture
def store(tmp_path: Path):
    s = open_store(tmp_path / "search.db")
    for n, (title, body, day) in enumerate(BODIES):
        s.upsert(plain_article(n, title, body, published=f"{day}T10:00:00Z",
                               publisher="Gazette" if n % 2 else "Courier"))
    s.upsert(harbour_article())
    yield s
    s.close()


def ids(result) -> list[str]:
    return [h.id for h in result.hits]


def test_a_title_match_ranks_above_a_body_match(store):
    result = store.search("budget")
    assert result.total == 3
    assert ids(result)[0] == "plain0000"  # "budget" in the title
    assert all(a.score >= b.score for a, b in zip(result.hits, result.hits[1:], strict=False))


def test_phrase_prefix_and_boolean_queries(store):
    assert ids(store.search('"budget vote"')) == ["plain0000"]
    assert ids(store.search('"vote budget"')) == []
    assert set(ids(store.search("negotiat*"))) == {"plain0004", "harbour0001"}
    assert set(ids(store.search("budget NOT ferry"))) == {"plain0000", "plain0001"}
    assert set(ids(store.search("ferry OR schools"))) == {"plain0001", "plain0002"}
    assert ids(store.search("title:ferry")) == ["plain0002"]


def test_words_with_inner_punctuation_are_searched_as_phrases(store):
    assert ids(store.search("covid-19")) == ["plain0003"]
    assert ids(store.search("U.S.")) == ["plain0003"]


def test_control_characters_in_a_query_separate_words(store):
    # SQLite ends a string at NUL: left in, it broke the FTS5 query (found by the web fuzz test)
    assert ids(store.search('"budget\x00vote"')) == ["plain0000"]
    assert store.search("0\x00").total == 0


def test_filters_narrow_the_results(store):
    assert ids(store.search("budget", publisher="gazette")) == ["plain0001"]
    assert set(ids(store.search("budget", since="2024-03-02", until="2024-04"))) == {"plain0001", "plain0002"}
    assert ids(store.search("fishing", country="NOR")) == ["harbour0001"]
    assert ids(store.search("fishing", entity="Ingrid Dahl")) == ["harbour0001"]
    assert ids(store.search("budget", language="de")) == []


def test_snippets_mark_every_match(store):
    [hit] = store.search('"strike ends" OR crews').hits
    assert f"{MARK_START}crews{MARK_END}" in hit.snippet.lower()
    assert hit.snippet.count(MARK_START) == hit.snippet.count(MARK_END) >= 1
    assert "Ferry" in hit.snippet.replace(MARK_START, "").replace(MARK_END, "")


def test_limit_and_offset_page_through_the_ranking(store):
    every = ids(store.search("budget OR funding OR ferry", limit=10))
    assert ids(store.search("budget OR funding OR ferry", limit=2)) == every[:2]
    assert ids(store.search("budget OR funding OR ferry", limit=2, offset=2)) == every[2:4]


@pytest.mark.parametrize("query", ['"unclosed phrase', "budget AND", "NOT budget", "(budget", "budget)", "AND", "  ",
                                   "***"])
def test_a_malformed_query_is_a_clear_error_without_sql_text(store, query):
    with pytest.raises(SearchQueryError) as info:
        store.search(query)
    message = str(info.value)
    assert "phrase" in message  # the hint on how to write a query
    assert "fts5" not in message.lower() and "sqlite" not in message.lower()


def test_queries_are_bound_not_formatted(store):
    assert store.search("budget'; DROP TABLE articles; --").total == 0
    assert store.search("x", publisher="' OR 1=1 --").total == 0
    assert store.count() == 6


def test_collapse_gives_one_hit_per_cluster_with_its_size(store):
    store.set_duplicates({"plain0001": "plain0000", "plain0002": "plain0000"})
    full = store.search("budget")
    collapsed = store.search("budget", collapse=True)
    assert full.total == 3 and collapsed.total == 1
    [hit] = collapsed.hits
    assert hit.cluster_size == 3
    assert store.duplicates("plain0000") == ["plain0001", "plain0002"]


def test_chinese_and_japanese_are_searchable_by_word_with_clean_snippets(store):
    store.upsert(plain_article(50, "港口在暴风雨后重新开放", "暴风雨过后，港口于周二重新开放。渡轮服务将恢复。"))
    store.upsert(plain_article(51, "台風で列車が運休", "台風の影響で、列車は終日運休となった。"))
    [hit] = store.search("港口").hits
    assert hit.id == "plain0050"
    assert hit.snippet == f"暴风雨过后，{MARK_START}港口{MARK_END}于周二重新开放。渡轮服务将恢复。"
    assert ids(store.search('"重新开放"')) == ["plain0050"]
    assert ids(store.search("列車")) == ["plain0051"]
    assert ids(store.search("港湾")) == []


def test_minus_excludes_near_finds_close_words_and_fields_filter(store):
    everything = set(ids(store.search("budget")))
    assert everything == {"plain0000", "plain0001", "plain0002"}
    assert set(ids(store.search("budget -ferry"))) == {"plain0000", "plain0001"}
    assert set(ids(store.search('budget -"school funding"'))) == {"plain0001", "plain0002"}
    assert ids(store.search("NEAR(delayed vote, 2)")) == ["plain0000"]
    assert ids(store.search("NEAR(council funding, 2)")) == []
    assert set(ids(store.search("budget publisher:Gazette"))) == {"plain0001"}
    assert set(ids(store.search('budget publisher:"Courier"'))) == {"plain0000", "plain0002"}
    with pytest.raises(SearchQueryError, match="colour:, which dateline does not know"):
        store.search("budget colour:red")
    with pytest.raises(SearchQueryError, match="leaving a word out"):
        store.search("-budget")
    assert ids(store.search('"colour:red" budget')) == []  # a field in quotes is words


def test_search_sorts_by_date_or_title(store):
    assert ids(store.search("budget", sort="published")) == ["plain0000", "plain0001", "plain0002"]
    assert ids(store.search("budget", sort="-published")) == ["plain0002", "plain0001", "plain0000"]
    assert ids(store.search("budget", sort="title", collapse=True)) == ["plain0000", "plain0002", "plain0001"]
