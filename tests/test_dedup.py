"""Near-duplicates: shingles, MinHash LSH clusters, and duplicate_of in the store."""

from __future__ import annotations

import random
from pathlib import Path

from dateline.dedup import cluster_texts, dedup_store, shingles
from dateline.store import open_store
from tests.store.records import plain_article

WORDS = [f"{a}{b}" for a in ("bal", "cor", "dun", "fel", "gar", "hol", "kes", "lin", "mor", "nav")
         for b in ("ta", "en", "ik", "os", "ur", "am", "el", "ov", "is", "ud")]


def story(rng: random.Random, n: int = 60) -> list[str]:
    return [rng.choice(WORDS) for _ in range(n)]


def edit(words: list[str], rng: random.Random, changes: int) -> list[str]:
    out = list(words)
    for _ in range(changes):
        out[rng.randrange(len(out))] = rng.choice(WORDS)
    return out


def test_shingles_ignore_case_and_punctuation_and_split_unspaced_scripts():
    assert shingles("The Port, reopened!") == shingles("the port reopened")
    assert shingles("港口重新开放") == {"港 口 重".encode(), "口 重 新".encode(), "重 新 开".encode(), "新 开 放".encode()}
    assert shingles("") == set()


def test_lightly_edited_copies_cluster_and_unrelated_texts_do_not():
    rng = random.Random(7)
    originals = [story(rng) for _ in range(40)]
    texts = [" ".join(w) for w in originals]
    copies = {i: len(texts) + k for k, i in enumerate(range(0, 40, 4))}
    texts += [" ".join(edit(originals[i], rng, 1)) for i in copies]
    groups = cluster_texts(texts)
    assert sorted(groups) == sorted([[i, j] for i, j in copies.items()])


def test_dedup_store_sets_duplicate_of_to_the_earliest_copy(tmp_path: Path):
    rng = random.Random(3)
    wire = " ".join(story(rng, 80))
    other = " ".join(story(rng, 80))
    with open_store(tmp_path / "d.db") as store:
        store.upsert(plain_article(1, "Late copy", wire + " Extra line.", published="2024-05-02T10:00:00Z"))
        store.upsert(plain_article(2, "First", wire, published="2024-05-01T10:00:00Z"))
        store.upsert(plain_article(3, "Unrelated", other, published="2024-05-01T09:00:00Z"))
        report = dedup_store(store)
        assert (report.clusters, report.duplicates, report.changed) == (1, 1, 1)
        assert store.get("plain0001").duplicate_of == "plain0002"
        assert store.get("plain0002").duplicate_of is None
        assert store.get("plain0003").duplicate_of is None
        assert dedup_store(store).changed == 0  # signatures are kept; nothing to redo
        assert store.search("Extra", collapse=True).hits[0].cluster_size == 2
