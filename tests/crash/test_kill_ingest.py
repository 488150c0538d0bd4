"""SIGKILL the ingest at seeded random points: the store stays sound, no article is half-written, and
resuming ends in exactly the state of an uninterrupted run.

The points are drawn from random.Random(SEED): a moment during start-up, and KILLS article counts (two by default). The
kills follow one another on the same store (kill, resume, kill again, ...), then a last run finishes.
After each kill: PRAGMA integrity_check and foreign_key_check, and every stored article has the same
rows in every table written with it (paragraphs, sections, media, entities, mentions, quotes, events)
as in the reference.
"""

from __future__ import annotations

import contextlib
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dateline.engine.executor import CHUNK

from .pages import write_stories

SEED = int(os.environ.get("DATELINE_CRASH_SEED", "20261129"))
STORIES = 48
KILLS = int(os.environ.get("DATELINE_CRASH_KILLS", "2"))  # kills at article counts, after the start-up one

PER_ARTICLE = ("paragraphs", "sections", "media", "entities", "mentions", "quotes", "events")
ARTICLE_COLUMNS = "id, source, url, title, publisher, published, published_at, language, text_zlib"
FINAL = {  # the whole content, as in tests/test_ingest.py: columns that depend on when it ran left out
    "articles": f"{ARTICLE_COLUMNS}, record_zlib, duplicate_of",
    **{t: "*" for t in PER_ARTICLE},
    "minhashes": "*",  # written by the dedup pass after the articles, so checked on the final state only
    "inputs": "key, content_hash, article_id, status",
    "failures": "source, error, kind",
}


def start_ingest(db: Path, folder: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "dateline", "ingest", "--db", str(db), "--workers", "1", "--quiet", str(folder)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)


def stored(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True, timeout=10)
        try:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.OperationalError:  # not created yet
        return 0


def kill(process: subprocess.Popen) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)  # the writer and its worker processes
    process.wait(timeout=60)


def rows(conn: sqlite3.Connection, table: str, cols: str = "*", article_ids: set[str] | None = None) -> list:
    found = conn.execute(f"SELECT {cols} FROM {table}").fetchall()
    if article_ids is not None:
        key = [d[0] for d in conn.execute(f"SELECT {cols} FROM {table} LIMIT 0").description]
        index = key.index("article_id") if "article_id" in key else key.index("id")
        found = [r for r in found if r[index] in article_ids]
    return sorted(found, key=repr)


def check_sound_and_whole(db: Path, reference: Path) -> int:
    """Integrity, foreign keys, and every stored article exactly as in the reference. Returns the count."""
    conn = sqlite3.connect(db)
    ref = sqlite3.connect(reference)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        ids = {r[0] for r in conn.execute("SELECT id FROM articles")}
        assert rows(conn, "articles", ARTICLE_COLUMNS, ids) == rows(ref, "articles", ARTICLE_COLUMNS, ids)
        for table in PER_ARTICLE:
            assert rows(conn, table, "*", ids) == rows(ref, table, "*", ids), f"{table} differs for a stored article"
        done = {r[0] for r in conn.execute("SELECT article_id FROM inputs WHERE status = 'stored'")}
        assert done <= ids, "an input marked done without its article"
        return len(ids)
    finally:
        conn.close()
        ref.close()


@pytest.fixture(scope="module")
def stories(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("crash") / "stories"
    write_stories(folder, STORIES)
    return folder


@pytest.fixture(scope="module")
def reference(stories: Path, tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("reference") / "ref.db"
    run = start_ingest(db, stories)
    _, err = run.communicate(timeout=900)
    assert run.returncode == 0, err.decode()
    conn = sqlite3.connect(db)
    counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("articles", "entities", "quotes", "events")}
    conn.close()
    assert counts["articles"] == STORIES and min(counts.values()) > 0, counts
    return db


def test_kill_at_random_points_then_resume_ends_in_the_uninterrupted_state(stories: Path, reference: Path,
                                                                           tmp_path: Path):
    rng = random.Random(SEED)
    db = tmp_path / "crash.db"
    faults = []

    # 1. during start-up: somewhere in the first seconds (loading, schema creation, first batch)
    first = start_ingest(db, stories)
    time.sleep(rng.uniform(0.2, 3.0))
    kill(first)
    faults.append(("start-up", check_sound_and_whole(db, reference) if db.exists() else 0))

    # 2. at article counts drawn from the seeded RNG, each time resuming the same store
    # not inside the last chunk: its results are stored in one quick burst, which can end before the kill lands
    for target in sorted(rng.sample(range(2, STORIES - CHUNK), KILLS)):
        run = start_ingest(db, stories)
        deadline = time.monotonic() + 300
        while stored(db) < target and run.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        assert run.poll() is None, f"the ingest ended before {target} articles: {run.stderr.read().decode()}"
        kill(run)
        faults.append((target, check_sound_and_whole(db, reference)))

    counts = [n for _, n in faults]
    assert counts == sorted(counts) and counts[-1] < STORIES, faults  # progress kept, never redone or lost

    # 3. the last run finishes, and the store is the one an uninterrupted run gives
    last = start_ingest(db, stories)
    _, err = last.communicate(timeout=900)
    assert last.returncode == 0, err.decode()
    conn, ref = sqlite3.connect(db), sqlite3.connect(reference)
    try:
        for table, cols in FINAL.items():
            assert rows(conn, table, cols) == rows(ref, table, cols), table
        statuses = [r[0] for r in conn.execute("SELECT status FROM ingest_runs ORDER BY id")]
        assert statuses == ["running"] * (len(statuses) - 1) + ["done"]
    finally:
        conn.close()
        ref.close()
