from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from dateline.store import open_store
from dateline.web.app import create_app

from .records import harbour_talks, hostile

with warnings.catch_warnings():  # starlette asks for httpx2 for its test client; httpx is what we pin
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient

PAGES = Path(__file__).resolve().parent / "pages"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
OUTPUT = Path(__file__).resolve().parents[2] / "test-output" / "web"


@pytest.fixture(scope="module")
def record_db(tmp_path_factory) -> Path:
    """A store holding the hand-written records (known spans), built through Store.upsert."""
    path = tmp_path_factory.mktemp("web") / "records.db"
    with open_store(path) as store:
        store.upsert(harbour_talks())
        store.upsert(hostile())
    return path


@pytest.fixture(scope="module")
def client(record_db) -> Iterator[TestClient]:
    with TestClient(create_app(record_db)) as test_client:
        yield test_client
