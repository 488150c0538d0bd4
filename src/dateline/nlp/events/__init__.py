"""Events: CAMEO/PLOVER coding of who did what to whom."""

from __future__ import annotations

from ...model import Article, Event


def code_events(doc, article: Article) -> list[Event]:
    return []
