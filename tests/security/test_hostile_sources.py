"""Regression tests for issue 12, the readers: each hostile WARC record, URL, feed, file or address is
one recorded failure, and what comes after it is read. Each test failed on main before the fix."""

from __future__ import annotations

import gzip
import io
import ipaddress
import os
import subprocess
import sys
from pathlib import Path

import pytest

from dateline.config import settings
from dateline.model import Failure
from dateline.sources import RawDoc, iter_inputs
from dateline.sources.netguard import refused_range
from dateline.sources.warc import iter_warc

from .hostile import (
    MAX_BYTES,
    good_page,
    good_record,
    gzip_warc,
    hostile_server,
    hostile_warc_records,
)

BASE = "https://news.example.org"


def kinds(results: list) -> list[str]:
    return [r.kind if isinstance(r, Failure) else type(r).__name__ for r in results]


# -- 1. WARC records with a malformed HTTP block (and the other framing cases of 9) -------------------------
@pytest.mark.parametrize("compress", [False, True], ids=["plain", "gzip"])
@pytest.mark.parametrize("case", range(len(hostile_warc_records(BASE))),
                         ids=[name for name, _ in hostile_warc_records(BASE)])
def test_a_hostile_warc_record_is_one_failure_and_the_records_around_it_are_read(case: int, compress: bool):
    name, record = hostile_warc_records(BASE)[case]
    records = [good_record(f"{BASE}/before", 1), record, good_record(f"{BASE}/after", 2)]
    data = gzip_warc(records) if compress else b"".join(records)
    results = list(iter_warc(io.BytesIO(data), "crawl.warc", max_bytes=MAX_BYTES))
    assert kinds(results) == ["RawDoc", kinds(results)[1], "RawDoc"], (name, results)
    assert isinstance(results[1], Failure) and results[1].source.startswith("crawl.warc#"), name
    assert [r.url for r in results if isinstance(r, RawDoc)] == [f"{BASE}/before", f"{BASE}/after"]


def test_a_status_line_without_a_number_says_so():
    [_, failure, _] = list(iter_warc(io.BytesIO(b"".join(
        [good_record(f"{BASE}/a", 1), hostile_warc_records(BASE)[0][1], good_record(f"{BASE}/b", 2)])),
        "crawl.warc", max_bytes=MAX_BYTES))
    assert failure.kind == "NotHTML" and "'HTTP/1.1 OK' is not an HTTP status line" in failure.error
    assert f"{BASE}/no-status" in failure.error


@pytest.mark.parametrize("cut", [0, 1, 2])
def test_a_truncated_gzip_member_costs_its_record_only(cut: int):
    # Where the cut falls decides what the member decodes on into; one crawl in fifteen or so cuts it in
    # its header section, whose garbage Content-Length is a symptom of the cut, not a second failure.
    for crawl in range(40):
        urls = [f"{BASE}/{crawl}/{i}" for i in range(3)]
        data = gzip_warc([good_record(url, i) for i, url in enumerate(urls)], cut=cut)
        results = list(iter_warc(io.BytesIO(data), "crawl.warc.gz", max_bytes=MAX_BYTES))
        assert kinds(results) == ["TruncatedRecord" if i == cut else "RawDoc" for i in range(3)], crawl
        assert [r.url for r in results if isinstance(r, RawDoc)] == [u for i, u in enumerate(urls) if i != cut]


def test_garbage_between_records_is_one_failure_and_reading_goes_on():
    data = good_record(f"{BASE}/0", 0) + b"\x00\x01 junk line\r\nmore junk\r\n" + good_record(f"{BASE}/1", 1)
    assert kinds(list(iter_warc(io.BytesIO(data), "c.warc", max_bytes=MAX_BYTES))) == ["RawDoc", "MalformedRecord", "RawDoc"]
    gz = gzip.compress(good_record(f"{BASE}/0", 0)) + b"junk that is not gzip" + gzip.compress(good_record(f"{BASE}/1", 1))
    assert kinds(list(iter_warc(io.BytesIO(gz), "c.warc.gz", max_bytes=MAX_BYTES))) == ["RawDoc", "TruncatedRecord", "RawDoc"]


