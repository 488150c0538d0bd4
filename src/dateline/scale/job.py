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
) -> ScaleReport:
    """Process every input not yet finished in ``output``; ``progress(report, n_done, n_todo)`` after each
    input or part. The run is ``spec``, else the one ``nlp``, ``model`` and ``max_bytes`` describe. A file
    over ``split_bytes`` (None: never) is split into about that many bytes' worth of parts of its records,
    each a unit of work of its own."""
    started = time.perf_counter()
    spec = spec or PipelineSpec.default(nlp=nlp, model=model, max_bytes=max_bytes)
    items = expand_inputs(inputs)
    out = Output(output)
    out.prepare()
    done_parts = out.finished_parts()
    finished = out.finished()
    units = [unit for item in items if item not in finished for unit in _parts(item, split_bytes)
             if unit.part not in done_parts.get(item, {})]
    report = ScaleReport(inputs=len(items), skipped=len(finished & set(items)))
    if not units:
        report.seconds = time.perf_counter() - started
        return report

    start_ray(workers=workers, address=address)
    ray = _ray()
    pool = workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
    executor = Ray(spec, min(pool, len(units)))
    for done in executor.map(partial(process_part, output=absolute(output)), units, lost_part):
        report.done.append(done)
        if progress:
            progress(done, len(report.done), len(units))
    report.seconds = time.perf_counter() - started
    return report


def _parts(item: str, split_bytes: int | None) -> list[Part]:
    location = absolute(item)
    parts = 1
    if split_bytes:
        filesystem, path = open_filesystem(location)
        parts = max(1, -(-(filesystem.get_file_info(path).size or 0) // split_bytes))
    return [Part(item, location, k, parts) for k in range(parts)]
