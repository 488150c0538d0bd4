"""Files, folders (recursive) and stdin."""

from __future__ import annotations

import gzip
import os
import sys
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path

from ..errors import InputTooLarge, SourceError
from ..model import Failure
from .base import RawDoc

DEFAULT_MAX_BYTES = 50 * 1024 * 1024  # a news page is rarely over a few MB
_SKIP_NAMES = {".DS_Store", "Thumbs.db"}


def iter_inputs(
    inputs: Iterable[str], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[RawDoc | Failure]:
    """Yield a RawDoc (or a Failure) for each file named, each file under each folder, and stdin for '-'."""
    for item in inputs:
        if item == "-":
            yield _read_stdin(max_bytes)
            continue
        path = Path(item)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p, path))
            for p in files:
                yield _read_file(p, str(p), max_bytes)
        elif path.exists():
            yield _read_file(path, item, max_bytes)
        else:
            yield Failure(item, f"no such file or folder: {item}", "SourceError")


def _hidden(p: Path, root: Path) -> bool:
    rel = p.relative_to(root)
    return p.name in _SKIP_NAMES or any(part.startswith(".") for part in rel.parts)


def _read_file(path: Path, source: str, max_bytes: int) -> RawDoc | Failure:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputTooLarge(f"{source}: {size:,} bytes is over the limit of {max_bytes:,} (raise --max-bytes)")
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
        if path.suffix == ".gz" or data[:2] == b"\x1f\x8b":
            data = _gunzip(data, source, max_bytes)
        mtime = datetime.fromtimestamp(path.stat().st_mtime, tz=UTC)
    except (OSError, SourceError, InputTooLarge) as exc:
        return Failure(source, _message(exc, source), type(exc).__name__)
    return RawDoc(source=source, data=data, fetched=mtime)


def _gunzip(data: bytes, source: str, max_bytes: int) -> bytes:
    """Decompress with a cap on the output size (a gzip bomb stops at the cap)."""
    import zlib

    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = d.decompress(data, max_bytes + 1)
    except zlib.error as exc:
        raise SourceError(f"{source}: not a valid gzip file ({exc})") from None
    if len(out) > max_bytes or d.unconsumed_tail:
        raise InputTooLarge(f"{source}: decompresses to more than {max_bytes:,} bytes")
    return out


def _read_stdin(max_bytes: int) -> RawDoc | Failure:
    data = sys.stdin.buffer.read(max_bytes + 1)
    if len(data) > max_bytes:
        return Failure("-", f"stdin: over the limit of {max_bytes:,} bytes", "InputTooLarge")
    if data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except OSError as exc:
            return Failure("-", f"stdin: not a valid gzip stream ({exc})", "SourceError")
    return RawDoc(source="-", data=data, fetched=None)


def _message(exc: Exception, source: str) -> str:
    if isinstance(exc, OSError):
        return f"{source}: cannot read ({os.strerror(exc.errno) if exc.errno else exc})"
    return str(exc)
