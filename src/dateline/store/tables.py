"""The record <-> row map, made from model.py's dataclasses: one place for every table's columns.

Each dataclass of the record becomes a table whose columns are its fields: a scalar field is one
column of the same name; a span or an actor (``Quote.speaker``, ``Event.source``) is flattened into
``<field>_<part>`` columns; a list of words is JSON text in SQLite and a list in Arrow; a list of
records is a child table in SQLite (``mentions``) and a list of structs in Arrow. Column types
follow the field types (str -> TEXT/string, int -> INTEGER/int32, float -> REAL/float32,
bool -> INTEGER/bool); a field that is not Optional is NOT NULL.

From this map come the SQLite inserts (store/db.py), the selects and their decoders
(store/queries.py), the Parquet schemas and rows (export.py, and so the Ray job); a test checks the
migrations (store/schema.py) against it. Adding a field to ``Event`` is one edit in model.py and a
migration that adds its column.

What the map cannot read off a field is said once below: renamed columns (``Event.id`` is
``event_id``), a few narrower Arrow types, and the derived columns the store adds for its filters
(``entity_key``, ``speaker_norm``, ``day``, ``published_at``).
"""

from __future__ import annotations

import dataclasses
import json
import types
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from typing import Any, Literal, Union, get_args, get_origin

import pyarrow as pa

from ..model import Article, Entity, Event, Media, Paragraph, Quote, Record, Section, Span, type_hints
from .keys import entity_key, normalise_name
from .values import parse_date, parse_timestamp

# A value function gets (the object, the article it belongs to, its index in the article's list).
Getter = Callable[[Any, Article, int], Any]


@dataclass(frozen=True)
class Column:
    """One column: its name, its SQLite and Arrow types (None: not in that form), how to fill it."""

    name: str
    sql: str | None
    arrow: pa.DataType | None
    sql_value: Getter
    arrow_value: Getter
    notnull: bool = False
    path: tuple[str, ...] = ()  # the field (and part) it holds; () for a derived column
    # a span's text (start, end, text: a quote, a mention, an actor): SQLite holds NULL when it is the
    # article's text between the span's start and end column, as it nearly always is (see _span_text)
    span: tuple[str, str] | None = None

    @property
    def declared(self) -> str:
        """The SQLite declaration as PRAGMA table_info reads it back: type and NOT NULL."""
        return f"{self.sql}{' NOT NULL' if self.notnull else ''}"


# -- what the map cannot read off the fields ----------------------------------------------------------
_RENAMED = {(Event, "id"): "event_id", (Entity, "id"): "entity_id"}
_ARROW_TYPE: dict[tuple[type, str], tuple[pa.DataType, Callable[[Any], Any]]] = {
    (Event, "quad_class"): (pa.int8(), lambda v: v),
    (Event, "date"): (pa.date32(), parse_date),
    (Article, "published"): (pa.timestamp("us", tz="UTC"), parse_timestamp),
    (Article, "fetched"): (pa.timestamp("us", tz="UTC"), parse_timestamp),
}


def _published_at(a: Article) -> str | None:
    published = parse_timestamp(a.published)
    return published.strftime("%Y-%m-%dT%H:%M:%S") if published else None


def _day(e: Event, a: Article) -> str | None:
    day = parse_date(e.date) or parse_date(a.published)
    return day.isoformat() if day else None


# The lists of records SQLite holds as tables of their own (the article's rows rebuild them).
TABLE_FIELDS = ("paragraphs", "sections", "media", "entities", "quotes", "events")


def pack_record(a: Article) -> bytes:
    """The record but its text, its duplicate_of (columns of their own) and the lists held as tables
    (TABLE_FIELDS), as zlib-compressed JSON: what only the article page and exports read."""
    record = a.to_dict()
    for name in ("text", "duplicate_of", *TABLE_FIELDS):
        del record[name]
    return zlib.compress(json.dumps(record, ensure_ascii=False).encode(), 6)


