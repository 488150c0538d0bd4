"""The built-in stages: one spaCy parse per article, then entities, quotes and events read from it,
then the confidence threshold. The NLP modules are imported when a stage is made, not before, so a
run without NLP never loads spaCy."""

from __future__ import annotations

from collections.abc import Sequence

from ..config import settings
from ..model import Article
from .stages import Shared, register_stage


@register_stage("parse", requires=("text",), assigns=("doc",))
class Parse:
    """The spaCy pipeline over the articles' text, in batches: one Doc per article, shared."""

    def __init__(self, model: str | None = None, batch_size: int | None = None) -> None:
        self.model = model
        self.batch_size = batch_size or settings.nlp_batch_size

    def prepare(self) -> None:
        from ..nlp import load_nlp

        load_nlp(self.model)

    def __call__(self, articles: Sequence[Article], shared: Shared) -> None:
        from ..nlp import load_nlp

        todo = [a for a in articles if a.text and id(a) not in shared.docs]
        docs = load_nlp(self.model).pipe((a.text for a in todo), batch_size=self.batch_size)
        for article, doc in zip(todo, docs, strict=True):
            shared.docs[id(article)] = doc


def _parsed(articles: Sequence[Article], shared: Shared):
    return [(a, shared.doc(a)) for a in articles if a.text]


@register_stage("entities", requires=("doc",), assigns=("entities",))
def entities(articles: Sequence[Article], shared: Shared) -> None:
    from ..nlp.entities import extract_entities

    for article, doc in _parsed(articles, shared):
        article.entities = extract_entities(doc, article)


@register_stage("quotes", requires=("doc", "entities"), assigns=("quotes",))
def quotes(articles: Sequence[Article], shared: Shared) -> None:
    from ..nlp.quotes import extract_quotes

    for article, doc in _parsed(articles, shared):
        article.quotes = extract_quotes(doc, article, article.entities)


@register_stage("events", requires=("doc", "entities", "quotes"), assigns=("events",))
def events(articles: Sequence[Article], shared: Shared) -> None:
    from ..nlp.events import code_events

    for article, doc in _parsed(articles, shared):
        article.events = code_events(doc, article)


@register_stage("confidence", requires=("quotes", "events"), assigns=("quotes", "events"))
def confidence(articles: Sequence[Article], shared: Shared, *, events: float | None = None,
               quotes: float | None = None) -> None:
    """Keep the events and quotes at or over their least confidence (default: settings; 0 keeps all)."""
    from ..nlp.annotate import keep_confident

    for article in articles:
        if article.text:
            keep_confident(article, events=settings.event_min_confidence if events is None else events,
                           quotes=settings.quote_min_confidence if quotes is None else quotes)
