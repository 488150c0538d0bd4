"""Load test of `dateline serve`: article and search pages, 50 concurrent clients for 30 s, on 127.0.0.1.

The store: the project's own pages (examples/ and tests/web/pages/) ingested with
`dateline ingest`, then copied under new ids until it holds --articles records, so
search has a corpus of realistic size to rank. Or pass --db to load-test a store you have.

Prints requests, throughput, errors, and median and p99 latency per kind of page.
Exits 1 when any request failed (a non-200 answer or a transport error).

    .venv/bin/python benchmarks/bench_web.py [--clients 50] [--seconds 30] [--articles 2000] [--workers 1] [--db FILE]
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "examples", ROOT / "tests" / "web" / "pages"]
QUERIES = ["trade talks", "China", "United States", "strike", "port", "\"trade negotiations\"", "chip*",
           "workers OR ministry", "agriculture", "Rotterdam"]


def build_store(path: Path, articles: int) -> None:
    from dateline.store import open_store

    inputs = [str(p) for p in PAGES if p.exists() and any(p.iterdir())]
    subprocess.run([sys.executable, "-m", "dateline", "ingest", "--quiet", "--db", str(path), *inputs], check=True)
    with open_store(path) as store:
        originals = list(store.iter_articles())
        rng = random.Random(7)
        for n in range(max(0, articles - len(originals))):
            copy = dataclasses.replace(rng.choice(originals))
            copy.id = f"{copy.id}-copy{n:05d}"
            copy.duplicate_of = None
            if copy.published:
                copy.published = f"{2020 + n % 5}{copy.published[4:]}"
            store.upsert(copy)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(db: Path, port: int, workers: int) -> subprocess.Popen[bytes]:
    server = subprocess.Popen([sys.executable, "-m", "dateline", "serve", "--port", str(port), "--db", str(db),
                               "--workers", str(workers)])
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=2).status_code == 200:
                return server
        except httpx.TransportError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("bench_web: the server did not start")


async def load(base: str, article_ids: list[str], clients: int, seconds: float) -> dict[str, list]:
    results: dict[str, list] = {"article": [], "search": [], "errors": []}
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:
        stop = time.monotonic() + seconds

        async def one_client(seed: int) -> None:
            rng = random.Random(seed)
            while time.monotonic() < stop:
                if rng.random() < 0.5:
                    kind, url = "article", f"/articles/{rng.choice(article_ids)}"
                else:
                    kind, url = "search", "/search"
                params = {"q": rng.choice(QUERIES)} if kind == "search" else None
                start = time.perf_counter()
                try:
                    response = await client.get(url, params=params)
                    ok = response.status_code == 200
                    failure = f"{url} -> {response.status_code}"
                except httpx.HTTPError as exc:
                    ok, failure = False, f"{url} -> {type(exc).__name__}"
                elapsed = time.perf_counter() - start
                results[kind].append(elapsed) if ok else results["errors"].append(failure)

        await asyncio.gather(*(one_client(i) for i in range(clients)))
    return results


def pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 else values[0]


def report(results: dict[str, list], seconds: float, setting: str) -> None:
    """Requests, rate and errors under ``setting``, the latencies of each kind of page, the first errors."""
    total = sum(len(results[k]) for k in ("article", "search")) + len(results["errors"])
    print(f"{setting}, {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}: {total} requests, "
          f"{total / seconds:.0f} req/s, {len(results['errors'])} errors")
    for kind in ("article", "search"):
        times = results[kind]
        if times:
            print(f"  {kind:7s} pages: {len(times):6d} ok   median {1000 * statistics.median(times):7.1f} ms   "
                  f"p99 {1000 * pct(times, 99):7.1f} ms")
    for failure in sorted(set(results["errors"]))[:10]:
        print(f"  error: {failure}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=1, help="Server processes (dateline serve --workers).")
    parser.add_argument("--db", type=Path, default=None, help="Load-test this store instead of building one.")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "bench.db"
        if args.db is None:
            started = time.perf_counter()
            build_store(db, args.articles)
            print(f"store: {args.articles} articles built in {time.perf_counter() - started:.1f} s")
        from dateline.store import open_store

        with open_store(db, readonly=True) as store:
            article_ids = [a.id for a in store.iter_articles()]
        port = free_port()
        server = start_server(db, port, args.workers)
        try:
            results = asyncio.run(load(f"http://127.0.0.1:{port}", article_ids, args.clients, args.seconds))
        finally:
            server.terminate()
            server.wait(timeout=10)

    report(results, args.seconds, f"{args.clients} clients, {args.seconds:.0f} s, {len(article_ids)} articles, "
                                  f"{args.workers} server process(es)")
    return 1 if results["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
