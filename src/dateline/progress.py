"""A one-line progress display for long work: count, rate and ETA, on stderr when it is a terminal."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    """Redraws ``12,345/20,000 pages · 312/s · ETA 0:00:24 · 3 failed`` at most a few times a second.

    Silent when ``enabled`` is False (``--quiet``) or the stream is not a terminal.
    """

    def __init__(
        self, total: int | None = None, *, unit: str = "pages", enabled: bool = True, stream: TextIO | None = None
    ) -> None:
        self.stream = stream or sys.stderr
        self.enabled = enabled and self.stream.isatty()
        self.total = total
        self.unit = unit
        self.done = 0
        self.failed = 0
        self.started = time.monotonic()
        self._drawn = 0.0

    def advance(self, n: int = 1, *, failed: int = 0) -> None:
        self.done += n
        self.failed += failed
        now = time.monotonic()
        if self.enabled and now - self._drawn >= 0.2:
            self._drawn = now
            self._draw(now)

    def line(self, now: float | None = None) -> str:
        elapsed = max((now or time.monotonic()) - self.started, 1e-9)
        rate = self.done / elapsed
        count = f"{self.done:,}/{self.total:,}" if self.total else f"{self.done:,}"
        parts = [f"{count} {self.unit}", f"{rate:,.1f}/s"]
        if self.total and rate > 0 and self.done <= self.total:
            parts.append("ETA " + _clock((self.total - self.done) / rate))
        if self.failed:
            parts.append(f"{self.failed:,} failed")
        return " · ".join(parts)

    def _draw(self, now: float) -> None:
        self.stream.write("\r\x1b[K" + self.line(now))
        self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def _clock(seconds: float) -> str:
    s = int(seconds + 0.5)
    return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"
