"""Undo a Content-Encoding (gzip, deflate, br) in bounded steps: a small input cannot expand in one go.

A compression bomb packs hundreds of MB into a few KB; decoding each network
read whole would build all of it in memory before any size check. Here each
step yields at most STEP bytes, so the caller's count against its cap runs
before memory grows.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator

import brotli

from ..errors import SourceError, TruncatedInput

STEP = 64 * 1024


def decoded(chunks: Iterable[bytes], encoding: str, where: str) -> Iterator[bytes]:
    """The decoded bytes of ``chunks`` (encoded with ``encoding``), at most STEP bytes at a time."""
    encoding = encoding.strip().lower()
    try:
        if encoding in ("", "identity"):
            yield from (c for c in chunks if c)
        elif encoding in ("gzip", "x-gzip", "deflate"):
            yield from _inflate(chunks, where)
        elif encoding == "br":
            yield from _unbrotli(chunks, where)
        else:
            raise SourceError(f"{where}: unknown Content-Encoding {encoding!r}")
    except (zlib.error, brotli.error) as exc:
        raise SourceError(f"{where}: the {encoding} data cannot be decompressed ({exc})") from None


def _inflate(chunks: Iterable[bytes], where: str) -> Iterator[bytes]:
    inflater = zlib.decompressobj(32 + zlib.MAX_WBITS)  # a gzip or a zlib header
    started = False  # the current member has had input
    for chunk in chunks:
        data = chunk
        while data:
            started = True
            out = inflater.decompress(data, STEP)
            if out:
                yield out
            if inflater.eof:  # gzip files may hold several members, one after another
                data = inflater.unused_data
                inflater = zlib.decompressobj(32 + zlib.MAX_WBITS)
                started = False
            else:
                data = inflater.unconsumed_tail
    while not inflater.eof and (out := inflater.decompress(b"", STEP)):
        yield out
    if started and not inflater.eof:
        raise _cut_short(where)


def _unbrotli(chunks: Iterable[bytes], where: str) -> Iterator[bytes]:
    decompressor = brotli.Decompressor()
    started = False
    for chunk in chunks:
        started = started or bool(chunk)
        out = decompressor.process(chunk, output_buffer_limit=STEP)
        while out:  # more may be pending: drain it with empty input, one bounded step at a time
            yield out
            if decompressor.is_finished():
                break
            out = decompressor.process(b"", output_buffer_limit=STEP)
    if started and not decompressor.is_finished():
        raise _cut_short(where)


def _cut_short(where: str) -> TruncatedInput:
    return TruncatedInput(f"{where}: the compressed data stops before its end (cut short in transfer); "
                          "nothing of it is kept")
