"""Batch ingest into the store: counts, failures, idempotence, updates, and resuming after kill -9."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dateline.ingest import ingest
from dateline.store import open_store
from tests.store.pages import page_html, write_pages

PAGES = 2000
CORRUPT = 1234

# Every table that holds what was ingested, with the columns that depend on when it ran left out.
CONTENT_TABLES = {
    "articles": "id, source, url, title, publisher, published, published_at, fetched, language, text_zlib, record_zlib, "
                "duplicate_of",
    "paragraphs": "*", "sections": "*", "media": "*", "entities": "*", "mentions": "*", "quotes": "*",
    "events": "*", "minhashes": "*",
    "inputs": "key, content_hash, article_id, status",
    "failures": "source, error, kind",
}


def dateline(*args: str, **kwargs) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "dateline", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, **kwargs)


def content(db: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(db)
    try:
        return {t: sorted(conn.execute(f"SELECT {cols} FROM {t}").fetchall()) for t, cols in CONTENT_TABLES.items()}
    finally:
        conn.close()


def count_articles(db: Path) -> int:
    if not db.exists():
        return 0
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True, timeout=10)
    try:
        return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:  # the schema is not created yet
        return 0
    finally:
        conn.close()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus") / "pages"
    write_pages(folder, PAGES, corrupt=CORRUPT)
    return folder


@pytest.fixture(scope="module")
def reference_db(corpus: Path, tmp_path_factory) -> Path:
    """One uninterrupted ingest of the whole corpus."""
    db = tmp_path_factory.mktemp("reference") / "ref.db"
    p = dateline("ingest", "--db", str(db), "--no-nlp", "--workers", "2", str(corpus))
    out, err = p.communicate(timeout=600)
    assert p.returncode == 1, err.decode()  # one input failed
    return db


def test_ingesting_2000_pages_with_one_corrupt_stores_1999_and_records_the_failure(reference_db: Path):
    store = open_store(reference_db, readonly=True)
    try:
        assert store.count() == PAGES - 1
        [failure] = store.failures()
        assert failure.source.endswith(f"page-{CORRUPT:05d}.html")
        assert failure.kind == "BinaryInput"
        assert "binary" in failure.error
        assert store.integrity_check() == "ok"
        run = store.stats()["last_run"]
        assert (run["status"], run["stored"], run["failed"]) == ("done", PAGES - 1, 1)
    finally:
        store.close()


def test_kill_9_in_the_middle_then_a_rerun_ends_with_the_same_rows(corpus: Path, reference_db: Path, tmp_path: Path):
    db = tmp_path / "crash.db"
    p = dateline("ingest", "--db", str(db), "--no-nlp", "--workers", "2", str(corpus), start_new_session=True)
    try:
        deadline = time.monotonic() + 300
        while count_articles(db) < 300 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert p.poll() is None, "the ingest finished before it could be killed"
        os.kill(p.pid, signal.SIGKILL)
        p.wait(timeout=30)
    finally:
        os.killpg(p.pid, signal.SIGKILL)  # the worker processes it left behind
    stored_before = count_articles(db)
    assert 300 <= stored_before < PAGES - 1

    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()

    rerun = dateline("ingest", "--db", str(db), "--no-nlp", "--workers", "2", str(corpus))
    out, err = rerun.communicate(timeout=600)
    assert rerun.returncode == 1, err.decode()
    assert f"unchanged {stored_before:,}".encode() in err  # finished work is not redone
    assert b"\r" not in err  # no progress line when stderr is not a terminal

    assert content(db) == content(reference_db)
    store = open_store(db, readonly=True)
    try:
        assert store.integrity_check() == "ok"
        assert store.conn.execute("PRAGMA foreign_key_check").fetchall() == []
        statuses = [r[0] for r in store.conn.execute("SELECT status FROM ingest_runs ORDER BY id")]
        assert statuses == ["running", "done"]  # the killed run never finished
    finally:
        store.close()


def test_a_page_stored_by_another_version_or_spec_is_annotated_again(tmp_path: Path, monkeypatch):
    import dateline.engine.spec as spec_module

    folder = tmp_path / "pages"
    write_pages(folder, 2)
    store = open_store(tmp_path / "s.db")
    try:
        assert ingest([str(folder)], store, workers=1, nlp=False, progress=False).stored == 2
        assert ingest([str(folder)], store, workers=1, nlp=False, progress=False).skipped == 2
        # another spec (here extraction that takes the input as the body) gives other records
        again = ingest([str(folder)], store, workers=1, nlp=False, clean=True, progress=False)
        assert (again.stored, again.skipped) == (2, 0)
        # an upgraded dateline (its code or bundled data changed): every page is annotated anew
        spec_module.code_digest.cache_clear()
        monkeypatch.setattr(spec_module, "code_digest", lambda: "another release")
        upgraded = ingest([str(folder)], store, workers=1, nlp=False, clean=True, progress=False)
        assert (upgraded.stored, upgraded.skipped) == (2, 0)
        assert store.count() == 2
    finally:
        store.close()


def test_the_same_page_twice_is_stored_once_and_a_changed_page_is_updated(tmp_path: Path):
    folder = tmp_path / "pages"
    write_pages(folder, 3)
    (folder / "copy-of-page-1.html").write_text(page_html(1), encoding="utf-8")
    store = open_store(tmp_path / "s.db")
    try:
        first = ingest([str(folder)], store, workers=1, nlp=False, progress=False)
        assert (first.stored, first.failed) == (4, 0)
        assert store.count() == 3  # the copy is the same article

        again = ingest([str(folder)], store, workers=1, nlp=False, progress=False)
        assert (again.stored, again.skipped) == (0, 4)

        changed = page_html(2).replace("Item 2-0:", "Correction: item 2-0:")
        (folder / "page-00002.html").write_text(changed, encoding="utf-8")
        third = ingest([str(folder)], store, workers=1, nlp=False, progress=False)
        assert (third.stored, third.skipped) == (1, 3)
        assert store.count() == 3  # the old version is replaced, not kept beside the new one
        [hit] = store.search("correction").hits
        assert store.get(hit.id).source.endswith("page-00002.html")
        assert store.conn.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        store.close()


STORY = """Ministers meet over grain exports – Example Wire

