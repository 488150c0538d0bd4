"""Run spaCy once per article and build entities, quotes and events from the Doc."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Article
from .entities import extract_entities
from .events import code_events
from .quotes import extract_quotes


class Annotator:
    """Entities, quotes and events of each article, in place: the built-in stages (engine/builtin.py)
    parse, entities, quotes, events and confidence, run as one callable."""

    name = "nlp"

    def __init__(self, model: str | None = None, batch_size: int | None = None, *,
                 event_min_confidence: float | None = None, quote_min_confidence: float | None = None) -> None:
        """``*_min_confidence``: the least confidence of the events and quotes kept (default: settings;
        0 keeps them all, each with its score)."""
        from dataclasses import replace

        from ..engine.spec import PipelineSpec

        *stages, threshold = PipelineSpec.default(model=model, batch_size=batch_size).stages
        params = (("events", event_min_confidence), ("quotes", quote_min_confidence))
        self.stages = [s.build() for s in (*stages, replace(threshold, params=params))]

    def __call__(self, articles: Sequence[Article]) -> None:
        from ..engine.stages import Shared

        shared = Shared()
        for stage in self.stages:
            stage(articles, shared)


def annotate_doc(article: Article, doc) -> None:
    article.entities = extract_entities(doc, article)
    article.quotes = extract_quotes(doc, article, article.entities)
    article.events = code_events(doc, article)


def keep_confident(article: Article, *, events: float, quotes: float) -> None:
    """Drop the events and quotes below their least confidence (a fact with no score is kept); an
    event's ``quote`` index follows its quote, or becomes None when that quote is dropped."""
    if quotes > 0:
        kept = [i for i, q in enumerate(article.quotes) if q.confidence is None or q.confidence >= quotes]
        new_index = {old: new for new, old in enumerate(kept)}
        article.quotes = [article.quotes[i] for i in kept]
        for e in article.events:
            e.quote = new_index.get(e.quote) if e.quote is not None else None
    if events > 0:
        article.events = [e for e in article.events if e.confidence is None or e.confidence >= events]
