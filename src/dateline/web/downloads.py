"""Downloads: every list as CSV, streamed row by row with no cap, columns named as in the Parquet export
(dateline.export.EXPORT_SCHEMAS), each fact row with its article's title, publisher and date.

A download reads through its own read-only connection, opened and closed by the stream, so a long
download never shares the connection of the thread that answers other requests.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from fastapi.responses import StreamingResponse

from ..export import GDELT_COLUMNS, gdelt_row, tsv_cell
from ..model import Article
from ..store import open_store
from ..store.query import Page
from ..store.results import EventHit, QuoteHit
from ..store.tables import EVENTS, QUOTES, Table
from ..timeline import store_timeline

ARTICLE_COLUMNS = ["id", "url", "title", "publisher", "published", "language", "authors", "duplicate_of",
                   "entity_count", "quote_count", "event_count", "copies"]
_IN_ARTICLE = ["article_title", "article_publisher", "article_published", "copies"]
EVENT_COLUMNS = [*EVENTS.schema().names, *_IN_ARTICLE]
QUOTE_COLUMNS = [*QUOTES.schema().names, *_IN_ARTICLE]
ENTITY_COLUMNS = ["entity_key", "name", "type", "code", "country", "articles", "mention_count", "names",
                  "descriptors"]
TIMELINE_COLUMNS = ["period", "start", "end", "count", "quad1", "quad2", "quad3", "quad4", "mean_goldstein"]


def _cell(value: Any) -> Any:
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value


def _lines(columns: list[str], rows: Iterable[dict[str, Any]], delimiter: str = ",") -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, columns, lineterminator="\n", extrasaction="ignore", delimiter=delimiter)
    writer.writeheader()
    for n, row in enumerate(rows, 1):
        writer.writerow({k: _cell(v) for k, v in row.items()})
        if n % 500 == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def fact_cells(table: Table, hit: EventHit | QuoteHit, fact: Any) -> dict[str, Any]:
    """A fact's row as the Parquet export has it (the table map's columns), and its article."""
    article = Article(id=hit.article.id, source="")
    row = {c.name: c.arrow_value(fact, article, hit.index) for c in table.arrow_columns()}
    return {**row, "article_title": hit.article.title, "article_publisher": hit.article.publisher,
            "article_published": hit.article.published, "copies": hit.copies}


def _stream(path: Path, columns: list[str], rows: Callable[[Any], Iterable[dict[str, Any]]],
            filename: str, *, delimiter: str = ",", media_type: str = "text/csv") -> StreamingResponse:
    def body() -> Iterator[str]:
        with open_store(path, readonly=True) as store:
            yield from _lines(columns, rows(store), delimiter)

    return StreamingResponse(body(), media_type=f"{media_type}; charset=utf-8",
                             headers={"content-disposition": f'attachment; filename="{filename}"'})


def articles_csv(path: Path, query) -> StreamingResponse:
    query = replace(query, page=Page(None))

    def rows(store):
        for r in store.articles(query):
            yield {"id": r.id, "url": r.url, "title": r.title, "publisher": r.publisher, "published": r.published,
                   "language": r.language, "authors": r.authors, "duplicate_of": r.duplicate_of,
                   "entity_count": r.counts["entities"], "quote_count": r.counts["quotes"],
                   "event_count": r.counts["events"], "copies": r.copies}

    return _stream(path, ARTICLE_COLUMNS, rows, "articles.csv")


def events_csv(path: Path, query) -> StreamingResponse:
    query = replace(query, page=Page(None))
    return _stream(path, EVENT_COLUMNS, lambda store: (fact_cells(EVENTS, h, h.event) for h in store.events(query)),
                   "events.csv")


def quotes_csv(path: Path, query) -> StreamingResponse:
    query = replace(query, page=Page(None))
    return _stream(path, QUOTE_COLUMNS, lambda store: (fact_cells(QUOTES, h, h.quote) for h in store.quotes(query)),
                   "quotes.csv")


def entities_csv(path: Path, query) -> StreamingResponse:
    query = replace(query, page=Page(None))

    def rows(store):
        for e in store.entities(query):
            yield {"entity_key": e.key, "name": e.name, "type": e.type, "code": e.code, "country": e.country,
                   "articles": e.articles, "mention_count": e.mentions, "names": e.names,
                   "descriptors": e.descriptors}

    return _stream(path, ENTITY_COLUMNS, rows, "entities.csv")


def events_tsv(path: Path, query) -> StreamingResponse:
    """The events as the GDELT 2.0-style event table (tab-separated, GDELT's column names)."""
    query = replace(query, page=Page(None))

    def rows(store):
        for hit in store.events(query):
            a = hit.article
            article = Article(id=a.id, source=a.source, url=a.url, published=a.published, fetched=a.fetched)
            yield {k: tsv_cell(v) for k, v in gdelt_row(article, hit.index, hit.event, a.lead_end).items()}

    return _stream(path, GDELT_COLUMNS, rows, "events.tsv", delimiter="\t", media_type="text/tab-separated-values")


def timeline_csv(path: Path, a: str, b: str, **options: Any) -> StreamingResponse:
    def rows(store):
        for r in store_timeline(store, a, b, **options).rows:
            yield {"period": r.period, "start": r.start, "end": r.end, "count": r.count,
                   **{f"quad{q}": n for q, n in r.by_quad.items()}, "mean_goldstein": r.mean_goldstein}

    return _stream(path, TIMELINE_COLUMNS, rows, "timeline.csv")
