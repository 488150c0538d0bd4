"""How `dateline serve` runs uvicorn: bounded time to send a request head, and a bounded shutdown.

uvicorn times out idle keep-alive connections, but not a client that opens a connection and sends
its request head slowly or never finishes it: a thousand such connections stay open for ever. Here
a request head must arrive whole within ``settings.web_head_timeout`` seconds of its first byte (or of the connection, for
the first request); past that the connection is closed. On SIGTERM uvicorn waits at most
SHUTDOWN_SECONDS for requests in flight (searches stop within their budget anyway).
"""

from __future__ import annotations

import asyncio

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

from ..config import settings

SHUTDOWN_SECONDS = 5


class BoundedHeadProtocol(H11Protocol):
    """uvicorn's h11 protocol with a time limit on receiving each request head."""

    _head_timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def data_received(self, data: bytes) -> None:
        if self._head_timer is None and self.conn.their_state is h11.IDLE:
            self._arm()  # the first bytes of the next request on a kept-alive connection
        super().data_received(data)
        if self.conn.their_state is not h11.IDLE:
            self._disarm()  # the head is in

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def _arm(self) -> None:
        self._disarm()
        self._head_timer = self.loop.call_later(settings.web_head_timeout, self._head_too_slow)

    def _disarm(self) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = None

    def _head_too_slow(self) -> None:
        self._head_timer = None
        if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
            self.transport.close()


def server_options() -> dict[str, object]:
    """The uvicorn.run options that bound what one client can hold."""
    return {"http": BoundedHeadProtocol, "timeout_graceful_shutdown": SHUTDOWN_SECONDS}
