"""Scale benchmark: records/s of `process` in one process vs. the Ray job with 1 and 2 workers, same WARC input.

    .venv/bin/python benchmarks/bench_scale.py [--pages 120] [--files 4] [--pages-from DIR]
                                               [--pages-per-month 10000000] [--core-hour 0.04]

The input is WARC files (gzip) built here from HTML pages: by default the news
pages of the development set (../shared/data/extraction/scrapinghub/html, read
to measure only), else the project's own fixture pages. Everything runs on this
machine: a local Ray instance, no network.

Rates: "end to end" is records over the wall time of the whole run (for Ray:
starting the actors and loading spaCy in each, not starting Ray itself); "per
CPU-second" is records over the CPU time spent inside the pipeline (for Ray,
the sum over inputs of each worker's CPU time), which is what a cluster pays
for once it is warm, and which other load on the machine does not distort.
The CC-NEWS figure multiplies the per-core rate out to a month of pages at a
price per core-hour; both are assumptions given on the command line.
"""

from __future__ import annotations

import argparse
import gzip
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.sources.helpers import warc_response, write_warc  # noqa: E402

from dateline import Article, Pipeline  # noqa: E402
from dateline.nlp import load_nlp  # noqa: E402
from dateline.scale import run_scale, start_ray  # noqa: E402

DEV_PAGES = ROOT.parent / "shared" / "data" / "extraction" / "scrapinghub" / "html"
OWN_PAGES = ROOT / "tests" / "fixtures" / "sources"


def page_bodies(folder: Path) -> list[bytes]:
    files = sorted(folder.glob("*.html.gz")) or sorted(folder.glob("*.html"))
    return [gzip.decompress(f.read_bytes()) if f.suffix == ".gz" else f.read_bytes() for f in files]


def build_warcs(folder: Path, bodies: list[bytes], pages: int, files: int) -> list[str]:
    paths = []
    per_file = -(-pages // files)
    for f in range(files):
        records = [
            warc_response(f"https://bench.example.org/{n}", bodies[n % len(bodies)], content_type="text/html")
            for n in range(f * per_file, min(pages, (f + 1) * per_file))
        ]
        paths.append(str(write_warc(folder / f"bench-{f}.warc.gz", records, compress=True)))
    return paths


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=int, default=120)
    ap.add_argument("--files", type=int, default=4, help="WARC files the pages are split into (the unit of work)")
    ap.add_argument("--pages-from", type=Path, default=DEV_PAGES if DEV_PAGES.exists() else OWN_PAGES)
    ap.add_argument("--pages-per-month", type=float, default=10e6,
                    help="CC-NEWS HTML pages in a month (assumption; see the printed note)")
    ap.add_argument("--core-hour", type=float, default=0.04, help="price of one core for one hour, USD (assumption)")
    args = ap.parse_args()

    bodies = page_bodies(args.pages_from)
    with tempfile.TemporaryDirectory() as tmp:
        inputs = build_warcs(Path(tmp), bodies, args.pages, args.files)
        print(f"input: {args.pages} pages from {args.pages_from} in {args.files} gzip WARC files")

        t0 = time.perf_counter()
        load_nlp()
        load = time.perf_counter() - t0
        t1, cpu1 = time.perf_counter(), time.process_time()
        records = [r for r in Pipeline().run(inputs) if isinstance(r, Article)]
        work, cpu = time.perf_counter() - t1, time.process_time() - cpu1
        single = {"records": len(records), "e2e": len(records) / (load + work), "core": len(records) / cpu}
        print(f"process, 1 process  : {len(records)} records; {single['e2e']:6.2f} rec/s end to end "
              f"(spaCy load {load:.1f} s, run {work:.1f} s), {single['core']:6.2f} rec per CPU-second")

        start_ray(workers=2, address=None)
        ray_rates = {}
        for workers in (1, 2):
            t = time.perf_counter()
            report = run_scale(inputs, str(Path(tmp) / f"out-{workers}"), workers=workers)
            wall = time.perf_counter() - t
            cpu = sum(r.cpu_seconds for r in report.done)
            ray_rates[workers] = {"e2e": report.articles / wall, "core": report.articles / cpu}
            print(f"Ray job, {workers} worker(s): {report.articles} records; {ray_rates[workers]['e2e']:6.2f} rec/s end "
                  f"to end ({wall:.1f} s), {ray_rates[workers]['core']:6.2f} rec per CPU-second")

    print("ratios (end to end): Ray 1 worker / process = "
          f"{ray_rates[1]['e2e'] / single['e2e']:.2f}, Ray 2 workers / process = {ray_rates[2]['e2e'] / single['e2e']:.2f}, "
          f"Ray 2 / Ray 1 = {ray_rates[2]['e2e'] / ray_rates[1]['e2e']:.2f}")
    print(f"ratios (per CPU-s):  Ray 1 worker / process = {ray_rates[1]['core'] / single['core']:.2f}, "
          f"Ray 2 workers / process = {ray_rates[2]['core'] / single['core']:.2f}")

    rate = min(single["core"], ray_rates[2]["core"])
    core_hours = args.pages_per_month / rate / 3600
    print(f"CC-NEWS month: {args.pages_per_month:,.0f} pages at {rate:.2f} pages per CPU-second = {core_hours:,.0f} "
          f"core-hours = ${core_hours * args.core_hour:,.0f} at ${args.core_hour}/core-hour "
          f"(about {core_hours / 24 / 30:,.1f} cores busy all month)")
    print("assumptions: every page is an HTML response that reaches NLP (CC-NEWS also holds redirects and "
          "non-HTML, which cost almost nothing); the pages above are typical in length; the per-core rate of "
          f"this machine holds on the cluster's cores. os.cpu_count() here = {__import__('os').cpu_count()}.")


if __name__ == "__main__":
    main()
