"""WARC files (plain or gzip): one RawDoc per HTML response record, framed and parsed here.

A record that is not an HTML page (an image, a redirect, an error page, an HTTP
block that is not HTTP) or that was cut short (WARC-Truncated, a file that ends
inside the record) comes out as a Failure with the reason, and the rest of the
file goes on. Request, metadata and other non-response records are not documents
and are passed over.

The framing is ours, so that no record can end the file: a header section that
is not WARC, too long, or without a valid Content-Length is one failure and
reading resumes at the next line that starts a WARC record; in a gzip file
(each record its own gzip member, as crawlers write them) a member that is
corrupt or cut short is one failure and reading resumes at the next member.
Memory stays within one record (at most the size cap) and one header section.
"""

from __future__ import annotations

import itertools
import re
import zlib
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import BinaryIO

from ..errors import DatelineError, InputTooLarge, SourceError, TruncatedInput
from ..model import Failure
from .base import RawDoc
from .decompress import decoded

HTML_TYPES = ("text/html", "application/xhtml+xml")
MAX_HEADER = 64 * 1024  # a WARC or HTTP header section longer than this is not a real one
_READ = 64 * 1024
_GZIP_MAGIC = b"\x1f\x8b\x08"
_RECORD_START = re.compile(rb"WARC/\d\.\d")
_STATUS = re.compile(rb"HTTP/\d(?:\.\d)?[ \t]+(\d{3})(?:[ \t]|$)")


class NotHTML(SourceError):
    """A WARC response record that holds something other than an HTML page."""


class TruncatedRecord(TruncatedInput):
    """A WARC record whose payload was cut short."""


class MalformedRecord(SourceError):
    """Bytes in a WARC file that are not a WARC record (a broken header, garbage between records)."""


def is_warc(head: bytes) -> bool:
    return head.startswith(b"WARC/")


def iter_warc(stream: BinaryIO, source: str, *, max_bytes: int) -> Iterator[RawDoc | Failure]:
    """Read the response records of a WARC stream (gzip is detected from the bytes).

    A failure names its record in its source, ``crawl.warc#https://...`` (or ``crawl.warc#record 7``
    when the record has no URI), so that each is recorded apart from the others of the file."""
    first = stream.read(_READ)
    gzipped = first.startswith(_GZIP_MAGIC[:2])
    segments = iter(_GzipMembers(first, stream)) if gzipped else iter([_then(first, stream)])
    ordinal = itertools.count(1)
    for segment in segments:
        yield from _responses(_records(_Lines(segment), source, max_bytes, gzipped=gzipped, ordinal=ordinal),
                              source, max_bytes)


def _responses(records: Iterator[tuple[dict[str, str], bytes, str] | Failure], source: str,
               max_bytes: int) -> Iterator[RawDoc | Failure]:
    for item in records:
        if isinstance(item, Failure):
            yield item
            continue
        headers, block, name = item
        if headers.get("warc-type", "").lower() != "response":
            continue
        try:
            yield _page(headers, block, source, max_bytes)
        except DatelineError as exc:  # this record only: not HTML, truncated, too large
            yield Failure(name, str(exc), type(exc).__name__)


def _name(source: str, headers: dict[str, str], n: int) -> str:
    return f"{source}#{headers.get('warc-target-uri') or f'record {n}'}"


# -- framing ---------------------------------------------------------------------------
class _Broken(Exception):
    """A gzip member that cannot be decoded; the reader has moved on to the next member."""


