"""Downloads: every list as CSV (events also as the GDELT-style TSV), streamed with no cap; the rows
are store.listing's, as the CLI's --format csv writes them.

A download reads through its own read-only connection, opened and closed by the stream, so a long
download never shares the connection of the thread that answers other requests. Its first chunk is
read before the answer starts, so a query refused or over its search budget is a 400 with a message.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from fastapi.responses import StreamingResponse

from ..store import listing, open_store
from ..timeline import store_timeline


def _stream(path: Path, columns: list[str], rows: Callable[[Any], Iterable[dict[str, Any]]],
            filename: str, *, delimiter: str = ",", media_type: str = "text/csv") -> StreamingResponse:
    def body() -> Iterator[str]:
        with open_store(path, readonly=True) as store:
            yield from listing.lines(columns, rows(store), delimiter)

    chunks = body()
    first = next(chunks)  # the query runs here: a refused or over-budget search is a 400, not a cut-off file
    return StreamingResponse(itertools.chain([first], chunks), media_type=f"{media_type}; charset=utf-8",
                             headers={"content-disposition": f'attachment; filename="{filename}"'})


def articles_csv(path: Path, query) -> StreamingResponse:
    return _stream(path, listing.ARTICLE_COLUMNS, lambda store: listing.article_rows(store, query), "articles.csv")


def events_csv(path: Path, query) -> StreamingResponse:
    return _stream(path, listing.EVENT_COLUMNS, lambda store: listing.event_rows(store, query), "events.csv")


def events_tsv(path: Path, query) -> StreamingResponse:
    """The events as the GDELT 2.0-style event table (tab-separated, GDELT's column names)."""
    return _stream(path, listing.GDELT_COLUMNS, lambda store: listing.gdelt_event_rows(store, query), "events.tsv",
                   delimiter="\t", media_type="text/tab-separated-values")


def quotes_csv(path: Path, query) -> StreamingResponse:
    return _stream(path, listing.QUOTE_COLUMNS, lambda store: listing.quote_rows(store, query), "quotes.csv")


def entities_csv(path: Path, query) -> StreamingResponse:
    return _stream(path, listing.ENTITY_COLUMNS, lambda store: listing.entity_rows(store, query), "entities.csv")


def timeline_csv(path: Path, a: str, b: str, **options: Any) -> StreamingResponse:
    return _stream(path, listing.TIMELINE_COLUMNS,
                   lambda store: listing.timeline_rows(store_timeline(store, a, b, **options)), "timeline.csv")
