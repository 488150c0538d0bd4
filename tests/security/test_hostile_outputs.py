"""Regression tests for issue 12, what dateline writes: an interrupted export leaves no partial file,
a full disk or a read-only filesystem says what to do. Each test failed on main before the fix."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from dateline.export import TABLES, write_csv_folder, write_parquet_folder
from dateline.model import Article, Paragraph
from dateline.store import open_store
from dateline.store.errors import StoreError


def dateline(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "dateline", *args], capture_output=True, check=False, timeout=300,
                          env={**os.environ, **(env or {})})


# -- 5. Exports interrupted leave nothing that looks whole -------------------------------------------------
def _records_then_interrupt(n: int):
    for i in range(n):
        text = f"Text {i}."
        yield Article(id=f"a{i}", source=f"s{i}", text=text, paragraphs=[Paragraph(0, len(text))])
    raise KeyboardInterrupt


@pytest.mark.parametrize("writer, suffix", [(write_parquet_folder, "parquet"), (write_csv_folder, "csv")])
def test_an_interrupted_export_leaves_the_previous_files_and_no_partial_ones(tmp_path: Path, writer, suffix: str):
    out = tmp_path / "out"
    writer(iter([Article(id="old", source="s", text="Old.", paragraphs=[Paragraph(0, 4)])]), out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    with pytest.raises(KeyboardInterrupt):
        writer(_records_then_interrupt(1200), out)  # more than one batch written before the interrupt
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # no .partial left, nothing changed
    assert sorted(before) == sorted(f"{t}.{suffix}" for t in TABLES)
    if suffix == "parquet":
        assert pq.read_table(out / "articles.parquet").column("id").to_pylist() == ["old"]


def test_an_export_that_fails_says_nothing_was_written(tmp_path: Path):
    db = tmp_path / "s.db"
    with open_store(db) as store:
        store.upsert(Article(id="a", source="s", text="Fine.", paragraphs=[Paragraph(0, 5)]))
    target = tmp_path / "out.jsonl"
    target.write_text("previous export\n", encoding="utf-8")
    # a filter the store cannot read fails once the output file is open and the export under way
    run = dateline("export", "--db", str(db), "--format", "jsonl", "--output", str(target), "--since", "not-a-date")
    assert run.returncode == 1 and b"nothing was written" in run.stderr, run.stderr.decode()
    assert target.read_text(encoding="utf-8") == "previous export\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".partial")] == []


# -- 11. Full disk, read-only filesystem, any refused write ------------------------------------------------
def test_a_full_disk_says_what_to_do_and_keeps_what_was_stored(tmp_path: Path):
    store = open_store(tmp_path / "s.db")
    store.save_result("k0", "h", Article(id="a0", source="s0", text="Kept.", paragraphs=[Paragraph(0, 5)]), None)
    pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    store.conn.execute(f"PRAGMA max_page_count = {pages + 2}")  # what SQLite says when the disk is full
    big = "harbour talks " * 4000
    with pytest.raises(StoreError, match="full: free some space, then rerun the same command"):
        for i in range(1, 50):
            store.save_result(f"k{i}", "h", Article(id=f"a{i}", source=f"s{i}", text=big,
                                                    paragraphs=[Paragraph(0, len(big))]), None)
    assert store.get("a0") is not None and store.integrity_check() == "ok"
    store.close()


def test_a_store_on_a_read_only_filesystem_can_be_searched(tmp_path: Path):
    db = tmp_path / "s.db"
    with open_store(db) as store:
        store.upsert(Article(id="a", source="s", title="Harbour", text="The harbour reopened.",
                             paragraphs=[Paragraph(0, 21)]))
    mount = tmp_path / "ro"
    mount.mkdir()
    script = (f"mount -t tmpfs none {mount} && cp {db} {mount}/s.db && mount -o remount,ro {mount} && "
              f"{sys.executable} -m dateline search --db {mount}/s.db harbour")
    probe = subprocess.run(["unshare", "-m", "sh", "-c", f"mount -t tmpfs none {mount}"], capture_output=True, check=False)
    if probe.returncode != 0:
        pytest.skip(f"cannot mount a read-only filesystem here ({probe.stderr.decode().strip()})")
    run = subprocess.run(["unshare", "-m", "sh", "-c", script], capture_output=True, check=False, timeout=120)
    assert run.returncode == 0 and b"1 match" in run.stdout, run.stderr.decode()[-2000:]


def test_a_raw_sqlite_error_of_a_write_is_a_store_error(tmp_path: Path):
    """A sibling of the full disk: any write SQLite refuses comes out as a StoreError with the path."""
    store = open_store(tmp_path / "s.db")
    with pytest.raises(StoreError, match=str(tmp_path)), store.transaction() as cur:
        cur.execute("INSERT INTO no_such_table VALUES (1)")
    assert not store.conn.in_transaction
    store.close()
    assert sqlite3.connect(tmp_path / "s.db").execute("PRAGMA integrity_check").fetchone() == ("ok",)
