"""What every page and its JSON twin show, as plain JSON-ready dicts built from the store.

The API returns these dicts as they are (the article view: the record and the
dict around it); the pages render the same data with templates. One function per
view, so the UI and the API cannot drift apart.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import replace
from typing import Any
from urllib.parse import quote_plus

from ..errors import DatelineError
from ..model import Article
from ..store import MARK_END, MARK_START, Store
from ..store.keys import entity_group_key
from ..store.query import ArticleQuery, EntityQuery, EventQuery, Page, QuoteQuery
from ..store.results import ArticleRow, EventHit, FacetSample, QuoteHit, budget, sample_sets, shared_sets
from ..timeline import store_timeline

MAX_PAGE = 1000  # the largest page a client may ask for; every result is reachable by paging


class NotFound(DatelineError):
    """The id names nothing in the store."""


def plain(value: Any) -> Any:
    """A store dataclass (EntitySummary) as JSON-ready data; other values as they are."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    return value


def _paging(total: int, page: Page) -> dict[str, Any]:
    limit = page.limit or total
    following = page.offset + limit
    return {"total": total, "offset": page.offset, "limit": limit,
            "next_offset": following if following < total else None}


# -- articles --------------------------------------------------------------------------------------

def list_articles(store: Store, query: ArticleQuery) -> dict[str, Any]:
    """A page of article summaries: newest first (or by relevance with q, or as ``sort`` says)."""
    with budget(store.conn, query):  # the page and its count share one budget
        rows = store.articles(query)
        total = store.count_articles(query)
    return {
        "filters": query.filters(),
        "sort": query.sort or ("relevance" if query.q else "-published"),
        "collapse": query.collapse,
        **_paging(total, query.page),
        "articles": [dataclasses.asdict(r) for r in rows],
    }


def get_article(store: Store, article_id: str) -> Article:
    article = store.get(article_id)
    if article is None:
        raise NotFound(f"No article with id {article_id!r} in this store.")
    return article


def neighbours(store: Store, article_id: str) -> tuple[str | None, str | None]:
    """The articles just before and after this one in id order (the order of the article list)."""
    return store.neighbours(article_id)


def duplicates(store: Store, article_id: str) -> list[dict[str, Any]]:
    return [_one_article(store, d) or {"id": d} for d in store.duplicates(article_id) if d != article_id]


def _one_article(store: Store, article_id: str) -> dict[str, Any] | None:
    row = store.article_rows([article_id]).get(article_id)
    return _summary_dict(row) if row else None


def _summary_dict(row: ArticleRow) -> dict[str, Any]:
    """An article as a list of related articles shows it: its row without the cluster size."""
    out = dataclasses.asdict(row)
    del out["copies"]
    return out


def article_view(store: Store, article_id: str) -> tuple[Article, dict[str, Any]]:
    """The article and what its page shows around it; the API's JSON is {"article": ..., **around}."""
    article = get_article(store, article_id)
    previous, following = neighbours(store, article_id)
    return article, {
        "entity_keys": entity_keys(article),
        "duplicates": duplicates(store, article_id),
        "previous": previous,
        "next": following,
    }


def entity_keys(article: Article) -> dict[str, str]:
    """Entity id in this article -> the key of that entity's page across articles."""
    return {e.id: entity_group_key(e) for e in article.entities}


# -- search ----------------------------------------------------------------------------------------

_MARKS = re.compile("([\x02\x03])")


def split_snippet(snippet: str) -> tuple[str, list[list[int]]]:
    """A store snippet (matches between \\x02 and \\x03) as plain text and [start, end] match offsets."""
    text: list[str] = []
    marks: list[list[int]] = []
    length = 0
    start: int | None = None
    for piece in _MARKS.split(snippet):
        if piece == MARK_START:
            start = length
        elif piece == MARK_END:
            if start is not None and length > start:
                marks.append([start, length])
            start = None
        elif piece:
            text.append(piece)
            length += len(piece)
    return "".join(text), marks


