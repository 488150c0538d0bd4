"""One input file through the pipeline, in a Ray actor: the models load once per actor."""

from __future__ import annotations

import time
from typing import Any

from ..model import Failure
from ..pipeline import Pipeline
from ..sources import SourceReader
from .inputs import open_filesystem
from .output import REPORT_FIELDS, InputReport, Output


class InputWorker:
    """A Ray Data map_batches class: each row names an input; it is processed and written whole."""

    def __init__(self, output: str, *, nlp: bool = True, model: str | None = None, max_bytes: int | None = None) -> None:
        self.output = Output(output)
        self.pipe = Pipeline(nlp=nlp, model=model, max_bytes=max_bytes)
        if nlp:
            from ..nlp import load_nlp

            load_nlp(model)  # once per actor, before the first input

    def __call__(self, batch: dict[str, Any]) -> dict[str, list]:
        reports = [process_input(str(item), str(location), self.pipe, self.output)
                   for item, location in zip(batch["input"], batch["location"], strict=True)]
        return {key: [r.to_dict()[key] for r in reports] for key in REPORT_FIELDS}


def process_input(item: str, location: str, pipe: Pipeline, output: Output) -> InputReport:
    """Read, extract, annotate and write one input (named ``item`` as the caller gave it, opened at
    ``location``); mark it finished unless it could not be read.

    A document that fails is a row of the failures table; an input that cannot be read (or breaks
    part-way) is reported with ``error`` and not marked, so the next run tries it again.
    """
    started, cpu_started = time.perf_counter(), time.process_time()
    report = InputReport(item)
    try:
        filesystem, path = open_filesystem(location)
        with filesystem.open_input_stream(path, compression=None) as stream, SourceReader(pipe.sources) as reader:
            records = pipe.run(reader.read_stream(stream, item))
            report.articles, report.failures = output.write(item, records)
    except Exception as exc:  # the input, not one document, failed: report it and let the other inputs go on
        report.error = f"{item}: cannot read ({exc})" if isinstance(exc, OSError) else f"{item}: {exc!r}"
        report.articles, report.failures = output.write(item, [Failure(item, report.error, type(exc).__name__)])
    report.seconds = round(time.perf_counter() - started, 3)
    report.cpu_seconds = round(time.process_time() - cpu_started, 3)
    if report.error is None:
        output.mark_finished(report)
    return report
