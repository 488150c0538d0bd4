"""The whole pipeline on real HTML pages, end to end, side by side with what a user would run instead:
trafilatura for the text and a bare, full spaCy ``nlp.pipe`` over it.

    .venv/bin/python benchmarks/bench_nlp.py [--pages DIR] [--limit 150] [--profile FILE] [--stages]
                                             [--same-memory]

Both run in this one process on the same pages, with the same spaCy model (loaded and warmed up
before timing). The figure is CPU time of this process, which other load on a shared machine
distorts less than wall time (both are printed); the ratio is the alternative's CPU time over
dateline's, so above 1 dateline is the cheaper of the two although it does more (structure,
dates, entities, quotes, events). Each is timed once; run it twice to see the spread.

dateline's processes that parse set how NumPy and malloc get memory (nlp/memory.py: no huge-page
requests, freed memory kept for the next batch); the alternative runs first, as a user's script
would, with the defaults. ``--same-memory`` gives the alternative the same settings before it runs,
so that the ratio compares the work alone.

``--stages`` also prints the CPU time of each annotation stage of dateline's run and its share of the
spaCy parse stage's (the events and quotes stages are meant to stay within 10% of the parse).

Pages: ../shared/data/extraction/scrapinghub/html/*.html.gz (read here, at run time, to measure
only) when present, else the project's own tests/fixtures/html pages.
"""

from __future__ import annotations

import argparse
import cProfile
import gzip
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV_PAGES = ROOT.parent / "shared" / "data" / "extraction" / "scrapinghub" / "html"
OWN_PAGES = ROOT / "tests" / "fixtures" / "html"


def load_pages(folder: Path, limit: int) -> list[bytes]:
    files = sorted(folder.glob("*.html.gz")) or sorted(folder.glob("*.html"))
    files = files[:limit] if limit else files
    return [gzip.decompress(f.read_bytes()) if f.suffix == ".gz" else f.read_bytes() for f in files]


def alternative(pages: list[bytes], model: str) -> tuple[float, float, int]:
    """(wall, CPU seconds, texts) for trafilatura's extract, then the full spaCy pipeline's nlp.pipe."""
    import spacy
    import trafilatura

    nlp = spacy.load(model)  # every pipe, as a user would load it
    list(nlp.pipe(["Warm-up: the minister said talks would resume in Geneva."]))
    trafilatura.extract(pages[0].decode("utf-8", "replace"))
    wall, cpu = time.perf_counter(), time.process_time()
    texts = [t for t in (trafilatura.extract(p.decode("utf-8", "replace")) for p in pages) if t]
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    return time.perf_counter() - wall, time.process_time() - cpu, len(texts)


class _TimedStage:
    """A stage that adds the CPU time of its calls to ``spent[name]``."""

    def __init__(self, stage, spent: dict[str, float]) -> None:
        self.stage, self.spent = stage, spent
        self.name = getattr(stage, "name", None) or type(stage).__name__

    def __call__(self, articles, shared) -> None:
        start = time.process_time()
        try:
            self.stage(articles, shared)
        finally:
            self.spent[self.name] = self.spent.get(self.name, 0.0) + time.process_time() - start


def dateline_run(pages: list[bytes], profile: Path | None,
                 spent: dict[str, float] | None = None) -> tuple[float, float, dict[str, int]]:
    from dateline.model import Article
    from dateline.pipeline import Pipeline
    from dateline.sources import RawDoc

    pipe = Pipeline()
    pipe.prepare()  # the model load and the stages' tables, before timing (as the alternative's)
    if spent is not None:
        pipe.stages = [_TimedStage(stage, spent) for stage in pipe.stages]
    raws = [RawDoc(source=f"page-{i}.html", data=p) for i, p in enumerate(pages)]
    profiler = cProfile.Profile() if profile else None
    wall, cpu = time.perf_counter(), time.process_time()
    if profiler:
        profiler.enable()
    results = list(pipe.run(raws))
    if profiler:
        profiler.disable()
        profiler.dump_stats(profile)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    articles = [r for r in results if isinstance(r, Article)]
    counts = {"articles": len(articles), "entities": sum(len(a.entities) for a in articles),
              "quotes": sum(len(a.quotes) for a in articles), "events": sum(len(a.events) for a in articles)}
    return wall, cpu, counts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=Path, default=DEV_PAGES if DEV_PAGES.exists() else OWN_PAGES)
    ap.add_argument("--limit", type=int, default=150, help="the first N pages (0: all)")
    ap.add_argument("--profile", type=Path, default=None, help="write a cProfile of dateline's run here")
    ap.add_argument("--stages", action="store_true", help="print each annotation stage's CPU time")
    ap.add_argument("--same-memory", action="store_true",
                    help="give the alternative dateline's memory settings too (nlp/memory.py)")
    args = ap.parse_args()

    from dateline.config import settings

    if args.same_memory:
        from dateline.nlp.memory import tune

        tune()

    pages = load_pages(args.pages, args.limit)
    print(f"# {len(pages)} HTML pages from {args.pages}, {sum(map(len, pages)):,} bytes, "
          f"model {settings.spacy_model}; the alternative with "
          f"{'dateline' if args.same_memory else 'the default'} memory settings")
    alt_wall, alt_cpu, texts = alternative(pages, settings.spacy_model)
    spent: dict[str, float] | None = {} if args.stages else None
    own_wall, own_cpu, counts = dateline_run(pages, args.profile, spent)
    n = len(pages)
    print(f"trafilatura + full nlp.pipe  {n / alt_cpu:6.2f} pages per CPU-s  ({alt_cpu:.2f} s CPU, "
          f"{alt_wall:.2f} s wall; {texts} texts)")
    print(f"dateline, whole pipeline     {n / own_cpu:6.2f} pages per CPU-s  ({own_cpu:.2f} s CPU, "
          f"{own_wall:.2f} s wall; {', '.join(f'{v} {k}' for k, v in counts.items())})")
    if spent:
        parse = next((cpu for name, cpu in spent.items() if name.lower() == "parse"), 0.0)
        for name, cpu in spent.items():
            share = f" ({100 * cpu / parse:.1f}% of the parse)" if parse and name.lower() != "parse" else ""
            print(f"  stage {name:<12} {cpu:6.2f} s CPU{share}")
    print(f"RESULT cpu_ratio={alt_cpu / own_cpu:.2f} wall_ratio={alt_wall / own_wall:.2f} (target cpu_ratio >= 1.2)")


if __name__ == "__main__":
    main()
