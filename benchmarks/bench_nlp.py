"""Annotation speed: the whole ``process`` (clean=True) side by side with bare ``nlp.pipe``.

Both run in this one process on the same clean texts, with the same spaCy
pipeline (loaded once, warmed up on the first text), so only the work per text
is compared: dateline's figure adds building the article, entities, quotes and
events to the parse. The target is a ratio of at least 0.7. Wall time and the
process's CPU time are both reported: on a busy machine the CPU ratio is steadier.

    .venv/bin/python benchmarks/bench_nlp.py [--repeat N] [--limit N]

Texts: ../shared/data/quotes/ggt-dev.jsonl when present, else examples/*.txt.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from dateline.config import settings
from dateline.model import Article
from dateline.nlp import load_nlp
from dateline.pipeline import Pipeline
from dateline.sources import RawDoc

GGT = Path("../shared/data/quotes/ggt-dev.jsonl")
EXAMPLES = Path("examples")


def load_texts(limit: int) -> tuple[str, list[str]]:
    if GGT.is_file():
        with GGT.open(encoding="utf-8") as fh:
            texts = [json.loads(line)["text"] for line in fh if line.strip()]
        label = str(GGT)
    else:
        texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
        label = f"{EXAMPLES}/*.txt"
    return label, texts[:limit] if limit else texts


def bare_pipe(texts: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process) for nlp.pipe over the texts."""
    nlp = load_nlp()
    start, cpu = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(texts, batch_size=settings.nlp_batch_size):
        pass
    return time.perf_counter() - start, time.process_time() - cpu


def whole_process(texts: list[str]) -> tuple[float, float, int, int]:
    """(wall seconds, CPU seconds, quotes, entities) for the whole pipeline over the texts."""
    pipe = Pipeline(clean=True)
    raws = [RawDoc(source=f"text-{i}", data=t.encode("utf-8")) for i, t in enumerate(texts)]
    start, cpu = time.perf_counter(), time.process_time()
    results = list(pipe.run(raws))
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    articles = [r for r in results if isinstance(r, Article)]
    return wall, cpu, sum(len(a.quotes) for a in articles), sum(len(a.entities) for a in articles)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=2, help="runs of each, alternating; the best is kept")
    ap.add_argument("--limit", type=int, default=0, help="use only the first N texts")
    args = ap.parse_args()
    label, texts = load_texts(args.limit)
    chars = sum(len(t) for t in texts)
    print(f"# {label}: {len(texts)} texts, {chars:,} characters, model {settings.spacy_model}")
    # warm up both paths: model load, vocab growth, the country and name data
    bare_pipe(texts[:1])
    whole_process(texts[:1])
    bare = bare_cpu = whole = whole_cpu = float("inf")
    quotes = entities = 0
    for _ in range(max(1, args.repeat)):
        wall, cpu = bare_pipe(texts)
        bare, bare_cpu = min(bare, wall), min(bare_cpu, cpu)
        wall, cpu, quotes, entities = whole_process(texts)
        whole, whole_cpu = min(whole, wall), min(whole_cpu, cpu)
    n = len(texts)
    print(f"bare nlp.pipe          {n / bare:7.2f} texts/s  ({bare:.2f} s wall, {bare_cpu:.2f} s CPU)")
    print(f"dateline process       {n / whole:7.2f} texts/s  ({whole:.2f} s wall, {whole_cpu:.2f} s CPU; "
          f"{quotes} quotes, {entities} entities)")
    # the CPU ratio is the steadier figure on a shared machine; the wall ratio is what a user sees
    print(f"RESULT nlp_ratio={bare / whole:.2f} nlp_cpu_ratio={bare_cpu / whole_cpu:.2f} (target >= 0.7)")


if __name__ == "__main__":
    main()
