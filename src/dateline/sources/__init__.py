"""Where documents come from: files, folders, stdin, http(s) URLs, RSS/Atom feeds, WARC files and
JSON lines of dateline's own records.

A source yields ``RawDoc`` objects (bytes plus where and when they were captured),
``Article`` records read back from JSON lines, or ``Failure`` records for inputs
that could not be read; nothing a user gave is silently dropped. The kind of an
input is told by its bytes, not by its name.
"""

from __future__ import annotations

from .base import RawDoc
from .netguard import BlockedAddress
from .reader import DEFAULT_MAX_BYTES, SourceOptions, SourceReader, iter_inputs
from .url import Fetcher, user_agent

__all__ = [
    "DEFAULT_MAX_BYTES",
    "BlockedAddress",
    "Fetcher",
    "RawDoc",
    "SourceOptions",
    "SourceReader",
    "iter_inputs",
    "user_agent",
]
