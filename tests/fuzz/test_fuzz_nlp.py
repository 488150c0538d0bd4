"""Property tests of the annotation stage (real spaCy model): entities, quotes and events on any text.

The stage is called directly, not through the Pipeline, so an exception in the quote or event code
is seen here instead of being turned into a Failure.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from dateline.extract import extract_text
from dateline.nlp import Annotator

from .invariants import check_article
from .settings import FUZZ_SLOW
from .strategies import NEWS_TEXT

ANNOTATE = Annotator()


def _check_quotes_and_events(text: str) -> None:
    article = extract_text(text, source="fuzz")
    ANNOTATE([article])
    check_article(article)
    entity_ids = {e.id for e in article.entities}
    assert len(entity_ids) == len(article.entities), "entity ids are unique"
    starts = [(q.start, q.end) for q in article.quotes]
    for (s1, e1), (s2, _) in zip(starts, starts[1:], strict=False):
        assert s1 <= s2, "quotes come in text order"
        assert e1 <= s2, "quotes do not overlap"
    for quote in article.quotes:
        assert quote.speaker_entity is None or quote.speaker_entity in entity_ids
    for event in article.events:
        assert event.text == text[event.start : event.end]
        assert event.quad_class in (None, 1, 2, 3, 4)
        assert event.goldstein is None or -10.0 <= event.goldstein <= 10.0
        for side in (event.source, event.target):
            if side is None:
                continue
            assert side.entity is None or side.entity in entity_ids
            if side.start is not None:
                assert 0 <= side.start < side.end <= len(text)
                assert text[side.start : side.end] == side.text


@FUZZ_SLOW
@given(NEWS_TEXT)
def test_quotes_and_events_on_news_like_text(text):
    _check_quotes_and_events(text)


@FUZZ_SLOW
@given(st.text(max_size=400))
def test_quotes_and_events_on_arbitrary_text(text):
    _check_quotes_and_events(text)