class _GzipMembers:
    """The members of a gzip stream, each read on its own (``read(n)`` gives b"" at its end).

    A member that is corrupt, or cut short (by the next member or the end of the file), raises
    _Broken. After it, or after a member whose reader stopped early (its records do not frame: a
    member cut short decodes on into the members after it), the next member starts at the next magic
    bytes after the start of the broken one, found in the compressed bytes kept since that start."""

    _KEEP = 16 * 1024 * 1024  # compressed bytes of a member kept to scan for the next magic

    def __init__(self, head: bytes, stream: BinaryIO) -> None:
        self._stream = stream
        self._pending = head  # compressed bytes not yet given to the inflater
        self._member = bytearray()  # compressed bytes of the current member so far (bounded)
        self.offset = 0  # where the current member starts in the file
        self._inflater: zlib._Decompress | None = None
        self._eof = False

    def __iter__(self) -> Iterator[Callable[[int], bytes]]:
        while True:
            if len(self._pending) < 3:
                self._more()
            if not self._pending:
                return
            if not self._pending.startswith(_GZIP_MAGIC):
                self._resync(scan_from=0)
                yield self._garbage
                continue
            self._inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
            yield self.read
            if self._inflater is not None:  # the reader left it unfinished
                self._resync(scan_from=1)

    def _garbage(self, size: int) -> bytes:
        raise _Broken(f"bytes that are not gzip data before byte {self.offset:,}")

    def _more(self) -> bool:
        if self._eof:
            return False
        chunk = self._stream.read(_READ)
        if not chunk:
            self._eof = True
            return False
        self._pending += chunk
        return True

    def read(self, size: int) -> bytes:
        while self._inflater is not None:
            if not self._pending:
                self._more()
            data, self._pending = self._pending, b""
            try:
                out = self._inflater.decompress(data, size)
            except zlib.error as exc:
                at = self.offset
                self._resync(scan_from=1, retained=data)
                raise _Broken(f"the gzip member at byte {at:,} is corrupt or cut short ({exc})") from None
            if self._inflater.eof:
                self._pending = self._inflater.unused_data
                self.offset += len(self._member) + len(data) - len(self._pending)
                self._member.clear()
                self._inflater = None
            else:
                self._pending = self._inflater.unconsumed_tail
                self._member += data[: len(data) - len(self._pending)]
                if len(self._member) > self._KEEP:
                    del self._member[: len(self._member) - self._KEEP]
                if not out and not data:  # no input left and nothing more to give
                    at = self.offset
                    self._resync(scan_from=1)
                    raise _Broken(f"the file ends inside the gzip member at byte {at:,}")
            if out:
                return out
        return b""

    def _resync(self, *, scan_from: int, retained: bytes = b"") -> None:
        """Go on at the next gzip magic after the start of the current member."""
        kept = bytes(self._member) + retained + self._pending
        base = self.offset
        self._inflater = None
        self._member.clear()
        while True:
            at = kept.find(_GZIP_MAGIC, scan_from)
            if at >= 0:
                self._pending = kept[at:]
                self.offset = base + at
                return
            cut = max(0, len(kept) - 2)  # a magic may straddle two reads
            base += cut
            kept, scan_from = kept[cut:], 0
            chunk = b"" if self._eof else self._stream.read(_READ)
            if not chunk:
                self._eof = True
                self._pending = b""
                self.offset = base + len(kept)
                return
            kept += chunk


def _then(first: bytes, stream: BinaryIO) -> Callable[[int], bytes]:
    """``read(n)`` giving ``first`` and then the rest of ``stream``."""
    left = [first]

    def read(size: int) -> bytes:
        if left:
            return left.pop()
        return stream.read(size)

    return read


class _Lines:
    """Bounded line and block reads over a ``read(n)`` function (which may raise _Broken)."""

    def __init__(self, read: Callable[[int], bytes]) -> None:
        self._read = read
        self._buffer = bytearray()
        self.eof = False

    def _fill(self) -> bool:
        if self.eof:
            return False
        chunk = self._read(_READ)
        if not chunk:
            self.eof = True
            return False
        self._buffer += chunk
        return True

    def unread(self, data: bytes) -> None:
        self._buffer[:0] = data

    def readline(self, limit: int) -> bytes:
        """One line with its newline, or ``limit`` bytes of a longer one, or b"" at the end."""
        while True:
            at = self._buffer.find(b"\n", 0, limit)
            if at >= 0:
                return self._take(at + 1)
            if len(self._buffer) >= limit or not self._fill():
                return self._take(min(limit, len(self._buffer)))

    def read(self, size: int) -> bytes:
        """``size`` bytes, or fewer at the end."""
        parts = []
        while size > 0:
            if not self._buffer and not self._fill():
                break
            part = self._take(min(size, len(self._buffer)))
            parts.append(part)
            size -= len(part)
        return b"".join(parts)

    def skip(self, size: int) -> int:
        """Pass over ``size`` bytes in bounded reads; how many there were."""
        skipped = 0
        while skipped < size:
            n = len(self.read(min(_READ, size - skipped)))
            if not n:
                break
            skipped += n
        return skipped

    def _take(self, n: int) -> bytes:
        out = bytes(self._buffer[:n])
        del self._buffer[:n]
        return out