def unpack_record(packed: bytes, text: str, duplicate_of: str | None, parts: dict[str, list[Any]]) -> Article:
    """The Article from its packed record, the text and duplicate_of columns and its lists read from their
    tables (``parts``: field name -> objects; pack_record's inverse). A list still in the record (one packed
    before schema version 9 whose rows the store does not have, see slim_packed) is taken from there."""
    data = json.loads(zlib.decompress(packed))
    data["text"] = text
    data["duplicate_of"] = duplicate_of
    article = Article.from_dict(data)
    for name, items in parts.items():
        if name not in data:
            setattr(article, name, items)
    return article


def pack_text(text: str | None) -> bytes:
    """An article's text as the store keeps it (zlib, level 6)."""
    return zlib.compress((text or "").encode(), 6)


def article_text_sql(alias: str = "a") -> str:
    """The text of the article ``alias`` in SQL (dateline_unzip is registered on every store connection)."""
    return f"dateline_unzip({alias}.text_zlib)"


class TextReader:
    """unpack_text for SQLite (dateline_unzip): the text of the last blob is kept, since a row's span
    texts (an event's sentence and its two actors) each read the same article's text."""

    def __init__(self) -> None:
        self._last: tuple[bytes, str] = (b"", "")

    def __call__(self, packed: bytes | None) -> str:
        if not packed:
            return ""
        if packed != self._last[0]:
            self._last = (packed, zlib.decompress(packed).decode())
        return self._last[1]


def pack_json(record: str) -> bytes:
    """A record stored as JSON text (schema version 5 and before), packed (for the migration)."""
    return zlib.compress(record.encode(), 6)


def slim_packed(packed: bytes, *rows: int) -> bytes:
    """A packed record of schema version 8 and before (its lists included) without each list of
    TABLE_FIELDS that its table holds whole: ``rows`` are the article's rows in each of those tables, then
    in mentions (for the migration to version 9; a list whose rows are missing stays in the record)."""
    record = json.loads(zlib.decompress(packed))
    *counts, mentions = rows
    for name, count in zip(TABLE_FIELDS, counts, strict=True):
        items = record.get(name)
        whole = items is not None and len(items) == count
        if name == "entities" and whole:
            whole = sum(len(e.get("mentions") or []) for e in items) == mentions
        if whole:
            del record[name]
    return zlib.compress(json.dumps(record, ensure_ascii=False).encode(), 6)


def _now(*_: Any) -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _derived(name: str, sql: str | None, arrow: pa.DataType | None, get: Getter, *, notnull: bool = False) -> Column:
    return Column(name, sql, arrow, get, get, notnull=notnull)


# -- types ------------------------------------------------------------------------------------------------
def _optional(tp: Any) -> tuple[Any, bool]:
    """(the type without None, whether None is allowed)."""
    if get_origin(tp) in (Union, types.UnionType):
        args = [a for a in get_args(tp) if a is not type(None)]
        return (args[0] if len(args) == 1 else tp), len(args) < len(get_args(tp))
    return tp, False


def _scalar_types(tp: Any) -> tuple[str, pa.DataType] | None:
    if get_origin(tp) is Literal or tp is str:
        return "TEXT", pa.string()
    if tp is bool:
        return "INTEGER", pa.bool_()
    if tp is int:
        return "INTEGER", pa.int32()
    if tp is float:
        return "REAL", pa.float32()
    return None


def _is_record(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, Record)


@cache
def _fields(cls: type) -> tuple[tuple[str, Any, bool], ...]:
    """(name, type without None, optional) of each field of a record class (worked out once per class:
    decoding a list of rows asks for them at each row)."""
    hints = type_hints(cls)
    return tuple((f.name, *_optional(hints[f.name])) for f in dataclasses.fields(cls))


