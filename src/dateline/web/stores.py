"""One read-only store connection per worker thread.

A SQLite connection must not serve two threads at once, and FastAPI runs plain
(non-async) handlers in a thread pool: each pool thread opens the store once,
read-only, and keeps it for the life of the server.
"""

from __future__ import annotations

import threading
from pathlib import Path

from .. import open_store
from ..store import Store


class ReadOnlyStores:
    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._local = threading.local()
        self._lock = threading.Lock()
        self._opened: list[Store] = []

    def get(self) -> Store:
        store = getattr(self._local, "store", None)
        if store is None:
            store = open_store(self.path, readonly=True)
            self._local.store = store
            with self._lock:
                self._opened.append(store)
        return store

    def close_all(self) -> None:
        """Close every connection opened (at shutdown, when no request is running)."""
        with self._lock:
            opened, self._opened = self._opened, []
        for store in opened:
            store.close()
