"""Where a scale job writes: one Parquet file per input and table, and a marker per finished input.

    OUTPUT/articles/<input-key>.parquet    (and entities/, quotes/, events/, failures/)
    OUTPUT/_done/<input-key>.json          written last: the input is finished

Each table folder reads as one dataset (``pyarrow.dataset.dataset("OUTPUT/articles")``,
Spark, DuckDB). A rerun skips every input that has its marker and rewrites the
files of the others, so an interrupted job resumes where it stopped.
"""

from __future__ import annotations

import json
import uuid
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
        written: list[tuple[str, str]] = []

        def sink(name: str) -> Any:
            path = f"{self.root}/{name}/{key}.parquet"
            written.append((self._staging(path), path))
            return self.filesystem.open_output_stream(written[-1][0])

        counts = write_parquet_tables(results, sink)
        for staged, path in written:
            self._publish(staged, path)
        return counts["articles"], counts["failures"]

    def mark_finished(self, report: InputReport) -> None:
        path = f"{self.root}/{DONE}/{report.key}.json"
        staged = self._staging(path)
        with self.filesystem.open_output_stream(staged) as stream:
            stream.write(json.dumps(report.to_dict()).encode("utf-8"))
        self._publish(staged, path)

    # A task of a killed driver can go on writing while a rerun writes the same input (Ray stops a dead
    # driver's workers only after a while): on a local disk each file is written under a name of its own
    # and renamed into place, so that a reader sees one whole file, never two interleaved. Object stores
    # replace an object whole on their own, so there the file is written in place.
    def _staging(self, path: str) -> str:
        """A name beside ``path`` that readers of the folder pass over (a leading dot, as Spark and pyarrow's
        datasets skip): what a killed writer leaves there is never read as a table."""
        folder, _, name = path.rpartition("/")
        return f"{folder}/.{name}.{uuid.uuid4().hex}.partial" if self._local else path

    def _publish(self, staged: str, path: str) -> None:
        if staged != path:
            self.filesystem.move(staged, path)

    @property
    def _local(self) -> bool:
        return isinstance(self.filesystem, pafs.LocalFileSystem)
