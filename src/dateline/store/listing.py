"""Every list of the store as rows of a table: the CSV downloads of the web and the CLI's --format csv.

Columns are named as in the Parquet export (the table map, store/tables.py), each fact row with its
article's title, publisher and date and the copies it stands for; events also as the GDELT 2.0-style
table (export.gdelt_row). Rows stream: a query object with ``Page(None)`` reads every match, with no cap.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from ..export import GDELT_COLUMNS, gdelt_row, tsv_cell
from ..model import Article
from .query import ArticleQuery, EntityQuery, EventQuery, Page, QuoteQuery
from .results import EventHit, QuoteHit
from .tables import EVENTS, QUOTES, Table

if TYPE_CHECKING:
    from ..timeline import Timeline
    from .db import Store

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


def lines(columns: list[str], rows: Iterable[dict[str, Any]], delimiter: str = ",") -> Iterator[str]:
    """The header and the rows as CSV (or TSV) text, in chunks of 500 rows."""
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


def _every(query: Any) -> Any:
    return replace(query, page=Page(None))


def article_rows(store: Store, query: ArticleQuery) -> Iterator[dict[str, Any]]:
    for r in store.articles(_every(query)):
        yield {"id": r.id, "url": r.url, "title": r.title, "publisher": r.publisher, "published": r.published,
               "language": r.language, "authors": r.authors, "duplicate_of": r.duplicate_of,
               "entity_count": r.counts["entities"], "quote_count": r.counts["quotes"],
               "event_count": r.counts["events"], "copies": r.copies}


def event_rows(store: Store, query: EventQuery) -> Iterator[dict[str, Any]]:
    return (fact_cells(EVENTS, h, h.event) for h in store.events(_every(query)))


def gdelt_event_rows(store: Store, query: EventQuery) -> Iterator[dict[str, Any]]:
    for hit in store.events(_every(query)):
        a = hit.article
        article = Article(id=a.id, source=a.source, url=a.url, published=a.published, fetched=a.fetched)
        yield {k: tsv_cell(v) for k, v in gdelt_row(article, hit.index, hit.event, a.lead_end).items()}


def quote_rows(store: Store, query: QuoteQuery) -> Iterator[dict[str, Any]]:
    return (fact_cells(QUOTES, h, h.quote) for h in store.quotes(_every(query)))


def entity_rows(store: Store, query: EntityQuery) -> Iterator[dict[str, Any]]:
    for e in store.entities(_every(query)):
        yield {"entity_key": e.key, "name": e.name, "type": e.type, "code": e.code, "country": e.country,
               "articles": e.articles, "mention_count": e.mentions, "names": e.names, "descriptors": e.descriptors}


def timeline_rows(timeline: Timeline) -> Iterator[dict[str, Any]]:
    for r in timeline.rows:
        yield {"period": r.period, "start": r.start, "end": r.end, "count": r.count,
               **{f"quad{q}": n for q, n in r.by_quad.items()}, "mean_goldstein": r.mean_goldstein}


__all__ = ["ARTICLE_COLUMNS", "ENTITY_COLUMNS", "EVENT_COLUMNS", "GDELT_COLUMNS", "QUOTE_COLUMNS",
           "TIMELINE_COLUMNS", "article_rows", "entity_rows", "event_rows", "gdelt_event_rows", "lines",
           "quote_rows", "timeline_rows"]