def search(store: Store, query: ArticleQuery, *, facets: bool = True, volume: bool = True) -> dict[str, Any]:
    """The hits of a page, and when asked (``facets``, ``volume``: the search page asks for both, the API when
    its caller does) the facets over every match and the volume over time. Each is a pass over every match,
    which the page of hits is not: a word in nearly every article of 100,000 takes 15-25 ms for its hits, as
    much again for its volume and twice that for its facets."""
    with budget(store.conn, query):  # the hits, the facets and the volume share one budget
        result = store.search(query)
        # without collapse the search's total is the count of its matches that the sample is taken of
        counts, sample = search_facets(store, query, None if query.collapse else result.total) if facets \
            else (None, None)
        freq, points = store.volume_auto(query) if volume else (None, None)  # the period by the matches' days
    hits = []
    for hit in result.hits:
        text, marks = split_snippet(hit.snippet or "")
        hits.append({
            "id": hit.id, "title": hit.title, "publisher": hit.publisher, "published": hit.published,
            "score": hit.score, "snippet": text, "highlights": marks, "cluster_size": hit.cluster_size,
        })
    return {
        "query": query.q,
        "filters": {k: v for k, v in query.filters().items() if k != "q"},
        "sort": query.sort or "relevance",
        "collapse": query.collapse,
        **_paging(result.total, query.page),
        "hits": hits,
        "facets": counts,
        "facets_sample": sample.to_dict() if sample is not None else None,
        "volume": {"freq": freq, "points": points} if volume else None,
    }


def search_facets(store: Store, query: ArticleQuery,
                  matches: int | None = None) -> tuple[dict[str, list[list[Any]]], FacetSample]:
    """Counts over every match (not only this page), estimated from a sample of them when they are many
    (the FacetSample says which): publisher, language, year (articles, or clusters with collapse); the
    entities and countries they name (clusters); the PLOVER categories and quad classes of their events
    (each event once across near-duplicate copies)."""
    with sample_sets(store.conn):  # a broad search's sample made once for the statements of all its facets
        query, sample = store.facet_sample(query, matches)
        events = store.event_facets(EventQuery(articles=query, page=Page(None)))  # each event once across copies
        facets = {**store.article_facets(query), **store.entity_facets(replace(query, collapse=True)), **events}
    return facets, sample


# -- entities, quotes, events --------------------------------------------------------------------

def list_entities(store: Store, query: EntityQuery) -> dict[str, Any]:
    with budget(store.conn, query):
        total = store.count_entities(query)
        entities = [plain(e) for e in store.entities(query)]
    return {"filters": query.filters(), "collapse": query.collapse, **_paging(total, query.page),
            "entities": entities}


def entity_view(store: Store, key: str, *, offset: int = 0, limit: int = 50) -> dict[str, Any]:
    """The entity across the store, under every name it goes by: the articles that name it (paged, with
    the mentions in each), its quotes, and its events as source and as target (the first ``limit`` of
    each, with totals and the URLs of the full lists)."""
    found = store.entity(key)
    if found is None:
        raise NotFound(f"No entity with key {key!r} in this store.")
    key = found.key
    article_ids, total_articles = store.entity_article_page(key, limit=limit, offset=offset)
    rows = store.article_rows(article_ids)
    mentions = []
    for article_id in article_ids:
        if article_id not in rows:
            continue
        text, spans = store.entity_mentions(key, article_id)
        mentions.append({**_summary_dict(rows[article_id]), "mentions": [
            {**span.to_dict(), "context": _context(text, span.start, span.end)} for span in spans]})
    quotes = QuoteQuery(speaker=key, page=Page(limit))
    as_source = EventQuery(source=key, page=Page(limit))
    as_target = EventQuery(target=key, page=Page(limit))
    # each list's keys found once for its count and its page (a shared set), but those of the events of a
    # country: found in the indexes alone (the country's and its codes', no entity row), they are counted there
    # and paged by date from them or by walking the events by date (store/results.py), reading few rows, where a
    # shared set would read every one (23,000 a side for a country at 100,000 articles)
    ref = as_source.refs["source"]
    in_indexes = ref.key is None and ref.words is None

    def events_lists() -> dict[str, Any]:
        return {f"events_as_{side}": {"total": store.count_events(q), "items": [event_row(h) for h in store.events(q)],
                                      "all": f"/api/events?{side}={quote_plus(key)}"}
                for side, q in (("source", as_source), ("target", as_target))}

    with shared_sets(store.conn):
        lists = {
            "quotes": {"total": store.count_quotes(quotes), "items": [quote_row(h) for h in store.quotes(quotes)],
                       "all": f"/api/quotes?speaker={quote_plus(key)}"}}
        if not in_indexes:
            lists.update(events_lists())
    if in_indexes:
        lists.update(events_lists())
    return {
        "entity": plain(found),
        "articles": {"total": total_articles, "offset": offset, "limit": limit,
                     "next_offset": offset + limit if offset + limit < total_articles else None,
                     "items": mentions},
        **lists,
    }


