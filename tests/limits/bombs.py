"""Decompression bombs, built in bounded memory: a few hundred KB that expand to many MB of zeros."""

from __future__ import annotations

import zlib

import brotli

BOMB_SIZE = 256 * 1024 * 1024  # what each bomb expands to
_STEP = 8 * 1024 * 1024


def gzip_bomb(size: int = BOMB_SIZE, prefix: bytes = b"") -> bytes:
    packer = zlib.compressobj(1, zlib.DEFLATED, 16 + zlib.MAX_WBITS)  # gzip header
    parts = [packer.compress(prefix)]
    zeros = bytes(_STEP)
    for _ in range(size // _STEP):
        parts.append(packer.compress(zeros))
    parts.append(packer.flush())
    return b"".join(parts)


def brotli_bomb(size: int = BOMB_SIZE, prefix: bytes = b"") -> bytes:
    packer = brotli.Compressor(quality=1)
    parts = [packer.process(prefix)]
    zeros = bytes(_STEP)
    for _ in range(size // _STEP):
        parts.append(packer.process(zeros))
    parts.append(packer.finish())
    return b"".join(parts)
