"""A catalogue of hostile inputs, one of each class that once stopped a run or slipped through (issue 12),
written for these tests: files for a folder, records for one WARC, and a local server for the URL cases.

Each hostile input gives exactly one failure; the good pages around it must all be stored.
"""

from __future__ import annotations

import gzip
import json
import os
import random
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

# Small enough to keep the tests quick, large enough for every page below: the byte cap of the batch.
MAX_BYTES = 12_000_000


def good_page(i: int) -> bytes:
    """A short news page; each one has its own text (so its own id)."""
    return (
        f"<!doctype html><html><head><title>Harbour council vote {i}</title></head><body><article>"
        f"<h1>Harbour council vote {i}</h1>"
        f"<p>The harbour council met on Monday and voted {i} times on the new quota for the fishing fleet.</p>"
        f"<p>Officials said the talks with the fishers would resume next week in the town hall, item {i}.</p>"
        "</article></body></html>"
    ).encode()


def warc_record(uri: str, block: bytes, *, length: str | None = None, warc_headers: str = "") -> bytes:
    """One WARC/1.1 response record around ``block`` (an HTTP response as bytes, hostile or not)."""
    record_id = uuid.uuid5(uuid.NAMESPACE_URL, uri + str(len(block)))  # the same bytes on every run
    head = (
        f"WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{record_id}>\r\n"
        f"WARC-Date: 2024-06-01T12:00:00Z\r\nWARC-Target-URI: {uri}\r\n{warc_headers}"
        f"Content-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(block) if length is None else length}\r\n\r\n"
    ).encode()
    return head + block + b"\r\n\r\n"


def http_block(body: bytes, *, status: str = "200 OK", headers: str = "") -> bytes:
    return (f"HTTP/1.1 {status}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {len(body)}\r\n"
            f"{headers}\r\n").encode() + body


def good_record(uri: str, i: int) -> bytes:
    return warc_record(uri, http_block(good_page(i)))


