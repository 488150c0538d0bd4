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
from itertools import islice
from pathlib import Path
from typing import Any, TextIO

import pyarrow as pa

from .model import Actor, Article, Failure, Span
from .store.keys import entity_key
from .store.values import parse_date, parse_timestamp

TABLES = ("articles", "entities", "quotes", "events", "failures")

_SPAN = pa.struct([("start", pa.int32()), ("end", pa.int32()), ("text", pa.string())])
_TS = pa.timestamp("us", tz="UTC")

EXPORT_SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema([
        ("id", pa.string()),
        ("source", pa.string()),
        ("url", pa.string()),
        ("title", pa.string()),
        ("publisher", pa.string()),
        ("published", _TS),
        ("fetched", _TS),
        ("language", pa.string()),
        ("authors", pa.list_(pa.string())),
        ("text", pa.string()),
        ("paragraphs", pa.list_(pa.struct([
            ("start", pa.int32()), ("end", pa.int32()), ("kind", pa.string()), ("section", pa.int32()),
        ]))),
        ("sections", pa.list_(pa.struct([
            ("heading", pa.string()), ("byline", pa.string()), ("start", pa.int32()), ("end", pa.int32()),
        ]))),
        ("media", pa.list_(pa.struct([("kind", pa.string()), ("caption", pa.string()), ("credit", pa.string())]))),
        ("tags", pa.list_(pa.string())),
        ("warnings", pa.list_(pa.string())),
        ("duplicate_of", pa.string()),
        ("entity_count", pa.int32()),
        ("quote_count", pa.int32()),
        ("event_count", pa.int32()),
    ]),
    "entities": pa.schema([
        ("article_id", pa.string()),
        ("entity_id", pa.string()),
        ("entity_key", pa.string()),
        ("name", pa.string()),
        ("type", pa.string()),
        ("code", pa.string()),
        ("country", pa.string()),
        ("descriptors", pa.list_(pa.string())),
        ("mention_count", pa.int32()),
        ("mentions", pa.list_(_SPAN)),
    ]),
    "quotes": pa.schema([
        ("article_id", pa.string()),
        ("quote_index", pa.int32()),
        ("start", pa.int32()),
        ("end", pa.int32()),
        ("text", pa.string()),
        ("kind", pa.string()),
        ("speaker_start", pa.int32()),
        ("speaker_end", pa.int32()),
        ("speaker_text", pa.string()),
        ("speaker_entity", pa.string()),
        ("speaker_name", pa.string()),
        ("cue_start", pa.int32()),
        ("cue_end", pa.int32()),
        ("cue_text", pa.string()),
        ("confidence", pa.float32()),
    ]),
    "events": pa.schema([
        ("article_id", pa.string()),
        ("event_index", pa.int32()),
        ("start", pa.int32()),
        ("end", pa.int32()),
        ("text", pa.string()),
        *[
            (f"{side}_{name}", tp)
            for side in ("source", "target")
            for name, tp in (
                ("text", pa.string()), ("start", pa.int32()), ("end", pa.int32()),
                ("entity", pa.string()), ("code", pa.string()), ("country", pa.string()),
            )
        ],
        ("cameo", pa.string()),
        ("plover", pa.string()),
        ("quad_class", pa.int8()),
        ("goldstein", pa.float32()),
        ("date", pa.date32()),
        ("location", pa.string()),
        ("negated", pa.bool_()),
        ("quote", pa.int32()),
        ("confidence", pa.float32()),
        ("event_id", pa.string()),
    ]),
    "failures": pa.schema([("source", pa.string()), ("error", pa.string()), ("kind", pa.string())]),
}


# -- records -> typed tables ---------------------------------------------------------------------
def record_tables(results: Iterable[Article | Failure]) -> dict[str, pa.Table]:
    """One typed table per kind: articles, entities, quotes, events and failures."""
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    for result in results:
        if isinstance(result, Failure):
            rows["failures"].append({"source": result.source, "error": result.error, "kind": result.kind})
            continue
        rows["articles"].append(article_row(result))
        rows["entities"].extend(entity_rows(result))
        rows["quotes"].extend(quote_rows(result))
        rows["events"].extend(event_rows(result))
    return {name: pa.Table.from_pylist(rows[name], schema=EXPORT_SCHEMAS[name]) for name in TABLES}