def _records(lines: _Lines, source: str, max_bytes: int, *, gzipped: bool,
             ordinal: Iterator[int]) -> Iterator[tuple[dict[str, str], bytes, str] | Failure]:
    """Each record's WARC headers (lower-case names) and block, or a Failure for bytes that are not one.

    Bytes that do not frame as records are skipped to the next line that starts one; in a gzip member
    the rest of the member is given up instead (its records are its own; a member cut short decodes
    on into garbage)."""
    headers: dict[str, str] = {}
    n: int | None = None  # the record's number in the file, once it has begun

    def failure(exc: DatelineError) -> Failure:
        nonlocal n
        n = next(ordinal) if n is None else n
        return Failure(_name(source, headers, n), str(exc), type(exc).__name__)

    while True:
        where = source
        headers, n = {}, None
        try:
            line = lines.readline(MAX_HEADER)
            while line in (b"\r\n", b"\n"):
                line = lines.readline(MAX_HEADER)
            if not line:
                return
            n = next(ordinal)
            if not is_warc(line):
                yield failure(MalformedRecord(f"{source}: bytes that are not a WARC record; skipped to the next record"))
                if gzipped:
                    return
                _to_next_record(lines, line)
                continue
            headers, complete = _header_section(lines, line)
            where = f"{source}: {headers.get('warc-target-uri') or headers.get('warc-record-id') or 'a record'}"
            length = headers.get("content-length", "")
            if not complete or not length.isdigit():
                problem = (f"a header section over {MAX_HEADER:,} bytes" if not complete
                           else f"Content-Length {length!r} is not a size" if length else "no Content-Length")
                try:  # the failure is given once its bytes are passed: a member that breaks there was cut
                    _to_next_record(lines, b"\n")
                except _Broken as exc:
                    yield failure(TruncatedRecord(f"{where}: {exc}; reading goes on at the next member"))
                    return
                yield failure(MalformedRecord(f"{where}: {problem}; skipped to the next record"))
                continue
            size = int(length)
            if size > max_bytes:
                if lines.skip(size) < size:
                    yield failure(TruncatedRecord(f"{where}: the file ends inside this record; skipped"))
                    return
                if headers.get("warc-type", "").lower() == "response":
                    yield failure(InputTooLarge(f"{where}: {size:,} bytes is over the limit of {max_bytes:,}; skipped"))
                continue
            block = lines.read(size)
            if len(block) < size:
                yield failure(TruncatedRecord(f"{where}: the file ends inside this record; skipped"))
                return
            after = lines.readline(MAX_HEADER)  # a record ends in a blank line (or the next one starts)
            if after.strip(b"\r\n") and not is_warc(after):
                yield failure(TruncatedRecord(f"{where}: the record does not end where its Content-Length "
                                              "says (cut short, or a wrong length); skipped"))
                if gzipped:
                    return
                _to_next_record(lines, after)
                continue
            if gzipped:  # read on past the blank lines: to the member's end, where a cut member breaks
                blank = [after]
                while blank[-1] in (b"\r\n", b"\n"):
                    blank.append(lines.readline(MAX_HEADER))
                after = b"".join(blank)
            lines.unread(after)
            yield headers, block, _name(source, headers, next(ordinal) if n is None else n)
        except _Broken as exc:
            yield failure(TruncatedRecord(f"{where}: {exc}; reading goes on at the next member"))
            return


