"""One executor interface, three implementations: in this process, a process pool, Ray actors.

Every worker builds one Pipeline from the run's spec (and so loads spaCy once) and runs tasks on
units of work: a chunk of documents (``run``), or an input file or a range of its records (the
scale job). The rules are the same for all three:

- **order**: results come back in the order the units went in, each as soon as it and all before
  it are done (at most two units per worker in flight; Ray gives each unit to the first actor that
  is free, so that no unit waits behind another while an actor idles);
- **crashes**: a worker that dies (killed, out of memory) costs only the unit it was working on.
  Its pool or actor is started afresh and the unit is run again alone; if it kills its worker
  again, ``lost(unit)`` stands for its result (for documents: a ``WorkerDied`` failure each).
  The other units that were in flight are sent again. A document that breaks a stage or runs over
  its time limit is a Failure made by the pipeline itself, in any executor.

Workers are forked where the platform can (quick to start, and what the parent has imported,
custom stages included, is shared), else spawned; a spawned worker or a Ray actor imports the
module the spec names for each custom stage.
"""

from __future__ import annotations

import multiprocessing
import signal
from abc import ABC, abstractmethod
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import chain, islice
from typing import Any, TypeVar

from ..model import Failure, Result
from ..sources import RawDoc
from .spec import PipelineSpec

CHUNK = 16  # documents per unit sent to a worker

U = TypeVar("U")
R = TypeVar("R")
Item = RawDoc | Result
Task = Callable[[Any, Any], Any]  # task(pipeline, unit) -> result; module-level, so that it pickles


class WorkerLost(Exception):
    """The worker running a unit died before it gave a result."""


def work(pipeline, items: list[Item]) -> list[Result]:
    """The task of ``run``: one chunk of documents (or records read back) -> their results, in order."""
    return list(pipeline.run(items))


def lost_chunk(items: list[Item]) -> list[Result]:
    return [_lost(item) for item in items]


def _lost(item: Item) -> Result:
    if isinstance(item, Failure):
        return item
    return Failure(item.source, f"{item.source}: the worker process handling it died (out of memory?)", "WorkerDied")


