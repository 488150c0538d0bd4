"""The Ray job on a local Ray with 2 workers, over WARC files built from the project's own pages."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from dateline import Pipeline
from dateline.export import TABLES, record_tables
from dateline.scale import Output, run_scale, start_ray

from ..sources.helpers import PAGES, page, warc_response, write_warc

ray = pytest.importorskip("ray")
KILL_SEED = int(os.environ.get("DATELINE_CRASH_SEED", "20261129"))


def crawl(path: Path, host: str, copies: int = 1, *, with_image: bool = False) -> Path:
    records = []
    for n in range(copies):
        for name in PAGES:
            charset = "windows-1252" if name == "summit.html" else "utf-8"
            records.append(warc_response(f"https://{host}/{n}/{name}", page(name),
                                         content_type=f"text/html; charset={charset}"))
    if with_image:
        records.append(warc_response(f"https://{host}/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(64), content_type="image/png"))
    return write_warc(path, records, compress=True)


def tables(output: Path) -> dict[str, pa.Table]:
    return {name: _sorted(pq.read_table(output / name)) for name in TABLES}


def expected(inputs: list[str]) -> dict[str, pa.Table]:
    return {name: _sorted(table) for name, table in record_tables(Pipeline().run(inputs)).items()}


def _sorted(table: pa.Table) -> pa.Table:
    keys = [k for k in ("id", "article_id", "entity_id", "quote_index", "start", "source", "error") if k in table.column_names]
    return table.sort_by([(k, "ascending") for k in keys])


def settled(timeout: float = 60.0) -> None:
    """Wait until the tasks of a killed driver have ended: Ray stops them a while after the driver dies, and
    until then one may still finish its input and mark it."""
    deadline = time.monotonic() + timeout
    while ray.available_resources().get("CPU", 0) < ray.cluster_resources().get("CPU", 0):
        assert time.monotonic() < deadline, "the killed job's tasks are still running"
        time.sleep(0.2)


@pytest.fixture(scope="module")
def local_ray():
    start_ray(workers=2, address=None)  # the no-set-up path: a local instance with 2 CPUs, offline
    yield ray.get_runtime_context().gcs_address
    ray.shutdown()


def test_the_job_gives_the_same_records_as_the_pipeline_and_ingest(tmp_path: Path, local_ray: str):
    inputs = [str(crawl(tmp_path / f"crawl-{i}.warc.gz", f"n{i}.example.org", with_image=i == 0)) for i in range(3)]
    report = run_scale([str(tmp_path / "crawl-*.warc.gz")], str(tmp_path / "out"), workers=2)
    assert (report.inputs, report.skipped, report.articles, report.failures) == (3, 0, 9, 1)
    got = tables(tmp_path / "out")
    want = expected(inputs)
    for name in TABLES:
        assert got[name].equals(want[name]), name
    assert got["entities"].num_rows > 0
    assert "image/png" in got["failures"].column("error")[0].as_py()

    from dateline.ingest import ingest
    from dateline.store import open_store

    store = open_store(tmp_path / "ingest.db")
    ingest(inputs, store, workers=1, progress=False)
    stored = sorted(store.iter_articles(), key=lambda a: a.id)
    from_ingest = record_tables(stored)
    assert _sorted(from_ingest["articles"]).drop_columns(["duplicate_of"]).equals(got["articles"].drop_columns(["duplicate_of"]))
    for name in ("entities", "quotes", "events"):
        assert _sorted(from_ingest[name]).equals(got[name]), name
    store.close()

    again = run_scale(inputs, str(tmp_path / "out"), workers=2)
    assert (again.skipped, again.done) == (3, [])


def test_a_killed_job_resumes_and_skips_the_finished_inputs(tmp_path: Path, local_ray: str):
    inputs = [str(crawl(tmp_path / f"small-{i}.warc.gz", f"s{i}.example.org")) for i in range(3)]
    inputs.append(str(crawl(tmp_path / "large.warc.gz", "large.example.org", copies=6)))
    out = tmp_path / "out"
    command = [sys.executable, "-m", "dateline", "scale", *inputs, "--output", str(out), "--address", local_ray]
    # A first kill at a seeded random moment (start-up, reading, or writing), then one after an input is
    # marked finished; the last run must end in the state of an uninterrupted one.
    early = subprocess.Popen([*command, "--workers", "1"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                             start_new_session=True)
    try:
        time.sleep(random.Random(KILL_SEED).uniform(0.5, 8.0))
        if early.poll() is None:
            os.killpg(early.pid, signal.SIGKILL)
    finally:
        early.wait(timeout=30)
    settled()
    for marked in Output(str(out)).finished():  # a marker is written last: its input's tables are whole
        assert marked in inputs
    first = subprocess.Popen([*command, "--workers", "1"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    try:
        deadline = time.monotonic() + 90
        while not list((out / "_done").glob("*.json")) and first.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
        if first.poll() is None:
            os.killpg(first.pid, signal.SIGKILL)
        else:  # every input was already finished before this run: it had nothing to do
            assert first.returncode == 0, first.stderr.read().decode()
    finally:
        first.wait(timeout=30)
    settled()
    finished = Output(str(out)).finished()
    assert 1 <= len(finished) <= len(inputs)

    second = subprocess.run(command, capture_output=True, check=False, timeout=120)
    assert second.returncode == 0, second.stderr.decode()
    log = second.stderr.decode()
    assert f"skipped {len(finished)} finished input(s)" in log
    for item in finished:
        assert f"] {item}:" not in log  # not processed again
    got = tables(out)
    want = expected(inputs)
    for name in TABLES:
        assert got[name].equals(want[name]), name


def test_a_large_file_split_into_parts_gives_the_same_tables(tmp_path: Path, local_ray: str):
    large = str(crawl(tmp_path / "large.warc.gz", "big.example.org", copies=12))  # 36 pages
    size = Path(large).stat().st_size
    report = run_scale([large], str(tmp_path / "out"), workers=2, split_bytes=size // 3 + 1)
    assert [(r.part, r.parts) for r in report.done] == [(0, 3), (1, 3), (2, 3)]
    assert sum(r.articles for r in report.done) == 36 and all(r.articles for r in report.done)
    got = tables(tmp_path / "out")
    want = expected([large])
    for name in TABLES:
        assert got[name].equals(want[name]), name
    assert Output(str(tmp_path / "out")).finished() == {large}
    assert run_scale([large], str(tmp_path / "out"), workers=2, split_bytes=size // 3 + 1).skipped == 1


def test_a_small_job_spreads_its_files_over_the_workers_and_resumes_with_the_same_split(tmp_path: Path,
                                                                                      local_ray: str):
    from dateline.scale.job import UNITS_PER_WORKER

    crawls = [str(crawl(tmp_path / f"c{n}.warc.gz", f"c{n}.example.org", copies=4)) for n in range(2)]  # 12 pages each
    html = tmp_path / "one.html"
    html.write_bytes(page("council.html") * 40)  # as large as the crawls, but one document: never split
    inputs = [*crawls, str(html)]
    size = min(Path(c).stat().st_size for c in crawls)
    out = tmp_path / "out"
    first = run_scale(inputs[:1], str(out), workers=2, min_part_bytes=size // 4)  # fewer inputs than workers
    spread = UNITS_PER_WORKER * 2
    assert [(r.part, r.parts) for r in first.done] == [(k, 4) for k in range(4)]  # no part under min_part_bytes
    assert [r.articles for r in first.done] == [3, 3, 3, 3]  # records dealt round
    # The other two inputs: the crawl is split (ceil(spread / 2) parts), the HTML file is not.
    second = run_scale(inputs, str(out), workers=2, min_part_bytes=1)
    assert second.skipped == 1
    assert [(r.input, r.part, r.parts) for r in second.done] == (
        [(crawls[1], k, spread // 2) for k in range(spread // 2)] + [(str(html), 0, 1)])
    assert sum(r.articles for r in second.done) == 13
    got = tables(out)
    want = expected(inputs)
    for name in TABLES:
        assert got[name].equals(want[name]), name
    # A rerun after a part was lost keeps the split the input had, whatever it would be now.
    marker = next((out / "_done").glob("c1*part-002*.json"))
    marker.unlink()
    third = run_scale(inputs, str(out), workers=2, min_part_bytes=1, split_bytes=None)
    assert [(r.input, r.part, r.parts) for r in third.done] == [(crawls[1], 1, spread // 2)]
    for name in TABLES:
        assert tables(out)[name].equals(want[name]), name


def test_each_file_appears_whole_and_a_killed_writer_leaves_nothing_a_reader_takes(tmp_path: Path):
    from dateline.scale.output import InputReport

    out = Output(str(tmp_path / "out"))
    out.prepare()
    report = InputReport(input=str(tmp_path / "crawl.warc.gz"))
    articles = list(Pipeline().run([str(crawl(tmp_path / "crawl.warc.gz", "w.example.org"))]))
    assert out.write(report, articles) == (3, 0)
    out.mark_finished(report)
    names = sorted(p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("*") if p.is_file())
    assert not [n for n in names if n.endswith(".partial")]  # each staged file was renamed into place
    assert out.finished() == {report.input}
    # What a writer killed mid-file leaves: a staged name, which neither the job nor a dataset reader takes.
    (tmp_path / "out" / "articles" / f".{report.key}.parquet.0123.partial").write_bytes(b"PAR1 cut short")
    (tmp_path / "out" / "_done" / f".{report.key}.json.0123.partial").write_bytes(b'{"input": ')
    assert pq.read_table(tmp_path / "out" / "articles").num_rows == 3
    assert out.finished() == {report.input}
