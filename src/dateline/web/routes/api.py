"""The REST API under /api/: JSON twins of every page, plus lists for entities, quotes and events.

Every list can be paged to its end: ``next`` (a cursor: the last id) for
articles, ``next_offset`` for the rest. A page holds at most ``MAX_PAGE`` items.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, Field

from .. import queries, schemas
from ..queries import MAX_PAGE
from .common import ArticleFilters, Limit, Offset, store_of


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

router = APIRouter(prefix="/api", tags=["api"], responses=_ERRORS)

Freq = Literal["day", "week", "month"]  # dateline.timeline.FREQUENCIES


@router.get("/articles", response_model=schemas.ArticleList, summary="List articles, filtered, in id order, paged by cursor")
def api_articles(
    request: Request,
    filters: ArticleFilters,
    after: Annotated[str | None, Query(description="Cursor: the `next` value of the previous page.")] = None,
    limit: Limit = 50,
) -> dict[str, Any]:
    """Article summaries ordered by id. Follow `next` until it is null to read every article."""
    return queries.list_articles(store_of(request), after=after, limit=limit, **filters.as_kwargs())


@router.get("/articles/{article_id}", response_model=schemas.ArticleView, summary="One article with all its facts")
def api_article(request: Request, article_id: str) -> dict[str, Any]:
    """The full record (text, paragraphs, sections, media, entities, quotes, events), its
    duplicates, the store key of each entity, and the previous and next article ids."""
    article, around = queries.article_view(store_of(request), article_id)
    return {"article": article.to_dict(), **around}


@router.get("/articles/{article_id}/duplicates", response_model=schemas.Duplicates, summary="Near-duplicates of an article")
def api_duplicates(request: Request, article_id: str) -> dict[str, Any]:
    store = store_of(request)
    queries.get_article(store, article_id)
    return {"id": article_id, "duplicates": queries.duplicates(store, article_id)}


@router.get("/search", response_model=schemas.SearchAnswer, summary="Full-text search, ranked, with highlighted snippets and facets")
def api_search(
    request: Request,
    q: Annotated[str, Query(min_length=1, description="The query (SQLite FTS5 syntax: words, \"phrases\", OR, NOT).")],
    filters: ArticleFilters,
    collapse: Annotated[bool, Query(description="One hit per cluster of near-duplicates.")] = False,
    offset: Offset = 0,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"Hits per page (1..{MAX_PAGE}).")] = 20,
) -> dict[str, Any]:
    """Hits best first. `snippet` is plain text; `highlights` are [start, end] offsets of the matches in it."""
    return queries.search(store_of(request), q, offset=offset, limit=limit, collapse=collapse,
                          **filters.as_kwargs())


@router.get("/entities", response_model=schemas.EntityList, summary="Entities across articles, by type, country or actor code")
def api_entities(
    request: Request,
    type: Annotated[str | None, Query(description="PERSON, ORG, GPE, NORP, LOC, ...")] = None,
    country: Annotated[str | None, Query(description="ISO 3166 alpha-3, e.g. CHN.")] = None,
    code: Annotated[str | None, Query(description="CAMEO-style actor code, e.g. USAGOV.")] = None,
    offset: Offset = 0,
    limit: Limit = 50,
) -> dict[str, Any]:
    return queries.list_entities(store_of(request), type=type, country=country, code=code,
                                 offset=offset, limit=limit)


@router.get("/entities/{key}", response_model=schemas.EntityView, summary="One entity: its mentions, quotes and events as source and target")
def api_entity(request: Request, key: str, offset: Offset = 0, limit: Limit = 50) -> dict[str, Any]:
    """The entity's summary; the articles that name it (paged by offset, with each mention in
    context); its quotes and its events as source and as target (the first `limit` of each, with
    the total and the URL of the full list)."""
    return queries.entity_view(store_of(request), key, offset=offset, limit=limit)


@router.get("/quotes", response_model=schemas.QuoteList, summary="Quotes, optionally by one speaker")
def api_quotes(
    request: Request,
    speaker: Annotated[str | None, Query(description="Speaker name (or entity key).")] = None,
    offset: Offset = 0,
    limit: Limit = 50,
) -> dict[str, Any]:
    return queries.list_quotes(store_of(request), speaker=speaker, offset=offset, limit=limit)


@router.get("/events", response_model=schemas.EventList, summary="Coded events by actor, CAMEO code, PLOVER category and date range")
def api_events(
    request: Request,
    actor: Annotated[str | None, Query(description="Either side: code prefix (USA), country or name.")] = None,
    source: Annotated[str | None, Query(description="The source actor: code prefix, country or name.")] = None,
    target: Annotated[str | None, Query(description="The target actor: code prefix, country or name.")] = None,
    cameo: Annotated[str | None, Query(description="CAMEO code or prefix, e.g. 13 or 130.")] = None,
    plover: Annotated[str | None, Query(description="PLOVER category, e.g. THREATEN.")] = None,
    since: Annotated[str | None, Query(description="Earliest date (ISO 8601).")] = None,
    until: Annotated[str | None, Query(description="Latest date (ISO 8601).")] = None,
    offset: Offset = 0,
    limit: Limit = 50,
) -> dict[str, Any]:
    return queries.list_events(store_of(request), actor=actor, source=source, target=target, cameo=cameo,
                               plover=plover, since=since, until=until, offset=offset, limit=limit)


@router.get("/timeline", response_model=schemas.TimelineAnswer, summary="Events between two actors over time")
def api_timeline(
    request: Request,
    a: Annotated[str, Query(min_length=1, description="First actor: code prefix (USA), country or name.")],
    b: Annotated[str, Query(min_length=1, description="Second actor.")],
    freq: Annotated[Freq, Query(description="Period of each row.")] = "week",
    directed: Annotated[bool, Query(description="Only events with a as source and b as target.")] = False,
) -> dict[str, Any]:
    """One row per period: event count, counts by quad class (1..4) and the mean Goldstein score."""
    return queries.timeline_view(store_of(request), a, b, freq=freq, directed=directed)


@router.get("/stats", summary="What the store holds")
def api_stats(request: Request) -> dict[str, Any]:
    return store_of(request).stats()
