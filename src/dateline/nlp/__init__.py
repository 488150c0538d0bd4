"""The annotation stage: one spaCy Doc per article, from which entities, quotes and events are built."""

from __future__ import annotations

from .annotate import Annotator
from .loader import load_nlp

__all__ = ["Annotator", "load_nlp"]
