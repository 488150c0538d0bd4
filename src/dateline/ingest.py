"""Batch ingest: an executor (engine/executor.py) with the store as its sink.

The inputs are read here; the executor (this process, or worker processes that
each load spaCy once) turns them into records. This process is the only one
that writes to SQLite: each result (an article or a
failure) is stored together with the record of its input (key and content hash)
in one transaction. A rerun skips every input already stored with the same
content, so after a crash or Ctrl-C the same command resumes where it stopped,
without losing or duplicating work, and a changed page is processed again and
replaces what it gave before.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from .engine import PipelineSpec
from .engine.executor import InProcess, ProcessPool
from .model import Article, Failure, Result
from .pipeline import Pipeline
from .progress import Progress
from .sources import RawDoc
from .store import Store


@dataclass
class IngestReport:
    run_id: int
    stored: int
    skipped: int
    failed: int
    seconds: float
    status: str  # done or interrupted

    @property
    def rate(self) -> float:
        return (self.stored + self.failed) / self.seconds if self.seconds else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "rate": round(self.rate, 2)}


@dataclass
class _Task:
    key: str
    content_hash: str | None
    item: RawDoc | Result


def ingest(
    inputs: Sequence[str],
    store: Store,
    *,
    workers: int | None = None,
    nlp: bool = True,
    model: str | None = None,
    clean: bool = False,
    fetched: datetime | None = None,
    allow_private: bool = False,
    follow: bool = False,
    max_bytes: int | None = None,
    progress: bool = True,
    all_events: bool = False,
    all_quotes: bool = False,
    spec: PipelineSpec | None = None,
) -> IngestReport:
    """Extract, annotate and store every input; returns what was stored, skipped and failed.

    The run is ``spec``, else the one the keywords describe (PipelineSpec.default); it is recorded
    in ``ingest_runs``. Feed items whose URL is already stored are skipped. With more than one
    worker the documents go to a process pool (a worker that dies costs only its chunk, whose
    documents are stored as failures and tried again by a rerun).
    """
    workers = max(1, workers or os.cpu_count() or 1)
    if spec is None:
        spec = PipelineSpec.default(nlp=nlp, model=model, clean=clean, fetched=fetched, allow_private=allow_private,
                                    follow=follow, max_bytes=max_bytes, all_events=all_events, all_quotes=all_quotes)
    run_id = store.begin_run(list(inputs), {"workers": workers, "spec": spec.to_dict()})
    pipeline = Pipeline.from_spec(spec, seen=store.has_url)
    fingerprint = spec.fingerprint()  # an input stored by another version or spec is annotated again
    executor = ProcessPool(spec, workers) if workers > 1 else InProcess(spec, pipeline=pipeline)
    bar = Progress(count_inputs(inputs), enabled=progress)
    counts = {"stored": 0, "skipped": 0, "failed": 0}
    started = time.perf_counter()
    status = "interrupted"

    def save(key: str, content_hash: str | None, result: Result) -> None:
        try:
            store.save_result(key, content_hash, result, run_id)
        except (UnicodeError, ValueError, OverflowError) as exc:  # a record the store cannot hold
            result = Failure(result.source, f"{result.source}: cannot be stored ({exc})", "StoreError")
            store.save_result(key, content_hash, result, run_id)
        failed = isinstance(result, Failure)
        counts["failed" if failed else "stored"] += 1
        bar.advance(failed=int(failed))

    tasks: deque[_Task] = deque()  # what was sent, in order: the executor gives results in the same order

    def todo() -> Iterator[RawDoc | Result]:
        for item in pipeline.read(inputs):
            if isinstance(item, Failure):  # could not be read: stored as it is, in its place
                tasks.append(_Task(item.source, None, item))
                yield item
                continue
            task = _task(item, fingerprint)
            if store.input_done(task.key, task.content_hash):
                counts["skipped"] += 1
                bar.advance()
                continue
            tasks.append(task)
            yield item

    try:
        for result in executor.run(todo()):
            task = tasks.popleft()
            save(task.key, task.content_hash, result)
        status = "done"
    finally:
        executor.close()
        bar.close()
        store.finish_run(run_id, status, **counts)
    return IngestReport(run_id=run_id, seconds=round(time.perf_counter() - started, 3), status=status, **counts)


def _task(item: RawDoc | Article, fingerprint: str) -> _Task:
    """What identifies an input (its source, and the URL when one source holds many pages), and the hash of
    its content and of the pipeline (``fingerprint``, PipelineSpec.fingerprint) that annotates it."""
    if isinstance(item, Article):
        data = json.dumps(item.to_dict(), sort_keys=True, ensure_ascii=False).encode()
        return _Task(f"{item.source}#{item.id}", _hash(data, fingerprint), item)
    digest = hashlib.sha256(item.data).hexdigest()
    if item.source == "-":  # each page piped in is its own input: a second one must not replace the first
        return _Task(f"-#{digest}", _hash(item.data, fingerprint), item)
    key = item.source if not item.url or item.url == item.source else f"{item.source}#{item.url}"
    return _Task(key, _hash(item.data, fingerprint), item)


def _hash(data: bytes, fingerprint: str) -> str:
    return hashlib.sha256(fingerprint.encode() + b"\0" + data).hexdigest()


def count_inputs(inputs: Sequence[str]) -> int | None:
    """How many files the inputs name (folders walked), for the ETA; None when some can't be counted."""
    total = 0
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            total += sum(
                1 for p in path.rglob("*")
                if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        elif path.is_file():
            total += 1
        else:
            return None
    return total
