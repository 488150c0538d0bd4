"""Per-document limits: a time budget after which a document is recorded as failed."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from .errors import DatelineError


class DocumentTimeout(DatelineError):
    """A document took longer than the per-document time limit."""


@contextmanager
def time_limit(seconds: float | None, what: str) -> Iterator[None]:
    """Raise DocumentTimeout in the block after ``seconds`` (no limit when None or 0).

    Uses SIGALRM, so it applies in the main thread of a Unix process (the CLI, ingest
    workers, Ray actors' executors run there); elsewhere the block runs unlimited.
    """
    usable = (
        seconds
        and seconds > 0
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return

    def _expired(signum, frame):
        raise DocumentTimeout(f"{what}: took longer than the limit of {seconds:g} s (DATELINE_DOC_TIMEOUT)")

    previous = signal.signal(signal.SIGALRM, _expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
