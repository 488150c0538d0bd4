"""Wall time and CPU time of a command and of every process it starts, for the benchmarks.

Two counts, each of which can only miss CPU time, never add any; the larger is reported:

- the benchmark process makes itself a child subreaper (Linux prctl), so that a process the command
  leaves behind (Ray's services, its actors and workers, a pool's workers) is re-parented here when
  its parent goes; once the command ends every such process is waited for, and
  ``getrusage(RUSAGE_CHILDREN)`` holds the CPU time of every process waited for all the way up
  (a process whose parent never waits for it is missing here);
- every 0.2 s, the user and system time of each process below this one is read from /proc; the
  last reading of each is summed (what a process spends in its last 0.2 s is missing here).
"""

from __future__ import annotations

import ctypes
import os
import resource
import subprocess
import tempfile
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


_TICK = os.sysconf("SC_CLK_TCK")


def _processes() -> dict[int, tuple[int, int, float]]:
    """{pid: (parent pid, start time, user + system seconds)} of every process."""
    found = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open(f"/proc/{name}/stat") as fh:
                    fields = fh.read().rsplit(")", 1)[1].split()
                found[int(name)] = (int(fields[1]), int(fields[19]), (int(fields[11]) + int(fields[12])) / _TICK)
            except (OSError, IndexError, ValueError):
                continue
    return found


def _sample(seen: dict[tuple[int, int], float]) -> None:
    """Record the CPU time so far of every process below this one."""
    procs = _processes()
    below, todo = set(), [os.getpid()]
    children: dict[int, list[int]] = {}
    for pid, (ppid, _, _) in procs.items():
        children.setdefault(ppid, []).append(pid)
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in below:
                below.add(child)
                todo.append(child)
    for pid in below:
        _, start, cpu = procs[pid]
        seen[(pid, start)] = cpu


def _children() -> list[int]:
    me = os.getpid()
    return [pid for pid, (ppid, _, _) in _processes().items() if ppid == me]


def measure(command: list[str], *, env: dict[str, str] | None = None, cwd: str | None = None,
            wait_for_stragglers: float = 120.0) -> Measured:
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
    cpu, wall = _cpu(), time.perf_counter()
    seen: dict[tuple[int, int], float] = {}  # (pid, start time) -> user + system seconds, last read
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        proc = subprocess.Popen(command, stdout=out, stderr=err, text=True, env=env, cwd=cwd)
        while proc.poll() is None:
            _sample(seen)
            time.sleep(0.2)
        wall = time.perf_counter() - wall
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    stragglers = 0
    deadline = time.monotonic() + wait_for_stragglers
    while True:  # the processes re-parented here: wait for each, so that its CPU time is counted
        _sample(seen)
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            break
        if pid == 0:
            if time.monotonic() > deadline:
                stragglers = len(_children())
                break
            time.sleep(0.05)
    waited = _cpu() - cpu
    return Measured(wall, max(waited, sum(seen.values())), proc.returncode, stdout, stderr, stragglers)
