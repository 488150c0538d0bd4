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

    def __init__(self, model: str | None = None, batch_size: int | None = None) -> None:
        self.model = model
        self.batch_size = batch_size or settings.nlp_batch_size

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


def annotate_doc(article: Article, doc) -> None:
    article.entities = extract_entities(doc, article)
    article.quotes = extract_quotes(doc, article, article.entities)
    article.events = code_events(doc, article)
