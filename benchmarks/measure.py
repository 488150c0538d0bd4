"""Wall time and CPU time of a command and of every process it starts, for the benchmarks.

The benchmark process makes itself a child subreaper (Linux prctl), so that a process the command
leaves behind (Ray's services, its actors and workers, a pool's workers) is re-parented here when
its parent goes; once the command ends, every such process is waited for, and the CPU time of the
whole tree comes from ``getrusage(RUSAGE_CHILDREN)``: nothing the command started is left out.
"""

from __future__ import annotations

import ctypes
import os
import resource
import subprocess
import time
from dataclasses import dataclass

PR_SET_CHILD_SUBREAPER = 36


@dataclass
class Measured:
    wall: float
    cpu: float  # user + system, of the command and everything it started
    returncode: int
    stdout: str
    stderr: str
    stragglers: int  # processes still running when we stopped waiting (their CPU time is missing)


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _children() -> list[int]:
    me, found = os.getpid(), []
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open(f"/proc/{name}/stat") as fh:
                    if int(fh.read().rsplit(")", 1)[1].split()[1]) == me:
                        found.append(int(name))
            except (OSError, IndexError, ValueError):
                continue
    return found


def measure(command: list[str], *, env: dict[str, str] | None = None, cwd: str | None = None,
            wait_for_stragglers: float = 120.0) -> Measured:
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
    cpu, wall = _cpu(), time.perf_counter()
    run = subprocess.run(command, capture_output=True, text=True, env=env, cwd=cwd, check=False)
    wall = time.perf_counter() - wall
    stragglers = 0
    deadline = time.monotonic() + wait_for_stragglers
    while True:  # the processes re-parented here: wait for each, so that its CPU time is counted
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            break
        if pid == 0:
            if time.monotonic() > deadline:
                stragglers = len(_children())
                break
            time.sleep(0.05)
    return Measured(wall, _cpu() - cpu, run.returncode, run.stdout, run.stderr, stragglers)