def _context(text: str, start: int, end: int, width: int = 80) -> dict[str, str]:
    """The words around a mention: before, the mention, after."""
    return {"before": text[max(0, start - width) : start], "match": text[start:end], "after": text[end : end + width]}


def _article_fields(hit: EventHit | QuoteHit) -> dict[str, Any]:
    a = hit.article
    return {"article": a.id, "article_title": a.title, "article_publisher": a.publisher,
            "article_published": a.published, "copies": hit.copies}


def quote_row(hit: QuoteHit) -> dict[str, Any]:
    return {**_article_fields(hit), **hit.quote.to_dict()}


def event_row(hit: EventHit) -> dict[str, Any]:
    return {**_article_fields(hit), **hit.event.to_dict()}


def list_quotes(store: Store, query: QuoteQuery) -> dict[str, Any]:
    with shared_sets(store.conn), budget(store.conn, query):
        total = store.count_quotes(query)
        quotes = [quote_row(h) for h in store.quotes(query)]
    return {"filters": query.filters(), "collapse": query.collapse, **_paging(total, query.page), "quotes": quotes}


def list_events(store: Store, query: EventQuery, *, facets: bool = True) -> dict[str, Any]:
    """A page of events with their count and (``facets``: the events page shows them; the API's answer has
    none) their counts by PLOVER category and quad class."""
    filters = query.filters()
    if query.articles is not None:
        filters.update(query.articles.filters())
    # the page, its count and its facets share one budget, and the keys of the matching events found once
    with shared_sets(store.conn), budget(store.conn, query):
        total = store.count_events(query)
        events = [event_row(h) for h in store.events(query)]
        counts = store.event_facets(replace(query, page=Page(None))) if facets else {}
    return {"filters": filters, "collapse": query.collapse, "sort": query.sort or "date",
            **_paging(total, query.page), "events": events, **({"facets": counts} if facets else {})}


# -- timeline -----------------------------------------------------------------------------------

def timeline_view(store: Store, a: str, b: str, *, freq: str, directed: bool, collapse: bool = True,
                  articles: ArticleQuery | None = None) -> dict[str, Any]:
    """The dyad's events over time (dateline.timeline), chosen in SQL; one per near-duplicate cluster."""
    result = store_timeline(store, a, b, freq=freq, directed=directed, collapse=collapse, articles=articles)
    return {**result.to_dict(), "collapse": collapse}


# -- map ----------------------------------------------------------------------------------------

def map_view(store: Store, query: EventQuery, link: dict[str, Any]) -> dict[str, Any]:
    """The places of the matching events (one per near-duplicate cluster unless counted with copies),
    each with the URL of its events: ``link`` holds the filters to keep in it."""
    from urllib.parse import urlencode

    from .map import points

    def href(location: str | None, country: str | None) -> str:
        narrowed = {**link, **({"location": location} if location else {"place_country": country})}
        return "/events?" + urlencode({k: v for k, v in narrowed.items() if v not in (None, "", False)})

    return {"filters": query.filters(), "collapse": query.collapse,
            "points": points(store.event_places(query), href)}
