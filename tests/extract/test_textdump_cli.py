"""The text-dump cleaner through `dateline process`: --fetched resolves relative times."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

DUMPS = Path(__file__).resolve().parent.parent / "fixtures" / "dumps"


def test_process_resolves_relative_time_against_fetched():
    source = DUMPS / "translated-broadcaster.txt"
    p = subprocess.run(
        [sys.executable, "-m", "dateline", "process", "--no-nlp", "--format", "jsonl",
         "--fetched", "2025-09-01T12:00:00+00:00", str(source)],
        capture_output=True, check=False,
    )
    assert p.returncode == 0, p.stderr.decode()
    [record] = [json.loads(line) for line in p.stdout.decode().splitlines()]
    assert record["source"] == str(source)
    assert record["published"] == "2025-09-01T11:20:00+00:00"
    assert record["fetched"].startswith("2025-09-01T12:00:00")
    assert record["title"] == "Volunteers rebuild the flooded library of Ostrava Lane before the school year"
    assert [p["kind"] for p in record["paragraphs"]].count("list_item") == 3
    assert len(record["media"]) == 4
