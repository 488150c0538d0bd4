"""gzip and brotli bombs: reading stops at the decompressed cap, in memory bounded by the cap, not the bomb.

Each bomb is a few hundred KB to 1 MB on the wire and 256 MB once expanded. The cap is 4 MB. Memory is
measured with tracemalloc (every bytes object the readers build is a Python allocation).
"""

from __future__ import annotations

import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

from dateline.errors import InputTooLarge
from dateline.model import Failure
from dateline.sources import Fetcher, iter_inputs
from dateline.sources.warc import iter_warc

from ..sources.helpers import Route, local_server, warc_response, write_warc
from .bombs import BOMB_SIZE, brotli_bomb, gzip_bomb

CAP = 4 * 1024 * 1024
# The cap, plus what one network read can expand to with gzip (a 64 KB read of deflate at its 1032:1
# ratio) and the readers' own buffers: what a reader may hold at once, whatever the bomb's size.
BOUND = CAP + 80 * 1024 * 1024


@pytest.fixture(scope="module")
def gzipped() -> bytes:
    return gzip_bomb(prefix=b"<html><body><p>")


@pytest.fixture(scope="module")
def brotlied() -> bytes:
    return brotli_bomb(prefix=b"<html><body><p>")


def peak_memory(action: Callable[[], object]) -> tuple[object, int]:
    tracemalloc.start()
    try:
        result = action()
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def _fetch_expecting_cap(encoding: str, body: bytes) -> int:
    routes = {"/bomb": Route(body=body, headers={"Content-Type": "text/html", "Content-Encoding": encoding})}
    with local_server(routes) as server, Fetcher(max_bytes=CAP, allow_private=True) as fetcher:
        def fetch() -> None:
            with pytest.raises(InputTooLarge, match="stopped reading"):
                fetcher.fetch(f"{server.base}/bomb")
        _, peak = peak_memory(fetch)
    return peak


def test_gzip_bomb_over_http_stops_at_the_cap(gzipped: bytes):
    assert len(gzipped) < CAP < BOMB_SIZE
    assert _fetch_expecting_cap("gzip", gzipped) < BOUND


# Found here: httpx decoded each network read whole, and brotli packs 256 MB of zeros in ~48 KB, so one read
# expanded to the whole bomb before the size check ran. Fixed in af88461 (sources/decompress.py).
def test_brotli_bomb_over_http_stops_at_the_cap_in_bounded_memory(brotlied: bytes):
    assert _fetch_expecting_cap("br", brotlied) < BOUND


def test_gzip_bomb_as_a_file_is_refused_at_the_cap(tmp_path: Path, gzipped: bytes):
    bomb = tmp_path / "page.html.gz"
    bomb.write_bytes(gzipped)
    fine = tmp_path / "page2.html"
    fine.write_text("<html><body><p>A short page that is fine.</p></body></html>", encoding="utf-8")
    results, peak = peak_memory(lambda: list(iter_inputs([str(bomb), str(fine)], max_bytes=CAP)))
    assert isinstance(results[0], Failure) and results[0].kind == "InputTooLarge"
    assert not isinstance(results[1], Failure)
    assert peak < BOUND


def _warc_with(encoding: str, payload: bytes, tmp_path: Path) -> Path:
    records = [
        warc_response("https://news.example.org/bomb", payload, http_headers=f"Content-Encoding: {encoding}\r\n"),
        warc_response("https://news.example.org/fine", b"<html><body><p>A page that is fine.</p></body></html>"),
    ]
    return write_warc(tmp_path / f"{encoding}.warc", records)


def _read_warc(path: Path) -> list:
    with path.open("rb") as stream:
        return list(iter_warc(stream, str(path), max_bytes=CAP))


# Found here: iter_warc caught SourceError around each record, but the size checks raise InputTooLarge, so
# the first record over the cap ended the whole run with a traceback. Fixed in af88461.
def test_gzip_bomb_in_a_warc_record_is_skipped_and_the_rest_go_on(tmp_path: Path, gzipped: bytes):
    path = _warc_with("gzip", gzipped, tmp_path)
    results, peak = peak_memory(lambda: _read_warc(path))
    assert [type(r).__name__ for r in results] == ["Failure", "RawDoc"]
    assert results[0].kind == "InputTooLarge"
    assert peak < BOUND


# Found here: WARC brotli payloads were decompressed with brotli.decompress, with no output limit. Fixed in af88461.
def test_brotli_bomb_in_a_warc_record_is_skipped_in_bounded_memory(tmp_path: Path, brotlied: bytes):
    path = _warc_with("br", brotlied, tmp_path)
    results, peak = peak_memory(lambda: _read_warc(path))
    assert [type(r).__name__ for r in results] == ["Failure", "RawDoc"]
    assert results[0].kind == "InputTooLarge"
    assert peak < BOUND


# Found here: JSON lines were read with no limit on a line, so one endless line (or a gzip bomb of one) was
# read whole. Fixed in af88461 (a per-line cap).
def test_an_endless_json_line_is_stopped_at_the_cap(tmp_path: Path):
    first = b'{"id": "a1", "source": "one.html", "text": "Fine."}\n'
    bomb = tmp_path / "records.jsonl.gz"
    bomb.write_bytes(gzip_bomb(BOUND + 16 * 1024 * 1024, prefix=first + b'{"id": "a2", "source": "two.html", "text": "'))
    results, peak = peak_memory(lambda: list(iter_inputs([str(bomb)], max_bytes=CAP)))
    assert not isinstance(results[0], Failure)
    assert isinstance(results[1], Failure) and results[1].kind == "InputTooLarge"
    assert peak < BOUND


def test_the_decompressed_cap_is_the_configured_one(tmp_path: Path):
    """Not a fixed number: a 200 KB page passes a 1 MB cap and fails a 100 KB one."""
    import gzip

    page = b"<html><body>" + b"<p>Words of a long page.</p>" * 8000 + b"</body></html>"
    path = tmp_path / "long.html.gz"
    path.write_bytes(gzip.compress(page))
    [ok] = list(iter_inputs([str(path)], max_bytes=1_000_000))
    [refused] = list(iter_inputs([str(path)], max_bytes=100_000))
    assert not isinstance(ok, Failure) and ok.data == page
    assert isinstance(refused, Failure) and "100,000" in refused.error
