"""The progress line: count, rate, ETA and failures; silent unless stderr is a terminal."""

from __future__ import annotations

import io

from dateline.progress import Progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_line_shows_count_rate_eta_and_failures():
    bar = Progress(200, stream=Terminal())
    bar.started -= 10  # ten seconds in
    bar.advance(50, failed=2)
    line = bar.line(bar.started + 10)
    assert line == "50/200 pages · 5.0/s · ETA 0:00:30 · 2 failed"


def test_without_a_known_total_there_is_no_eta():
    bar = Progress(None, stream=Terminal())
    bar.advance(3)
    assert "ETA" not in bar.line() and bar.line().startswith("3 pages")


def test_draws_on_a_terminal_and_clears_at_the_end():
    out = Terminal()
    bar = Progress(10, stream=out)
    bar.advance()
    bar.close()
    assert out.getvalue().startswith("\r\x1b[K1/10 pages") and out.getvalue().endswith("\r\x1b[K")


def test_silent_when_not_a_terminal_or_quiet():
    pipe = io.StringIO()
    bar = Progress(10, stream=pipe)
    bar.advance()
    bar.close()
    quiet = Terminal()
    Progress(10, stream=quiet, enabled=False).advance()
    assert pipe.getvalue() == "" and quiet.getvalue() == ""
