"""Where documents come from: files, folders, stdin, http(s) URLs, RSS/Atom feeds, WARC files and
JSON lines of dateline's own records.

A source yields ``RawDoc`` objects (bytes plus where and when they were captured),
``Article`` records read back from JSON lines, or ``Failure`` records for inputs
that could not be read; nothing a user gave is silently dropped. The kind of an
input is told by its bytes, not by its name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .base import RawDoc
from .reader import DEFAULT_MAX_BYTES, SourceOptions, SourceReader, holds_records, iter_inputs

if TYPE_CHECKING:
    from .netguard import BlockedAddress
    from .url import Fetcher, user_agent

_NETWORK = {"BlockedAddress": "netguard", "Fetcher": "url", "user_agent": "url"}


def __getattr__(name: str) -> Any:
    """The network parts (httpx) load on first use, so reading files never pays for them."""
    if name in _NETWORK:
        from importlib import import_module

        return getattr(import_module(f".{_NETWORK[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = [
    "DEFAULT_MAX_BYTES",
    "BlockedAddress",
    "Fetcher",
    "RawDoc",
    "SourceOptions",
    "SourceReader",
    "holds_records",
    "iter_inputs",
    "user_agent",
]
