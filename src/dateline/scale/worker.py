"""The scale job's task: one input file, or one part of its records, through the pipeline and into
Parquet. It runs in a Ray actor that holds the pipeline built from the run's spec (engine/executor.py)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice

from ..model import Failure
from ..sources import SourceReader
from .inputs import open_filesystem
from .output import InputReport, Output


@dataclass(frozen=True)
class Part:
    """Records of one input: all of them (``parts`` 1), or every ``parts``-th record from record ``part``
    on, so that one large WARC file spreads over the workers in parts of about equal work (records dealt
    round, not cut into runs: the pages of one crawl differ in cost along the file)."""

    item: str  # as the caller named it
    location: str  # where a worker opens it
    part: int = 0
    parts: int = 1

    def take(self, records: Iterator) -> Iterator:
        yield from records if self.parts == 1 else islice(records, self.part, None, self.parts)


def process_part(pipeline, unit: Part, output: str) -> InputReport:
    """Read, extract, annotate and write one input (or part of it); mark it finished unless it could not
    be read.

    A document that fails is a row of the failures table; an input that cannot be read (or breaks
    part-way) is reported with ``error`` and not marked, so the next run tries it again.
    """
    out = Output(output)
    started, cpu_started = time.perf_counter(), time.process_time()
    report = InputReport(unit.item, part=unit.part, parts=unit.parts)
    try:
        filesystem, path = open_filesystem(unit.location)
        with filesystem.open_input_stream(path, compression=None) as stream, SourceReader(pipeline.sources) as reader:
            records = pipeline.run(unit.take(reader.read_stream(stream, unit.item)))
            report.articles, report.failures = out.write(report, records)
    except Exception as exc:  # the input, not one document, failed: report it and let the other inputs go on
        report.error = f"{unit.item}: cannot read ({exc})" if isinstance(exc, OSError) else f"{unit.item}: {exc!r}"
        report.articles, report.failures = out.write(report, [Failure(unit.item, report.error, type(exc).__name__)])
    report.seconds = round(time.perf_counter() - started, 3)
    report.cpu_seconds = round(time.process_time() - cpu_started, 3)
    if report.error is None:
        out.mark_finished(report)
    return report


def lost_part(unit: Part) -> InputReport:
    """What a part gives when its actor died twice on it: an error, and no marker (a rerun tries again)."""
    return InputReport(unit.item, part=unit.part, parts=unit.parts,
                       error=f"{unit.item}: the worker processing it died (out of memory?)")
