"""WARC files (plain or gzip, read with FastWARC): one RawDoc per HTML response record.

A record that is not an HTML page (an image, a redirect, an error page) or that
was cut short (WARC-Truncated, or a file that ends inside the record) comes out
as a Failure with the reason, and the rest of the file goes on. Request,
metadata and other non-response records are not documents and are passed over.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from fastwarc.warc import ArchiveIterator, WarcRecord, WarcRecordType

from ..errors import DatelineError, InputTooLarge, SourceError
from ..model import Failure
from .base import RawDoc
from .decompress import decoded

HTML_TYPES = ("text/html", "application/xhtml+xml")


class NotHTML(SourceError):
    """A WARC response record that holds something other than an HTML page."""


class TruncatedRecord(SourceError):
    """A WARC record whose payload was cut short."""


def is_warc(head: bytes) -> bool:
    return head.startswith(b"WARC/")


def iter_warc(stream: BinaryIO, source: str, *, max_bytes: int) -> Iterator[RawDoc | Failure]:
    """Read the response records of a WARC stream (gzip is detected from the bytes)."""
    count = 0
    try:
        for record in ArchiveIterator(stream, record_types=WarcRecordType.response, parse_http=True):
            count += 1
            try:
                yield _page(record, source, max_bytes)
            except DatelineError as exc:  # this record only: not HTML, truncated, too large
                yield Failure(source, str(exc), type(exc).__name__)
    except OSError as exc:
        yield Failure(source, f"{source}: the WARC cannot be read past record {count} ({exc})", "SourceError")


def _page(record: WarcRecord, source: str, max_bytes: int) -> RawDoc:
    uri = record.headers.get("WARC-Target-URI") or None
    where = f"{source}: {uri or record.record_id}"
    http = record.http_headers
    if http is None:
        raise NotHTML(f"{where}: not an HTTP response; skipped")
    if not 200 <= http.status_code < 300:
        raise NotHTML(f"{where}: HTTP {http.status_code}, not a page; skipped")
    content_type = http.get("Content-Type") or None
    if record.content_length > max_bytes:
        raise InputTooLarge(f"{where}: {record.content_length:,} bytes is over the limit of {max_bytes:,}; skipped")
    body = record.reader.read()
    truncated = record.headers.get("WARC-Truncated")
    if truncated:
        raise TruncatedRecord(f"{where}: the crawler truncated this record ({truncated}); skipped")
    if len(body) < record.content_length:
        raise TruncatedRecord(f"{where}: the file ends inside this record; skipped")
    declared = http.get("Content-Length", "")
    if declared.isdigit() and not http.get("Transfer-Encoding") and len(body) < int(declared):
        raise TruncatedRecord(f"{where}: {len(body):,} of {int(declared):,} bytes captured; skipped")
    body = _content_decoded(body, http.get("Content-Encoding", ""), where, max_bytes)
    if not _is_html(content_type, body):
        raise NotHTML(f"{where}: {content_type or 'no Content-Type'}, not an HTML page; skipped")
    return RawDoc(source=source, data=body, url=uri, fetched=record.record_date, content_type=content_type)


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
