"""The record: typed dataclasses for one article and the facts found in it.

This is the contract of DESIGN.md: the CLI prints it, the API returns it and the
store holds it. All offsets are character offsets into ``Article.text``, end
exclusive. Every class round-trips: ``Cls.from_dict(x.to_dict()) == x``.
"""

from __future__ import annotations

import dataclasses
import math
import types
import typing
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Literal, TypeVar, Union, get_args, get_origin, get_type_hints

from .config import settings
from .errors import InvalidRecord

T = TypeVar("T", bound="Record")

ParagraphKind = Literal["body", "heading", "list_item"]
QuoteKind = Literal["direct", "indirect"]


class Record:
    """Mixin giving dataclasses ``to_dict()`` and ``from_dict()``.

    ``from_dict`` checks every value against the dataclass's type hints (so a field added to a
    dataclass is checked with no more code): a wrong type, a missing required field, an int outside
    SQLite's 64-bit range, a float that is not finite, a string outside a Literal, a list longer than
    ``settings.max_items`` each raise InvalidRecord naming the field (``quotes[3].speaker.start``).
    Unknown keys are ignored, so records from a newer dateline still read.
    """

    def to_dict(self) -> dict[str, Any]:
        return {f.name: _dump(getattr(self, f.name)) for f in dataclasses.fields(self)}  # type: ignore[arg-type]

    @classmethod
    def from_dict(cls: type[T], data: dict[str, Any]) -> T:
        return _record(cls, data, "")


@cache
def _hints(cls: type) -> dict[str, Any]:
    return get_type_hints(cls)


@cache
def _required(cls: type) -> frozenset[str]:
    return frozenset(f.name for f in dataclasses.fields(cls)
                     if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING)


def _dump(value: Any) -> Any:
    if isinstance(value, Record):
        return value.to_dict()
    if isinstance(value, list | tuple):
        return [_dump(v) for v in value]
    if isinstance(value, dict):
        return {k: _dump(v) for k, v in value.items()}
    return value


_INT_RANGE = range(-(2**63), 2**63)  # what SQLite stores as an INTEGER


def _bad(path: str, problem: str) -> InvalidRecord:
    return InvalidRecord(f"field {path or 'record'}: {problem}")


def _kind(value: Any) -> str:
    return "null" if value is None else {dict: "an object", list: "an array", str: "a string", bool: "a boolean",
                                         int: "a number", float: "a number"}.get(type(value), type(value).__name__)


def _record(cls: type[T], data: Any, path: str) -> T:
    if not isinstance(data, dict):
        raise _bad(path, f"{_kind(data)}, expected an object")
    hints = _hints(cls)
    missing = sorted(_required(cls) - data.keys())
    if missing:
        raise _bad(f"{path}.{missing[0]}" if path else missing[0], "missing")
    kwargs = {}
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        if f.name in data:
            kwargs[f.name] = _load(hints[f.name], data[f.name], f"{path}.{f.name}" if path else f.name)
    return cls(**kwargs)


