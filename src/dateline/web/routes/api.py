"""The REST API under /api/: JSON twins of every page, plus lists for entities, quotes and events.

Every list is one query object (dateline.store.query): filtered, sorted (``sort=-goldstein``) and paged
in SQL to its end by ``next_offset`` (a page holds at most ``MAX_PAGE`` items), or downloaded whole with
``format=csv``. A parameter a list does not take, or a coded value it does not know, is a 400.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel, Field

from .. import downloads, queries, schemas
from .common import (
    Articles,
    Entities,
    EventFormat,
    Events,
    Format,
    Limit,
    Offset,
    Quotes,
    refuse_unknown,
    store_of,
)


class ErrorDetail(BaseModel):
    status: int
    message: str = Field(description="What went wrong and what to do about it.")


class ErrorBody(BaseModel):
    """Every error of the API: {"error": {"status": 404, "message": "..."}}."""

    error: ErrorDetail


_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorBody, "description": "A parameter the store cannot read (a bad date, a bad search)."},
    404: {"model": ErrorBody, "description": "No such article or entity."},
    422: {"model": ErrorBody, "description": "A parameter of the wrong type or out of range."},
}

router = APIRouter(prefix="/api", tags=["api"], responses=_ERRORS, dependencies=[Depends(refuse_unknown)])

Freq = Literal["day", "week", "month"]  # dateline.timeline.FREQUENCIES


def _path(request: Request):
    return request.app.state.stores.path


@router.get("/articles", response_model=schemas.ArticleList,
            summary="List articles, filtered, newest first (or sorted), paged; format=csv for all of them")
def api_articles(request: Request, params: Articles, fmt: Format = "json") -> Any:
    """Article summaries. Follow `next_offset` until it is null to read every article."""
    if fmt == "csv":
        return downloads.articles_csv(_path(request), params.query())
    return queries.list_articles(store_of(request), params.query())


@router.get("/articles/{article_id}", response_model=schemas.ArticleView, summary="One article with all its facts")
def api_article(request: Request, article_id: str) -> dict[str, Any]:
    """The full record (text, paragraphs, sections, media, entities, quotes, events), its
    duplicates, the page key of each entity, and the previous and next article ids."""
    article, around = queries.article_view(store_of(request), article_id)
    return {"article": article.to_dict(), **around}


@router.get("/articles/{article_id}/duplicates", response_model=schemas.Duplicates, summary="Near-duplicates of an article")
def api_duplicates(request: Request, article_id: str) -> dict[str, Any]:
    store = store_of(request)
    queries.get_article(store, article_id)
    return {"id": article_id, "duplicates": queries.duplicates(store, article_id)}


@router.get("/search", response_model=schemas.SearchAnswer,
            summary="Full-text search, ranked, with highlighted snippets; facets and volume when asked; "
                    "format=csv for every hit")
def api_search(request: Request, params: Articles, fmt: Format = "json",
               facets: Annotated[bool, Query(description="Also count the matches by publisher, language, year, "
                                             "entity, country and their events' PLOVER category and quad "
                                             "class (estimated from a sample when they are many).")] = False,
               volume: Annotated[bool, Query(description="Also give the matches per day, week or month "
                                             "against all the store's articles.")] = False) -> Any:
    """Hits best first (or as `sort` says). `snippet` is plain text; `highlights` are [start, end] offsets
    of the matches in it. `q` is required. The facets and the volume are each a pass over every match, so they
    are given when asked (`facets=true`, `volume=true`; the search page asks for both) and are null otherwise."""
    query = params.query()
    if not query.q:
        from ...store.search import HELP, SearchQueryError

        raise SearchQueryError(f"the search has no words to look for; {HELP}")
    if fmt == "csv":
        return downloads.articles_csv(_path(request), query)
    return queries.search(store_of(request), query, facets=facets, volume=volume)


@router.get("/volume", summary="Articles matching a query per day, week or month, against all articles")
def api_volume(request: Request, params: Articles,
               freq: Annotated[Freq, Query(description="Period of each point.")] = "week") -> dict[str, Any]:
    """Each point: the period, the matching articles (clusters, with collapse), all the store's articles
    that period, and the share of them that match."""
    query = params.query()
    return {"filters": query.filters(), "freq": freq, "points": store_of(request).volume(query, freq)}


@router.get("/entities", response_model=schemas.EntityList,
            summary="Entities across articles (one per real-world entity), by type, country or actor code")
def api_entities(request: Request, params: Entities, fmt: Format = "json") -> Any:
    if fmt == "csv":
        return downloads.entities_csv(_path(request), params.query())
    return queries.list_entities(store_of(request), params.query())


@router.get("/entities/{key}", response_model=schemas.EntityView, summary="One entity: its mentions, quotes and events as source and target")
def api_entity(request: Request, key: str, offset: Offset = 0, limit: Limit = 50) -> dict[str, Any]:
    """The entity's summary with all its names; the articles that name it (paged by offset, with each
    mention in context); its quotes and its events as source and as target (the first `limit` of each,
    with the total and the URL of the full list)."""
    return queries.entity_view(store_of(request), key, offset=offset, limit=limit)


@router.get("/quotes", response_model=schemas.QuoteList, summary="Quotes by speaker, kind, confidence, of a search")
def api_quotes(request: Request, params: Quotes, fmt: Format = "json") -> Any:
    if fmt == "csv":
        return downloads.quotes_csv(_path(request), params.query())
    return queries.list_quotes(store_of(request), params.query())


@router.get("/events", response_model=schemas.EventList,
            summary="Coded events by actor, CAMEO code, PLOVER category, quad class, date, of a search")
def api_events(request: Request, params: Events, fmt: EventFormat = "json") -> Any:
    """One row per event, one per near-duplicate cluster unless count_copies; each with its article.
    format=tsv gives the GDELT 2.0-style event table."""
    if fmt == "tsv":
        return downloads.events_tsv(_path(request), params.query())
    if fmt == "csv":
        return downloads.events_csv(_path(request), params.query())
    return queries.list_events(store_of(request), params.query(), facets=False)  # EventList has no facets


@router.get("/map", summary="Where the matching events took place: points with their events' URL")
def api_map(request: Request, params: Events) -> dict[str, Any]:
    """One point per place (the event's location, else its target's or source's country at its capital):
    name, lat, lon, events, and the URL of those events."""
    values = {k: v for k, v in params.link_values().items() if k not in ("offset", "limit", "sort")}
    return queries.map_view(store_of(request), params.query(limit=None), values)


@router.get("/timeline", response_model=schemas.TimelineAnswer, summary="Events between two actors over time")
def api_timeline(
    request: Request,
    a: Annotated[str, Query(min_length=1, description="First actor: code (USA), country (China) or name.")],
    b: Annotated[str, Query(min_length=1, description="Second actor.")],
    freq: Annotated[Freq, Query(description="Period of each row.")] = "week",
    directed: Annotated[bool, Query(description="Only events with a as source and b as target.")] = False,
    count_copies: Annotated[bool, Query(description="Count each near-duplicate copy of an event.")] = False,
    q: Annotated[str | None, Query(description="Only the events of the articles this search matches.")] = None,
    fmt: Format = "json",
) -> Any:
    """One row per period: event count, counts by quad class (1..4), the mean Goldstein score, and the
    period's first and last day (its events: /api/events?a=..&b=..&since=start&until=end)."""
    from ...store.query import ArticleQuery

    articles = ArticleQuery(q=q) if q else None
    options = {"freq": freq, "directed": directed, "collapse": not count_copies, "articles": articles}
    if fmt == "csv":
        return downloads.timeline_csv(_path(request), a, b, **options)
    return queries.timeline_view(store_of(request), a, b, **options)


@router.get("/stats", summary="What the store holds")
def api_stats(request: Request) -> dict[str, Any]:
    return store_of(request).stats()
