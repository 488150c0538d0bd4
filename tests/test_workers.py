"""Pages spread over worker processes: the same records, in input order, and a dead worker loses nothing."""

from __future__ import annotations

import json
import multiprocessing
import os
import subprocess
import sys
from pathlib import Path

import pytest

from dateline.engine import executor as workers
from dateline.model import Article, Failure
from dateline.pipeline import Pipeline
from dateline.sources import RawDoc
from tests.store.pages import page_html

PAGES = 3 * workers.CHUNK + 5  # enough to be spread, with a last chunk that is not full
BINARY_AT = 20
POISON = "poison.html"


def docs() -> list[RawDoc]:
    out = [RawDoc(source=f"page-{n:03d}.html", data=page_html(n).encode()) for n in range(PAGES)]
    out[BINARY_AT] = RawDoc(source="broken.bin", data=bytes(range(256)) * 8)
    return out


def records(results) -> list[dict]:
    return [r.to_dict() for r in results]


@pytest.fixture(scope="module")
def in_process() -> list[dict]:
    return records(Pipeline(nlp=False).run(docs()))


def test_spread_over_workers_gives_the_same_records_in_input_order(in_process):
    spread = records(workers.spread(Pipeline(nlp=False), docs(), 2))
    assert spread == in_process
    assert [r["source"] for r in spread] == [d.source for d in docs()]
    assert "error" in spread[BINARY_AT]  # the bad page is a failure in its place; the rest carry on


def test_a_few_pages_stay_in_this_process(monkeypatch):
    def no_pool(*args, **kwargs):
        raise AssertionError("a pool was started for two pages")

    monkeypatch.setattr(workers, "ProcessPool", no_pool)
    results = list(workers.spread(Pipeline(nlp=False), docs()[:2], 4))
    assert [type(r) for r in results] == [Article, Article]


_REAL_WORK = workers.work


def _work_or_die(pipeline, items):
    """Stands in for the executor's work in the forked workers: a chunk holding the poison page kills its process."""
    if any(getattr(item, "source", "") == POISON for item in items):
        os._exit(9)
    return _REAL_WORK(pipeline, items)


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="the stand-in reaches workers by fork")
@pytest.mark.parametrize("poison_at", [3, 2 * workers.CHUNK + 1])
def test_a_worker_that_dies_costs_its_chunk_only(monkeypatch, poison_at: int):
    monkeypatch.setattr(workers, "work", _work_or_die)  # forked workers inherit the stand-in
    items = docs()
    items[poison_at] = RawDoc(source=POISON, data=page_html(poison_at).encode())
    results = list(workers.ProcessPool(Pipeline(nlp=False).spec, 2).run(items))
    assert [r.source for r in results] == [d.source for d in items]
    lost = range(poison_at // workers.CHUNK * workers.CHUNK, (poison_at // workers.CHUNK + 1) * workers.CHUNK)
    for i, result in enumerate(results):
        if i in lost:
            assert isinstance(result, Failure) and result.kind == "WorkerDied", i
        elif i != BINARY_AT:
            assert isinstance(result, Article), i


def test_cli_workers_print_what_one_process_prints(tmp_path: Path):
    for n in range(PAGES):
        (tmp_path / f"page-{n:03d}.html").write_text(page_html(n), encoding="utf-8")

    def run(n: str) -> list[dict]:
        out = subprocess.run([sys.executable, "-m", "dateline", "process", "--no-nlp", "--workers", n, str(tmp_path)],
                             capture_output=True, text=True, check=True).stdout
        return [json.loads(line) for line in out.splitlines()]

    one, two = run("1"), run("2")
    assert len(one) == PAGES
    assert one == two
