"""Documents spread over worker processes.

Each worker builds one Pipeline (and loads spaCy once) and turns chunks of
documents into records. ``ingest`` drives the pool itself, to store results as
they come; ``run_in_order`` is for callers that want the records in input
order, as ``dateline process`` prints them (``run_spread`` keeps a few pages in
the calling process, where starting workers would cost more than it saves).

Workers are forked where the platform can (quick to start, and what the parent
has already imported is shared), else spawned.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import chain, islice
from typing import Any

from .model import Failure, Result
from .pipeline import Pipeline
from .sources import RawDoc

CHUNK = 16  # documents per task sent to a worker

_pipeline: Pipeline | None = None


def mp_context() -> multiprocessing.context.BaseContext:
    """fork where there is one (quick to start, and callers need no __main__ guard), else spawn."""
    return multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")


def start_worker(options: dict[str, Any]) -> None:
    """Runs once per worker process: the pipeline (and spaCy) is loaded here, not per document.
    ``options`` are a Pipeline's ``options``: the worker's pipeline is built exactly as the caller's."""
    global _pipeline
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _pipeline = Pipeline(**options)
    _pipeline.prepare()  # warms the extractors and, with nlp, loads spaCy through the annotator


def work(items: list[RawDoc | Result]) -> list[Result]:
    """One chunk of documents (or records read back) -> their results, in order."""
    assert _pipeline is not None, "the worker was not started with start_worker"
    return list(_pipeline.run(items))


def pool(workers: int, options: dict[str, Any]) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=mp_context(),
        initializer=start_worker,
        initargs=(options,),
    )


def run_in_order(items: Iterable[RawDoc | Result], workers: int, options: dict[str, Any]) -> Iterator[Result]:
    """The results of ``items`` from ``workers`` processes, in input order, as soon as each is ready.

    When a worker dies (killed, out of memory), every unfinished chunk fails with it. The pool is
    started afresh and the chunk waited for is run again alone: if it kills its worker again, its
    documents come back as failures; the other unfinished chunks are then sent again.
    """
    executor = pool(workers, options)
    in_flight: deque[tuple[Future[list[Result]], list[RawDoc | Result]]] = deque()

    def results_of(future: Future[list[Result]], chunk: list[RawDoc | Result], *, again: bool = False) -> list[Result]:
        nonlocal executor
        try:
            return future.result()
        except BrokenProcessPool:
            executor.shutdown(wait=False, cancel_futures=True)
            executor = pool(workers, options)
            pending = list(in_flight)
            in_flight.clear()
            results = [_lost(item) for item in chunk] if again else results_of(
                executor.submit(work, chunk), chunk, again=True
            )
            for later, later_chunk in pending:  # what finished before the crash is kept; the rest is sent again
                finished = later.done() and not later.cancelled() and later.exception() is None
                in_flight.append((later, later_chunk) if finished else (executor.submit(work, later_chunk), later_chunk))
            return results

    try:
        chunk: list[RawDoc | Result] = []
        for item in items:
            chunk.append(item)
            if len(chunk) >= CHUNK:
                in_flight.append((executor.submit(work, chunk), chunk))
                chunk = []
                while len(in_flight) >= 2 * workers:
                    yield from results_of(*in_flight.popleft())
        if chunk:
            in_flight.append((executor.submit(work, chunk), chunk))
        while in_flight:
            yield from results_of(*in_flight.popleft())
    finally:
        executor.shutdown(wait=False, cancel_futures=True)


def run_spread(pipe: Pipeline, inputs: Iterable[str | RawDoc | Result], workers: int) -> Iterator[Result]:
    """``pipe.run(inputs)``, with the documents spread over ``workers`` processes once there are
    enough of them to be worth starting the processes for; a few pages are done in this one. A
    pipeline with stages of its own runs here: a worker could not rebuild them."""
    items = pipe.read(inputs)
    head = list(islice(items, 2 * CHUNK))
    if workers <= 1 or len(head) < 2 * CHUNK or not pipe.portable:
        yield from pipe.run(chain(head, items))
    else:
        yield from run_in_order(chain(head, items), workers, pipe.options)


def _lost(item: RawDoc | Result) -> Result:
    if isinstance(item, Failure):
        return item
    source = item.source
    return Failure(source, f"{source}: the worker process handling it died (out of memory?)", "WorkerDied")