def half_gzip(data: bytes) -> bytes:
    packed = gzip.compress(data)
    return packed[: len(packed) // 2]


# -- WARC records: (name, record bytes or gzip member bytes) -------------------------------------------
def hostile_warc_records(base: str) -> list[tuple[str, bytes]]:
    """Records for one WARC, each its own (gzip) member: every hostile WARC case, one failure each."""
    page = good_page(999)
    return [
        ("status line without a number", warc_record(f"{base}/no-status", b"HTTP/1.1 OK\r\nContent-Type: text/html\r\n\r\n" + page)),
        ("negative WARC Content-Length", warc_record(f"{base}/negative", http_block(page), length="-5")),
        ("negative HTTP Content-Length", warc_record(f"{base}/negative-http", http_block(page).replace(
            f"Content-Length: {len(page)}".encode(), b"Content-Length: -5"))),
        ("garbage HTTP block", warc_record(f"{base}/garbage", b"\x00\xff\xfe not http at all \r\n\r\n\x01\x02")),
        ("gzip body cut in half", warc_record(f"{base}/half-gzip", http_block(half_gzip(page), headers="Content-Encoding: gzip\r\n"))),
        ("5 MB header line", warc_record(f"{base}/huge-header", http_block(page), warc_headers="X-Junk: " + "j" * 5_000_000 + "\r\n")),
    ]


def gzip_warc(records: list[bytes], *, cut: int | None = None) -> bytes:
    """Each record its own gzip member; the member at index ``cut`` is cut in half (a truncated member)."""
    members = [gzip.compress(r, mtime=0) for r in records]  # no timestamp: the same bytes on every run
    if cut is not None:
        members[cut] = members[cut][: len(members[cut]) // 2]
    return b"".join(members)


# -- JSON lines: (name, record) ----------------------------------------------------------------------
def hostile_records() -> list[tuple[str, dict]]:
    text = "The harbour council met on Monday."
    base = {"source": "hostile.jsonl", "text": text}
    return [
        ("title is a list", {**base, "id": "t1", "title": ["a"]}),
        ("text is a number", {"id": "t2", "source": "hostile.jsonl", "text": 12345}),
        ("published is a number", {**base, "id": "t3", "published": 20260101}),
        ("entity name is a number", {**base, "id": "t4", "entities": [{"id": "e1", "name": 5, "type": "ORG"}]}),
        ("paragraph start is a word", {**base, "id": "t5", "paragraphs": [{"start": "zero", "end": 3}]}),
        ("paragraph start after end", {**base, "id": "t6", "paragraphs": [{"start": 20, "end": 3}]}),
        ("paragraph end past any text", {**base, "id": "t7", "paragraphs": [{"start": 0, "end": 10**30}]}),
        ("authors is a string", {**base, "id": "t8", "authors": "not a list"}),
        ("300k tags", {**base, "id": "t9", "tags": ["t"] * 300_000}),
        ("200k paragraphs", {**base, "id": "t10", "paragraphs": [{"start": 0, "end": 3}] * 200_000}),
    ]


def good_record_line(i: int) -> dict:
    text = f"Fishers and the council agreed on a quota, record {i}."
    return {"id": f"good-{i}", "source": "mixed.jsonl", "title": f"Quota {i}", "text": text,
            "paragraphs": [{"start": 0, "end": len(text), "kind": "body", "section": None}]}


# -- a folder -----------------------------------------------------------------------------------------
def hostile_folder(folder: Path, base: str = "https://news.example.org") -> tuple[int, int]:
    """20 good pages and one of each hostile file in ``folder``; returns (articles, failures) to expect."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(20):
        (folder / f"good-{i:02d}.html").write_bytes(good_page(i))
    articles, failures = 20, 0
    for n, (_name, record) in enumerate(hostile_warc_records(base)):
        (folder / f"hostile-{n}.warc").write_bytes(record)
        failures += 1
    # a gzip WARC with a truncated member between two good ones: one failure, both good pages read
    (folder / "truncated-member.warc.gz").write_bytes(
        gzip_warc([good_record(f"{base}/m1", 101), good_record(f"{base}/m2", 102), good_record(f"{base}/m3", 103)], cut=1))
    articles, failures = articles + 2, failures + 1
    (folder / "half.html.gz").write_bytes(half_gzip(good_page(998)))
    failures += 1
    lines = [json.dumps(r) for _name, r in hostile_records()] + [json.dumps(good_record_line(i)) for i in range(2)]
    (folder / "records.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles, failures = articles + 2, failures + len(hostile_records())
    (folder / "one-line.txt").write_text("the minister said talks would resume " * 270_000, encoding="utf-8")
    failures += 1  # ~10 MB of text on one line: over the text cap, refused before extraction
    os.mkfifo(folder / "a-fifo")
    (folder / "broken-link.html").symlink_to(folder / "no-such-file.html")
    (folder / "device-link.html").symlink_to("/dev/zero")
    failures += 3
    return articles, failures


# -- a local server for the URL cases -----------------------------------------------------------------
URL_CASES = {  # path: what the server does; each gives one failure
    "/endless": "a chunked body that never ends (stopped at the byte cap)",
    "/drip": "one byte every 0.3 s (stopped by the fetch deadline)",
    "/half.gz": "a gzip body cut in half with a matching Content-Length",
    "/feed.xml": "a feed whose one item (fetched with --follow) is the endless body",
}


@contextmanager
def hostile_server() -> Iterator[str]:
    """Serve the URL cases and /good-N.html on 127.0.0.1; yields the base URL. Loops are bounded."""
    stop = threading.Event()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802 (the http.server name)
            with suppress(BrokenPipeError, ConnectionResetError):  # the client gave up, as it should
                self._answer()

        def _answer(self) -> None:
            base = f"http://127.0.0.1:{self.server.server_address[1]}"
            if self.path.startswith("/good-"):
                self._whole(good_page(int(self.path[6:].split(".")[0])))
            elif self.path.startswith("/endless"):
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Transfer-Encoding", "chunked")
                self.end_headers()
                chunk = b"<p>" + b"more " * 13_000 + b"</p>"
                for _ in range(4 * MAX_BYTES // len(chunk)):  # bounded: four times the cap
                    if stop.is_set():
                        return
                    self.wfile.write(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
            elif self.path == "/drip":
                body = good_page(997)
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                for byte in body[:200]:  # bounded: 200 bytes, 60 s at most
                    if stop.is_set():
                        return
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    time.sleep(0.3)
            elif self.path == "/half.gz":
                self._whole(half_gzip(good_page(996)), {"Content-Encoding": "gzip"})
            elif self.path == "/feed.xml":
                feed = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Hostile feed</title>'
                        f"<item><title>Endless</title><link>{base}/endless?from=feed</link></item></channel></rss>")
                self._whole(feed.encode(), {"Content-Type": "application/rss+xml"})
            else:
                self._whole(b"not here", status=404)

        def _whole(self, body: bytes, headers: dict[str, str] | None = None, status: int = 200) -> None:
            self.send_response(status)
            headers = {"Content-Type": "text/html; charset=utf-8", **(headers or {})}
            for key, value in headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        stop.set()
        server.shutdown()
        server.server_close()


def word_soup_store(path: Path, *, articles: int, words: list[str], length: int, seed: int, publishers: int) -> Path:
    """A store of ``articles`` articles whose text is ``length`` words drawn from ``words``: every search
    for those words matches nearly everything (what makes a search costly)."""
    from dateline.model import Article, Paragraph
    from dateline.store import open_store
    from dateline.store.db import write_article

    rng = random.Random(seed)
    with open_store(path) as store, store.transaction() as cur:
        for i in range(articles):
            text = " ".join(rng.choice(words) for _ in range(length))
            write_article(cur, Article(id=f"a{i:05d}", source=f"s{i}", title=f"Harbour story {i}", text=text,
                                       paragraphs=[Paragraph(0, len(text))], publisher=f"P{i % publishers}",
                                       language="en", published="2024-05-01"))
    return path
