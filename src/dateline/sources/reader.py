"""Tell a source by its bytes and read it: a page, a WARC, a feed, or JSON lines of records.

Every input (a file, stdin, a fetched URL, an object in a bucket) goes through
``SourceReader``: WARC files and JSON lines are streamed record by record, with
no size cap on the file; anything else is one document, read up to the cap, and
then checked for being a feed.
"""

from __future__ import annotations

import gzip
import io
import logging
import os
import re
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from types import TracebackType
from typing import TYPE_CHECKING, BinaryIO

from ..errors import DatelineError, InputTooLarge
from ..model import Article, Failure
from .base import RawDoc, is_url
from .feed import is_feed, iter_feed
from .files import file_name, iter_files
from .jsonl import is_jsonl, iter_jsonl
from .warc import is_warc, iter_warc

if TYPE_CHECKING:
    from .url import Fetcher

log = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 50 * 1024 * 1024  # a news page is rarely over a few MB
_HEAD = 64 * 1024
_GZIP = b"\x1f\x8b"
_HTML = re.compile(rb"<html[\s>]", re.I)

Source = RawDoc | Failure | Article


@dataclass(frozen=True)
class SourceOptions:
    """How sources are read. ``seen(url)`` says a URL is already stored (feed items with it are skipped);
    ``trusted_networks`` are CIDR blocks that URLs may reach even when private."""

    max_bytes: int = DEFAULT_MAX_BYTES
    allow_private: bool = False
    trusted_networks: tuple[str, ...] = ()
    follow: bool = False
    seen: Callable[[str], bool] | None = None


class SourceReader:
    """Reads inputs of every kind; holds one HTTP connection pool, opened on first use."""

    def __init__(self, options: SourceOptions | None = None) -> None:
        self.options = options or SourceOptions()
        self._fetcher: Fetcher | None = None

    def __enter__(self) -> SourceReader:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        if self._fetcher is not None:
            self._fetcher.close()
            self._fetcher = None

    def fetcher(self) -> Fetcher:
        if self._fetcher is None:
            from .url import Fetcher  # httpx is imported only when a URL is read

            self._fetcher = Fetcher(
                max_bytes=self.options.max_bytes,
                allow_private=self.options.allow_private,
                trusted_networks=self.options.trusted_networks,
            )
        return self._fetcher

    # -- what the caller names -------------------------------------------------------
    def read(self, item: str) -> Iterator[Source]:
        """Everything in one input: '-' for stdin, an http(s) URL, a file, or a folder (recursive).

        This is the one place where an error that escapes a reader is caught: it ends that input
        (or that file of a folder) with a Failure, and the inputs after it are read."""
        if item == "-":
            yield from _guarded("-", self.read_stream(sys.stdin.buffer, "-"))
        elif is_url(item):
            yield from _guarded(item, self.read_url(item))
        else:
            for path in iter_files(item):
                if isinstance(path, Failure):
                    yield path
                    continue
                name = file_name(path)
                yield from _guarded(name, self._read_file(path, name))

    def _read_file(self, path: os.PathLike[str], name: str) -> Iterator[Source]:
        try:
            with open(path, "rb") as stream:
                yield from self.read_stream(stream, name)  # a file's mtime is when it was written, not captured
        except OSError as exc:
            yield Failure(name, f"{name}: cannot read ({exc.strerror or exc})", "SourceError")

    def read_url(self, url: str) -> Iterator[Source]:
        """A page or feed is read whole, up to the cap; a WARC is streamed record by record as it downloads."""
        fetcher = self.fetcher()
        try:
            with fetcher.open(url) as response:
                chunks = fetcher.body(response, url)
                head = b""
                for chunk in chunks:
                    head += chunk
                    if len(head) >= _HEAD:
                        break
                if is_warc(_gunzip_head(head) if head.startswith(_GZIP) else head):
                    yield from iter_warc(_Prefixed(head, _Chunks(chunks)), url, max_bytes=self.options.max_bytes)
                    return
                raw = fetcher.document(response, url, head, chunks)
        except DatelineError as exc:  # refused, unreachable, too large, cut short
            yield Failure(url, str(exc), type(exc).__name__)
            return
        yield from self.read_doc(raw)

    # -- by content ------------------------------------------------------------------
    def read_stream(self, stream: BinaryIO, source: str, *, fetched: datetime | None = None) -> Iterator[Source]:
        """A byte stream: WARC and JSON lines are streamed; anything else is read as one document."""
        head = stream.read(_HEAD)
        compressed = head.startswith(_GZIP)
        plain_head = _gunzip_head(head) if compressed else head
        if is_warc(plain_head):  # FastWARC reads big blocks itself and detects gzip
            yield from iter_warc(_Prefixed(head, stream), source, max_bytes=self.options.max_bytes)
            return
        whole = io.BufferedReader(_Prefixed(head, stream))
        body: BinaryIO = gzip.GzipFile(fileobj=whole, mode="rb") if compressed else whole
        try:
            if is_jsonl(plain_head):
                yield from iter_jsonl(body, source, max_bytes=self.options.max_bytes)
                return
            data = body.read(self.options.max_bytes + 1)
        except (OSError, EOFError, zlib.error) as exc:
            yield Failure(source, f"{source}: cannot read ({exc})", "SourceError")
            return
        if len(data) > self.options.max_bytes:
            error = InputTooLarge(f"{source}: over the limit of {self.options.max_bytes:,} bytes (raise --max-bytes)")
            yield Failure(source, str(error), type(error).__name__)
            return
        yield from self.read_doc(RawDoc(source=source, data=data, fetched=fetched))

    def read_doc(self, raw: RawDoc) -> Iterator[Source]:
        """A document already in memory (a fetched page, a file's bytes): expanded if it holds many."""
        head = raw.data[:_HEAD]
        if is_warc(head):
            yield from iter_warc(io.BytesIO(raw.data), raw.source, max_bytes=self.options.max_bytes)
        elif is_feed(head) and not _HTML.search(head[:2048]):
            yield from iter_feed(raw, follow=self.options.follow, fetcher=self.fetcher, seen=self.options.seen)
        elif is_jsonl(head):
            yield from iter_jsonl(io.BytesIO(raw.data), raw.source, max_bytes=self.options.max_bytes)
        else:
            yield raw


