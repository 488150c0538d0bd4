"""Property tests of the record contract: to_dict/from_dict, JSON, and the JSON lines reader."""

from __future__ import annotations

import io
import json

from hypothesis import given
from hypothesis import strategies as st

from dateline.model import Article, Failure
from dateline.sources.jsonl import iter_jsonl, record_from_dict

from .settings import FUZZ
from .strategies import ARTICLE_LIKE, JSON_VALUES, RECORD_LIKE, articles


@FUZZ
@given(articles())
def test_from_dict_of_to_dict_is_the_same_record(article):
    assert Article.from_dict(article.to_dict()) == article


@FUZZ
@given(articles())
def test_a_record_survives_json_and_the_jsonl_reader(article):
    line = json.dumps(article.to_dict(), ensure_ascii=False).encode("utf-8")
    assert Article.from_dict(json.loads(line)) == article
    [again] = list(iter_jsonl(io.BytesIO(line + b"\n"), "fuzz.jsonl", max_bytes=10**6))
    assert again == article


@FUZZ
@given(st.text(min_size=1, max_size=40), st.text(max_size=80), st.text(max_size=20))
def test_failures_round_trip(source, error, kind):
    failure = Failure(source, error, kind)
    assert Failure.from_dict(json.loads(json.dumps(failure.to_dict()))) == failure


# Found by these properties: a JSON escape of a lone surrogate ("\\ud800") gave a str that cannot be
# written as UTF-8; fixed in src/dateline/sources/jsonl.py (record_from_dict).


def _writable(record: Article | Failure) -> None:
    """What `dateline process` and the store do with a record: JSON, encoded as UTF-8."""
    json.dumps(record.to_dict(), ensure_ascii=False).encode("utf-8")


@FUZZ
@given(st.one_of(ARTICLE_LIKE, RECORD_LIKE, JSON_VALUES))
def test_the_reader_turns_any_json_into_a_record_or_a_failure(value):
    record = record_from_dict(value, "fuzz.jsonl:1")
    assert isinstance(record, Article | Failure)
    if isinstance(record, Failure) and record.source == "fuzz.jsonl:1":
        assert record.error.startswith("fuzz.jsonl:1")
    _writable(record)


@FUZZ
@given(st.lists(st.one_of(st.binary(max_size=200), st.one_of(ARTICLE_LIKE, RECORD_LIKE).map(lambda d: json.dumps(d).encode())), max_size=6))
def test_the_reader_gives_one_result_per_nonblank_line_and_never_raises(lines):
    lines = [line.replace(b"\n", b" ") for line in lines]
    results = list(iter_jsonl(io.BytesIO(b"\n".join(lines)), "fuzz.jsonl", max_bytes=10**6))
    # a byte-order mark opening the file is not content: a first line holding only one is blank
    text_lines = [line.removeprefix(b"\xef\xbb\xbf") if i == 0 else line for i, line in enumerate(lines)]
    assert len(results) == sum(1 for line in text_lines if line.strip())
    for record in results:
        assert isinstance(record, Article | Failure)
        _writable(record)