def chunks(items: Iterable[U], size: int = CHUNK) -> Iterator[list[U]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


class Executor(ABC):
    """Runs ``task(pipeline, unit)`` for each unit, in workers that each hold the spec's pipeline."""

    def __init__(self, spec: PipelineSpec, workers: int = 1) -> None:
        self.spec = spec
        self.workers = max(1, workers)

    # -- the one interface ----------------------------------------------------------------------------
    def map(self, task: Task, units: Iterable[U], lost: Callable[[U], R]) -> Iterator[R]:
        """``task``'s result for each unit, in input order, with the crash policy of the module doc."""
        in_flight: deque[tuple[Any, U]] = deque()

        def settle(handle: Any, unit: U) -> R:
            try:
                return self._wait(handle)
            except WorkerLost:
                self._restart(handle)
                pending = list(in_flight)
                in_flight.clear()
                alone = self._submit(task, unit)
                try:
                    result = self._wait(alone)
                except WorkerLost:
                    self._restart(alone)
                    result = lost(unit)
                for later, later_unit in pending:  # what finished before the crash is kept; the rest goes again
                    in_flight.append((later, later_unit) if self._survived(later)
                                     else (self._submit(task, later_unit), later_unit))
                return result

        try:
            for unit in units:
                in_flight.append((self._submit(task, unit), unit))
                while len(in_flight) >= 2 * self.workers:
                    yield settle(*in_flight.popleft())
            while in_flight:
                yield settle(*in_flight.popleft())
        finally:
            self.close()

    def run(self, items: Iterable[Item]) -> Iterator[Result]:
        """The results of the documents, in input order."""
        for results in self.map(work, chunks(items), lost_chunk):
            yield from results

    # -- what each implementation provides ------------------------------------------------------------
    @abstractmethod
    def _submit(self, task: Task, unit: Any) -> Any: ...

    @abstractmethod
    def _wait(self, handle: Any) -> Any:
        """The result of a submitted unit; WorkerLost when its worker died."""

    @abstractmethod
    def _restart(self, handle: Any) -> None:
        """Replace the worker(s) that ``handle``'s death took down."""

    @abstractmethod
    def _survived(self, handle: Any) -> bool:
        """After a restart: is this unit still running or done (else it is sent again)?"""

    @abstractmethod
    def close(self) -> None:
        """Stop the workers (the executor can be used again: they start on the next unit)."""

    def __enter__(self) -> Executor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class InProcess(Executor):
    """Everything in this process: no worker to lose. Takes a pipeline already built when given one
    (one with stages of its own, which no worker could rebuild)."""

    def __init__(self, spec: PipelineSpec, workers: int = 1, *, pipeline=None) -> None:
        super().__init__(spec, 1)
        self._pipeline = pipeline

    @property
    def pipeline(self):
        if self._pipeline is None:
            from ..pipeline import Pipeline

            self._pipeline = Pipeline.from_spec(self.spec)
        return self._pipeline

    def run(self, items: Iterable[Item]) -> Iterator[Result]:
        return self.pipeline.run(items)  # one stream: batches are not cut at chunk boundaries

    def _submit(self, task: Task, unit: Any) -> Any:
        return task(self.pipeline, unit)  # done at once: the handle is the result

    def _wait(self, handle: Any) -> Any:
        return handle

    def _restart(self, handle: Any) -> None:
        """Nothing to restart: a crash here is the caller's."""

    def _survived(self, handle: Any) -> bool:
        return True

    def close(self) -> None:
        """Nothing to stop."""


# -- a process pool -------------------------------------------------------------------------------------
_pipeline = None  # the pipeline of this worker process


def mp_context() -> multiprocessing.context.BaseContext:
    """fork where there is one (quick to start, and callers need no __main__ guard), else spawn."""
    return multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")


def start_worker(spec: PipelineSpec) -> None:
    """Runs once per worker process: the pipeline (and spaCy) is built here from the spec, not per unit."""
    global _pipeline
    from ..pipeline import Pipeline

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _pipeline = Pipeline.from_spec(spec)
    _pipeline.prepare()  # warms the extractors and the stages (loads spaCy) before the first document


def call(task: Task, unit: Any) -> Any:
    """What a pool worker runs: ``task`` with this process's pipeline."""
    assert _pipeline is not None, "the worker was not started with start_worker"
    return task(_pipeline, unit)


class ProcessPool(Executor):
    """Worker processes on this machine; when one dies, the pool is started afresh."""

    def __init__(self, spec: PipelineSpec, workers: int = 2) -> None:
        super().__init__(spec, workers)
        self._pool: ProcessPoolExecutor | None = None

    @property
    def pool(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=mp_context(),
                                             initializer=start_worker, initargs=(self.spec,))
        return self._pool

    def _submit(self, task: Task, unit: Any) -> Future:
        try:
            return self.pool.submit(call, task, unit)
        except BrokenProcessPool as exc:
            # a worker died after the last submission (an earlier unit killed it): this unit did not
            # start; its handle fails as its worker's death would, and the crash policy sends it again
            failed: Future = Future()
            failed.set_exception(exc)
            return failed

    def _wait(self, handle: Future) -> Any:
        try:
            return handle.result()
        except BrokenProcessPool:
            raise WorkerLost from None

    def _restart(self, handle: Future) -> None:
        self.close()

    def _survived(self, handle: Future) -> bool:
        return handle.done() and not handle.cancelled() and handle.exception() is None

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None


# -- Ray actors ---------------------------------------------------------------------------------------------
class RayWorker:
    """A Ray actor holding one pipeline, built from the spec when the actor starts."""

    def __init__(self, spec: PipelineSpec) -> None:
        start_worker(spec)

    def call(self, task: Task, unit: Any) -> Any:
        return call(task, unit)


class Ray(Executor):
    """One actor per worker (one CPU each) on a Ray cluster (ray.init done by the caller, see
    scale.start_ray); when an actor dies, only it is replaced."""

    def __init__(self, spec: PipelineSpec, workers: int = 2) -> None:
        super().__init__(spec, workers)
        self._actors: list[Any] = []
        self._next = 0

    def map(self, task: Task, units: Iterable[U], lost: Callable[[U], R]) -> Iterator[R]:
        """As Executor.map (input order, the same crash policy), but each unit goes to the first actor
        that is free, one unit at a time: a unit queued behind a long one on a busy actor while another
        actor idles (the tail of a job: the last file on one worker, the other one done) cannot happen.
        A result that is done before those ahead of it waits for them; at most two per worker are
        held or running, as in Executor.map."""
        import ray

        todo = enumerate(units)
        free = list(range(self.workers))
        running: dict[Any, tuple[int, U, tuple[Any, int, Any]]] = {}  # object ref -> (index, unit, handle)
        done: dict[int, R] = {}
        next_out = 0
        exhausted = False
        try:
            while True:
                while free and not exhausted and len(running) + len(done) < 2 * self.workers:
                    try:
                        index, unit = next(todo)
                    except StopIteration:
                        exhausted = True
                        break
                    handle = self._submit_to(free.pop(0), task, unit)
                    running[handle[0]] = (index, unit, handle)
                if not running:
                    break
                [ref], _ = ray.wait(list(running), num_returns=1)
                index, unit, handle = running.pop(ref)
                try:
                    done[index] = self._wait(handle)
                except WorkerLost:  # its actor died: a new one runs it again alone, else it is lost
                    self._restart(handle)
                    alone = self._submit_to(handle[1], task, unit)
                    try:
                        done[index] = self._wait(alone)
                    except WorkerLost:
                        self._restart(alone)
                        done[index] = lost(unit)
                free.append(handle[1])
                while next_out in done:
                    yield done.pop(next_out)
                    next_out += 1
        finally:
            self.close()

    def _actor(self, i: int) -> Any:
        import ray

        while len(self._actors) <= i:
            self._actors.append(None)
        if self._actors[i] is None:
            self._actors[i] = ray.remote(num_cpus=1)(RayWorker).remote(self.spec)
        return self._actors[i]

    def _submit_to(self, i: int, task: Task, unit: Any) -> tuple[Any, int, Any]:
        actor = self._actor(i)
        return actor.call.remote(task, unit), i, actor

    def _submit(self, task: Task, unit: Any) -> tuple[Any, int, Any]:
        i = self._next % self.workers
        self._next += 1
        return self._submit_to(i, task, unit)

    def _wait(self, handle: tuple[Any, int, Any]) -> Any:
        import ray
        from ray.exceptions import RayActorError

        try:
            return ray.get(handle[0])
        except RayActorError:
            raise WorkerLost from None

    def _restart(self, handle: tuple[Any, int, Any]) -> None:
        import ray

        _, i, actor = handle
        if self._actors[i] is actor:
            ray.kill(actor, no_restart=True)
            self._actors[i] = None

    def _survived(self, handle: tuple[Any, int, Any]) -> bool:
        return self._actors[handle[1]] is handle[2]

    def close(self) -> None:
        import ray

        for actor in self._actors:
            if actor is not None:
                ray.kill(actor, no_restart=True)
        self._actors = []


EXECUTORS: dict[str, type[Executor]] = {"process": InProcess, "pool": ProcessPool, "ray": Ray}


def spread(pipeline, inputs: Iterable[str | Item], workers: int) -> Iterator[Result]:
    """``pipeline.run(inputs)``, with the documents spread over ``workers`` processes once there are
    enough of them to be worth starting the processes for; a few pages are done in this one, and so
    is a pipeline with stages of its own (callables no worker could rebuild). Sources are read here."""
    items = pipeline.read(inputs)
    head = list(islice(items, 2 * CHUNK))
    if workers <= 1 or len(head) < 2 * CHUNK or not pipeline.portable:
        executor: Executor = InProcess(pipeline.spec, pipeline=pipeline)
    else:
        executor = ProcessPool(pipeline.spec, workers)
    yield from executor.run(chain(head, items))
