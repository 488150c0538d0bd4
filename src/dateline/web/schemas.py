"""The shapes of the API's answers, for the OpenAPI description (and checked on every answer).

The record types are the dataclasses of dateline.model, so the API documents the
same contract the CLI prints and the store holds.
"""

from __future__ import annotations

import dataclasses
from typing import Any, get_type_hints

from pydantic import BaseModel, Field, create_model

from ..model import Article, Event, Quote


class Counts(BaseModel):
    entities: int
    quotes: int
    events: int


class ArticleSummary(BaseModel):
    id: str
    title: str | None = None
    publisher: str | None = None
    published: str | None = None
    language: str | None = None
    url: str | None = None
    authors: list[str] = []
    duplicate_of: str | None = None
    counts: Counts | None = None
    copies: int = 1


class ArticleList(BaseModel):
    filters: dict[str, Any]
    sort: str
    collapse: bool
    total: int
    offset: int
    limit: int
    next_offset: int | None = Field(description="Pass as `offset` for the next page; null on the last page.")
    articles: list[ArticleSummary]


class ArticleView(BaseModel):
    article: Article = Field(description="The full record (DESIGN.md): text, paragraphs, sections, media, "
                                         "entities, quotes, events.")
    entity_keys: dict[str, str] = Field(description="Entity id in this article -> key of its entity page.")
    duplicates: list[ArticleSummary]
    previous: str | None = Field(description="The article before this one in id order.")
    next: str | None = Field(description="The article after this one in id order.")


class Duplicates(BaseModel):
    id: str
    duplicates: list[ArticleSummary]


class Hit(BaseModel):
    id: str
    title: str | None = None
    publisher: str | None = None
    published: str | None = None
    score: float = Field(description="bm25, higher is better.")
    snippet: str = Field(description="Plain text around the matches.")
    highlights: list[list[int]] = Field(description="[start, end] character offsets of the matches in snippet.")
    cluster_size: int = Field(description="Articles in this hit's near-duplicate cluster.")


class SearchAnswer(BaseModel):
    query: str
    filters: dict[str, Any]
    collapse: bool
    total: int
    offset: int
    limit: int
    next_offset: int | None
    hits: list[Hit]
    facets: dict[str, list[list[Any]]] | None = Field(
        default=None,
        description="With facets=true (else null): [value, count] over every match, not only this page: publisher, "
                    "language, year, entity ([key, name, count]), country, and the plover and quad_class of their "
                    "events.")
    facets_sample: dict[str, Any] | None = Field(
        default=None,
        description="With facets=true (else null): how the facets were counted: matches, and when estimated is "
                    "true, over every `every`-th match (sampled of them), the counts scaled up.")
    volume: dict[str, Any] | None = Field(
        default=None,
        description="With volume=true (else null): freq and points: the matches per period (count), all the "
                    "store's articles that period (all) and the share.")


class EntitySummary(BaseModel):
    key: str
    name: str
    type: str
    code: str | None = None
    country: str | None = None
    articles: int
    mentions: int
    names: list[str] = []
    descriptors: list[str] = []


class EntityList(BaseModel):
    filters: dict[str, Any]
    collapse: bool
    total: int
    offset: int
    limit: int
    next_offset: int | None
    entities: list[EntitySummary]


class MentionContext(BaseModel):
    before: str
    match: str
    after: str


class Mention(BaseModel):
    start: int
    end: int
    text: str
    context: MentionContext


class MentioningArticle(ArticleSummary):
    mentions: list[Mention]


class MentionPage(BaseModel):
    total: int
    offset: int
    limit: int
    next_offset: int | None
    items: list[MentioningArticle]


def _in_article(record: type, doc: str, **described: str) -> type[BaseModel]:
    """The record's own fields, derived from its dataclass, and ``article``: the id of the article it is in."""
    hints = get_type_hints(record)
    fields: dict[str, Any] = {
        "article": (str, Field(description="The id of the article it is in.")),
        "article_title": (str | None, None),
        "article_publisher": (str | None, None),
        "article_published": (str | None, None),
        "copies": (int, Field(default=1, description="Near-duplicate articles that report it (when collapsed).")),
    }
    for f in dataclasses.fields(record):
        if f.default_factory is not dataclasses.MISSING:
            default = Field(default_factory=f.default_factory, description=described.get(f.name))
        else:
            default = Field(default=... if f.default is dataclasses.MISSING else f.default,
                            description=described.get(f.name))
        fields[f.name] = (hints[f.name], default)
    return create_model(f"{record.__name__}Row", __doc__=doc, **fields)


QuoteRow = _in_article(Quote, "A quote (the record's fields) and the article it is in.")
EventRow = _in_article(Event, "An event (the record's fields) and the article it is in.",
                       quote="Index of the quote it was reported in.")


class QuoteSample(BaseModel):
    total: int
    items: list[QuoteRow]
    all: str = Field(description="The URL of the full list.")


class EventSample(BaseModel):
    total: int
    items: list[EventRow]
    all: str = Field(description="The URL of the full list.")


class EntityView(BaseModel):
    entity: EntitySummary
    articles: MentionPage
    quotes: QuoteSample
    events_as_source: EventSample
    events_as_target: EventSample


class QuoteList(BaseModel):
    filters: dict[str, Any]
    collapse: bool
    total: int
    offset: int
    limit: int
    next_offset: int | None
    quotes: list[QuoteRow]


class EventList(BaseModel):
    filters: dict[str, Any]
    collapse: bool
    total: int
    offset: int
    limit: int
    next_offset: int | None
    events: list[EventRow]


class TimelineRow(BaseModel):
    period: str = Field(description="2024-04-26 (day), 2024-W17 (ISO week) or 2024-04 (month).")
    start: str = Field(description="The period's first day.")
    end: str = Field(description="The period's last day.")
    count: int
    by_quad: dict[str, int] = Field(description="Events per quad class 1..4: verbal/material cooperation, "
                                                "verbal/material conflict.")
    mean_goldstein: float | None


class TimelineAnswer(BaseModel):
    a: str
    b: str
    freq: str
    directed: bool
    rows: list[TimelineRow]
    undated: int = Field(description="Matching events without a date as precise as the period.")
    total: int
