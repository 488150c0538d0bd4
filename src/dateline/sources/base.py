from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass
class RawDoc:
    """One captured document, not yet interpreted."""

    source: str  # the path or URL as the caller gave it
    data: bytes
    url: str | None = None
    fetched: datetime | None = None
    content_type: str | None = None  # e.g. from an HTTP header: "text/html; charset=utf-8"


def is_url(item: str) -> bool:
    """An http(s) URL, as opposed to a path."""
    return item.lower().startswith(("http://", "https://"))
