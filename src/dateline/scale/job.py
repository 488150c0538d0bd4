"""`dateline scale`: the pipeline over many input files as a Ray job.

The Ray executor (engine/executor.py: one actor per worker, each building the
run's pipeline from its spec and loading the models once) takes one input
file, or one part of a large file's records, at a time, runs the same
pipeline as ``dateline process`` over it and writes its Parquet files and
marker (see output.py). The driver only lists inputs, skips the finished ones
and reports progress as each input or part completes.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial

from ..engine import PipelineSpec
from ..engine.executor import Ray
from ..errors import ConfigError
from ..sources import holds_records
from .inputs import absolute, expand_inputs, open_filesystem
from .output import InputReport, Output
from .worker import Part, lost_part, process_part


@dataclass
class ScaleReport:
    inputs: int
    skipped: int
    done: list[InputReport] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def articles(self) -> int:
        return sum(r.articles for r in self.done)

    @property
    def failures(self) -> int:
        return sum(r.failures for r in self.done)

    @property
    def unreadable(self) -> list[InputReport]:
        return [r for r in self.done if r.error]


def _ray():
    try:
        import ray
    except ImportError:
        raise ConfigError("dateline scale needs Ray: pip install 'dateline[ray]'") from None
    return ray


def start_ray(*, workers: int | None, address: str | None) -> None:
    """Join the cluster at ``address``, or start a local Ray instance with ``workers`` CPUs, offline."""
    ray = _ray()
    if ray.is_initialized():
        return
    if address:
        ray.init(address=address, log_to_driver=False)
        return
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")  # no usage report leaves this machine
    ray.init(num_cpus=workers or os.cpu_count() or 1, include_dashboard=False, log_to_driver=False,
             configure_logging=False)


SPLIT_BYTES = 64 * 1024 * 1024  # a file larger than this is split into parts of its records
UNITS_PER_WORKER = 4  # a job of fewer inputs than this per worker splits them, so that no worker idles at the end
MIN_PART_BYTES = 256 * 1024  # ... but not into parts smaller than this (a few dozen pages of gzip WARC)


def run_scale(
    inputs: Sequence[str],
    output: str,
    *,
    workers: int | None = None,
    address: str | None = None,
    nlp: bool = True,
    model: str | None = None,
    max_bytes: int | None = None,
    progress: Callable[[InputReport, int, int], None] | None = None,
    spec: PipelineSpec | None = None,
    split_bytes: int | None = SPLIT_BYTES,
    min_part_bytes: int = MIN_PART_BYTES,
) -> ScaleReport:
    """Process every input not yet finished in ``output``; ``progress(report, n_done, n_todo)`` after each
    input or part. The run is ``spec``, else the one ``nlp``, ``model`` and ``max_bytes`` describe.

    A file of records (WARC, JSON lines) is split into parts, each a unit of work of its own: a file over
    ``split_bytes`` into about that many bytes' worth; and when there are fewer inputs than
    UNITS_PER_WORKER per worker, each into as many parts as that asks for, none under ``min_part_bytes``,
    so that the last file of a small job does not run on one worker while the others wait.
    ``split_bytes`` None: never split. An input resumed after some of its parts finished keeps the
    split it had."""
    started = time.perf_counter()
    spec = spec or PipelineSpec.default(nlp=nlp, model=model, max_bytes=max_bytes)
    items = expand_inputs(inputs)
    out = Output(output)
    out.prepare()
    done_parts = out.finished_parts()
    finished = out.finished()
    todo = [item for item in items if item not in finished]
    report = ScaleReport(inputs=len(items), skipped=len(items) - len(todo))
    if not todo:
        report.seconds = time.perf_counter() - started
        return report

    start_ray(workers=workers, address=address)
    ray = _ray()
    pool = workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
    spread = -(-UNITS_PER_WORKER * pool // len(todo)) if split_bytes else 1
    units = [unit for item in todo for unit in _parts(item, split_bytes, spread, min_part_bytes, done_parts.get(item))
             if unit.part not in done_parts.get(item, {})]
    executor = Ray(spec, min(pool, len(units)))
    for done in executor.map(partial(process_part, output=absolute(output)), units, lost_part):
        report.done.append(done)
        if progress:
            progress(done, len(report.done), len(units))
    report.seconds = time.perf_counter() - started
    return report


def _parts(item: str, split_bytes: int | None, spread: int, min_part_bytes: int,
           finished: dict[int, int] | None) -> list[Part]:
    """The units of one input: its parts as an earlier run of the job split it (``finished``: {part: parts}
    of the parts it finished), else as run_scale says."""
    location = absolute(item)
    if finished:
        parts = max(finished.values())
    elif split_bytes:
        filesystem, path = open_filesystem(location)
        size = filesystem.get_file_info(path).size or 0
        parts = max(-(-size // split_bytes), min(spread, size // min_part_bytes), 1)
        if parts > 1:
            with filesystem.open_input_stream(path) as stream:
                parts = parts if holds_records(stream) else 1
    else:
        parts = 1
    return [Part(item, location, k, parts) for k in range(parts)]
