"""dateline: raw news pages in, structured and searchable facts out.

>>> import dateline
>>> [article] = dateline.process("examples/broadcaster-translated-dump.txt", nlp=False)  # doctest: +SKIP
>>> article.title  # doctest: +SKIP
"""

from __future__ import annotations

from .errors import DatelineError
from .model import Actor, Article, Entity, Event, Failure, Media, Paragraph, Quote, Section, Span
from .pipeline import Pipeline, process, process_text
from .sources import RawDoc
from .store import open_store

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Article",
    "DatelineError",
    "Entity",
    "Event",
    "Failure",
    "Media",
    "Paragraph",
    "Pipeline",
    "Quote",
    "RawDoc",
    "Section",
    "Span",
    "open_store",
    "process",
    "process_text",
    "__version__",
]
