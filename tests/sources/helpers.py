"""Test helpers: WARC files written byte by byte, and a small HTTP server on 127.0.0.1."""

from __future__ import annotations

import gzip
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "sources"
PAGES = ("harbour.html", "council.html", "summit.html")


def page(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def warc_response(uri: str, body: bytes, *, content_type: str = "text/html; charset=utf-8",
                  status: str = "200 OK", date: str = "2024-06-01T12:00:00Z",
                  warc_headers: str = "", http_headers: str = "") -> bytes:
    """One WARC/1.1 response record holding an HTTP/1.1 response."""
    http = (
        f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n"
        f"{http_headers}\r\n"
    ).encode() + body
    head = (
        f"WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{uuid.uuid4()}>\r\n"
        f"WARC-Date: {date}\r\nWARC-Target-URI: {uri}\r\n{warc_headers}"
        f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n"
    ).encode()
    return head + http + b"\r\n\r\n"


def warc_request(uri: str) -> bytes:
    http = f"GET / HTTP/1.1\r\nHost: {uri.split('/')[2]}\r\n\r\n".encode()
    head = (
        f"WARC/1.1\r\nWARC-Type: request\r\nWARC-Record-ID: <urn:uuid:{uuid.uuid4()}>\r\n"
        f"WARC-Date: 2024-06-01T12:00:00Z\r\nWARC-Target-URI: {uri}\r\n"
        f"Content-Type: application/http; msgtype=request\r\nContent-Length: {len(http)}\r\n\r\n"
    ).encode()
    return head + http + b"\r\n\r\n"


def write_warc(path: Path, records: list[bytes], *, compress: bool = False) -> Path:
    """A WARC file; compressed, each record is its own gzip member (as crawlers write them)."""
    path.write_bytes(b"".join(gzip.compress(r) for r in records) if compress else b"".join(records))
    return path


def page_warc(path: Path, base: str = "https://news.example.org", *, compress: bool = False) -> Path:
    """The fixture pages as HTML response records, each with a request record before it."""
    records = []
    for name in PAGES:
        uri = f"{base}/{name}"
        charset = "windows-1252" if name == "summit.html" else "utf-8"
        records += [warc_request(uri), warc_response(uri, page(name), content_type=f"text/html; charset={charset}")]
    return write_warc(path, records, compress=compress)


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class LocalServer:
    base: str
    routes: dict[str, Route]
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)


@contextmanager
def local_server(routes: dict[str, Route]) -> Iterator[LocalServer]:
    """Serve ``routes`` (path -> Route) on 127.0.0.1 on a free port, in a thread."""
    state = LocalServer("", routes)

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (the http.server name)
            state.requests.append((self.path, dict(self.headers)))
            route = state.routes.get(self.path, Route(404, b"not here"))
            self.send_response(route.status)
            for key, value in route.headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(route.body)))
            self.end_headers()
            self.wfile.write(route.body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()


CONTENT_FIELDS = ("title", "publisher", "published", "language", "authors", "text", "paragraphs", "sections",
                  "media", "tags", "entities", "quotes", "events")


def content(record: dict, but: tuple[str, ...] = ()) -> dict:
    """The part of a record that depends on the page, not on where or when it was read: an event's date
    may come from the capture time, and its id from the article's, which is the URL's hash when read
    from a URL."""
    out = {key: record.get(key) for key in CONTENT_FIELDS if key not in but}
    if "events" in out:
        out["events"] = [{k: v for k, v in e.items() if k not in ("date", "id")} for e in out["events"] or []]
    return out