def holds_records(stream: BinaryIO) -> bool:
    """Whether the file ``stream`` opens (plain or gzip) is a stream of many records, WARC or JSON lines,
    whose records a job can share out in parts; anything else is read as one document."""
    head = stream.read(_HEAD)
    plain = _gunzip_head(head) if head.startswith(_GZIP) else head
    return is_warc(plain) or is_jsonl(plain)


def _guarded(source: str, items: Iterator[Source]) -> Iterator[Source]:
    """The items of one input; an error in reading it becomes its last item, a Failure."""
    try:
        yield from items
    except DatelineError as exc:
        yield Failure(source, str(exc), type(exc).__name__)
    except Exception as exc:  # a bug in a reader must not cost the inputs after this one
        log.debug("reading %s failed", source, exc_info=True)
        yield Failure(source, f"{source}: internal error while reading: {exc!r}", "InternalError")


def iter_inputs(
    inputs: Iterable[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    allow_private: bool = False,
    follow: bool = False,
    seen: Callable[[str], bool] | None = None,
) -> Iterator[Source]:
    """Every document in the inputs, in order: a RawDoc to extract, an Article read back from JSON
    lines, or a Failure for what could not be read. Nothing given is silently dropped."""
    options = SourceOptions(max_bytes=max_bytes, allow_private=allow_private, follow=follow, seen=seen)
    with SourceReader(options) as reader:
        for item in inputs:
            yield from reader.read(item)


class _Prefixed(io.RawIOBase):
    """A stream that gives back the bytes already read from it (the head) before the rest.

    It tells its position (FastWARC asks) but cannot seek: stdin and object-store streams can't either.
    """

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = memoryview(head)
        self._rest = rest
        self._position = 0

    def readable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._position

    def readinto(self, buffer) -> int:  # type: ignore[override]
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
        else:
            chunk = self._rest.read(len(buffer))
            n = len(chunk)
            buffer[:n] = chunk
        self._position += n
        return n


class _Chunks:
    """``read(n)`` over an iterator of byte chunks (a response body as it downloads)."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks = chunks
        self._left = b""

    def read(self, size: int = -1) -> bytes:
        while size < 0 or len(self._left) < size:
            chunk = next(self._chunks, None)
            if chunk is None:
                break
            self._left += chunk
        out, self._left = (self._left, b"") if size < 0 else (self._left[:size], self._left[size:])
        return out


def _gunzip_head(head: bytes) -> bytes:
    try:
        return zlib.decompressobj(32 + zlib.MAX_WBITS).decompress(head, _HEAD)
    except zlib.error:
        return head