Ministers meet over grain exports – Example Wire

The foreign ministers of Turkey and Ukraine met in Ankara on Tuesday to discuss grain exports through the Black Sea.

"We will keep the corridor open," said Dmytro Kuleba, the Ukrainian foreign minister.

Turkey criticised Russia for blocking ships near Odesa, officials said.
"""


def test_ingest_with_nlp_stores_entities_quotes_and_events(tmp_path: Path):
    page = tmp_path / "story.txt"
    page.write_text(STORY, encoding="utf-8")
    store = open_store(tmp_path / "nlp.db")
    try:
        report = ingest([str(page)], store, workers=1, nlp=True, progress=False)
        assert (report.stored, report.failed) == (1, 0)
        [article] = list(store.iter_articles())
        assert {e.name for e in article.entities} >= {"Turkey", "Ukraine"}
        rows = {t: store.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("entities", "mentions", "quotes", "events")}
        assert rows == {
            "entities": len(article.entities),
            "mentions": sum(len(e.mentions) for e in article.entities),
            "quotes": len(article.quotes),
            "events": len(article.events),
        }
        assert store.search("grain", entity="Turkey").total == 1
        for i, quote in enumerate(article.quotes):
            assert article.text[quote.start : quote.end] == quote.text, i
        assert [e for _, e in store.iter_events()] == article.events
    finally:
        store.close()


def test_pages_piped_in_one_after_another_are_all_kept(tmp_path: Path):
    db = tmp_path / "stdin.db"
    for n in (1, 2):
        p = subprocess.run([sys.executable, "-m", "dateline", "ingest", "--db", str(db), "--no-nlp", "--quiet", "-"],
                           input=page_html(n).encode(), capture_output=True, check=False)
        assert p.returncode == 0, p.stderr.decode()
    with open_store(db, readonly=True) as store:
        assert store.count() == 2


def test_an_exported_store_ingests_back_to_the_same_records(tmp_path: Path):
    from click.testing import CliRunner

    from dateline.cli import main
    from tests.store.records import harbour_article

    source_db, copy_db, records = tmp_path / "a.db", tmp_path / "b.db", tmp_path / "records.jsonl"
    with open_store(source_db) as store:
        store.upsert(harbour_article())
    result = CliRunner().invoke(main, ["export", "--db", str(source_db), "--output", str(records), "--quiet"])
    assert result.exit_code == 0, result.output
    with open_store(copy_db) as store:
        report = ingest([str(records)], store, workers=1, nlp=False, progress=False)
        assert (report.stored, report.failed) == (1, 0)
        assert store.get("harbour0001").to_dict() == harbour_article().to_dict()


def test_a_record_the_store_cannot_hold_is_a_failure_and_the_run_goes_on(tmp_path: Path, monkeypatch):
    folder = tmp_path / "pages"
    write_pages(folder, 3)
    store = open_store(tmp_path / "s.db")
    real_save = type(store).save_result

    def save_result(self, key, content_hash, result, run_id):
        if "page-00002" in result.source and not hasattr(result, "error"):
            raise UnicodeEncodeError("utf-8", "\ud800", 0, 1, "surrogates not allowed")
        return real_save(self, key, content_hash, result, run_id)

    monkeypatch.setattr(type(store), "save_result", save_result)
    try:
        report = ingest([str(folder)], store, workers=1, nlp=False, progress=False)
        assert (report.stored, report.failed) == (2, 1)
        [failure] = store.failures()
        assert "page-00002" in failure.source and "cannot be stored" in failure.error
    finally:
        store.close()
