"""Near-duplicates: MinHash LSH over word shingles, grouped into clusters with a representative.

Syndicated copies of one story (the same wire text under several mastheads, lightly
edited) share most of their word 3-grams. Each text gets a MinHash signature
(datasketch); LSH proposes candidate pairs; a pair is kept when the signatures agree
on at least ``threshold`` of their positions (the estimated Jaccard similarity of the
shingle sets). Kept pairs join clusters; the representative of a cluster is its
earliest published member (then the longest, then the smallest id), and every other
member gets ``duplicate_of`` = the representative.
"""

from __future__ import annotations

import re
import time
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

from .store.keys import UNSPACED
from .store.tables import article_text_sql

if TYPE_CHECKING:
    from .store import Store

NUM_PERM = 128
SEED = 1
_SCHEME = MinHash(num_perm=1, seed=SEED).scheme
SHINGLE_WORDS = 3
DEFAULT_THRESHOLD = 0.7  # estimated Jaccard of the shingle sets at or above which two texts are copies
_LSH_MARGIN = 0.1  # LSH looks a little below the threshold so that sampling noise costs no recall

# a word, or one character of a script written without spaces (Chinese, Japanese)
_TOKEN = re.compile(f"[{UNSPACED}]|[^\\W{UNSPACED}_]+")


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    """The text's word n-grams, case- and punctuation-insensitive (a shorter text gives itself)."""
    tokens = _TOKEN.findall(unicodedata.normalize("NFKC", text).casefold())
    if len(tokens) <= size:
        return {" ".join(tokens).encode()} if tokens else set()
    return {" ".join(tokens[i : i + size]).encode() for i in range(len(tokens) - size + 1)}


def signatures(texts: Iterable[str], num_perm: int = NUM_PERM) -> np.ndarray:
    """One MinHash signature per text, as rows of a (n, num_perm) uint64 array."""
    minhashes = MinHash.bulk((sorted(shingles(t)) for t in texts), num_perm=num_perm, seed=SEED)
    if not minhashes:
        return np.empty((0, num_perm), dtype=np.uint64)
    return np.stack([m.hashvalues for m in minhashes]).astype(np.uint64)


def similar_pairs(sigs: np.ndarray, threshold: float = DEFAULT_THRESHOLD) -> Iterator[tuple[int, int]]:
    """Index pairs (i < j) whose signatures agree on at least ``threshold`` of their positions."""
    n, num_perm = sigs.shape
    lsh = MinHashLSH(threshold=max(0.05, threshold - _LSH_MARGIN), num_perm=num_perm)
    for j in range(n):  # one pass: each text meets the ones before it, then joins them
        minhash = _lean(sigs[j])
        for i in lsh.query(minhash):
            if np.count_nonzero(sigs[i] == sigs[j]) >= threshold * num_perm:
                yield min(i, j), max(i, j)
        lsh.insert(j, minhash, check_duplication=False)


def _lean(hashvalues: np.ndarray) -> LeanMinHash:
    return LeanMinHash(seed=SEED, hashvalues=hashvalues, scheme=_SCHEME)


def clusters(n: int, pairs: Iterable[tuple[int, int]]) -> list[list[int]]:
    """Connected groups of two or more indexes (union-find), each sorted."""
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in pairs:
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(find(i), []).append(i)
    return [g for g in groups.values() if len(g) > 1]


def cluster_texts(texts: Sequence[str], threshold: float = DEFAULT_THRESHOLD) -> list[list[int]]:
    """Near-duplicate clusters of ``texts`` as lists of indexes."""
    return clusters(len(texts), similar_pairs(signatures(texts), threshold))


@dataclass
class DedupReport:
    articles: int
    clusters: int
    duplicates: int
    changed: int
    seconds: float

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def dedup_store(store: Store, threshold: float = DEFAULT_THRESHOLD) -> DedupReport:
    """Find the near-duplicate clusters of the whole store and set ``duplicate_of`` to match.

    Signatures are kept in the store, so a rerun only hashes articles it has not seen.
    """
    started = time.perf_counter()
    _add_missing_signatures(store)
    rows = store.conn.execute(
        f"SELECT a.id, a.published_at, length({article_text_sql()}), a.duplicate_of, m.signature "
        "FROM articles a JOIN minhashes m ON m.article_id = a.id ORDER BY a.id"
    ).fetchall()
    sigs = np.stack([np.frombuffer(r[4], dtype=np.uint64) for r in rows]) if rows else np.empty((0, NUM_PERM))
    groups = clusters(len(rows), similar_pairs(sigs, threshold)) if rows else []
    wanted: dict[str, str | None] = {r[0]: None for r in rows}
    for group in groups:
        rep = min(group, key=lambda i: (rows[i][1] is None, rows[i][1] or "", -rows[i][2], rows[i][0]))
        for i in group:
            if i != rep:
                wanted[rows[i][0]] = rows[rep][0]
    current = {r[0]: r[3] for r in rows}
    changes = {aid: rep for aid, rep in wanted.items() if current[aid] != rep}
    store.set_duplicates(changes)
    return DedupReport(
        articles=len(rows),
        clusters=len(groups),
        duplicates=sum(rep is not None for rep in wanted.values()),
        changed=len(changes),
        seconds=round(time.perf_counter() - started, 3),
    )


def _add_missing_signatures(store: Store, batch: int = 2000) -> None:
    while True:
        rows = store.conn.execute(
            f"SELECT a.id, {article_text_sql()} FROM articles a LEFT JOIN minhashes m ON m.article_id = a.id "
            f"WHERE m.article_id IS NULL AND length({article_text_sql()}) > 0 LIMIT ?",
            (batch,),
        ).fetchall()
        if not rows:
            return
        sigs = signatures(r[1] for r in rows)
        with store.transaction() as cur:
            cur.executemany(
                "INSERT OR REPLACE INTO minhashes(article_id, signature) VALUES (?, ?)",
                [(r[0], sig.tobytes()) for r, sig in zip(rows, sigs, strict=True)],
            )