@cache
def struct_type(cls: type) -> pa.DataType:
    """The Arrow struct of a record class made of scalars (a span, a paragraph, a section, a medium)."""
    parts = []
    for name, tp, _ in _fields(cls):
        scalar = _scalar_types(tp)
        if scalar is None:
            raise TypeError(f"{cls.__name__}.{name}: only scalar fields fit in a struct")
        parts.append((name, scalar[1]))
    return pa.struct(parts)


def _columns(cls: type, *, prefix: str = "", optional_parent: bool = False, path: tuple[str, ...] = (),
             skip: tuple[str, ...] = ()) -> list[Column]:
    """The columns of a record class's fields but ``skip`` (nested records flattened, their field name
    as prefix)."""
    columns: list[Column] = []
    for name, tp, optional in _fields(cls):
        if name in skip:
            continue
        nullable = optional or optional_parent
        here = (*path, name)
        scalar = _scalar_types(tp)
        if scalar is not None:
            column = _RENAMED.get((cls, name), f"{prefix}{name}")
            sql, arrow = scalar
            to_arrow: Callable[[Any], Any] = _same
            if (cls, name) in _ARROW_TYPE:
                arrow, to_arrow = _ARROW_TYPE[(cls, name)]
            to_sql = int if tp is bool else _same
            if name == "text" and cls in _ELIDED:
                columns.append(Column(
                    column, sql, arrow, sql_value=_span_text(path), arrow_value=_getter(here, to_arrow),
                    notnull=False, path=here, span=(f"{prefix}start", f"{prefix}end"),
                ))
                continue
            columns.append(Column(
                column, sql, arrow,
                sql_value=_getter(here, to_sql), arrow_value=_getter(here, to_arrow),
                notnull=not nullable, path=here,
            ))
        elif _is_record(tp):  # a span or an actor: flattened
            columns += _columns(tp, prefix=f"{prefix}{name}_", optional_parent=nullable, path=here)
        elif get_origin(tp) is list and get_args(tp)[0] is str:
            columns.append(Column(
                f"{prefix}{name}", "TEXT", pa.list_(pa.string()),
                sql_value=_getter(here, lambda v: json.dumps(v, ensure_ascii=False)),
                arrow_value=_getter(here, lambda v: v), notnull=not nullable, path=here,
            ))
        elif get_origin(tp) is list and _is_record(get_args(tp)[0]):
            item = get_args(tp)[0]
            columns.append(Column(
                f"{prefix}{name}", None, pa.list_(struct_type(item)),
                sql_value=_getter(here, lambda v: None), arrow_value=_getter(here, lambda v: [x.to_dict() for x in v]),
                notnull=not nullable, path=here,
            ))
        else:
            raise TypeError(f"{cls.__name__}.{name}: the table map has no column type for {tp!r}")
    return columns


def _same(value: Any) -> Any:
    return value


# The records whose text is the article's between their start and end, and is stored only when it is not:
# a quote's words (the largest copy, a sixth of a news article), its speaker and cue, and a mention.
# An event's sentence and its actors' names stay in their rows: event lists, timelines and downloads read
# thousands of events at a time, and each would otherwise read its article's text.
_ELIDED = (Quote, Span)


def _span_text(path: tuple[str, ...]) -> Getter:
    """The text of the span at ``path``, or None (SQL NULL) when it is the article's text from its start to
    its end: the store reads it from there (Table.select_sql), so a quote's words are not stored twice."""
    def get(obj: Any, article: Article, index: int) -> Any:
        for name in path:
            obj = getattr(obj, name, None) if obj is not None else None
        if obj is None:
            return None
        start, end, text = obj.start, obj.end, obj.text
        whole = article.text
        if (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(whole)
                and whole[start:end] == text and "\x00" not in whole):
            return None
        return text
    return get


def _getter(path: tuple[str, ...], convert: Callable[[Any], Any]) -> Getter:
    def get(obj: Any, article: Article, index: int) -> Any:
        for name in path:
            obj = getattr(obj, name, None) if obj is not None else None
        return convert(obj) if obj is not None else None
    return get


