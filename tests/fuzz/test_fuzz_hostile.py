"""Properties for the two readers of issue 12: the record validator (any JSON value in any field of a
record, at any depth) and WARC framing (garbage between records, a file cut at any byte, arbitrary bytes).
"""

from __future__ import annotations

import dataclasses
import gzip
import io
import json
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from dateline.export import record_tables
from dateline.model import Article, Failure, Record
from dateline.sources import RawDoc
from dateline.sources.jsonl import iter_jsonl, record_from_dict
from dateline.sources.warc import iter_warc
from dateline.store import open_store

from ..security.hostile import good_record
from .settings import FUZZ, FUZZ_SLOW
from .strategies import JSON_VALUES, articles

MAX_BYTES = 10**6


def _paths(value: Any, path: tuple = ()) -> list[tuple]:
    """Every place in a record's dict form where a value sits: keys of objects, items of arrays."""
    found = [path] if path else []
    if isinstance(value, dict):
        for key, child in value.items():
            found += _paths(child, (*path, key))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            found += _paths(child, (*path, i))
    return found


def _replace(data: Any, path: tuple, value: Any) -> None:
    for step in path[:-1]:
        data = data[step]
    data[path[-1]] = value


@st.composite
def records_with_one_hostile_value(draw) -> dict:
    """A valid record's dict with one value anywhere in it (a field, a nested field, a list item)
    replaced by any JSON value; or a field the dataclass has added with any value."""
    data = draw(articles()).to_dict()
    paths = [p for p in _paths(data) if p[0] not in ("id", "source")]
    path = draw(st.sampled_from(paths)) if paths and draw(st.booleans()) else \
        (draw(st.sampled_from([f.name for f in dataclasses.fields(Article) if f.name not in ("id", "source")])),)
    _replace(data, path, draw(JSON_VALUES))
    return data


def _offsets_inside(value: Any, size: int) -> None:
    if isinstance(value, list):
        for item in value:
            _offsets_inside(item, size)
    elif isinstance(value, Record):
        start, end = getattr(value, "start", None), getattr(value, "end", None)
        if isinstance(start, int) and isinstance(end, int):
            assert 0 <= start <= end <= size, value
        for f in dataclasses.fields(value):  # type: ignore[arg-type]
            _offsets_inside(getattr(value, f.name), size)


@FUZZ
@given(records_with_one_hostile_value())
def test_any_json_value_in_any_field_gives_a_valid_article_or_a_failure_naming_the_field(data: dict):
    line = json.dumps(data).encode("ascii")  # a lone surrogate travels as its JSON escape
    [record] = list(iter_jsonl(io.BytesIO(line + b"\n"), "fuzz.jsonl", max_bytes=MAX_BYTES))
    if isinstance(record, Failure):
        assert record.source == "fuzz.jsonl:1" and record.error.startswith("fuzz.jsonl:1: ")
        assert record.kind in ("InvalidRecord", "InputError", "InputTooLarge"), record
        return
    assert isinstance(record, Article)
    _offsets_inside(record, len(record.text))
    assert Article.from_dict(record.to_dict()) == record  # the values are what the type hints say
    json.dumps(record.to_dict(), ensure_ascii=False).encode("utf-8")  # printable
    record_tables([record])  # exportable: the table map takes every value the validator lets through


@FUZZ_SLOW
@given(records_with_one_hostile_value())
def test_what_the_validator_accepts_the_store_holds_and_gives_back(tmp_path_factory, data: dict):
    record = record_from_dict(json.loads(json.dumps(data)), "fuzz.jsonl:1")
    if not isinstance(record, Article):
        return
    db: Path = tmp_path_factory.mktemp("fuzz") / "s.db"
    with open_store(db) as store:
        store.save_result("k", "h", record, None)
        again = store.get(record.id)
    assert again is not None and again.text == record.text


# -- WARC framing ----------------------------------------------------------------------------------------
RECORDS = [good_record(f"https://fuzz.example/{i}", i) for i in range(4)]
NOT_A_RECORD_START = st.binary(max_size=400).filter(lambda b: b"WARC/" not in b)


def _read(data: bytes) -> list[RawDoc | Failure]:
    results = list(iter_warc(io.BytesIO(data), "fuzz.warc", max_bytes=MAX_BYTES))
    assert all(isinstance(r, RawDoc | Failure) for r in results)
    return results


def _urls(results: list) -> list[str]:
    return [r.url for r in results if isinstance(r, RawDoc)]


@FUZZ
@given(st.integers(1, len(RECORDS)), NOT_A_RECORD_START, st.booleans())
def test_garbage_between_records_costs_no_record(where: int, garbage: bytes, compress: bool):
    """Garbage after the first record (a file is told to be a WARC, and gzip, by its first bytes)."""
    parts = [gzip.compress(r) for r in RECORDS] if compress else list(RECORDS)
    data = b"".join(parts[:where]) + garbage + b"".join(parts[where:])
    results = _read(data)
    assert _urls(results) == [f"https://fuzz.example/{i}" for i in range(len(RECORDS))]
    assert len(results) <= len(RECORDS) + 1  # the garbage is at most one failure


@FUZZ
@given(st.data(), st.booleans())
def test_a_file_cut_at_any_byte_keeps_every_record_before_the_cut(data, compress: bool):
    parts = [gzip.compress(r) for r in RECORDS] if compress else list(RECORDS)
    whole = b"".join(parts)
    cut = data.draw(st.integers(0, len(whole)))
    results = _read(whole[:cut])
    # a plain record is whole once its block is (its blank-line trailer may be cut); a gzip one once its member is
    ends = [sum(len(p) for p in parts[: i + 1]) - (0 if compress else 4) for i in range(len(parts))]
    complete = [f"https://fuzz.example/{i}" for i, end in enumerate(ends) if end <= cut]
    assert _urls(results) == complete
    assert len(results) <= len(complete) + 1  # the record cut short is at most one failure


@FUZZ
@given(st.binary(max_size=2000), st.sampled_from([b"WARC/1.1\r\n", b"\x1f\x8b\x08", b""]))
def test_arbitrary_bytes_never_raise(data: bytes, prefix: bytes):
    results = _read(prefix + data + RECORDS[0])
    assert len(results) >= 0