def _header_section(lines: _Lines, first: bytes) -> tuple[dict[str, str], bool]:
    """The header fields up to the blank line, and whether the section ended within MAX_HEADER."""
    headers: dict[str, str] = {}
    size = len(first)
    while size <= MAX_HEADER:
        line = lines.readline(MAX_HEADER)
        size += len(line)
        if not line or line in (b"\r\n", b"\n"):
            return headers, bool(line) and size <= MAX_HEADER
        name, sep, value = line.decode("utf-8", "replace").partition(":")
        if sep:
            headers.setdefault(name.strip().lower(), value.strip())
    return headers, False


def _to_next_record(lines: _Lines, last: bytes) -> None:
    """Read on to the next WARC record start ("WARC/1.1"), even one in the middle of a line of
    garbage, and leave it unread. ``last`` is the line just read (it starts no record)."""
    line, tail = last[1:], b""
    while True:
        found = _RECORD_START.search(tail + line)
        if found:
            lines.unread((tail + line)[found.start():])
            return
        tail = (tail + line)[-8:]  # a start split between two bounded reads
        line = lines.readline(MAX_HEADER)
        if not line:
            return


# -- one record ------------------------------------------------------------------------
def _page(headers: dict[str, str], block: bytes, source: str, max_bytes: int) -> RawDoc:
    uri = headers.get("warc-target-uri") or None
    where = f"{source}: {uri or headers.get('warc-record-id') or 'a record'}"
    status, http, body = _http(block, where)
    if not 200 <= status < 300:
        raise NotHTML(f"{where}: HTTP {status}, not a page; skipped")
    content_type = http.get("content-type") or None
    truncated = headers.get("warc-truncated")
    if truncated:
        raise TruncatedRecord(f"{where}: the crawler truncated this record ({truncated}); skipped")
    declared = http.get("content-length", "")
    if declared and not declared.isdigit():
        raise NotHTML(f"{where}: HTTP Content-Length {declared[:40]!r} is not a size; skipped")
    if declared and not http.get("transfer-encoding") and len(body) < int(declared):
        raise TruncatedRecord(f"{where}: {len(body):,} of {int(declared):,} bytes captured; skipped")
    body = _content_decoded(body, http.get("content-encoding", ""), where, max_bytes)
    if not _is_html(content_type, body):
        raise NotHTML(f"{where}: {content_type or 'no Content-Type'}, not an HTML page; skipped")
    return RawDoc(source=source, data=body, url=uri, fetched=_date(headers.get("warc-date")),
                  content_type=content_type)


def _http(block: bytes, where: str) -> tuple[int, dict[str, str], bytes]:
    """The status, header fields (lower-case names) and body of an HTTP response block."""
    end = block.find(b"\r\n\r\n", 0, MAX_HEADER)
    gap = 4
    if end < 0:
        end, gap = block.find(b"\n\n", 0, MAX_HEADER), 2
    if end < 0:
        raise NotHTML(f"{where}: no HTTP header section in the first {MAX_HEADER:,} bytes; skipped")
    head = block[:end].split(b"\n")
    status = _STATUS.match(head[0].strip())
    if not status:
        raise NotHTML(f"{where}: {head[0][:80].decode('latin-1').strip()!r} is not an HTTP status line; skipped")
    fields: dict[str, str] = {}
    for line in head[1:]:
        name, sep, value = line.decode("latin-1").partition(":")
        if sep:
            fields.setdefault(name.strip().lower(), value.strip())
    return int(status.group(1)), fields, block[end + gap :]


def _date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def _is_html(content_type: str | None, body: bytes) -> bool:
    if content_type:
        return content_type.split(";", 1)[0].strip().lower() in HTML_TYPES
    head = body[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html"))


def _content_decoded(body: bytes, encoding: str, where: str, max_bytes: int) -> bytes:
    """The payload with its Content-Encoding undone, refused once it passes ``max_bytes``."""
    out: list[bytes] = []
    size = 0
    for piece in decoded([body], encoding, where):
        size += len(piece)
        if size > max_bytes:
            raise InputTooLarge(f"{where}: decompresses to more than {max_bytes:,} bytes; skipped")
        out.append(piece)
    return b"".join(out)
