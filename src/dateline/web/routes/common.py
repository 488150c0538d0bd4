"""What the API and the pages share: the per-thread store and the article filters."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Query, Request

from ...store import Store
from ...store.search import MAX_OFFSET
from ..queries import MAX_PAGE

# Every numeric parameter is bounded: a number past the bound is a 422 with a message, never a 500.
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description=f"Items to skip (0..{MAX_OFFSET:,}): "
                              "the previous page's next_offset.")]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"Items per page (1..{MAX_PAGE}).")]


def store_of(request: Request) -> Store:
    """This worker thread's read-only store. Call it inside the handler, not as a dependency
    (FastAPI may run a dependency on another thread than the handler)."""
    return request.app.state.stores.get()


class ArticleFilterParams:
    """Filters shared by the article list and search."""

    def __init__(
        self,
        publisher: Annotated[str | None, Query(description="Exact publisher name.")] = None,
        language: Annotated[str | None, Query(description="ISO 639-1 code, e.g. en.")] = None,
        since: Annotated[str | None, Query(description="Published on or after (ISO 8601 date or time).")] = None,
        until: Annotated[str | None, Query(description="Published on or before (ISO 8601 date or time).")] = None,
        entity: Annotated[str | None, Query(description="Mentions this entity (name or key).")] = None,
        country: Annotated[str | None, Query(description="Mentions this country (ISO 3166 alpha-3).")] = None,
    ) -> None:
        self.publisher = publisher or None
        self.language = language or None
        self.since = since or None
        self.until = until or None
        self.entity = entity or None
        self.country = country or None

    def as_kwargs(self) -> dict[str, Any]:
        return {"publisher": self.publisher, "language": self.language, "since": self.since,
                "until": self.until, "entity": self.entity, "country": self.country}


ArticleFilters = Annotated[ArticleFilterParams, Depends()]
