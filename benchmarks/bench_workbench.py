"""The analyst's workbench at scale: every page kind and a mix of searches over a large annotated store.

    .venv/bin/python benchmarks/bench_workbench.py [--articles 100000] [--db /tmp/dateline-bench-100000.db]
                                                   [--rounds 12] [--csv-rows 10000]

The store is built once by the project's own write path (store.db.write_article, 500 articles a
transaction) into a file under /tmp and reused by later runs (delete it to rebuild; one of an earlier
schema is migrated first, as open_store migrates a user's store). Its articles
are generated (seeded) with the size and annotation density of news pages: about 7,700 characters
in 15 paragraphs, 20 entities with 2 mentions each (people, organisations, 24 countries, coded as
the pipeline codes them), 6 quotes with speakers, 5 coded events (codes, PLOVER categories, quad
classes and Goldstein scores from the CAMEO codebook, actors from the entities); 3% are syndicated
copies of an earlier article, clustered as dedup would.

Then, in process through the ASGI app (the same app `dateline serve` runs), it measures CPU and wall
time, p50 and p95, of each page kind (HTML and its JSON twin) and of >= 200 searches (words, phrases,
prefixes, OR, -word, NEAR, filters, collapse, sorts; the first --facet-searches of them again with their facets
and volume, facets=true&volume=true, as the search page's JSON twin asks), and the wall time to stream a
--csv-rows-row CSV download. Targets (issue 17): search p95 <= 50 ms, every page p95 <= 100 ms, the CSV <= 2 s,
<= 20 KiB of store per article. Prints one line per kind and a verdict per target; exits 0.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.bench_store import Zipf, vocabulary  # noqa: E402

from dateline.model import Actor, Article, Entity, Event, Paragraph, Quote, Span  # noqa: E402
from dateline.nlp.events.codebook import codebook  # noqa: E402
from dateline.store import open_store  # noqa: E402
from dateline.store.db import write_article  # noqa: E402
from dateline.store.schema import SCHEMA_VERSION  # noqa: E402

COUNTRIES = [("USA", "United States"), ("CHN", "China"), ("RUS", "Russia"), ("GBR", "Britain"),
             ("FRA", "France"), ("DEU", "Germany"), ("NOR", "Norway"), ("ISL", "Iceland"), ("IND", "India"),
             ("BRA", "Brazil"), ("JPN", "Japan"), ("UKR", "Ukraine"), ("IRN", "Iran"), ("ISR", "Israel"),
             ("TUR", "Turkey"), ("EGY", "Egypt"), ("NGA", "Nigeria"), ("ZAF", "South Africa"), ("MEX", "Mexico"),
             ("CAN", "Canada"), ("AUS", "Australia"), ("KOR", "South Korea"), ("PAK", "Pakistan"), ("SAU", "Saudi Arabia")]
SECTORS = ["GOV", "MIL", "BUS", "LEG", "JUD", "MED", ""]


def entity_pool(rng: random.Random, zipf: Zipf) -> list[tuple[str, str, str | None, str | None]]:
    """(name, type, code, country): countries, people and organisations with their actor codes."""
    pool = [(name, "GPE", code, code) for code, name in COUNTRIES]
    for n in range(3000):
        code, _ = rng.choice(COUNTRIES)
        sector = rng.choice(SECTORS)
        if n % 3:
            name = " ".join(w.capitalize() for w in zipf.words[rng.randrange(3000, 20000)][:7].split()) + " " + \
                zipf.words[rng.randrange(3000, 20000)].capitalize()
            pool.append((name, "PERSON", code + sector if sector else code, code))
        else:
            name = f"{zipf.words[rng.randrange(2000, 20000)].capitalize()} {rng.choice(['Ministry', 'Bank', 'Council', 'Party', 'Institute'])}"
            pool.append((name, "ORG", code + (sector or "GOV"), code))
    return pool


def generate(n: int, rng: random.Random, zipf: Zipf, pool: list, publishers: list[str], events: list) -> Article:
    chosen = rng.sample(pool[:24], 4) + rng.sample(pool[24:], 16)
    words_per_paragraph = [rng.randint(35, 65) for _ in range(15)]
    paragraphs_words = [zipf.sample(k) for k in words_per_paragraph]
    slots: list[tuple[int, int, int]] = []  # (paragraph, word index, entity index): each entity twice
    for i in range(len(chosen)):
        for _ in range(2):
            p = rng.randrange(15)
            slots.append((p, rng.randrange(len(paragraphs_words[p])), i))
    placed = {(p, w): i for p, w, i in slots}
    text_parts: list[str] = []
    mentions: dict[int, list[Span]] = {i: [] for i in range(len(chosen))}
    paragraphs: list[Paragraph] = []
    pos = 0
    for p, words in enumerate(paragraphs_words):
        start = pos
        for w, word in enumerate(words):
            piece = chosen[placed[(p, w)]][0] if (p, w) in placed else word
            if (p, w) in placed:
                mentions[placed[(p, w)]].append(Span(pos, pos + len(piece), piece))
            text_parts.append(piece)
            pos += len(piece)
            text_parts.append(" " if w + 1 < len(words) else ".")
            pos += 1
        paragraphs.append(Paragraph(start, pos))
        if p + 1 < len(paragraphs_words):
            text_parts.append("\n\n")
            pos += 2
    text = "".join(text_parts)
    entities = [Entity(f"e{i}", name, type_, code, country, [], mentions[i] or [Span(0, 1, text[0])])
                for i, (name, type_, code, country) in enumerate(chosen)]
    people = [e for e in entities if e.type == "PERSON"] or entities
    quotes = []
    for k in range(6):
        para = paragraphs[rng.randrange(15)]
        who = rng.choice(people)
        cue = Span(para.start, para.start + 1, text[para.start])
        quotes.append(Quote(para.start, para.end, text[para.start:para.end], "direct" if k % 2 else "indirect",
                            who.mentions[0], who.id, who.name, cue, round(rng.uniform(0.5, 1.0), 2)))
    day = f"20{22 + n % 3}-{1 + (n // 7) % 12:02d}-{1 + n % 28:02d}"
    evs = []
    for _ in range(5):
        info = rng.choice(events)
        src, tgt = rng.sample(entities, 2)
        para = paragraphs[rng.randrange(15)]
        evs.append(Event(para.start, min(para.end, para.start + 120), text[para.start:min(para.end, para.start + 120)],
                         Actor(src.name, src.mentions[0].start, src.mentions[0].end, src.id, src.code, src.country),
                         Actor(tgt.name, tgt.mentions[0].start, tgt.mentions[0].end, tgt.id, tgt.code, tgt.country),
                         info.code, info.plover, info.quad_class, info.goldstein, day if rng.random() < 0.7 else None,
                         confidence=round(rng.uniform(0.5, 1.0), 2), id=f"ev-{n}-{len(evs)}"))
    publisher = publishers[n % len(publishers)]
    return Article(id=f"w{n:07d}", source=f"gen/{n}.html", url=f"https://{publisher.lower().replace(' ', '')}.example/{n}",
                   title=" ".join(zipf.sample(9)).capitalize(), publisher=publisher, published=f"{day}T08:00:00Z",
                   language="en" if n % 20 else "de", authors=[" ".join(zipf.sample(2)).title()], text=text,
                   paragraphs=paragraphs, entities=entities, quotes=quotes, events=evs)


def build(path: Path, articles: int) -> tuple[float, list[str]]:
    rng = random.Random(17)
    zipf = Zipf(vocabulary(20_000, rng), rng)
    pool = entity_pool(rng, zipf)
    publishers = [f"{w.capitalize()} News" for w in zipf.words[500:560]]
    events = [info for info in codebook().values() if info.plover and len(info.code) == 3]
    started = time.perf_counter()
    store = open_store(path)
    originals: list[Article] = []
    for first in range(0, articles, 500):
        with store.transaction() as cur:
            for n in range(first, min(first + 500, articles)):
                if originals and rng.random() < 0.03:  # a syndicated copy of an earlier story
                    source = rng.choice(originals)
                    copy = Article.from_dict({**source.to_dict(), "id": f"w{n:07d}", "source": f"gen/{n}.html",
                                              "publisher": publishers[n % len(publishers)],
                                              "url": f"https://copy.example/{n}", "duplicate_of": source.id})
                    write_article(cur, copy)
                    continue
                article = generate(n, rng, zipf, pool, publishers, events)
                if len(originals) < 2000:
                    originals.append(article)
                elif rng.random() < 0.05:
                    originals[rng.randrange(2000)] = article
                write_article(cur, article)
        if first % 10_000 == 0:
            print(f"  built {first + 500:,} articles, {time.perf_counter() - started:.0f} s", flush=True)
    store.conn.execute("ANALYZE")
    store.close()
    return time.perf_counter() - started, zipf.words


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, max(0, round(q / 100 * len(values)) - 1))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--rounds", type=int, default=12, help="Requests per page kind.")
    parser.add_argument("--csv-rows", type=int, default=10_000)
    parser.add_argument("--api-searches", type=int, default=200, help="Searches through the API (their hits).")
    parser.add_argument("--facet-searches", type=int, default=50,
                        help="Of the same searches, those asked through the API with facets=true&volume=true.")
    args = parser.parse_args()
    db = args.db or Path(f"/tmp/dateline-bench-{args.articles}.db")
    rng = random.Random(5)
    if not db.exists():
        seconds, words = build(db, args.articles)
        print(f"store: {args.articles:,} articles built in {seconds:.0f} s into {db}")
    else:
        words = vocabulary(20_000, random.Random(17))
        print(f"store: reusing {db} (delete it to rebuild)")
        with open_store(db, readonly=True) as old:
            version = old.conn.execute("PRAGMA user_version").fetchone()[0]
        if version < SCHEMA_VERSION:  # a store of an earlier schema is migrated as a user's store would be
            started = time.perf_counter()
            open_store(db).close()
            print(f"store: migrated from schema {version} to {SCHEMA_VERSION} in {time.perf_counter() - started:.0f} s")
    with open_store(db, readonly=True) as store:
        n_articles = store.count()
        size = db.stat().st_size
        ids = [r[0] for r in store.conn.execute("SELECT id FROM articles ORDER BY random() LIMIT 200")]
        keys = [r[0] for r in store.conn.execute(
            "SELECT entity_key FROM entities WHERE type = 'PERSON' ORDER BY random() LIMIT 50")]
    print(f"store: {n_articles:,} articles, {size / 2**20:,.0f} MiB, {size / n_articles / 1024:.1f} KiB per article")

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
        from fastapi.testclient import TestClient
    from dateline.web.app import create_app

    common = words[20:400]
    mid = words[400:4000]

    def search_query(i: int) -> dict:
        kind = i % 10
        if kind == 0:
            return {"q": rng.choice(common)}
        if kind == 1:
            return {"q": f"{rng.choice(mid)} {rng.choice(mid)}"}
        if kind == 2:
            return {"q": f'"{rng.choice(common)} {rng.choice(common)}"'}
        if kind == 3:
            return {"q": rng.choice(words)[:3] + "*"}
        if kind == 4:
            return {"q": f"{rng.choice(mid)} OR {rng.choice(mid)}"}
        if kind == 5:
            return {"q": f"{rng.choice(common)} -{rng.choice(common)}"}
        if kind == 6:
            return {"q": f"NEAR({rng.choice(common)} {rng.choice(common)}, 5)"}
        if kind == 7:
            return {"q": rng.choice(mid), "since": "2023-01", "until": "2023-06", "country": "NOR"}
        if kind == 8:
            return {"q": rng.choice(common), "collapse": "true"}
        return {"q": rng.choice(mid), "sort": "-published"}

    searches = [search_query(i) for i in range(200)]
    kinds: dict[str, list] = {
        "search (API)": [("/api/search", params) for params in searches[: args.api_searches]],
        # the same searches asking for their facets and volume, as the search page's JSON twin does: a JSON page
        "search+facets API": [("/api/search", {**params, "facets": "true", "volume": "true"})
                              for params in searches[: args.facet_searches]],
        "search page": [("/search", search_query(i)) for i in range(args.rounds)],
        "home page": [("/", {"offset": rng.randrange(0, 1000)}) for _ in range(args.rounds)],
        "articles (API)": [("/api/articles", {"publisher": f"{words[500].capitalize()} News", "sort": "-published"})
                           for _ in range(args.rounds)],
        "article page": [(f"/articles/{rng.choice(ids)}", {}) for _ in range(args.rounds)],
        "article (API)": [(f"/api/articles/{rng.choice(ids)}", {}) for _ in range(args.rounds)],
        "entities page": [("/entities", {"type": rng.choice(["PERSON", "ORG", "GPE"])}) for _ in range(args.rounds)],
        "entities (API)": [("/api/entities", {"country": rng.choice(COUNTRIES)[0]}) for _ in range(args.rounds)],
        "entity page": [(f"/entities/{rng.choice(keys)}", {}) for _ in range(args.rounds)],
        "entity (API)": [("/api/entities/country-nor", {}) for _ in range(args.rounds)],
        "events page": [("/events", {"actor": rng.choice(COUNTRIES)[1], "plover": "CONSULT"})
                        for _ in range(args.rounds)],
        "events (API)": [("/api/events", {"q": rng.choice(mid), "sort": "-goldstein"}) for _ in range(args.rounds)],
        "quotes page": [("/quotes", {"speaker": rng.choice(keys)}) for _ in range(args.rounds)],
        "timeline page": [("/timeline", {"a": "NOR", "b": rng.choice(["ISL", "Russia", "CHN"]), "freq": "month"})
                          for _ in range(args.rounds)],
        "timeline (API)": [("/api/timeline", {"a": "USA", "b": "China", "q": rng.choice(mid)})
                           for _ in range(args.rounds)],
        "volume (API)": [("/api/volume", {"q": rng.choice(common), "freq": "month"}) for _ in range(args.rounds)],
    }
    failures = []
    with open_store(db, readonly=True) as store:  # the store's own search, as bench_store measures it
        from dateline.store.query import ArticleQuery, Page

        store.search(ArticleQuery(q=common[0]))
        wall, cpu = [], []
        for params in searches:
            query = ArticleQuery(**{k: v for k, v in params.items() if k != "collapse"},
                                 collapse="collapse" in params, page=Page(20))
            t, c = time.perf_counter(), time.process_time()
            store.search(query)
            wall.append((time.perf_counter() - t) * 1000)
            cpu.append((time.process_time() - c) * 1000)
        print(f"  {'search (store)':18s} n={len(wall):4d}  CPU p50 {pct(cpu, 50):7.1f} ms  p95 {pct(cpu, 95):7.1f} ms   "
              f"wall p50 {pct(wall, 50):7.1f} ms  p95 {pct(wall, 95):7.1f} ms", flush=True)
        store_search = pct(cpu, 95)
    with TestClient(create_app(db)) as client:
        client.get("/api/search", params={"q": common[0]})  # warm the page cache once
        results: dict[str, tuple[list[float], list[float]]] = {}
        for kind, requests in kinds.items():
            wall, cpu = [], []
            for url, params in requests:
                t, c = time.perf_counter(), time.process_time()
                response = client.get(url, params=params)
                wall.append((time.perf_counter() - t) * 1000)
                cpu.append((time.process_time() - c) * 1000)
                if response.status_code != 200:
                    failures.append(f"{url} {params} -> {response.status_code} {response.text[:120]}")
            results[kind] = (wall, cpu)
            print(f"  {kind:18s} n={len(wall):4d}  CPU p50 {pct(cpu, 50):7.1f} ms  p95 {pct(cpu, 95):7.1f} ms   "
                  f"wall p50 {pct(wall, 50):7.1f} ms  p95 {pct(wall, 95):7.1f} ms", flush=True)
        t = time.perf_counter()
        rows = 0
        with client.stream("GET", "/api/events", params={"format": "csv", "count_copies": "true"}) as response:
            for _line in response.iter_lines():
                rows += 1
                if rows > args.csv_rows:
                    break
        csv_seconds = time.perf_counter() - t
    print(f"  CSV download     {rows - 1:,} event rows streamed in {csv_seconds:.2f} s")
    search_p95 = pct(results["search (API)"][1], 95)
    worst_kind = max((k for k in results if k != "search (API)"), key=lambda k: pct(results[k][1], 95))
    print(f"targets over {n_articles:,} articles (CPU p95; wall on this machine is above):")
    print(f"  search p95 {store_search:.1f} ms in the store, {search_p95:.1f} ms through the API (target 50): "
          f"{'met' if store_search <= 50 else 'NOT met'} / {'met' if search_p95 <= 50 else 'NOT met'}")
    print(f"  slowest page p95 {pct(results[worst_kind][1], 95):.1f} ms, {worst_kind} (target 100): "
          f"{'met' if pct(results[worst_kind][1], 95) <= 100 else 'NOT met'}")
    print(f"  CSV {csv_seconds:.2f} s (target 2): {'met' if csv_seconds <= 2 else 'NOT met'}")
    print(f"  store {size / n_articles / 1024:.1f} KiB per article (target 20): "
          f"{'met' if size / n_articles / 1024 <= 20 else 'NOT met'}")
    for failure in failures[:10]:
        print(f"  failed: {failure}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
