"""Property tests: extraction never lets an exception escape and keeps its offsets inside the text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from dateline.errors import DatelineError
from dateline.extract import extract
from dateline.extract.decode import decode
from dateline.model import Article
from dateline.sources import RawDoc

from .invariants import check_article
from .settings import FUZZ
from .strategies import DUMP, RAW_BYTES, html_pages


def _extract_or_clear_error(data: bytes, clean: bool = False) -> Article | None:
    try:
        article = extract(RawDoc(source="fuzz", data=data), clean=clean)
    except DatelineError as exc:
        assert str(exc), "an error always says what went wrong"
        return None
    check_article(article)
    return article


@FUZZ
@given(RAW_BYTES)
def test_decode_never_raises_anything_but_a_dateline_error(data):
    try:
        got = decode(data)
    except DatelineError:
        return
    assert isinstance(got.text, str)


@FUZZ
@given(DUMP)
def test_text_dumps(text):
    _extract_or_clear_error(text.encode("utf-8"))


@FUZZ
@given(html_pages())
def test_html_pages(html):
    _extract_or_clear_error(html.encode("utf-8"))


@FUZZ
@given(RAW_BYTES)
def test_arbitrary_bytes(data):
    _extract_or_clear_error(data)


@FUZZ
@given(st.text(max_size=500))
def test_clean_text_is_kept_unchanged(text):
    article = _extract_or_clear_error(text.encode("utf-8"), clean=True)
    if article is not None:
        assert article.text == text.encode("utf-8").decode("utf-8")
