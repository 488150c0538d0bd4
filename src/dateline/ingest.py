"""Batch ingest: read inputs, extract and annotate them in worker processes, store them from one writer.

Worker processes each load spaCy once and turn chunks of documents into records.
This process is the only one that writes to SQLite: each result (an article or a
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
from collections.abc import Sequence
from concurrent.futures import FIRST_COMPLETED, Future, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from .config import settings
from .errors import DatelineError
from .model import Article, Failure, Result
from .pipeline import Pipeline
from .progress import Progress
from .sources import RawDoc, iter_inputs
from .store import Store
from .workers import CHUNK, pool, work


class IngestError(DatelineError):
    """The ingest could not go on (a worker process died); what was stored stays, and a rerun resumes."""


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
    content_hash: str
    item: RawDoc | Article


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
) -> IngestReport:
    """Extract, annotate and store every input; returns what was stored, skipped and failed.

    ``allow_private``, ``follow`` and ``max_bytes`` are passed to the sources (see iter_inputs);
    feed items whose URL is already stored are skipped.
    """
    workers = max(1, workers or os.cpu_count() or 1)
    options = {"workers": workers, "nlp": nlp, "model": model, "clean": clean,
               "fetched": fetched.isoformat() if fetched else None, "all_events": all_events, "all_quotes": all_quotes}
    pipeline_options = Pipeline(nlp=nlp, model=model, clean=clean, fetched=fetched, all_events=all_events,
                                all_quotes=all_quotes).options
    run_id = store.begin_run(list(inputs), options)
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

    executor = pool(workers, pipeline_options)
    in_flight: dict[Future, list[_Task]] = {}

    def collect(block: bool) -> None:
        done, _ = wait(in_flight, return_when=FIRST_COMPLETED) if block else (list(in_flight), None)
        for future in done:
            tasks = in_flight.pop(future)
            try:
                results = future.result()
            except BrokenProcessPool:
                raise IngestError(
                    "a worker process died (out of memory?); what was stored is kept: "
                    "rerun the same command to resume, with fewer --workers if it recurs"
                ) from None
            for task, result in zip(tasks, results, strict=True):
                save(task.key, task.content_hash, result)

    try:
        chunk: list[_Task] = []
        items = iter_inputs(inputs, max_bytes=max_bytes or settings.max_bytes, allow_private=allow_private,
                            follow=follow, seen=store.has_url)
        for item in items:
            if isinstance(item, Failure):
                save(item.source, None, item)
                continue
            task = _task(item)
            if store.input_done(task.key, task.content_hash):
                counts["skipped"] += 1
                bar.advance()
                continue
            chunk.append(task)
            if len(chunk) >= CHUNK:
                in_flight[executor.submit(work, [t.item for t in chunk])] = chunk
                chunk = []
                while len(in_flight) >= 2 * workers:
                    collect(block=True)
        if chunk:
            in_flight[executor.submit(work, [t.item for t in chunk])] = chunk
        while in_flight:
            collect(block=True)
        status = "done"
    finally:
        executor.shutdown(wait=status == "done", cancel_futures=True)
        bar.close()
        store.finish_run(run_id, status, **counts)
    return IngestReport(run_id=run_id, seconds=round(time.perf_counter() - started, 3), status=status, **counts)


def _task(item: RawDoc | Article) -> _Task:
    """What identifies an input (its source, and the URL when one source holds many pages) and its content."""
    if isinstance(item, Article):
        data = json.dumps(item.to_dict(), sort_keys=True, ensure_ascii=False).encode()
        return _Task(f"{item.source}#{item.id}", hashlib.sha256(data).hexdigest(), item)
    digest = hashlib.sha256(item.data).hexdigest()
    if item.source == "-":  # each page piped in is its own input: a second one must not replace the first
        return _Task(f"-#{digest}", digest, item)
    key = item.source if not item.url or item.url == item.source else f"{item.source}#{item.url}"
    return _Task(key, digest, item)


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