# -- tables -----------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Table:
    """One table of the record in SQLite and/or Arrow, with the columns in order.

    ``items(article)`` lists the objects that are its rows; ``keys`` are the columns that place a row
    (the article id, its index), named per form; a column with ``sql`` None is only in Arrow and one
    with ``arrow`` None only in SQLite.
    """

    name: str
    record: type
    items: Callable[[Article], Sequence[Any]]
    columns: tuple[Column, ...]
    sql_name: str | None = None  # None: the same name; "" for no SQLite table
    keys: tuple[Column, ...] = field(default=())

    @property
    def sql_table(self) -> str | None:
        return self.name if self.sql_name is None else (self.sql_name or None)

    def sql_columns(self) -> list[Column]:
        return [c for c in (*self.keys, *self.columns) if c.sql is not None]

    def arrow_columns(self) -> list[Column]:
        return [c for c in (*self.keys, *self.columns) if c.arrow is not None]

    # SQLite
    def insert_sql(self) -> str:
        columns = self.sql_columns()
        names = ", ".join(_quoted(c.name) for c in columns)
        return f"INSERT INTO {self.sql_table}({names}) VALUES ({', '.join('?' * len(columns))})"

    def sql_rows(self, article: Article) -> list[tuple]:
        columns = self.sql_columns()
        return [tuple(c.sql_value(obj, article, i) for c in columns) for i, obj in enumerate(self.items(article))]

    def select_sql(self, alias: str, article: str = "a") -> str:
        """The columns ``decode`` reads, for a SELECT over this table as ``alias`` joined to its article as
        ``article``."""
        return ", ".join(self.value_sql(c.name, alias, article) for c in self.columns if c.sql is not None and c.path)

    def value_sql(self, name: str, alias: str, article: str = "a") -> str:
        """The SQL value of the column ``name``: a span's text not stored is its article's text between the
        span's start and end."""
        c = next(c for c in self.columns if c.name == name)
        if c.span is None:
            return f"{alias}.{_quoted(c.name)}"
        start, end = (f"{alias}.{_quoted(n)}" for n in c.span)
        return f"coalesce({alias}.{c.name}, substr({article_text_sql(article)}, {start} + 1, {end} - {start}))"

    def select_width(self) -> int:
        """How many columns select_sql gives."""
        return len([c for c in self.columns if c.sql is not None and c.path])

    def decode(self, row: Sequence[Any]) -> Any:
        """The record object from a row of ``select_sql``'s columns, in that order."""
        values: dict[tuple[str, ...], Any] = {}
        for column, value in zip([c for c in self.columns if c.sql is not None and c.path], row, strict=True):
            values[column.path] = value
        return _build(self.record, (), values)

    # Arrow
    def schema(self) -> pa.Schema:
        return pa.schema([(c.name, c.arrow) for c in self.arrow_columns()])

    def arrow_rows(self, article: Article) -> Iterator[dict[str, Any]]:
        columns = self.arrow_columns()
        for i, obj in enumerate(self.items(article)):
            yield {c.name: c.arrow_value(obj, article, i) for c in columns}


def _quoted(name: str) -> str:
    return f'"{name}"' if name in {"end", "order", "group"} else name


_RECORD, _BOOL, _LIST, _PLAIN = range(4)


@cache
def _decoding(cls: type) -> tuple[tuple[tuple[str, int, Any], ...], tuple[str, ...]]:
    """How _build reads each field of ``cls`` (worked out once per class): (name, kind, type) per field, and
    the names of the required fields."""
    plan = []
    for name, tp, _ in _fields(cls):
        kind = _RECORD if _is_record(tp) else _BOOL if tp is bool else _LIST if get_origin(tp) is list else _PLAIN
        plan.append((name, kind, tp))
    return tuple(plan), tuple(name for name, _, optional in _fields(cls) if not optional)