def article_row(a: Article) -> dict[str, Any]:
    return {
        "id": a.id, "source": a.source, "url": a.url, "title": a.title, "publisher": a.publisher,
        "published": parse_timestamp(a.published), "fetched": parse_timestamp(a.fetched),
        "language": a.language, "authors": a.authors, "text": a.text,
        "paragraphs": [p.to_dict() for p in a.paragraphs],
        "sections": [s.to_dict() for s in a.sections],
        "media": [m.to_dict() for m in a.media],
        "tags": a.tags, "warnings": a.warnings, "duplicate_of": a.duplicate_of,
        "entity_count": len(a.entities), "quote_count": len(a.quotes), "event_count": len(a.events),
    }


def entity_rows(a: Article) -> Iterator[dict[str, Any]]:
    for e in a.entities:
        yield {
            "article_id": a.id, "entity_id": e.id, "entity_key": entity_key(e.type, e.name),
            "name": e.name, "type": e.type, "code": e.code, "country": e.country,
            "descriptors": e.descriptors, "mention_count": len(e.mentions),
            "mentions": [m.to_dict() for m in e.mentions],
        }


def quote_rows(a: Article) -> Iterator[dict[str, Any]]:
    for i, q in enumerate(a.quotes):
        yield {
            "article_id": a.id, "quote_index": i, "start": q.start, "end": q.end, "text": q.text,
            "kind": q.kind, **_span("speaker", q.speaker), "speaker_entity": q.speaker_entity,
            "speaker_name": q.speaker_name, **_span("cue", q.cue), "confidence": q.confidence,
        }


def event_rows(a: Article) -> Iterator[dict[str, Any]]:
    for i, e in enumerate(a.events):
        yield {
            "article_id": a.id, "event_index": i, "start": e.start, "end": e.end, "text": e.text,
            **_actor("source", e.source), **_actor("target", e.target),
            "cameo": e.cameo, "plover": e.plover, "quad_class": e.quad_class, "goldstein": e.goldstein,
            "date": parse_date(e.date), "location": e.location, "negated": e.negated, "quote": e.quote,
            "confidence": e.confidence, "event_id": e.id,
        }


def _span(prefix: str, span: Span | None) -> dict[str, Any]:
    if span is None:
        return {f"{prefix}_start": None, f"{prefix}_end": None, f"{prefix}_text": None}
    return {f"{prefix}_start": span.start, f"{prefix}_end": span.end, f"{prefix}_text": span.text}


def _actor(prefix: str, actor: Actor | None) -> dict[str, Any]:
    actor = actor or Actor(text=None)  # type: ignore[arg-type]
    return {f"{prefix}_{k}": getattr(actor, k) for k in ("text", "start", "end", "entity", "code", "country")}


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
        added = parse_timestamp(a.fetched)
        for i, e in enumerate(a.events):
            day = parse_date(e.date) or parse_date(a.published)
            cameo = e.cameo or ""
            yield {
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


def batches(items: Iterable[Any], size: int = BATCH) -> Iterator[list[Any]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


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
        writer.writerow({k: _tsv_cell(v) for k, v in row.items()})
        n += 1
    return n


def _tsv_cell(value: Any) -> Any:
    return " ".join(value.split()) if isinstance(value, str) else value


def write_csv_table(results: Iterable[Article | Failure], table: str, out: TextIO) -> int:
    """One table as CSV with a header; nested columns (lists, spans) as JSON text. Returns the row count."""
    columns = EXPORT_SCHEMAS[table].names
    writer = csv.DictWriter(out, columns, lineterminator="\n")
    writer.writeheader()
    n = 0
    for chunk in batches(results):
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
        for chunk in batches(results):
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
        for chunk in batches(results):
            for name, table in record_tables(chunk).items():
                if table.num_rows:
                    writers[name].write_table(table)
                    counts[name] += table.num_rows
    finally:
        for w in writers.values():
            w.close()
    return counts