# -- 2, 8, 9. URLs: over the byte cap (endless chunked, a feed item with --follow), slow drip, cut gzip ---------
def test_url_cases_are_one_failure_each_and_the_next_url_is_read(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(settings, "fetch_deadline", 2.0)
    with hostile_server() as base:
        inputs = []
        for i, path in enumerate(["/endless", "/drip", "/half.gz", "/feed.xml"]):
            inputs += [base + path, f"{base}/good-{i}.html"]
        results = list(iter_inputs(inputs, max_bytes=MAX_BYTES, allow_private=True, follow=True))
    assert kinds(results) == ["InputTooLarge", "RawDoc", "SourceError", "RawDoc", "TruncatedInput", "RawDoc",
                              "InputTooLarge", "RawDoc"], results
    assert "still downloading after 2 s" in results[2].error
    assert "cut short" in results[4].error
    assert results[6].source == f"{base}/endless?from=feed"  # the feed's item, fetched with --follow


# -- 10. A feed with more items than a document may hold ---------------------------------------------------
def test_a_feed_over_the_item_cap_is_a_failure_and_its_first_items_are_read(tmp_path: Path,
                                                                             monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(settings, "max_items", 5)
    items = "".join(f"<item><title>Item {i}</title><link>https://x.example/{i}</link>"
                    f"<description>The council met on day {i}.</description></item>" for i in range(8))
    feed = tmp_path / "feed.xml"
    feed.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>{items}</channel></rss>')
    results = list(iter_inputs([str(feed)]))
    assert kinds(results) == ["InputTooLarge"] + ["RawDoc"] * 5
    assert "8 items is over the limit of 5" in results[0].error


def test_a_ten_megabyte_text_line_is_refused_before_extraction(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from dateline import Pipeline
    from dateline.extract import textdump

    real = textdump.extract_dump

    def only_small(text: str, **kwargs):  # the costly part: 37 s and 470 MB on main for this line
        assert len(text) < settings.max_text_chars, "the text dump extractor ran on a text over the cap"
        return real(text, **kwargs)

    monkeypatch.setattr(textdump, "extract_dump", only_small)
    line = tmp_path / "line.txt"
    line.write_text("the minister said talks would resume " * 270_000, encoding="utf-8")
    [result] = list(Pipeline(nlp=False).run([str(line)]))
    assert isinstance(result, Failure) and result.kind == "InputTooLarge"
    assert "over the limit of 2,000,000" in result.error


# -- 11. Files that are not files, SSRF ranges ---------------------------------------------------------
def test_fifos_devices_and_broken_links_in_a_folder_are_failures(tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.html").write_bytes(good_page(1))
    os.mkfifo(folder / "fifo")
    (folder / "broken.html").symlink_to(folder / "nothing")
    (folder / "zero.html").symlink_to("/dev/zero")
    results = {Path(r.source).name: r for r in iter_inputs([str(folder)])}
    assert isinstance(results["good.html"], RawDoc)
    assert "a FIFO" in results["fifo"].error
    assert "a symlink to nothing" in results["broken.html"].error
    assert "a device" in results["zero.html"].error
    [named] = list(iter_inputs([str(folder / "fifo")]))  # named directly, it is not opened either
    assert isinstance(named, Failure) and "a FIFO" in named.error


@pytest.mark.parametrize("address", ["fec0::1", "192.0.0.8", "192.0.0.170", "64:ff9b::7f00:1", "64:ff9b:1::a00:1",
                                     "3fff::1", "5f00::1", "100::1", "::2"])
def test_addresses_that_are_not_globally_reachable_are_refused(address: str):
    assert refused_range(ipaddress.ip_address(address)) is not None


@pytest.mark.parametrize("address", ["192.0.0.9", "8.8.8.8", "2606:4700:4700::1111", "64:ff9b::808:808"])
def test_globally_reachable_addresses_are_allowed(address: str):
    assert refused_range(ipaddress.ip_address(address)) is None




def test_a_max_bytes_past_what_python_can_read_is_refused_by_the_command_line(tmp_path: Path):
    """A sibling of the byte cap: --max-bytes 10**20 made every read an OverflowError."""
    page = tmp_path / "p.html"
    page.write_bytes(good_page(1))
    run = subprocess.run([sys.executable, "-m", "dateline", "process", "--no-nlp", "--max-bytes", str(10**20),
                          str(page)], capture_output=True, check=False, timeout=120)
    assert run.returncode == 2 and b"is not in the range" in run.stderr and b"Traceback" not in run.stderr
