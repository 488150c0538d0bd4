"""Store benchmark: ingest rate with 1 vs 2 workers, search latency at 10,000 articles, dedup of 100,000 texts.

    .venv/bin/python benchmarks/bench_store.py [--pages 600] [--nlp-pages 150] [--pages-from DIR]
                                               [--articles 10000] [--texts 100000]

The ingest with NLP reads real pages (the development set's HTML, at run time) when present; the
other inputs are generated here (seeded), so the figures are comparable between runs. On a
shared machine, CPU time is the steadier figure for search and dedup (one process each).
Dedup quality: pairs planted at a Jaccard similarity of 0.8 (word 3-gram shingles)
must land in the same cluster (recall), and no cluster may join unrelated texts.
"""

from __future__ import annotations

import argparse
import itertools
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.measure import measure  # noqa: E402
from tests.store.pages import write_pages  # noqa: E402

from dateline.dedup import cluster_texts, shingles  # noqa: E402
from dateline.model import Article, Paragraph  # noqa: E402
from dateline.store import open_store  # noqa: E402
from dateline.store.db import write_article  # noqa: E402


def vocabulary(size: int, rng: random.Random) -> list[str]:
    syllables = ["ka", "lo", "mi", "ne", "su", "ta", "ri", "po", "de", "ga", "vu", "sha", "zo", "bel", "nor", "tin"]
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))))
    return sorted(words)


class Zipf:
    """Words drawn with Zipf-like frequencies, as in real text."""

    def __init__(self, words: list[str], rng: random.Random) -> None:
        self.words = words
        self.rng = rng
        self.cum_weights = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(words))))

    def sample(self, n: int) -> list[str]:
        return self.rng.choices(self.words, cum_weights=self.cum_weights, k=n)


# -- ingest --------------------------------------------------------------------------------------
DEV_PAGES = ROOT.parent / "shared" / "data" / "extraction" / "scrapinghub" / "html"


def bench_ingest(pages: int, nlp: bool, real: Path | None) -> None:
    """`dateline ingest --workers 1` and `--workers 2` as commands of their own: wall time, and CPU time of
    every process (the workers included, see measure.py). ``real``: a folder of real pages to link to
    (read at run time, never copied into the project); else pages generated here."""
    label = "with NLP" if nlp else "--no-nlp"
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "pages"
        if real is not None:
            folder.mkdir()
            for f in (sorted(real.glob("*.html.gz")) or sorted(real.glob("*.html")))[:pages]:
                (folder / f.name).symlink_to(f)
            pages = len(list(folder.iterdir()))
        else:
            write_pages(folder, pages)
        rates = {}
        for workers in (1, 2):
            db = Path(tmp) / f"w{workers}.db"
            m = measure([sys.executable, "-m", "dateline", "ingest", "--db", str(db), "--workers", str(workers),
                         "--quiet", "--no-dedup", *([] if nlp else ["--no-nlp"]), str(folder)], cwd=str(ROOT))
            with open_store(db, readonly=True) as store:
                stored, failed = store.count(), len(store.failures())
            assert m.returncode in (0, 1) and stored + failed == pages, (m.returncode, stored, failed, m.stderr[-2000:])
            rates[workers] = pages / m.wall
            print(f"ingest {label}: {pages} {'real' if real else 'generated'} pages, --workers {workers}: "
                  f"{m.wall:.1f} s wall ({rates[workers]:.2f} pages/s), {m.cpu:.1f} s CPU of all processes "
                  f"({stored} stored, {failed} failed)", flush=True)
        print(f"RESULT ingest {label}: speed-up --workers 2 / --workers 1 = {rates[2] / rates[1]:.2f}x (wall)")


# -- search --------------------------------------------------------------------------------------
def generated_article(n: int, zipf: Zipf, rng: random.Random, publishers: list[str]) -> Article:
    paragraphs = [" ".join(zipf.sample(rng.randint(40, 90))) + "." for _ in range(5)]
    spans, pos = [], 0
    for p in paragraphs:
        spans.append(Paragraph(pos, pos + len(p)))
        pos += len(p) + 2
    return Article(
        id=f"a{n:06d}", source=f"gen/{n}.html", title=" ".join(zipf.sample(8)).capitalize(),
        publisher=publishers[n % len(publishers)], published=f"2024-{1 + n % 12:02d}-{1 + n % 28:02d}T08:00:00Z",
        language="en", text="\n\n".join(paragraphs), paragraphs=spans,
    )


