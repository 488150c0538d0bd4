"""The pipeline spec: a custom stage registered by name gives the same records in this process, in a
pool of worker processes and in the Ray job; a spec round-trips through ingest_runs."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from dateline.engine import PipelineSpec, StageSpec, register_stage
from dateline.engine.executor import CHUNK
from dateline.errors import ConfigError
from dateline.pipeline import Pipeline
from tests.store.pages import page_html

ROOT = Path(__file__).resolve().parents[2]
STAGE = "tests.engine.custom:title_words"
PAGES = 2 * CHUNK + 8  # enough for `process` to start its workers


def write_pages(folder: Path) -> Path:
    folder.mkdir()
    for n in range(PAGES):
        (folder / f"page-{n:03d}.html").write_text(page_html(n), encoding="utf-8")
    return folder


def cli(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}  # the custom stage's module, for spawned workers and Ray
    return subprocess.run([sys.executable, "-m", "dateline", *args], capture_output=True, text=True, env=env,
                          cwd=ROOT, timeout=300)


def test_a_custom_stage_runs_the_same_in_process_in_workers_and_on_ray(tmp_path: Path):
    pages = write_pages(tmp_path / "pages")

    def process(workers: str) -> list[dict]:
        run = cli("process", "--no-nlp", "--stage", STAGE, "--workers", workers, str(pages))
        assert run.returncode == 0, run.stderr
        return [json.loads(line) for line in run.stdout.splitlines()]

    one, two = process("1"), process("2")
    assert len(one) == PAGES
    assert all(any(t.startswith("words:") for t in r["tags"]) for r in one)
    assert one == two

    pytest.importorskip("ray")
    import pyarrow.parquet as pq

    out = tmp_path / "out"
    run = cli("scale", "--no-nlp", "--stage", STAGE, "--workers", "2", "--output", str(out), str(pages))
    assert run.returncode == 0, run.stderr
    articles = pq.read_table(out / "articles").to_pylist()
    assert sorted((a["source"], a["tags"]) for a in articles) == sorted((r["source"], r["tags"]) for r in one)


def test_the_spec_pickles_and_round_trips_as_data():
    spec = PipelineSpec.default(all_events=True, max_bytes=1000, extra=(STAGE,))
    assert pickle.loads(pickle.dumps(spec)) == spec
    assert PipelineSpec.from_dict(json.loads(json.dumps(spec.to_dict()))) == spec
    assert [s.name for s in spec.stages][-1] == "title_words"
    assert spec.stages[-1].module == "tests.engine.custom"


def test_a_stage_whose_needs_are_not_met_is_refused():
    @register_stage("needs_events", requires=("events",), assigns=("tags",))
    def needs_events(articles, shared):
        pass

    with pytest.raises(ConfigError, match="needs_events.*events"):
        PipelineSpec.default(nlp=False, extra=("needs_events",))
    assert PipelineSpec.default(extra=("needs_events",)).stages[-1] == StageSpec("needs_events", (), __name__)
    with pytest.raises(ConfigError, match="no stage named"):
        StageSpec.of("no_such_stage")


def test_ingest_records_the_spec_it_ran(tmp_path: Path):
    from dateline.ingest import ingest
    from dateline.store import open_store

    pages = write_pages(tmp_path / "pages")
    spec = PipelineSpec.default(nlp=False, extra=(STAGE,))
    with open_store(tmp_path / "s.db") as store:
        report = ingest([str(pages)], store, workers=1, spec=spec, progress=False)
        assert report.stored == PAGES
        options = json.loads(store.conn.execute("SELECT options FROM ingest_runs").fetchone()[0])
        assert PipelineSpec.from_dict(options["spec"]) == spec
        stored = {a.source: a.tags for a in store.iter_articles()}
    assert stored == {r.source: r.tags for r in Pipeline.from_spec(spec).run([str(pages)])}
