"""JSON lines of dateline's own records read back: `process a.html > r.jsonl; process r.jsonl`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from dateline import Article, Failure, Pipeline
from dateline.sources import iter_inputs

from .helpers import FIXTURES


def dateline(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "dateline", *args], capture_output=True, check=False)


def test_process_output_processed_again_gives_the_same_records(tmp_path: Path):
    missing = tmp_path / "missing.html"
    first = dateline("process", str(FIXTURES / "harbour.html"), str(FIXTURES / "council.html"), str(missing))
    assert first.returncode == 1  # the missing file is a failure record
    records = tmp_path / "r.jsonl"
    records.write_bytes(first.stdout)
    again = dateline("process", str(records))
    assert again.stdout == first.stdout
    assert [json.loads(line)["source"] for line in again.stdout.splitlines()] == [
        str(FIXTURES / "harbour.html"), str(FIXTURES / "council.html"), str(missing)]
    assert json.loads(again.stdout.splitlines()[0])["entities"]


def test_records_without_annotation_are_annotated_and_others_pass_unchanged(tmp_path: Path):
    [bare] = Pipeline(nlp=False).run([str(FIXTURES / "harbour.html")])
    annotated = Article.from_dict({**bare.to_dict(), "id": "x1", "entities": [
        {"id": "e1", "name": "Someone", "type": "PERSON", "mentions": []}]})
    lines = tmp_path / "mixed.jsonl"
    lines.write_text(json.dumps(bare.to_dict()) + "\n" + json.dumps(annotated.to_dict()) + "\n", encoding="utf-8")
    first, second = Pipeline().run([str(lines)])
    assert first.entities and first.text == bare.text and first.id == bare.id
    assert second == annotated  # untouched: it already had its annotation


def test_lines_that_are_not_records_are_reported_with_their_number(tmp_path: Path):
    lines = tmp_path / "bad.jsonl"
    lines.write_text('{"id": "a1", "source": "s", "text": "Short text."}\n'
                     '{"id": "a2", "source": "s", "text": \n'
                     '{"source": "elsewhere", "note": 1}\n'
                     '{"id": "a3", "source": "s", "text": "More."}\n', encoding="utf-8")
    results = list(iter_inputs([str(lines)]))
    assert [r.id if isinstance(r, Article) else r.source for r in results] == [
        "a1", f"{lines}:2", f"{lines}:3", "a3"]
    assert isinstance(results[1], Failure) and "line 2 is not JSON" in results[1].error


def test_an_event_whose_quad_class_is_no_quad_class_is_refused_naming_the_field():
    """A quad class is one of four codes (and an int8 in the export's tables): 128 is refused, not exported."""
    from dateline.sources.jsonl import record_from_dict

    event = {"start": 0, "end": 1, "text": "0", "quad_class": 128, "negated": False}
    failure = record_from_dict({"id": "0", "source": "0", "text": "0", "events": [event]}, "in.jsonl:1")
    assert isinstance(failure, Failure) and "events[0].quad_class: 128" in failure.error
    good = record_from_dict({"id": "0", "source": "0", "text": "0", "events": [{**event, "quad_class": 4}]}, "in.jsonl:1")
    assert isinstance(good, Article) and good.events[0].quad_class == 4
