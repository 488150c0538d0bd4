"""The record: typed dataclasses for one article and the facts found in it.

This is the contract of DESIGN.md: the CLI prints it, the API returns it and the
store holds it. All offsets are character offsets into ``Article.text``, end
exclusive. Every class round-trips: ``Cls.from_dict(x.to_dict()) == x``.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Literal, TypeVar, Union, get_args, get_origin, get_type_hints

T = TypeVar("T", bound="Record")

ParagraphKind = Literal["body", "heading", "list_item"]
QuoteKind = Literal["direct", "indirect"]


class Record:
    """Mixin giving dataclasses ``to_dict()`` and ``from_dict()``."""

    def to_dict(self) -> dict[str, Any]:
        return {f.name: _dump(getattr(self, f.name)) for f in dataclasses.fields(self)}  # type: ignore[arg-type]

    @classmethod
    def from_dict(cls: type[T], data: dict[str, Any]) -> T:
        hints = _hints(cls)
        kwargs = {}
        for f in dataclasses.fields(cls):  # type: ignore[arg-type]
            if f.name in data:
                kwargs[f.name] = _load(hints[f.name], data[f.name])
        return cls(**kwargs)


@cache
def _hints(cls: type) -> dict[str, Any]:
    return get_type_hints(cls)


def _dump(value: Any) -> Any:
    if isinstance(value, Record):
        return value.to_dict()
    if isinstance(value, list | tuple):
        return [_dump(v) for v in value]
    if isinstance(value, dict):
        return {k: _dump(v) for k, v in value.items()}
    return value


def _load(tp: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        args = [a for a in get_args(tp) if a is not type(None)]
        return _load(args[0], value) if len(args) == 1 else value
    if origin is list:
        (item,) = get_args(tp)
        return [_load(item, v) for v in value]
    if origin is dict:
        return dict(value)
    if isinstance(tp, type) and issubclass(tp, Record):
        return tp.from_dict(value)
    if origin is typing.Literal:
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
