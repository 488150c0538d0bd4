"""Exports: the record as JSONL, CSV and Parquet tables, and a GDELT 2.0-style event table.

Everything streams: records are read and written in batches, with no cap on how
many. ``record_tables`` is the one place that turns records into typed tables
(the Ray job writes the same tables); the writers below only serialise them.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any, TextIO

import pyarrow as pa

from .engine.executor import chunks
from .model import Actor, Article, Event, Failure
from .store.tables import EXPORT_TABLES, export_schemas
from .store.values import parse_date, parse_timestamp

TABLES = ("articles", "entities", "quotes", "events", "failures")

EXPORT_SCHEMAS: dict[str, pa.Schema] = export_schemas()  # from the table map (store/tables.py)


# -- records -> typed tables ---------------------------------------------------------------------
def record_tables(results: Iterable[Article | Failure]) -> dict[str, pa.Table]:
    """One typed table per kind: articles, entities, quotes, events and failures (rows from the table map)."""
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    for result in results:
        if isinstance(result, Failure):
            rows["failures"].append({"source": result.source, "error": result.error, "kind": result.kind})
            continue
        for table in EXPORT_TABLES:
            rows[table.name].extend(table.arrow_rows(result))
    return {name: pa.Table.from_pylist(rows[name], schema=EXPORT_SCHEMAS[name]) for name in TABLES}


# -- GDELT 2.0-style event table -----------------------------------------------------------------
GDELT_COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Type1Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "ActionGeo_FullName", "DATEADDED", "SOURCEURL",
    # dateline's own columns (no GDELT equivalent)
    "ArticleID", "EventIndex", "PLOVER", "Negated", "EventText", "Confidence",
]


def gdelt_rows(articles: Iterable[Article]) -> Iterator[dict[str, Any]]:
    """One row per event, with GDELT 2.0 event-table column names where the meaning is the same.

    The event date is the event's own date, else the article's publication date.
    IsRootEvent is 1 for events in the article's lead paragraph, as in GDELT.
    """
    for a in articles:
        lead_end = _lead_end(a)
        for i, e in enumerate(a.events):
            yield gdelt_row(a, i, e, lead_end)


def gdelt_row(a: Article, i: int, e: Event, lead_end: int) -> dict[str, Any]:
    """The GDELT-style row of event ``i`` of article ``a`` (of which only the id, url, source, published
    and fetched are read), whose lead paragraph ends at ``lead_end``."""
    day = parse_date(e.date) or parse_date(a.published)
    added = parse_timestamp(a.fetched)
    cameo = e.cameo or ""
    return {
        "GLOBALEVENTID": e.id or f"{a.id}-{i}",
        "SQLDATE": int(day.strftime("%Y%m%d")) if day else None,
        "MonthYear": int(day.strftime("%Y%m")) if day else None,
        "Year": day.year if day else None,
        "FractionDate": round(day.year + (day.timetuple().tm_yday - 1) / 365, 4) if day else None,
        **_gdelt_actor("Actor1", e.source),
        **_gdelt_actor("Actor2", e.target),
        "IsRootEvent": int(e.start < lead_end),
        "EventCode": cameo or None,
        "EventBaseCode": cameo[:3] or None,
        "EventRootCode": cameo[:2] or None,
        "QuadClass": e.quad_class,
        "GoldsteinScale": e.goldstein,
        "NumMentions": 1,
        "NumSources": 1,
        "NumArticles": 1,
        "ActionGeo_FullName": e.location,
        "DATEADDED": int(added.strftime("%Y%m%d%H%M%S")) if added else None,
        "SOURCEURL": a.url or a.source,
        "ArticleID": a.id,
        "EventIndex": i,
        "PLOVER": e.plover,
        "Negated": int(e.negated),
        "EventText": e.text,
        "Confidence": e.confidence,
    }


def _lead_end(a: Article) -> int:
    body = [p for p in a.paragraphs if p.kind == "body"]
    return body[0].end if body else len(a.text)


def _gdelt_actor(prefix: str, actor: Actor | None) -> dict[str, Any]:
    if actor is None:
        return {f"{prefix}Code": None, f"{prefix}Name": None, f"{prefix}CountryCode": None, f"{prefix}Type1Code": None}
    code = actor.code or ""
    rest = code[len(actor.country):] if actor.country and code.startswith(actor.country) else code
    return {
        f"{prefix}Code": actor.code,
        f"{prefix}Name": actor.text.upper() if actor.text else None,
        f"{prefix}CountryCode": actor.country,
        f"{prefix}Type1Code": rest[:3] or None,
    }


# -- writers -------------------------------------------------------------------------------------
BATCH = 500


@contextmanager
def atomic_paths(paths: Sequence[Path]) -> Iterator[list[Path]]:
    """Temporary paths to write ``paths`` under: renamed to the final paths once the block ends
    well; on any error (Ctrl-C included) removed, so that a final path holds a whole export or
    what it held before, never a partial one that looks whole."""
    temps = [p.with_name(f".{p.name}.{os.getpid()}.partial") for p in paths]
    try:
        yield temps
    except BaseException:
        for temp in temps:
            temp.unlink(missing_ok=True)
        raise
    for temp, path in zip(temps, paths, strict=True):
        os.replace(temp, path)


def write_jsonl(results: Iterable[Article | Failure], out: TextIO) -> int:
    """The full record, one per line. Returns the count written."""
    n = 0
    for r in results:
        out.write(json.dumps(r.to_dict(), ensure_ascii=False) + "\n")
        n += 1
    return n


def write_gdelt(articles: Iterable[Article], out: TextIO) -> int:
    """Tab-separated like GDELT's event files, with a header line. Returns the number of events."""
    writer = csv.DictWriter(out, GDELT_COLUMNS, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writeheader()
    n = 0
    for row in gdelt_rows(articles):
        writer.writerow({k: tsv_cell(v) for k, v in row.items()})
        n += 1
    return n


def tsv_cell(value: Any) -> Any:
    return " ".join(value.split()) if isinstance(value, str) else value


def write_csv_table(results: Iterable[Article | Failure], table: str, out: TextIO) -> int:
    """One table as CSV with a header; nested columns (lists, spans) as JSON text. Returns the row count."""
    columns = EXPORT_SCHEMAS[table].names
    writer = csv.DictWriter(out, columns, lineterminator="\n")
    writer.writeheader()
    n = 0
    for chunk in chunks(results, BATCH):
        for row in record_tables(chunk)[table].to_pylist():
            writer.writerow({k: _csv_cell(v) for k, v in row.items()})
            n += 1
    return n


def _csv_cell(value: Any) -> Any:
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def write_csv_folder(results: Iterable[Article | Failure], folder: Path) -> dict[str, int]:
    """One CSV file per table in ``folder``. Returns rows written per table."""
    folder.mkdir(parents=True, exist_ok=True)
    counts = dict.fromkeys(TABLES, 0)
    with atomic_paths([folder / f"{name}.csv" for name in TABLES]) as paths, ExitStack() as stack:
        writers = {}
        for name, path in zip(TABLES, paths, strict=True):
            fh = stack.enter_context(open(path, "w", encoding="utf-8", newline=""))
            writers[name] = csv.DictWriter(fh, EXPORT_SCHEMAS[name].names, lineterminator="\n")
            writers[name].writeheader()
        for chunk in chunks(results, BATCH):
            for name, table in record_tables(chunk).items():
                for row in table.to_pylist():
                    writers[name].writerow({k: _csv_cell(v) for k, v in row.items()})
                counts[name] += table.num_rows
    return counts


def write_parquet_folder(results: Iterable[Article | Failure], folder: Path) -> dict[str, int]:
    """One Parquet file per table in ``folder`` (articles.parquet, entities.parquet, ...)."""
    folder.mkdir(parents=True, exist_ok=True)
    with atomic_paths([folder / f"{name}.parquet" for name in TABLES]) as paths:
        where = dict(zip(TABLES, paths, strict=True))
        return write_parquet_tables(results, where.__getitem__)


def write_parquet_tables(results: Iterable[Article | Failure], sink: Callable[[str], Any]) -> dict[str, int]:
    """Stream the records into one Parquet file per table; ``sink(table)`` names where that table goes
    (a path, or an output stream of a pyarrow filesystem). Returns the rows written per table."""
    import pyarrow.parquet as pq

    counts = dict.fromkeys(TABLES, 0)
    writers = {name: pq.ParquetWriter(sink(name), EXPORT_SCHEMAS[name]) for name in TABLES}
    try:
        for chunk in chunks(results, BATCH):
            for name, table in record_tables(chunk).items():
                if table.num_rows:
                    writers[name].write_table(table)
                    counts[name] += table.num_rows
    finally:
        for w in writers.values():
            w.close()
    return counts
