"""What the API and the pages share: the per-thread store, the query parameters of each kind of list
(each turned into one query object of dateline.store.query), unknown parameters refused, downloads."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import Depends, Query, Request
from fastapi.dependencies.utils import get_flat_params

from ...store import Store
from ...store.query import ArticleQuery, EntityQuery, EventQuery, Page, QueryError, QuoteQuery
from ...store.search import MAX_OFFSET
from ..queries import MAX_PAGE


def store_of(request: Request) -> Store:
    """This worker thread's read-only store. Call it inside the handler, not as a dependency
    (FastAPI may run a dependency on another thread than the handler)."""
    return request.app.state.stores.get()


def refuse_unknown(request: Request) -> None:
    """A parameter the address does not take is refused (400), not ignored: a typo would otherwise
    answer as if it were not there."""
    route = request.scope.get("route")
    dependant = getattr(route, "dependant", None)
    if dependant is None:
        return
    allowed = {p.alias for p in get_flat_params(dependant)}
    unknown = sorted(set(request.query_params) - allowed)
    if unknown:
        names = ", ".join(sorted(allowed)) or "none"
        raise QueryError(f"unknown parameter{'s' if len(unknown) > 1 else ''} {', '.join(unknown)}; "
                         f"{request.url.path} takes: {names}")


Format = Annotated[Literal["json", "csv"], Query(alias="format", description="json, or csv: every matching row, "
                                                 "streamed, with no cap.")]
EventFormat = Annotated[Literal["json", "csv", "tsv"], Query(
    alias="format", description="json; csv: every matching row, streamed; tsv: the GDELT 2.0-style event table.")]
# Every numeric parameter is bounded: a number past the bound is a 422 with a message, never a 500.
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description=f"Rows to skip (0..{MAX_OFFSET:,}): "
                              "the previous page's next_offset.")]


def _limit(default: int):
    return Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"Rows per page (1..{MAX_PAGE}).")]


Limit = _limit(50)
Q = Annotated[str | None, Query(description='Full-text search: words, "phrases", prefix*, OR, -word, '
                                            "NEAR(a b, 10); publisher:, domain:, country: in it are filters.")]
Publisher = Annotated[str | None, Query(description="Exact publisher name (any case).")]
Domain = Annotated[str | None, Query(description="The site of the article's URL, e.g. example.org.")]
Language = Annotated[str | None, Query(description="ISO 639-1 code, e.g. en.")]
Since = Annotated[str | None, Query(description="On or after (ISO 8601 date or time: 2024, 2024-04, 2024-04-26).")]
Until = Annotated[str | None, Query(description="On or before (ISO 8601 date or time).")]
EntityRef = Annotated[str | None, Query(description="Mentions this entity (name or key).")]
Country = Annotated[str | None, Query(description="Mentions this country (ISO 3166 alpha-3 or a name).")]
Sort = Annotated[str | None, Query(description="A column, '-' first for descending: published, -published, "
                                               "-goldstein ...")]
CountCopies = Annotated[bool, Query(description="Count each near-duplicate copy (default: one per cluster).")]


class _ListParams:
    """What every list's parameters share: their values, the page, the links that keep them."""

    values: dict
    offset: int
    limit: int

    def _page(self, limit: int | None) -> Page:
        return Page(self.limit if limit == -1 else limit, self.offset)

    def link_values(self) -> dict:
        """The parameters as given, for links that keep them (a new page, a download, a chip)."""
        return {k: v for k, v in self.values.items() if v not in (None, "", False)}


class ArticleParams(_ListParams):
    """The article filters of the article list and search (and of the facts of matching articles)."""

    def __init__(self, q: Q = None, publisher: Publisher = None, domain: Domain = None, language: Language = None,
                 since: Since = None, until: Until = None, entity: EntityRef = None, country: Country = None,
                 collapse: Annotated[bool, Query(description="One article per near-duplicate cluster.")] = False,
                 sort: Sort = None, offset: Offset = 0, limit: Limit = 50) -> None:
        self.q = q
        self.values = dict(q=q, publisher=publisher, domain=domain, language=language, since=since, until=until,
                           entity=entity, country=country, collapse=collapse, sort=sort)
        self.offset, self.limit = offset, limit

    def query(self, *, limit: int | None = -1) -> ArticleQuery:
        return ArticleQuery(**self.values, page=self._page(limit))


class FactArticleParams:
    """The filters on the articles whose facts are listed (events, quotes): a search and its filters."""

    def __init__(self, q: Q = None, publisher: Publisher = None, domain: Domain = None, language: Language = None,
                 entity: EntityRef = None, country: Country = None) -> None:
        self.values = dict(q=q, publisher=publisher, domain=domain, language=language, entity=entity,
                           country=country)

    def query(self) -> ArticleQuery | None:
        query = ArticleQuery(**self.values)
        return query if query.is_filtered() else None


