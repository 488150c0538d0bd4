"""Issue 12, done when: a batch holding one of each hostile input and 20 good pages, as a folder (with
the URL cases from a local server) and as one WARC, ends with exit status 1, every good page stored,
one failure per hostile input, and `dateline stats --errors` naming each with its reason."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from dateline.store import open_store

from .hostile import (
    MAX_BYTES,
    URL_CASES,
    good_record,
    gzip_warc,
    hostile_folder,
    hostile_server,
    hostile_warc_records,
)

BASE = "https://news.example.org"


def dateline(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "DATELINE_FETCH_DEADLINE": "2"}
    return subprocess.run([sys.executable, "-m", "dateline", *args], capture_output=True, check=False, timeout=600,
                          env=env)


def _titles(db: Path) -> set[str]:
    with open_store(db, readonly=True) as store:
        return {a.title for a in store.iter_articles()}


def _failed(db: Path, articles: int, failures: int) -> list[dict]:
    """The store holds ``articles`` articles and ``failures`` failures; `stats --errors` names each."""
    with open_store(db, readonly=True) as store:
        assert store.count() == articles
        stored = store.failures()
    assert len(stored) == failures, [f.source for f in stored]
    listed = dateline("stats", "--errors", "--db", str(db))
    assert listed.returncode == 0, listed.stderr.decode()
    for failure in stored:
        assert failure.source in listed.stdout.decode() and failure.error.split(": ")[-1] in listed.stdout.decode()
    as_json = json.loads(dateline("stats", "--errors", "--format", "json", "--db", str(db)).stdout)
    return as_json["failed_inputs"]


def _no_crash(run: subprocess.CompletedProcess) -> None:
    assert run.returncode == 1, (run.returncode, run.stderr.decode()[-3000:])
    assert b"Traceback" not in run.stderr, run.stderr.decode()[-3000:]


def test_a_folder_of_every_hostile_input_with_twenty_good_pages(tmp_path: Path):
    folder = tmp_path / "in"
    articles, failures = hostile_folder(folder, BASE)
    db = tmp_path / "s.db"
    with hostile_server() as base:
        urls = [base + path for path in URL_CASES] + [f"{base}/good-{i}.html" for i in range(50, 53)]
        run = dateline("ingest", "--no-nlp", "--workers", "1", "--db", str(db), "--max-bytes", str(MAX_BYTES),
                       "--allow-private", "--follow", "--quiet", str(folder), *urls)
        _no_crash(run)
        articles, failures = articles + 3, failures + len(URL_CASES)
        listed = _failed(db, articles, failures)
        assert {f"Harbour council vote {i}" for i in [*range(20), 50, 51, 52]} <= _titles(db)
        reasons = {f["kind"] for f in listed}
        assert {"NotHTML", "MalformedRecord", "TruncatedRecord", "TruncatedInput", "InvalidRecord", "InputTooLarge",
                "SourceError"} <= reasons, reasons

        # process: the same inputs, every record printed, one failure per hostile input
        printed = dateline("process", "--no-nlp", "--max-bytes", str(MAX_BYTES), "--allow-private", "--follow",
                           str(folder), *urls)
    _no_crash(printed)
    records = [json.loads(line) for line in printed.stdout.splitlines()]
    assert sum("error" in r for r in records) == failures
    assert sum("text" in r for r in records) == articles


@pytest.mark.parametrize("compress", [False, True], ids=["plain", "gzip"])
def test_one_warc_of_every_hostile_record_with_twenty_good_pages(tmp_path: Path, compress: bool):
    good = [good_record(f"{BASE}/good-{i}", i) for i in range(20)]
    hostile = [record for _name, record in hostile_warc_records(BASE)]
    padded = (hostile + [b""] * len(good))[: len(good)]  # a hostile record after each of the first good ones
    records = [r for pair in zip(good, padded, strict=True) for r in pair if r]
    failures = len(hostile)
    if compress:  # a truncated member, too, in the middle: only its record is lost
        records.insert(10, good_record(f"{BASE}/cut", 500))
        data = gzip_warc(records, cut=10)
        failures += 1
    else:
        data = b"".join(records)
    warc = tmp_path / ("crawl.warc.gz" if compress else "crawl.warc")
    warc.write_bytes(data)
    db = tmp_path / "s.db"
    _no_crash(dateline("ingest", "--no-nlp", "--workers", "1", "--quiet", "--db", str(db), str(warc)))
    _failed(db, 20, failures)
    assert _titles(db) == {f"Harbour council vote {i}" for i in range(20)}
    printed = dateline("process", "--no-nlp", str(warc))
    _no_crash(printed)
    records_out = [json.loads(line) for line in printed.stdout.splitlines()]
    assert [r.get("title") for r in records_out if "text" in r] == [f"Harbour council vote {i}" for i in range(20)]
    assert sum("error" in r for r in records_out) == failures
