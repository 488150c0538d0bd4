"""The embedded SQLite store: schema and migrations, writes, full-text search and queries."""

from __future__ import annotations

from .db import Store, open_store
from .errors import SearchQueryError, StoreError
from .results import EntitySummary
from .search import MARK_END, MARK_START, SearchHit, SearchResult

__all__ = [
    "MARK_END",
    "MARK_START",
    "EntitySummary",
    "SearchHit",
    "SearchQueryError",
    "SearchResult",
    "Store",
    "StoreError",
    "open_store",
]