def _load(tp: Any, value: Any, path: str) -> Any:
    """``value`` as type ``tp``, or InvalidRecord naming ``path``."""
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        options = get_args(tp)
        if value is None:
            if type(None) in options:
                return None
            raise _bad(path, "null is not allowed here")
        problems = []
        for option in (o for o in options if o is not type(None)):
            try:
                return _load(option, value, path)
            except InvalidRecord as exc:
                problems.append(str(exc))
        raise InvalidRecord(problems[0]) if len(problems) == 1 else _bad(path, f"{_kind(value)} fits none of {tp}")
    if value is None:
        raise _bad(path, "null is not allowed here")
    if origin is list:
        if not isinstance(value, list):
            raise _bad(path, f"{_kind(value)}, expected an array")
        if len(value) > settings.max_items:
            raise _bad(path, f"{len(value):,} items is over the limit of {settings.max_items:,} (DATELINE_MAX_ITEMS)")
        (item,) = get_args(tp)
        return [_load(item, v, f"{path}[{i}]") for i, v in enumerate(value)]
    if origin is dict:
        if not isinstance(value, dict):
            raise _bad(path, f"{_kind(value)}, expected an object")
        return dict(value)
    if origin is typing.Literal:
        if not isinstance(value, str | int) or isinstance(value, bool) or value not in get_args(tp):
            raise _bad(path, f"{value!r:.60} is not one of {', '.join(map(repr, get_args(tp)))}")
        return value
    if isinstance(tp, type) and issubclass(tp, Record):
        return _record(tp, value, path)
    if tp is bool:
        if not isinstance(value, bool):
            raise _bad(path, f"{_kind(value)}, expected true or false")
        return value
    if tp is int:
        if not isinstance(value, int) or isinstance(value, bool):
            raise _bad(path, f"{_kind(value)}, expected a whole number")
        if value not in _INT_RANGE:
            raise _bad(path, "a number too large to store")
        return value
    if tp is float:
        if not isinstance(value, int | float) or isinstance(value, bool):
            raise _bad(path, f"{_kind(value)}, expected a number")
        if isinstance(value, int) and value not in _INT_RANGE or not math.isfinite(value):
            raise _bad(path, "not a finite number")
        return float(value)
    if tp is str:
        if not isinstance(value, str):
            raise _bad(path, f"{_kind(value)}, expected a string")
        return value
    return value


@dataclass
class Span(Record):
    """A piece of ``Article.text``."""

    start: int
    end: int
    text: str


@dataclass
class Paragraph(Record):
    start: int
    end: int
    kind: ParagraphKind = "body"
    section: int | None = None  # index into Article.sections


@dataclass
class Section(Record):
    """A sub-story of the article with its own heading and byline."""

    heading: str | None
    byline: str | None
    start: int
    end: int


@dataclass
class Media(Record):
    kind: Literal["image", "video", "audio"] = "image"
    caption: str | None = None
    credit: str | None = None


@dataclass
class Entity(Record):
    """One real-world entity and every mention of it in the article."""

    id: str
    name: str
    type: str  # PERSON, ORG, GPE, NORP, LOC, ...
    code: str | None = None  # CAMEO-style actor code, e.g. USAGOV
    country: str | None = None  # ISO 3166 alpha-3
    descriptors: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)


@dataclass
class Quote(Record):
    start: int
    end: int
    text: str
    kind: QuoteKind = "direct"
    speaker: Span | None = None
    speaker_entity: str | None = None  # Entity.id
    speaker_name: str | None = None
    cue: Span | None = None


@dataclass
class Actor(Record):
    """One side of an event."""

    text: str
    start: int | None = None
    end: int | None = None
    entity: str | None = None  # Entity.id
    code: str | None = None
    country: str | None = None


@dataclass
class Event(Record):
    start: int
    end: int
    text: str
    source: Actor | None = None
    target: Actor | None = None
    cameo: str | None = None
    plover: str | None = None
    quad_class: int | None = None
    goldstein: float | None = None
    date: str | None = None
    location: str | None = None
    negated: bool = False
    quote: int | None = None  # index into Article.quotes


@dataclass
class Article(Record):
    id: str
    source: str
    url: str | None = None
    title: str | None = None
    publisher: str | None = None
    published: str | None = None
    fetched: str | None = None
    language: str | None = None
    authors: list[str] = field(default_factory=list)
    text: str = ""
    paragraphs: list[Paragraph] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    media: list[Media] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    duplicate_of: str | None = None

    def paragraph_texts(self) -> list[str]:
        return [self.text[p.start : p.end] for p in self.paragraphs]


@dataclass
class Failure(Record):
    """An input that could not be turned into an article, with the reason."""

    source: str
    error: str
    kind: str = "error"  # the DatelineError subclass name

    @property
    def ok(self) -> bool:
        return False


Result = Article | Failure
