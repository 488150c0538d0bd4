"""Run spaCy once per article and build entities, quotes and events from the Doc."""

from __future__ import annotations

from collections.abc import Sequence

from ..config import settings
from ..model import Article
from .entities import extract_entities
from .events import code_events
from .loader import load_nlp
from .quotes import extract_quotes


class Annotator:
    """A pipeline step: fills ``entities``, ``quotes`` and ``events`` of each article in place."""

    name = "nlp"

    def __init__(self, model: str | None = None, batch_size: int | None = None, *,
                 event_min_confidence: float | None = None, quote_min_confidence: float | None = None) -> None:
        """``*_min_confidence``: the least confidence of the events and quotes kept (default: settings;
        0 keeps them all, each with its score)."""
        self.model = model
        self.batch_size = batch_size or settings.nlp_batch_size
        self.event_min_confidence = (settings.event_min_confidence if event_min_confidence is None
                                     else event_min_confidence)
        self.quote_min_confidence = (settings.quote_min_confidence if quote_min_confidence is None
                                     else quote_min_confidence)

    @property
    def nlp(self):
        return load_nlp(self.model)

    def prepare(self) -> None:
        """Load the model and build the annotators' tables on one short text (the pipeline calls this
        before any document's time limit starts)."""
        text = "The minister said on Monday that talks with China would resume in Geneva, officials told reporters."
        self([Article(id="warm-up", source="<warm-up>", text=text)])

    def __call__(self, articles: Sequence[Article]) -> None:
        todo = [a for a in articles if a.text]
        docs = self.nlp.pipe((a.text for a in todo), batch_size=self.batch_size)
        for article, doc in zip(todo, docs, strict=True):
            annotate_doc(article, doc)
            keep_confident(article, events=self.event_min_confidence, quotes=self.quote_min_confidence)


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