def _build(cls: type, path: tuple[str, ...], values: dict[tuple[str, ...], Any]) -> Any:
    """A record object from column values keyed by field path; a nested record whose required
    fields are all NULL is None."""
    kwargs: dict[str, Any] = {}
    plan, required = _decoding(cls)
    for name, kind, tp in plan:
        here = (*path, name)
        if kind == _RECORD:
            kwargs[name] = _build(tp, here, values)
        elif here in values:
            value = values[here]
            if value is not None and kind == _BOOL:
                value = bool(value)
            elif value is not None and kind == _LIST:
                value = json.loads(value)
            kwargs[name] = value
    if path and all(kwargs.get(name) is None for name in required):
        return None
    return cls(**kwargs)


def _index(name: str, *, sql: bool = True, arrow: bool = True) -> Column:
    return _derived(name, "INTEGER" if sql else None, pa.int32() if arrow else None,
                    lambda obj, a, i: i, notnull=True)


_ARTICLE_ID = _derived("article_id", "TEXT", pa.string(), lambda obj, a, i: a.id, notnull=True)


def _placed(columns: list[Column], extra: dict[str, list[Column]]) -> tuple[Column, ...]:
    """``columns`` with each list of ``extra`` put after the column it is keyed by ('' for the end)."""
    out: list[Column] = []
    for c in columns:
        out.append(c)
        out += extra.get(c.name, [])
    return (*out, *extra.get("", []))


def _only_sql(columns: list[Column]) -> list[Column]:
    return [dataclasses.replace(c, arrow=None) for c in columns]


def _only_arrow(columns: list[Column]) -> list[Column]:
    return [dataclasses.replace(c, sql=None) for c in columns]


_FACTS = ("entities", "quotes", "events")


def _counter(name: str) -> Getter:
    return lambda a, _, i: len(getattr(a, name))


def _zipped_text(columns: list[Column]) -> list[Column]:
    """The text as SQLite holds it: compressed in ``text_zlib`` (a third of its size; schema version 10),
    read with article_text_sql; Arrow keeps it as a string."""
    out: list[Column] = []
    for c in columns:
        if c.name == "text":
            out += [dataclasses.replace(c, sql=None),
                    _derived("text_zlib", "BLOB", None, lambda a, _, i: pack_text(a.text), notnull=True)]
        else:
            out.append(c)
    return out


_article_fields = _zipped_text(_columns(Article, skip=_FACTS))  # the facts are tables of their own

ARTICLES = Table(
    "articles", Article, lambda a: [a],
    columns=_placed(
        # SQLite keeps the scalar fields and the lists of words as columns (the lists of records are
        # tables of their own), and the whole record, packed, for the article page
        _article_fields,
        {
            "published": [_derived("published_at", "TEXT", None, lambda a, _, i: _published_at(a))],
            "": [
                _derived("record_zlib", "BLOB", None, lambda a, _, i: pack_record(a), notnull=True),
                _derived("stored_at", "TEXT", None, _now, notnull=True),
                *[_derived(f"{count}_count", None, pa.int32(), _counter(name))
                  for name, count in zip(_FACTS, ("entity", "quote", "event"), strict=True)],
            ],
        },
    ),
)

ENTITIES = Table(
    "entities", Entity, lambda a: a.entities,
    keys=(_ARTICLE_ID, _index("idx", arrow=False)),
    columns=_placed(
        _columns(Entity),
        {
            "entity_id": [_derived("entity_key", "TEXT", pa.string(),
                                   lambda e, a, i: entity_key(e.type, e.name), notnull=True)],
            "name": [_derived("name_norm", "TEXT", None, lambda e, a, i: normalise_name(e.name), notnull=True)],
            "descriptors": [_derived("mention_count", "INTEGER", pa.int32(),
                                     lambda e, a, i: len(e.mentions), notnull=True)],
        },
    ),
)

