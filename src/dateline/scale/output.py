"""Where a scale job writes: one Parquet file per input and table, and a marker per finished input.

    OUTPUT/articles/<input-key>.parquet    (and entities/, quotes/, events/, failures/)
    OUTPUT/_done/<input-key>.json          written last: the input is finished

Each table folder reads as one dataset (``pyarrow.dataset.dataset("OUTPUT/articles")``,
Spark, DuckDB). A rerun skips every input that has its marker and rewrites the
files of the others, so an interrupted job resumes where it stopped.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any

from pyarrow import fs as pafs

from ..export import TABLES, write_parquet_tables
from ..model import Article, Failure
from .inputs import input_key, open_filesystem

DONE = "_done"


@dataclass
class InputReport:
    """What one input gave."""

    input: str
    part: int = 0  # which part of the input's records (see worker.Part), of ``parts``
    parts: int = 1
    articles: int = 0
    failures: int = 0
    seconds: float = 0.0  # wall time
    cpu_seconds: float = 0.0  # CPU time of the worker process: what a cluster pays for
    error: str | None = None  # the input itself could not be read; it is not marked finished

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


    @property
    def key(self) -> str:
        """The name of its files: the input's, with the part when the input is split."""
        key = input_key(self.input)
        return key if self.parts == 1 else f"{key}.part-{self.part + 1:03d}-of-{self.parts:03d}"

    @property
    def label(self) -> str:
        return self.input if self.parts == 1 else f"{self.input} (part {self.part + 1} of {self.parts})"


class Output:
    """The output folder of a job, local or in an object store."""

    def __init__(self, location: str) -> None:
        self.location = location
        self.filesystem, self.root = open_filesystem(location)

    def prepare(self) -> None:
        for folder in (*TABLES, DONE):
            self.filesystem.create_dir(f"{self.root}/{folder}", recursive=True)

    def finished(self) -> set[str]:
        """The inputs that are finished: every part of each has a marker."""
        return {item for item, parts in self.finished_parts().items() if len(parts) == max(parts.values())}

    def finished_parts(self) -> dict[str, dict[int, int]]:
        """{input: {part: parts}} of every marker."""
        selector = pafs.FileSelector(f"{self.root}/{DONE}", allow_not_found=True)
        done: dict[str, dict[int, int]] = {}
        for info in self.filesystem.get_file_info(selector):
            if info.type == pafs.FileType.File and info.path.endswith(".json"):
                with self.filesystem.open_input_stream(info.path) as stream:
                    marker = json.loads(stream.read())
                done.setdefault(marker["input"], {})[marker.get("part", 0)] = marker.get("parts", 1)
        return done

    def write(self, report: InputReport, results: Iterable[Article | Failure]) -> tuple[int, int]:
        """Write one input's (or part's) records to its Parquet files; (articles, failures) written."""
        key = report.key
        counts = write_parquet_tables(
            results, lambda name: self.filesystem.open_output_stream(f"{self.root}/{name}/{key}.parquet")
        )
        return counts["articles"], counts["failures"]

    def mark_finished(self, report: InputReport) -> None:
        path = f"{self.root}/{DONE}/{report.key}.json"
        with self.filesystem.open_output_stream(path) as stream:
            stream.write(json.dumps(report.to_dict()).encode("utf-8"))
