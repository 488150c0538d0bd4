"""The web server under the load test of bench_web.py while `dateline ingest` writes to the same store.

The server reads the store read-only (WAL mode lets readers and the one writer work side by side); the
ingest keeps storing new pages for the whole run. Counts: requests served, errors (a non-200 answer or
a transport error), articles the ingest stored meanwhile, and "database is locked" / lock-timeout
messages in either process's log. Exits 1 when any of those is not zero.

    .venv/bin/python benchmarks/bench_load_during_ingest.py [--clients 50] [--seconds 30] [--articles 2000]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "benchmarks"), str(ROOT)]

from bench_web import build_store, free_port, load, report, start_server  # noqa: E402
from tests.store.pages import write_pages  # noqa: E402

LOCK_WORDS = ("database is locked", "locked", "busy", "timeout")


def start_ingest(db: Path, folder: Path, log: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "dateline", "ingest", "--db", str(db), "--workers", "1", "--no-nlp", "--quiet", str(folder)],
        stdout=subprocess.DEVNULL, stderr=log.open("wb"))


def wait_for_writes(db: Path, before: int, ingest: subprocess.Popen, limit: float = 300) -> None:
    """Start the load only once the ingest is storing (its start-up is not the part under test)."""
    from dateline.store import open_store

    deadline = time.monotonic() + limit
    while time.monotonic() < deadline and ingest.poll() is None:
        with open_store(db, readonly=True) as store:
            if store.count() > before:
                return
        time.sleep(0.2)
    raise SystemExit("bench_load_during_ingest: the ingest stored nothing")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--articles", type=int, default=2000, help="Articles in the store before the load.")
    parser.add_argument("--pages", type=int, default=20_000, help="New pages the ingest writes during the load.")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        db = tmp_path / "bench.db"
        started = time.perf_counter()
        build_store(db, args.articles)
        print(f"store: {args.articles} articles built in {time.perf_counter() - started:.1f} s")
        write_pages(tmp_path / "new", args.pages)
        from dateline.store import open_store

        with open_store(db, readonly=True) as store:
            article_ids = [a.id for a in store.iter_articles()]
            before = store.count()

        port = free_port()
        server_log = tmp_path / "server.log"
        server_err = server_log.open("wb")
        sys.stderr.flush()
        saved = os.dup(2)
        os.dup2(server_err.fileno(), 2)  # the server's log goes to a file we read for lock messages
        try:
            server = start_server(db, port, 1)
        finally:
            os.dup2(saved, 2)
            os.close(saved)
        ingest_log = tmp_path / "ingest.log"
        ingest = start_ingest(db, tmp_path / "new", ingest_log)
        try:
            wait_for_writes(db, before, ingest)
            results = asyncio.run(load(f"http://127.0.0.1:{port}", article_ids, args.clients, args.seconds))
            ingest_running = ingest.poll() is None
        finally:
            ingest.terminate()
            ingest.wait(timeout=60)
            server.terminate()
            server.wait(timeout=10)
            server_err.close()

        with open_store(db, readonly=True) as store:
            written = store.count() - before  # counted from the ingest's start, its first articles included
            integrity = store.integrity_check()
        logs = server_log.read_text(errors="replace") + ingest_log.read_text(errors="replace")
        lock_lines = [line for line in logs.splitlines() if any(w in line.lower() for w in LOCK_WORDS)]

    report(results, args.seconds, f"{args.clients} clients, {args.seconds:.0f} s")
    print(f"ingest during the load: {written} articles stored ({written / args.seconds:.0f}/s), "
          f"{'still running at the end' if ingest_running else 'finished before the end'}; "
          f"lock messages in the logs: {len(lock_lines)}; integrity_check: {integrity}")
    for line in lock_lines[:10]:
        print(f"  lock: {line}")
    return 1 if results["errors"] or lock_lines or written == 0 or integrity != "ok" else 0


if __name__ == "__main__":
    sys.exit(main())
