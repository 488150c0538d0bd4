"""Extraction speed: dateline's HTML path side by side with trafilatura.extract alone.

Both run in this one process on the same pages, after one warm-up page each, so
imports and model loading are not counted. dateline's figure includes decoding
the bytes, metadata (title, date, authors, ...), structure and language; the
baseline is ``trafilatura.extract(html)`` with its default settings, as people
would call it.

    .venv/bin/python benchmarks/bench_extract.py [PAGES_DIR_OR_FILES ...] [--repeat N] [--cpu]

``--cpu`` times each side by the CPU time of this process (``time.process_time``), which a shared
machine's load moves far less than the wall time.

Default pages: ../shared/data/extraction/scrapinghub/html (*.html.gz) when present,
else examples/*.html.
"""

from __future__ import annotations

import argparse
import gzip
import time
from collections.abc import Callable
from pathlib import Path

DEFAULT_SETS = (Path("../shared/data/extraction/scrapinghub/html"), Path("examples"))


def load_pages(args: list[str]) -> tuple[str, list[tuple[str, bytes]]]:
    if args:
        paths = [p for a in args for p in (sorted(Path(a).iterdir()) if Path(a).is_dir() else [Path(a)])]
        label = " ".join(args)
    else:
        folder = next(d for d in DEFAULT_SETS if d.is_dir() and any(_is_page(p) for p in d.iterdir()))
        paths, label = sorted(folder.iterdir()), str(folder)
    pages = [(str(p), gzip.decompress(p.read_bytes()) if p.suffix == ".gz" else p.read_bytes()) for p in paths if _is_page(p)]
    return label, pages


def _is_page(path: Path) -> bool:
    return path.name.endswith((".html", ".htm", ".html.gz"))


def time_it(run: Callable[[], object], repeat: int, clock: Callable[[], float] = time.perf_counter) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = clock()
        run()
        best = min(best, clock() - start)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pages", nargs="*", help="folders or files of HTML pages (.html or .html.gz)")
    ap.add_argument("--repeat", type=int, default=2, help="runs of each side; the fastest counts (machines are noisy)")
    ap.add_argument("--cpu", action="store_true", help="CPU time of this process instead of wall time")
    opts = ap.parse_args()

    import trafilatura

    from dateline.extract import extract
    from dateline.sources import RawDoc

    label, pages = load_pages(opts.pages)
    if not pages:
        raise SystemExit(f"no HTML pages in {label}")
    raws = [RawDoc(source=name, data=data) for name, data in pages]
    texts = [data.decode("utf-8", errors="replace") for _, data in pages]
    extract(raws[0])  # warm-up: imports, the language model
    trafilatura.extract(texts[0])

    clock = time.process_time if opts.cpu else time.perf_counter
    ours = time_it(lambda: [extract(raw) for raw in raws], opts.repeat, clock)
    theirs = time_it(lambda: [trafilatura.extract(text) for text in texts], opts.repeat, clock)
    n = len(pages)
    print(f"# {label}: {n} pages, trafilatura {trafilatura.__version__}")
    print(f"{'system':34s} {'CPU s' if opts.cpu else 'seconds':>8s} {'pages/s':>8s}")
    print(f"{'dateline (HTML extraction)':34s} {ours:8.2f} {n / ours:8.1f}")
    print(f"{'trafilatura.extract alone':34s} {theirs:8.2f} {n / theirs:8.1f}")
    print(f"ratio dateline/trafilatura pages/s = {theirs / ours:.2f}")


if __name__ == "__main__":
    main()
