"""Errors of the store, each with a message a person can act on."""

from __future__ import annotations

from ..errors import DatelineError


class StoreError(DatelineError):
    """The database cannot be opened, is read-only, or is from a newer dateline."""


class SearchQueryError(StoreError):
    """A search query that full-text search cannot read (unbalanced quotes, a dangling operator)."""


class SearchTooCostly(SearchQueryError):
    """A search over its time budget, or with more terms or characters than a search may have."""
