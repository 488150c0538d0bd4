"""`dateline scale`: the pipeline over many input files as a Ray Data job.

Each input file is one row of a Ray dataset; an actor pool (one actor per
worker, the models loaded once per actor) runs the same ``Pipeline`` as
``dateline process`` over it and writes its Parquet files and marker (see
output.py). The driver only lists inputs, skips the finished ones and reports
progress as each input completes.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ..errors import ConfigError
from .inputs import absolute, expand_inputs
from .output import REPORT_FIELDS, InputReport, Output


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
        import ray.data
    except ImportError:
        raise ConfigError("dateline scale needs Ray Data: pip install 'dateline[ray]'") from None
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
) -> ScaleReport:
    """Process every input not yet finished in ``output``; ``progress(report, n_done, n_todo)`` after each."""
    started = time.perf_counter()
    items = expand_inputs(inputs)
    out = Output(output)
    out.prepare()
    finished = out.finished()
    todo = [item for item in items if item not in finished]
    report = ScaleReport(inputs=len(items), skipped=len(items) - len(todo))
    if not todo:
        report.seconds = time.perf_counter() - started
        return report

    start_ray(workers=workers, address=address)
    ray = _ray()
    from .worker import InputWorker

    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = False
    context.print_on_execution_start = False
    pool = workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
    rows = [{"input": item, "location": absolute(item)} for item in todo]
    dataset = ray.data.from_items(rows, override_num_blocks=len(todo))
    results = dataset.map_batches(
        InputWorker,
        fn_constructor_kwargs={"output": absolute(output), "nlp": nlp, "model": model, "max_bytes": max_bytes},
        batch_size=1,
        compute=ray.data.ActorPoolStrategy(size=min(pool, len(todo))),
        num_cpus=1,
    )
    for row in results.iter_rows():
        done = InputReport(**{k: row[k] for k in REPORT_FIELDS})
        report.done.append(done)
        if progress:
            progress(done, len(report.done), len(todo))
    report.seconds = time.perf_counter() - started
    return report
