"""A small store for the web security tests (the web tests' hand-written records) and a served copy of it."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from dateline.store import open_store

from ..web.records import harbour_talks, hostile


def build_store(path: Path) -> Path:
    with open_store(path) as store:
        store.upsert(harbour_talks())
        store.upsert(hostile())
    return path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def served(db: Path) -> Iterator[int]:
    """`dateline serve` on 127.0.0.1 (a real uvicorn), yielding its port."""
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "dateline", "serve", "--db", str(db), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            assert server.poll() is None, server.stderr.read().decode()
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                time.sleep(0.1)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=30)


def raw_request(port: int, request: bytes, *, timeout: float = 30, half_close: bool = False) -> bytes:
    """Send bytes as they are (no client-side URL clean-up) and read the answer to the end; with
    ``half_close`` the sending side is closed first, so a server waiting for more sees the end."""
    chunks = []
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        try:
            sock.sendall(request)
            if half_close:
                sock.shutdown(socket.SHUT_WR)
        except (BrokenPipeError, ConnectionResetError):  # the server stopped reading: see what it said
            pass
        try:
            while chunk := sock.recv(65536):
                chunks.append(chunk)
        except (ConnectionResetError, TimeoutError):
            pass
    return b"".join(chunks)


def status_of(answer: bytes) -> int:
    return int(answer.split(b" ", 2)[1]) if answer.startswith(b"HTTP/") else 0
