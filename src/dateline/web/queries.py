"""What every page and its JSON twin show, as plain JSON-ready dicts built from the store.

The API returns these dicts as they are (the article view: the record and the
dict around it); the pages render the same data with templates. One function per
view, so the UI and the API cannot drift apart.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from itertools import islice
from typing import Any
from urllib.parse import quote_plus

from ..errors import DatelineError
from ..model import Article, Event, Quote
from ..store import MARK_END, MARK_START, Store
from ..store.keys import entity_key
from ..store.search import time_budget
from ..timeline import timeline

MAX_PAGE = 1000  # the largest page a client may ask for; every result is reachable by paging


class NotFound(DatelineError):
    """The id names nothing in the store."""


def plain(value: Any) -> Any:
    """A store dataclass (EntitySummary) as JSON-ready data; other values as they are."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    return value


def summary(article: Article) -> dict[str, Any]:
    """An article in a list: what identifies it and how much was found in it."""
    return {
        "id": article.id,
        "title": article.title,
        "publisher": article.publisher,
        "published": article.published,
        "language": article.language,
        "url": article.url,
        "authors": article.authors,
        "duplicate_of": article.duplicate_of,
        "counts": {"entities": len(article.entities), "quotes": len(article.quotes), "events": len(article.events)},
    }


def _page(items: Iterator[Any], offset: int, limit: int) -> tuple[list[Any], int | None]:
    """Items offset..offset+limit of an iterator and the next offset (None at the end)."""
    taken = list(islice(items, offset, offset + limit + 1))
    if len(taken) > limit:
        return taken[:limit], offset + limit
    return taken, None


# -- articles --------------------------------------------------------------------------------------

def list_articles(store: Store, *, after: str | None, limit: int, **filters: Any) -> dict[str, Any]:
    taken = list(store.iter_articles(after=after, limit=limit + 1, **filters))
    page, more = taken[:limit], len(taken) > limit
    return {
        "filters": {k: v for k, v in filters.items() if v is not None},
        "limit": limit,
        "after": after,
        "articles": [summary(a) for a in page],
        "next": page[-1].id if more and page else None,
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
    found = []
    for dup_id in store.duplicates(article_id):
        if dup_id == article_id:
            continue
        dup = store.get(dup_id)
        found.append(summary(dup) if dup else {"id": dup_id})
    return found


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
    """Entity id in this article -> the store's key of that entity across articles."""
    return {e.id: entity_key(e.type, e.name) for e in article.entities}


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


def search(store: Store, q: str, *, offset: int, limit: int, collapse: bool, **filters: Any) -> dict[str, Any]:
    with time_budget(store.conn, q):  # the hits and the facets share one budget
        result = store.search(q, collapse=collapse, limit=limit, offset=offset, **filters)
        facets = search_facets(store, q, collapse=collapse, **filters)
    hits = []
    for hit in result.hits:
        text, marks = split_snippet(hit.snippet or "")
        hits.append({
            "id": hit.id, "title": hit.title, "publisher": hit.publisher, "published": hit.published,
            "score": hit.score, "snippet": text, "highlights": marks, "cluster_size": hit.cluster_size,
        })
    return {
        "query": q,
        "filters": {k: v for k, v in filters.items() if v is not None},
        "collapse": collapse,
        "total": result.total,
        "offset": offset,
        "limit": limit,
        "next_offset": offset + limit if offset + limit < result.total else None,
        "hits": hits,
        "facets": facets,
    }


def search_facets(store: Store, q: str, *, collapse: bool, **filters: Any) -> dict[str, list[list[Any]]]:
    """Counts of all matching articles by publisher, language and year of publication."""
    return store.search_facets(q, collapse=collapse, **filters)


# -- entities, quotes, events --------------------------------------------------------------------

def list_entities(store: Store, *, type: str | None, country: str | None, code: str | None,
                  offset: int, limit: int) -> dict[str, Any]:
    items, next_offset = _page(store.iter_entities(type=type, country=country, code=code), offset, limit)
    return {
        "filters": {k: v for k, v in {"type": type, "country": country, "code": code}.items() if v},
        "offset": offset, "limit": limit, "next_offset": next_offset,
        "entities": [plain(e) for e in items],
    }


def entity_view(store: Store, key: str, *, offset: int = 0, limit: int = 50) -> dict[str, Any]:
    """The entity across the store: the articles that name it (paged, with the mentions in each),
    its quotes, and its events as source and as target (the first ``limit`` of each, with totals
    and the URLs of the full lists)."""
    found = store.entity(key)
    if found is None:
        raise NotFound(f"No entity with key {key!r} in this store.")
    article_ids = store.entity_articles(key)
    mentions = []
    for article_id in article_ids[offset : offset + limit]:
        article = store.get(article_id)
        if article is None:
            continue
        spans = [m.to_dict() for e in article.entities if entity_key(e.type, e.name) == key for m in e.mentions]
        mentions.append({**summary(article), "mentions": [
            {**span, "context": _context(article.text, span["start"], span["end"])} for span in spans]})
    quotes = [quote_row(aid, q) for aid, q in store.iter_quotes(speaker=key)]
    as_source = [event_row(aid, ev) for aid, ev in store.iter_events(source=key)]
    as_target = [event_row(aid, ev) for aid, ev in store.iter_events(target=key)]
    return {
        "entity": plain(found),
        "articles": {"total": len(article_ids), "offset": offset, "limit": limit,
                     "next_offset": offset + limit if offset + limit < len(article_ids) else None,
                     "items": mentions},
        "quotes": {"total": len(quotes), "items": quotes[:limit], "all": f"/api/quotes?speaker={quote_plus(key)}"},
        "events_as_source": {"total": len(as_source), "items": as_source[:limit],
                             "all": f"/api/events?source={quote_plus(key)}"},
        "events_as_target": {"total": len(as_target), "items": as_target[:limit],
                             "all": f"/api/events?target={quote_plus(key)}"},
    }


def _context(text: str, start: int, end: int, width: int = 80) -> dict[str, str]:
    """The words around a mention: before, the mention, after."""
    return {"before": text[max(0, start - width) : start], "match": text[start:end], "after": text[end : end + width]}


def list_quotes(store: Store, *, speaker: str | None, offset: int, limit: int) -> dict[str, Any]:
    items, next_offset = _page(store.iter_quotes(speaker=speaker), offset, limit)
    return {"filters": {"speaker": speaker} if speaker else {}, "offset": offset, "limit": limit,
            "next_offset": next_offset, "quotes": [quote_row(aid, q) for aid, q in items]}


def quote_row(article_id: str, quote: Quote) -> dict[str, Any]:
    return {"article": article_id, **quote.to_dict()}


def event_row(article_id: str, event: Event) -> dict[str, Any]:
    return {"article": article_id, **event.to_dict()}


def list_events(store: Store, *, offset: int, limit: int, **filters: Any) -> dict[str, Any]:
    items, next_offset = _page(store.iter_events(**filters), offset, limit)
    return {"filters": {k: v for k, v in filters.items() if v is not None}, "offset": offset, "limit": limit,
            "next_offset": next_offset, "events": [event_row(aid, ev) for aid, ev in items]}


# -- timeline -----------------------------------------------------------------------------------

def timeline_view(store: Store, a: str, b: str, *, freq: str, directed: bool) -> dict[str, Any]:
    """The dyad's events over time (dateline.timeline), over the articles with an event between them."""
    result = timeline(store.iter_dyad_articles(a, b), a, b, freq=freq, directed=directed)
    return result.to_dict()
