"""Where documents come from: files, folders, stdin (URLs, feeds and WARC build on this).

A source yields ``RawDoc`` objects (bytes plus where and when they were captured)
or ``Failure`` records for inputs that could not be opened; nothing a user gave
is silently dropped.
"""

from __future__ import annotations

from .base import RawDoc
from .files import iter_inputs

__all__ = ["RawDoc", "iter_inputs"]
