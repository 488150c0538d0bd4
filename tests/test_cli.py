from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

DUMP = """Example Times

Harbour reopens after storm – Example Times

Harbour reopens after storm – Example Times

2 hours ago

The city harbour reopened on Tuesday after a three-day closure caused by the storm, officials said.

Ferry services will resume a normal timetable from Wednesday morning, the port authority announced.
"""


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "dateline", *args], input=stdin, capture_output=True, check=False
    )


def test_process_prints_one_record_per_input_and_keeps_going_after_a_bad_one(tmp_path: Path):
    good = tmp_path / "story.txt"
    good.write_text(DUMP, encoding="utf-8")
    bad = tmp_path / "image.png"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    p = run("process", "--no-nlp", str(bad), str(good), str(empty))
    assert p.returncode == 1
    recs = [json.loads(line) for line in p.stdout.decode().splitlines()]
    assert [r["source"] for r in recs] == [str(bad), str(good), str(empty)]
    assert "binary" in recs[0]["error"]
    assert "empty" in recs[2]["error"]
    assert "harbour reopened" in recs[1]["text"]
    assert b"Traceback" not in p.stderr


def test_clean_keeps_the_text_unchanged_and_reads_stdin():
    text = "  The council voted 7-2 on Monday.\n\nThe mayor said she would sign it.  "
    p = run("process", "--clean", "--no-nlp", "-", stdin=text.encode())
    assert p.returncode == 0, p.stderr
    [rec] = [json.loads(line) for line in p.stdout.decode().splitlines()]
    assert rec["text"] == text
    assert rec["source"] == "-"
    for para in rec["paragraphs"]:
        assert text[para["start"] : para["end"]].strip()


def test_fetched_sets_the_base_for_relative_dates(tmp_path: Path):
    good = tmp_path / "story.txt"
    good.write_text(DUMP, encoding="utf-8")
    p = run("process", "--no-nlp", "--fetched", "2024-04-27T12:00:00Z", str(good))
    rec = json.loads(p.stdout)
    assert rec["published"].startswith("2024-04-27T10:00")
    assert rec["fetched"].startswith("2024-04-27T12:00")


def test_missing_file_is_a_record_not_a_crash(tmp_path: Path):
    p = run("process", "--no-nlp", str(tmp_path / "nope.html"))
    assert p.returncode == 1
    assert "no such file" in json.loads(p.stdout)["error"]


def test_all_events_keeps_the_doubtful_events_with_their_scores_and_files_have_no_capture_time(tmp_path: Path):
    page = tmp_path / "talks.txt"
    page.write_text("Kenyan police arrested twelve opposition activists in Nairobi on Monday. "
                    "Officials said Uganda might close its border with Kenya.\n", encoding="utf-8")
    default = json.loads(run("process", "--clean", str(page)).stdout)
    every = json.loads(run("process", "--clean", "--all-events", str(page)).stdout)
    assert default["fetched"] is None  # a file's modification time is no capture time
    assert len(every["events"]) > len(default["events"]) >= 1
    assert all(e["confidence"] >= 0.5 for e in default["events"])
    assert any(e["confidence"] < 0.5 for e in every["events"])
    dated = json.loads(run("process", "--clean", "--fetched", "2024-04-26T10:00:00Z", str(page)).stdout)
    assert dated["events"][0]["date"] == "2024-04-22" and default["events"][0]["date"] is None


def test_all_quotes_keeps_the_wide_attributions_the_default_leaves_out(tmp_path: Path):
    page = tmp_path / "ferry.txt"
    page.write_text("Premier Lise Caron said the terminal would carry two million passengers a year.\n\n"
                    "The province wants to double the ferry fleet by 2030.\n", encoding="utf-8")
    default = json.loads(run("process", "--clean", str(page)).stdout)
    every = json.loads(run("process", "--clean", "--all-quotes", str(page)).stdout)
    assert all(q["confidence"] >= 0.6 for q in default["quotes"]) and default["quotes"]
    assert len(every["quotes"]) > len(default["quotes"])
