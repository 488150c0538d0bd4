"""Errors of the store, each with a message a person can act on."""

from __future__ import annotations

from ..errors import DatelineError


class StoreError(DatelineError):
    """The database cannot be opened, is read-only, or is from a newer dateline."""


class SearchQueryError(StoreError):
    """A search query that full-text search cannot read (unbalanced quotes, a dangling operator)."""