QUOTES = Table(
    "quotes", Quote, lambda a: a.quotes,
    keys=(_ARTICLE_ID, _index("idx", arrow=False), _index("quote_index", sql=False)),
    columns=_placed(
        _columns(Quote),
        {"speaker_name": [_derived(
            "speaker_norm", "TEXT", None,
            lambda q, a, i: normalise_name(q.speaker_name or (q.speaker.text if q.speaker else "")) or None)]},
    ),
)

EVENTS = Table(
    "events", Event, lambda a: a.events,
    keys=(_ARTICLE_ID, _index("idx", arrow=False), _index("event_index", sql=False)),
    columns=_placed(
        _columns(Event),
        # day: the event's date, else the article's publication date (for date filters)
        {"date": [_derived("day", "TEXT", None, lambda e, a, i: _day(e, a))]},
    ),
)

FAILURES_ARROW = pa.schema([("source", pa.string()), ("error", pa.string()), ("kind", pa.string())])

# the parts of an article that only SQLite holds as tables (Arrow nests them in the articles table)
PARAGRAPHS = Table("paragraphs", Paragraph, lambda a: a.paragraphs, keys=(_ARTICLE_ID, _index("idx")),
                   columns=tuple(_only_sql(_columns(Paragraph))))
SECTIONS = Table("sections", Section, lambda a: a.sections, keys=(_ARTICLE_ID, _index("idx")),
                 columns=tuple(_only_sql(_columns(Section))))
MEDIA = Table("media", Media, lambda a: a.media, keys=(_ARTICLE_ID, _index("idx")),
              columns=tuple(_only_sql(_columns(Media))))


@dataclass(frozen=True)
class _Mention:
    """A mention placed in its article: its entity's index and its own."""

    entity_idx: int
    idx: int
    span: Span


def _mentions(a: Article) -> list[_Mention]:
    return [_Mention(i, j, m) for i, e in enumerate(a.entities) for j, m in enumerate(e.mentions)]


MENTIONS = Table(
    "mentions", Span, _mentions,
    keys=(_ARTICLE_ID, _derived("entity_idx", "INTEGER", None, lambda m, a, i: m.entity_idx, notnull=True),
          _derived("idx", "INTEGER", None, lambda m, a, i: m.idx, notnull=True)),
    columns=tuple(_only_sql(_columns(Span, path=("span",)))),
)


# What SQLite holds of each article, in the order written (articles first: the others reference it).
SQL_TABLES: tuple[Table, ...] = (ARTICLES, PARAGRAPHS, SECTIONS, MEDIA, ENTITIES, MENTIONS, QUOTES, EVENTS)
# The export and Ray tables, in their order.
EXPORT_TABLES: tuple[Table, ...] = (ARTICLES, ENTITIES, QUOTES, EVENTS)


def export_schemas() -> dict[str, pa.Schema]:
    """The Parquet/CSV schema of each export table (failures included)."""
    return {**{t.name: t.schema() for t in EXPORT_TABLES}, "failures": FAILURES_ARROW}


def sql_declarations() -> dict[str, dict[str, str]]:
    """{table: {column: 'TYPE[ NOT NULL]'}} as the map would have SQLite hold them (for the migration test)."""
    return {t.sql_table: {c.name: c.declared for c in t.sql_columns()} for t in SQL_TABLES if t.sql_table}


__all__ = [
    "ARTICLES", "ENTITIES", "EVENTS", "EXPORT_TABLES", "MEDIA", "MENTIONS", "PARAGRAPHS", "QUOTES", "SECTIONS",
    "SQL_TABLES", "TABLE_FIELDS", "Column", "Table", "export_schemas", "TextReader", "article_text_sql", "pack_json", "pack_record", "pack_text", "slim_packed",
    "sql_declarations", "struct_type", "unpack_record",
]