class EventParams(_ListParams):
    def __init__(self, articles: Annotated[FactArticleParams, Depends()],
                 actor: Annotated[str | None, Query(description="Either side: a code (USA, CHNGOV), a country "
                                                                "(China) or a name (Xi Jinping).")] = None,
                 source: Annotated[str | None, Query(description="The source actor.")] = None,
                 target: Annotated[str | None, Query(description="The target actor.")] = None,
                 a: Annotated[str | None, Query(description="One actor of a pair (with b): either direction.")] = None,
                 b: Annotated[str | None, Query(description="The other actor of the pair.")] = None,
                 directed: Annotated[bool, Query(description="Only a as source and b as target.")] = False,
                 cameo: Annotated[str | None, Query(description="CAMEO code or prefix, e.g. 13 or 130.")] = None,
                 plover: Annotated[str | None, Query(description="PLOVER category, e.g. THREATEN.")] = None,
                 quad_class: Annotated[str | None, Query(description="1 to 4: verbal/material cooperation, "
                                                                     "verbal/material conflict.")] = None,
                 since: Annotated[str | None, Query(description="Earliest event date (ISO 8601).")] = None,
                 until: Annotated[str | None, Query(description="Latest event date (ISO 8601).")] = None,
                 min_confidence: Annotated[str | None, Query(description="Least confidence, 0 to 1.")] = None,
                 location: Annotated[str | None, Query(description="The event's location, e.g. Oslo.")] = None,
                 place_country: Annotated[str | None, Query(description="The country of its target, else of its "
                                                                        "source (a map point).")] = None,
                 count_copies: CountCopies = False, sort: Sort = None, offset: Offset = 0,
                 limit: Limit = 50) -> None:
        self.articles = articles
        self.filters = dict(location=location, place_country=place_country, actor=actor, source=source, target=target, a=a, b=b, directed=directed, cameo=cameo,
                            plover=plover, quad_class=quad_class, since=since, until=until,
                            min_confidence=min_confidence, sort=sort)
        self.values = {**articles.values, **self.filters, "count_copies": count_copies}
        self.count_copies = count_copies
        self.offset, self.limit = offset, limit

    def query(self, *, limit: int | None = -1) -> EventQuery:
        return EventQuery(**self.filters, articles=self.articles.query(), collapse=not self.count_copies,
                          page=self._page(limit))


class QuoteParams(_ListParams):
    def __init__(self, articles: Annotated[FactArticleParams, Depends()],
                 speaker: Annotated[str | None, Query(description="Speaker name (or entity key).")] = None,
                 kind: Annotated[str | None, Query(description="direct or indirect.")] = None,
                 min_confidence: Annotated[str | None, Query(description="Least confidence, 0 to 1.")] = None,
                 count_copies: CountCopies = False, sort: Sort = None, offset: Offset = 0,
                 limit: Limit = 50) -> None:
        self.articles = articles
        self.filters = dict(speaker=speaker, kind=kind, min_confidence=min_confidence, sort=sort)
        self.values = {**articles.values, **self.filters, "count_copies": count_copies}
        self.count_copies = count_copies
        self.offset, self.limit = offset, limit

    def query(self, *, limit: int | None = -1) -> QuoteQuery:
        return QuoteQuery(**self.filters, articles=self.articles.query(), collapse=not self.count_copies,
                          page=self._page(limit))


class EntityParams(_ListParams):
    def __init__(self,
                 type: Annotated[str | None, Query(description="PERSON, ORG, GPE, NORP, LOC, ...")] = None,
                 country: Annotated[str | None, Query(description="ISO 3166 alpha-3, e.g. CHN.")] = None,
                 code: Annotated[str | None, Query(description="CAMEO-style actor code prefix, e.g. USAGOV.")] = None,
                 q: Q = None, count_copies: CountCopies = False, sort: Sort = None, offset: Offset = 0,
                 limit: Limit = 50) -> None:
        self.filters = dict(type=type, country=country, code=code, sort=sort)
        self.values = {**self.filters, "q": q, "count_copies": count_copies}
        self.q = q
        self.count_copies = count_copies
        self.offset, self.limit = offset, limit

    def query(self, *, limit: int | None = -1) -> EntityQuery:
        return EntityQuery(**self.filters, articles=ArticleQuery(q=self.q) if self.q else None,
                           collapse=not self.count_copies, page=self._page(limit))


Articles = Annotated[ArticleParams, Depends()]
Events = Annotated[EventParams, Depends()]
Quotes = Annotated[QuoteParams, Depends()]
Entities = Annotated[EntityParams, Depends()]
