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
from collections.abc import Callable
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
        return _record(cls, data)


def _dump(value: Any) -> Any:
    if isinstance(value, Record):
        return value.to_dict()
    if isinstance(value, list | tuple):
        return [_dump(v) for v in value]
    if isinstance(value, dict):
        return {k: _dump(v) for k, v in value.items()}
    return value


_INT_RANGE = range(-(2**63), 2**63)  # what SQLite stores as an INTEGER


class _Bad(Exception):
    """A value that is not what its type hint says; ``path`` grows as it goes up (innermost first)."""

    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem
        self.path: list[str] = []


def _kind(value: Any) -> str:
    return "null" if value is None else {dict: "an object", list: "an array", str: "a string", bool: "a boolean",
                                         int: "a number", float: "a number"}.get(type(value), type(value).__name__)


def _record(cls: type[T], data: Any) -> T:
    try:
        return _loader(cls)(data)
    except _Bad as exc:
        where = "".join(reversed(exc.path)).lstrip(".") or "record"
        raise InvalidRecord(f"field {where}: {exc.problem}") from None


@cache
def _loader(tp: Any) -> Callable[[Any], Any]:
    """A function that checks a value against the type hint ``tp`` and gives it back as that type
    (a nested Record built), or raises _Bad. Made once per hint: reading a record costs no more
    than building it."""
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        nullable = type(None) in get_args(tp)
        options = [_loader(o) for o in get_args(tp) if o is not type(None)]
        return _optional(options, nullable, tp)
    if origin is list:
        return _list(_loader(get_args(tp)[0]))
    if origin is dict:
        return _checked(dict, "an object", dict)
    if origin is typing.Literal:
        return _literal(get_args(tp))
    if isinstance(tp, type) and issubclass(tp, Record):
        return _dataclass(tp)
    if tp is bool:
        return _checked(bool, "true or false")
    if tp is int:
        return _int
    if tp is float:
        return _float
    if tp is str:
        return _checked(str, "a string")
    return lambda value: value


def _not_null(value: Any) -> None:
    if value is None:
        raise _Bad("null is not allowed here")


def _optional(options: list[Callable[[Any], Any]], nullable: bool, tp: Any) -> Callable[[Any], Any]:
    def load(value: Any) -> Any:
        if value is None:
            if nullable:
                return None
            raise _Bad("null is not allowed here")
        problems = []
        for option in options:
            try:
                return option(value)
            except _Bad as exc:
                problems.append(exc)
        raise problems[0] if len(problems) == 1 else _Bad(f"{_kind(value)} fits none of {tp}")

    return load


def _list(item: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def load(value: Any) -> list[Any]:
        _not_null(value)
        if type(value) is not list:
            raise _Bad(f"{_kind(value)}, expected an array")
        if len(value) > settings.max_items:
            raise _Bad(f"{len(value):,} items is over the limit of {settings.max_items:,} (DATELINE_MAX_ITEMS)")
        try:
            return [item(v) for v in value]
        except _Bad as exc:  # find which item, for the message (only on the way out)
            for i, v in enumerate(value):
                try:
                    item(v)
                except _Bad:
                    exc.path.append(f"[{i}]")
                    break
            raise

    return load


@cache
def type_hints(cls: type) -> dict[str, Any]:
    """A record class's resolved type hints, made once: for the loaders here and the table map
    (store/tables.py)."""
    return get_type_hints(cls)


def _dataclass(cls: type) -> Callable[[Any], Any]:
    hints = type_hints(cls)
    fields = [(f.name, _loader(hints[f.name])) for f in dataclasses.fields(cls)]
    required = [f.name for f in dataclasses.fields(cls)
                if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING]

    def load(value: Any) -> Any:
        _not_null(value)
        if type(value) is not dict:
            raise _Bad(f"{_kind(value)}, expected an object")
        for name in required:
            if name not in value:
                bad = _Bad("missing")
                bad.path.append(f".{name}")
                raise bad
        kwargs = {}
        for name, load_field in fields:
            if name in value:
                try:
                    kwargs[name] = load_field(value[name])
                except _Bad as exc:
                    exc.path.append(f".{name}")
                    raise
        return cls(**kwargs)

    return load


def _checked(kind: type, expected: str, make: Callable[[Any], Any] | None = None) -> Callable[[Any], Any]:
    def load(value: Any) -> Any:
        if type(value) is not kind:
            _not_null(value)
            raise _Bad(f"{_kind(value)}, expected {expected}")
        return make(value) if make else value

    return load


def _literal(allowed: tuple[Any, ...]) -> Callable[[Any], Any]:
    def load(value: Any) -> Any:
        if type(value) not in (str, int) or value not in allowed:
            _not_null(value)
            raise _Bad(f"{value!r:.60} is not one of {', '.join(map(repr, allowed))}")
        return value

    return load


def _int(value: Any) -> int:
    if type(value) is not int:
        _not_null(value)
        raise _Bad(f"{_kind(value)}, expected a whole number")
    if value not in _INT_RANGE:
        raise _Bad("a number too large to store")
    return value


def _float(value: Any) -> float:
    if type(value) is float:
        if not math.isfinite(value):
            raise _Bad("not a finite number")
        return value
    if type(value) is int:
        if value not in _INT_RANGE:
            raise _Bad("not a finite number")
        return float(value)
    _not_null(value)
    raise _Bad(f"{_kind(value)}, expected a number")


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
    confidence: float | None = None  # 0-1: how sure the attribution is; see dateline.confidence


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
    confidence: float | None = None  # 0-1, from the event's evidence; see dateline.confidence
    id: str | None = None  # stable: the same article, span, category and actors give the same id


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