def bench_search(articles: int) -> None:
    rng = random.Random(11)
    zipf = Zipf(vocabulary(20_000, rng), rng)
    publishers = ["Gazette", "Courier", "Herald", "Wire"]
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "search.db")
        started = time.perf_counter()
        for first in range(0, articles, 500):
            with store.transaction() as cur:  # setup only: 500 articles a transaction
                for n in range(first, min(first + 500, articles)):
                    write_article(cur, generated_article(n, zipf, rng, publishers))
        print(f"search: stored {articles:,} articles in "
              f"{time.perf_counter() - started:.1f} s, {store.path.stat().st_size / 1e6:.0f} MB")
        words = zipf.words
        queries = []
        for i in range(400):
            kind = i % 5
            if kind == 0:  # a common word
                queries.append((words[rng.randrange(50)], {}))
            elif kind == 1:  # two mid-frequency words
                queries.append((f"{words[rng.randrange(100, 2000)]} {words[rng.randrange(100, 2000)]}", {}))
            elif kind == 2:  # a phrase
                queries.append((f'"{words[rng.randrange(30)]} {words[rng.randrange(30)]}"', {}))
            elif kind == 3:  # a prefix
                queries.append((words[rng.randrange(20_000)][:3] + "*", {}))
            else:  # a word with filters
                queries.append((words[rng.randrange(500)], {"publisher": "Herald", "since": "2024-03"}))
        for q, kw in queries[:20]:  # warm the page cache
            store.search(q, **kw)
        wall, cpu = [], []
        for q, kw in queries:
            t, c = time.perf_counter(), time.process_time()
            store.search(q, limit=20, **kw)
            wall.append((time.perf_counter() - t) * 1000)
            cpu.append((time.process_time() - c) * 1000)
        for name, timings in (("wall", wall), ("CPU", cpu)):
            timings.sort()
            p95 = timings[int(len(timings) * 0.95) - 1]
            print(f"search: {len(queries)} queries over {articles:,} articles, {name} time: "
                  f"median {statistics.median(timings):.1f} ms, p95 {p95:.1f} ms, max {timings[-1]:.1f} ms")
        store.close()


# -- dedup ---------------------------------------------------------------------------------------
def jaccard(a: str, b: str) -> float:
    sa, sb = shingles(a), shingles(b)
    return len(sa & sb) / len(sa | sb)


def near_copy(words: list[str], zipf: Zipf, rng: random.Random, target: float = 0.8) -> str:
    """An edited copy whose shingle Jaccard with the original is within 0.01 of ``target``.

    Replacing an inner word changes up to three shingles (coarse steps) and is done while
    it keeps the similarity above the target; appending a word adds one shingle (a fine
    step) and finishes the approach.
    """
    original = " ".join(words)
    copy = list(words)
    for _ in range(len(words)):
        trial = list(copy)
        trial[rng.randrange(1, len(trial) - 1)] = zipf.sample(1)[0]
        if jaccard(original, " ".join(trial)) < target + 0.01:
            break
        copy = trial
    while jaccard(original, " ".join(copy)) > target + 0.01:
        copy.append(zipf.sample(1)[0])
    return " ".join(copy)


def bench_dedup(texts: int, planted: int) -> None:
    rng = random.Random(5)
    zipf = Zipf(vocabulary(30_000, rng), rng)
    pair_of: dict[int, int] = {}
    similarities = []
    originals = [zipf.sample(rng.randint(30, 60)) for _ in range(texts - planted)]
    corpus = [" ".join(w) for w in originals]
    for k in range(planted):
        i = k * ((texts - planted) // planted)
        corpus.append(near_copy(originals[i], zipf, rng))
        similarities.append(jaccard(corpus[i], corpus[-1]))
        pair_of[len(corpus) - 1] = i
    started, cpu_started = time.perf_counter(), time.process_time()
    groups = cluster_texts(corpus)
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu_started
    cluster_of = {i: g for g, members in enumerate(groups) for i in members}
    found = sum(1 for copy, orig in pair_of.items() if copy in cluster_of and cluster_of[copy] == cluster_of.get(orig))
    family = {i: pair_of.get(i, i) for i in range(len(corpus))}
    false_merges = sum(1 for members in groups if len({family[i] for i in members}) > 1)
    print(f"dedup: {len(corpus):,} short texts (30-60 words) in {seconds:.1f} s ({cpu_seconds:.1f} s CPU); "
          f"{planted:,} planted near-duplicates at Jaccard {statistics.mean(similarities):.3f} "
          f"(min {min(similarities):.3f}, max {max(similarities):.3f})")
    print(f"dedup: recall {found / planted:.4f} ({found:,}/{planted:,}); clusters {len(groups):,}; "
          f"clusters joining unrelated texts: {false_merges}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=600, help="pages for the --no-nlp ingest rate (0: skip)")
    parser.add_argument("--nlp-pages", type=int, default=150, help="pages for the ingest rate with NLP (0: skip)")
    parser.add_argument("--pages-from", type=Path, default=DEV_PAGES if DEV_PAGES.exists() else None,
                        help="real HTML pages for the ingest rate with NLP (default: the development set's, "
                             "read at run time; else generated pages)")
    parser.add_argument("--articles", type=int, default=10_000, help="articles for search latency (0: skip)")
    parser.add_argument("--texts", type=int, default=100_000, help="texts for dedup (0: skip)")
    parser.add_argument("--planted", type=int, default=2_000)
    args = parser.parse_args()
    if args.pages:
        bench_ingest(args.pages, nlp=False, real=None)
    if args.nlp_pages:
        bench_ingest(args.nlp_pages, nlp=True, real=args.pages_from)
    if args.articles:
        bench_search(args.articles)
    if args.texts:
        bench_dedup(args.texts, args.planted)


if __name__ == "__main__":
    main()
