"""Scale benchmark: the Ray job with 1 and 2 workers against `dateline process` in one process, on the
same real pages, as 4 WARC files and as one large WARC file (split into record ranges).

    .venv/bin/python benchmarks/bench_scale.py [--pages 150] [--files 4] [--pages-from DIR]
                                               [--pages-per-month 10000000] [--core-hour 0.04]

Each run is a command of its own (`dateline process ...` or `dateline scale ...`), timed from start
to end, and its CPU time is that of every process it started: Ray's services (GCS, raylet, ...),
the actors' start-up and model loads, the workers (see measure.py). Nothing is warm beforehand.
The CC-NEWS figure multiplies the CPU time per page of the Ray job with 2 workers out to a month of
pages at a price per core-hour; both are assumptions given on the command line.

Pages: ../shared/data/extraction/scrapinghub/html (read here, at run time, to measure only) when
present, else the project's own fixture pages.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.measure import measure  # noqa: E402
from tests.sources.helpers import warc_response, write_warc  # noqa: E402

DEV_PAGES = ROOT.parent / "shared" / "data" / "extraction" / "scrapinghub" / "html"
OWN_PAGES = ROOT / "tests" / "fixtures" / "sources"
DATELINE = [sys.executable, "-m", "dateline"]


def page_bodies(folder: Path, limit: int) -> list[bytes]:
    files = sorted(folder.glob("*.html.gz")) or sorted(folder.glob("*.html"))
    return [gzip.decompress(f.read_bytes()) if f.suffix == ".gz" else f.read_bytes() for f in files][:limit]


def build_warcs(folder: Path, bodies: list[bytes], pages: int, files: int, name: str) -> list[str]:
    paths = []
    per_file = -(-pages // files)
    for f in range(files):
        records = [
            warc_response(f"https://bench.example.org/{n}", bodies[n % len(bodies)], content_type="text/html")
            for n in range(f * per_file, min(pages, (f + 1) * per_file))
        ]
        paths.append(str(write_warc(folder / f"{name}-{f}.warc.gz", records, compress=True)))
    return paths


def run(label: str, command: list[str], pages: int) -> dict:
    m = measure(command, cwd=str(ROOT), env={**os.environ, "RAY_USAGE_STATS_ENABLED": "0"})
    if m.returncode != 0:
        raise SystemExit(f"{label} failed ({m.returncode}):\n{m.stderr[-3000:]}")
    note = f"; {m.stragglers} process(es) still running, not counted" if m.stragglers else ""
    print(f"{label:<38} {m.wall:7.1f} s wall {m.cpu:7.1f} s CPU (all processes)  "
          f"{pages / m.wall:5.2f} pages/s  {pages / m.cpu:5.2f} pages per CPU-s{note}", flush=True)
    return {"wall": m.wall, "cpu": m.cpu}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=int, default=150)
    ap.add_argument("--files", type=int, default=4, help="WARC files the pages are split into")
    ap.add_argument("--pages-from", type=Path, default=DEV_PAGES if DEV_PAGES.exists() else OWN_PAGES)
    ap.add_argument("--pages-per-month", type=float, default=10e6,
                    help="CC-NEWS HTML pages in a month (assumption; see the printed note)")
    ap.add_argument("--core-hour", type=float, default=0.04, help="price of one core for one hour, USD (assumption)")
    args = ap.parse_args()

    bodies = page_bodies(args.pages_from, args.pages)
    pages = args.pages
    figures: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as tmp:
        small = build_warcs(Path(tmp), bodies, pages, args.files, "part")
        [large] = build_warcs(Path(tmp), bodies, pages, 1, "large")
        split = Path(large).stat().st_size // args.files + 1  # so that the large file is args.files parts
        print(f"# {pages} pages from {args.pages_from}: {args.files} gzip WARC files, and one of "
              f"{Path(large).stat().st_size:,} bytes split into {args.files} record ranges; os.cpu_count() = "
              f"{os.cpu_count()}; load average before: {os.getloadavg()[0]:.1f}")
        figures["process"] = run("process --workers 1, 4 files", [*DATELINE, "process", "--workers", "1", *small,
                                                                  "--format", "jsonl"], pages)
        for workers in (1, 2):
            figures[f"ray{workers}"] = run(f"scale --workers {workers}, 4 files",
                                           [*DATELINE, "scale", "--quiet", "--workers", str(workers), "--output",
                                            f"{tmp}/out-{workers}", *small], pages)
        for workers in (1, 2):
            figures[f"ray{workers}-large"] = run(
                f"scale --workers {workers}, 1 large file",
                [*DATELINE, "scale", "--quiet", "--workers", str(workers), "--split-bytes", str(split), "--output",
                 f"{tmp}/large-{workers}", large], pages)

    def ratio(a: str, b: str, key: str = "wall") -> float:
        return figures[b][key] / figures[a][key]

    print(f"RESULT ray2_over_ray1_4files={ratio('ray2', 'ray1'):.2f} "
          f"ray2_over_ray1_large={ratio('ray2-large', 'ray1-large'):.2f} (throughput, wall; target >= 1.5) "
          f"ray1_cpu_over_process_cpu={ratio('process', 'ray1', 'cpu'):.2f}")
    per_page = figures["ray2"]["cpu"] / pages
    core_hours = args.pages_per_month * per_page / 3600
    print(f"CC-NEWS month: {args.pages_per_month:,.0f} pages at {per_page:.3f} CPU-s per page (the Ray job with 2 "
          f"workers, all its processes) = {core_hours:,.0f} core-hours = ${core_hours * args.core_hour:,.0f} at "
          f"${args.core_hour}/core-hour (about {core_hours / 24 / 30:,.1f} cores busy all month)")
    print("assumptions: every page is an HTML response that reaches NLP (CC-NEWS also holds redirects and "
          "non-HTML, which cost almost nothing); these pages are typical in length; a job of this size pays "
          "Ray's start-up once per run, a month-long one far less per page.")
    print(json.dumps({k: {m: round(v, 2) for m, v in d.items()} for k, d in figures.items()}))


if __name__ == "__main__":
    main()
