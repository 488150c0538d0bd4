"""How a process that runs spaCy gets its memory: the same arrays, fewer trips to the kernel for them.

The parse allocates and frees large NumPy arrays (tens of MB a batch) over and over. Two defaults make
each of those a fresh request to the kernel, paid again in page faults every batch:

- NumPy asks for transparent huge pages (``madvise(MADV_HUGEPAGE)``) on every array of 4 MB or more.
  Where the kernel leaves huge pages to ``madvise`` (``/sys/kernel/mm/transparent_hugepage/enabled``),
  each new region is then faulted in 2 MB at a time, zeroed and often compacted first; on the
  development machine that was a quarter of the pipeline's CPU time on 150 real pages (system time).
- glibc's malloc serves a block over its mmap threshold (at most 32 MB, adjusted as blocks are freed)
  with a mapping of its own and unmaps it when freed, and gives the top of the heap back to the kernel
  once 128 KB of it is free, so the next batch faults the same memory in again.

``tune()`` turns NumPy's huge-page requests off and has malloc keep what it was given (blocks up to
256 MB come from the heap, and the heap is trimmed only when 1 GB of it is free): the memory of one
batch is reused by the next. It changes no result, only the system time; a process keeps its peak
heap (the parse's peak comes back every batch anyway). ``load_nlp`` calls it, so it applies to the
processes that parse and to nothing else (the web server, the store); ``DATELINE_TUNE_MEMORY=0`` keeps
the defaults, and an explicit ``NUMPY_MADVISE_HUGEPAGE`` or ``MALLOC_*_`` setting in the environment is
left as the user gave it.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys

from ..config import settings

# glibc's mallopt parameters (malloc.h)
M_TRIM_THRESHOLD = -1
M_MMAP_THRESHOLD = -3
MMAP_THRESHOLD = 256 * 1024 * 1024
TRIM_THRESHOLD = 1024 * 1024 * 1024

_done = False


def tune() -> dict[str, bool]:
    """Apply the settings above once per process; says which were applied."""
    global _done
    applied = {"numpy_hugepages_off": False, "malloc_keeps_memory": False}
    if _done or not settings.tune_memory:
        return applied
    _done = True
    if "NUMPY_MADVISE_HUGEPAGE" not in os.environ:
        applied["numpy_hugepages_off"] = _numpy_hugepages(False)
    if sys.platform.startswith("linux") and not any(k.startswith("MALLOC_") for k in os.environ):
        applied["malloc_keeps_memory"] = _keep_malloc_memory()
    return applied


def _numpy_hugepages(enabled: bool) -> bool:
    try:
        import numpy as np
    except ImportError:
        return False
    core = getattr(np, "_core", None) or getattr(np, "core", None)
    switch = getattr(getattr(core, "multiarray", None), "_set_madvise_hugepage", None)
    if switch is None:
        return False
    switch(enabled)
    return True


def _keep_malloc_memory() -> bool:
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        mallopt = libc.mallopt
    except (OSError, AttributeError):  # not glibc (musl has no mallopt)
        return False
    mallopt.argtypes, mallopt.restype = [ctypes.c_int, ctypes.c_int], ctypes.c_int
    # the mmap threshold first: setting either one turns off glibc's own adjustment of both
    return bool(mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD)) & bool(mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD))
