"""Regression tests for issue 12, records read back (JSON lines): a record of the wrong types or with
broken offsets is one failure naming the field, and never reaches the store. Each failed on main."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from dateline.errors import InvalidRecord
from dateline.model import Article, Failure, Paragraph
from dateline.sources.jsonl import iter_jsonl
from dateline.store import open_store

from .hostile import (
    MAX_BYTES,
    good_record_line,
    hostile_records,
)


def dateline(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "dateline", *args], capture_output=True, check=False, timeout=300,
                          env={**os.environ, **(env or {})})


def kinds(results: list) -> list[str]:
    return [r.kind if isinstance(r, Failure) else type(r).__name__ for r in results]


# -- 3, 4, 10. JSON lines: wrong types, broken invariants, too many items ----------------------------------
@pytest.mark.parametrize("case", range(len(hostile_records())), ids=[name for name, _ in hostile_records()])
def test_a_hostile_record_is_one_failure_naming_the_field(case: int):
    name, record = hostile_records()[case]
    lines = [json.dumps(record), json.dumps(good_record_line(1))]
    results = list(iter_jsonl(io.BytesIO("\n".join(lines).encode()), "r.jsonl", max_bytes=MAX_BYTES))
    assert kinds(results) == [kinds(results)[0], "Article"], (name, results)
    failure = results[0]
    assert failure.kind in ("InvalidRecord", "InputTooLarge") and failure.source == "r.jsonl:1"
    field = {"title is a list": "title", "text is a number": "text", "published is a number": "published",
             "entity name is a number": "entities[0].name", "paragraph start is a word": "paragraphs[0].start",
             "paragraph start after end": "paragraphs[0]", "paragraph end past any text": "paragraphs[0].end",
             "authors is a string": "authors", "300k tags": "tags", "200k paragraphs": "JSON objects"}[name]
    assert field in failure.error, failure.error


def test_from_dict_checks_every_field_against_the_type_hints():
    good = {"id": "a", "source": "s", "text": "abc", "paragraphs": [{"start": 0, "end": 3}]}
    assert Article.from_dict(good).paragraphs == [Paragraph(0, 3)]
    for bad, field in [({**good, "id": 1}, "field id"), ({"source": "s"}, "field id: missing"),
                       ({**good, "paragraphs": [{"start": 0, "end": 3, "kind": "poem"}]}, "paragraphs[0].kind"),
                       ({**good, "events": [{"start": 0, "end": 1, "text": "a", "goldstein": "high"}]}, "events[0].goldstein"),
                       ({**good, "events": [{"start": 0, "end": 1, "text": "a", "negated": 1}]}, "events[0].negated"),
                       ({**good, "quotes": [{"start": 0, "end": 1, "text": "a", "speaker": {"start": 0}}]},
                        "quotes[0].speaker.end: missing"),
                       ({**good, "warnings": [None]}, "warnings[0]")]:
        with pytest.raises(InvalidRecord, match=field.replace("[", r"\[").replace("]", r"\]")):
            Article.from_dict(bad)


def test_a_record_with_broken_offsets_never_reaches_the_store(tmp_path: Path):
    lines = tmp_path / "r.jsonl"
    lines.write_text("\n".join(json.dumps(r) for _n, r in hostile_records()) + "\n"
                     + json.dumps(good_record_line(1)) + "\n", encoding="utf-8")
    db = tmp_path / "s.db"
    run = dateline("ingest", "--no-nlp", "--workers", "1", "--db", str(db), str(lines))
    assert run.returncode == 1 and b"Traceback" not in run.stderr, run.stderr.decode()[-2000:]
    with open_store(db, readonly=True) as store:
        assert [a.id for a in store.iter_articles()] == ["good-1"]
        assert len(store.failures()) == len(hostile_records())
    for fmt in ("csv", "parquet"):
        export = dateline("export", "--db", str(db), "--format", fmt, "--output", str(tmp_path / fmt))
        assert export.returncode == 0, export.stderr.decode()[-2000:]




def test_the_timeline_reads_records_through_the_same_check(tmp_path: Path):
    """A sibling: `dateline timeline FILE.jsonl` built records with a bare from_dict and ended with a
    traceback on a bad one; it warns, skips it and counts the rest."""
    lines = tmp_path / "r.jsonl"
    lines.write_text("\n".join(json.dumps(r) for _n, r in hostile_records()[:8]) + "\n"
                     + json.dumps(good_record_line(1)) + "\n", encoding="utf-8")
    run = dateline("timeline", "USA", "CHN", str(lines))
    assert run.returncode == 0 and b"Traceback" not in run.stderr, run.stderr.decode()[-2000:]
    assert run.stderr.count(b"skipped") == 8 and b"paragraphs[0].start" in run.stderr
