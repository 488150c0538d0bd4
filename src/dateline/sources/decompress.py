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

from ..errors import SourceError

STEP = 64 * 1024


def decoded(chunks: Iterable[bytes], encoding: str, where: str) -> Iterator[bytes]:
    """The decoded bytes of ``chunks`` (encoded with ``encoding``), at most STEP bytes at a time."""
    encoding = encoding.strip().lower()
    try:
        if encoding in ("", "identity"):
            yield from (c for c in chunks if c)
        elif encoding in ("gzip", "x-gzip", "deflate"):
            yield from _inflate(chunks)
        elif encoding == "br":
            yield from _unbrotli(chunks)
        else:
            raise SourceError(f"{where}: unknown Content-Encoding {encoding!r}")
    except (zlib.error, brotli.error) as exc:
        raise SourceError(f"{where}: the {encoding} data cannot be decompressed ({exc})") from None


def _inflate(chunks: Iterable[bytes]) -> Iterator[bytes]:
    inflater = zlib.decompressobj(32 + zlib.MAX_WBITS)  # a gzip or a zlib header
    for chunk in chunks:
        data = chunk
        while data:
            out = inflater.decompress(data, STEP)
            if out:
                yield out
            if inflater.eof:  # gzip files may hold several members, one after another
                data = inflater.unused_data
                inflater = zlib.decompressobj(32 + zlib.MAX_WBITS)
            else:
                data = inflater.unconsumed_tail
    tail = inflater.flush()
    if tail:
        yield tail


def _unbrotli(chunks: Iterable[bytes]) -> Iterator[bytes]:
    decompressor = brotli.Decompressor()
    for chunk in chunks:
        out = decompressor.process(chunk, output_buffer_limit=STEP)
        while out:  # more may be pending: drain it with empty input, one bounded step at a time
            yield out
            if decompressor.is_finished():
                break
            out = decompressor.process(b"", output_buffer_limit=STEP)
