"""URLs, served from 127.0.0.1 only. The private-range guard is lifted explicitly where a test needs it."""

from __future__ import annotations

import gzip
import ipaddress

import brotli
import pytest

from dateline import Article, Failure, Pipeline
from dateline.errors import InputTooLarge
from dateline.sources import BlockedAddress, Fetcher, iter_inputs, user_agent
from dateline.sources.netguard import refused_range

from .helpers import FIXTURES, PAGES, Route, content, local_server, page


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline(allow_private=True)  # the test server is on 127.0.0.1


def site_routes() -> dict[str, Route]:
    return {
        # gzip, brotli and a legacy charset given only in the header
        "/news/harbour": Route(body=gzip.compress(page("harbour.html")),
                               headers={"Content-Type": "text/html; charset=utf-8", "Content-Encoding": "gzip"}),
        "/news/council": Route(body=brotli.compress(page("council.html")),
                               headers={"Content-Type": "text/html", "Content-Encoding": "br"}),
        "/news/summit": Route(body=page("summit.html").replace(b'<meta charset="windows-1252">', b""),
                              headers={"Content-Type": "text/html; charset=windows-1252"}),
        "/old/summit": Route(301, headers={"Location": "/news/summit"}),
    }


def test_fetched_pages_give_the_same_records_as_process_of_the_files(pipe: Pipeline):
    with local_server(site_routes()) as server:
        urls = [f"{server.base}/news/harbour", f"{server.base}/news/council", f"{server.base}/old/summit"]
        fetched = list(pipe.run(urls))
    assert all(isinstance(r, Article) for r in fetched), fetched
    from_files = list(pipe.run([str(FIXTURES / name) for name in PAGES]))
    # a page without a site name gets its publisher from the URL, which a file doesn't have
    assert [content(r.to_dict(), but=("publisher",)) for r in fetched] == [
        content(r.to_dict(), but=("publisher",)) for r in from_files
    ]
    assert "café" in fetched[2].text
    assert [r.source for r in fetched] == urls  # as the caller gave it
    assert fetched[2].url == f"{server.base}/news/summit"  # where the redirect led
    assert all(r.fetched for r in fetched)


def test_requests_carry_a_user_agent_and_ask_for_compression():
    with local_server(site_routes()) as server, Fetcher(max_bytes=10**6, allow_private=True) as fetcher:
        doc = fetcher.fetch(f"{server.base}/news/council")
        [(_, headers)] = server.requests
    assert doc.data == page("council.html")
    assert headers["User-Agent"] == user_agent()
    assert user_agent().startswith("dateline/")
    assert "br" in headers["Accept-Encoding"] and "gzip" in headers["Accept-Encoding"]


def test_the_user_agent_names_the_operators_contact(monkeypatch):
    monkeypatch.setenv("DATELINE_CONTACT", "https://newsroom.example/bots")
    assert user_agent().endswith("; +https://newsroom.example/bots)")


def test_loopback_is_refused_unless_allowed():
    with local_server(site_routes()) as server:
        [refused] = list(iter_inputs([f"{server.base}/news/harbour"]))
        [by_name] = list(iter_inputs([f"{server.base.replace('127.0.0.1', 'localhost')}/news/harbour"]))
        assert server.requests == []  # refused before connecting
    for failure in (refused, by_name):
        assert isinstance(failure, Failure) and failure.kind == "BlockedAddress"
        assert "loopback" in failure.error and "--allow-private" in failure.error


@pytest.mark.parametrize("target", ["http://169.254.169.254/latest/meta-data/", "http://10.20.30.40/admin",
                                    "http://[::ffff:192.168.1.1]/", "http://[::1]:8080/"])
def test_a_redirect_to_a_private_address_is_refused(target: str):
    routes = {"/go": Route(302, headers={"Location": target})}
    with local_server(routes) as server, Fetcher(max_bytes=10**6, trusted_networks=["127.0.0.1/32"]) as fetcher:
        with pytest.raises(BlockedAddress, match="redirected to"):
            fetcher.fetch(f"{server.base}/go")
        assert [path for path, _ in server.requests] == ["/go"]


def test_the_size_cap_stops_the_download():
    routes = {"/big": Route(body=b"<html><body>" + b"<p>word</p>" * 20_000 + b"</body></html>",
                            headers={"Content-Type": "text/html"}),
              "/bomb": Route(body=gzip.compress(b" " * 5_000_000), headers={"Content-Encoding": "gzip"})}
    with local_server(routes) as server, Fetcher(max_bytes=50_000, allow_private=True) as fetcher:
        with pytest.raises(InputTooLarge, match="50,000"):
            fetcher.fetch(f"{server.base}/big")
        with pytest.raises(InputTooLarge, match="stopped reading"):
            fetcher.fetch(f"{server.base}/bomb")  # small on the wire, large once decompressed


def test_http_errors_and_redirect_loops_are_failures_with_the_reason():
    routes = {"/loop": Route(302, headers={"Location": "/loop"}), "/gone": Route(410, b"gone")}
    with local_server(routes) as server:
        loop, gone = iter_inputs([f"{server.base}/loop", f"{server.base}/gone"], allow_private=True)
    assert isinstance(loop, Failure) and "redirects" in loop.error
    assert isinstance(gone, Failure) and "HTTP 410" in gone.error


@pytest.mark.parametrize("address, label", [
    ("127.0.0.1", "loopback"), ("10.0.0.1", "private"), ("192.168.0.10", "private"),
    ("169.254.169.254", "link-local"), ("224.0.0.1", "multicast"), ("240.0.0.1", "reserved"),
    ("0.0.0.0", "unspecified"), ("::1", "loopback"), ("fe80::1", "link-local"), ("fc00::1", "private"),
    ("::ffff:10.0.0.1", "private"), ("100.64.0.1", "non-public"), ("93.184.216.34", None),
    ("2606:4700:4700::1111", None),
])
def test_address_ranges(address: str, label: str | None):
    assert refused_range(ipaddress.ip_address(address)) == label


def test_the_command_line_lifts_the_guard_only_when_asked():
    import json
    import subprocess
    import sys

    with local_server(site_routes()) as server:
        url = f"{server.base}/news/harbour"
        run = [sys.executable, "-m", "dateline", "process", "--no-nlp", url]
        refused = subprocess.run(run, capture_output=True, check=False, timeout=120)
        allowed = subprocess.run([*run, "--allow-private"], capture_output=True, check=False, timeout=120)
    assert refused.returncode == 1 and json.loads(refused.stdout)["kind"] == "BlockedAddress"
    assert allowed.returncode == 0, allowed.stderr
    assert json.loads(allowed.stdout)["title"] == "Harbour reopens after three-day storm closure"


def test_a_warc_at_a_url_is_streamed_past_the_page_size_cap(tmp_path):
    from .helpers import warc_response, write_warc

    records = [warc_response(f"https://news.example.org/{n}/{name}", page(name)) for n in range(30) for name in PAGES]
    warc = write_warc(tmp_path / "crawl.warc.gz", records, compress=True)
    routes = {"/crawl.warc.gz": Route(body=warc.read_bytes(), headers={"Content-Type": "application/warc"})}
    cap = 2_000  # each page fits; the file does not
    assert warc.stat().st_size > 4 * cap and max(len(page(n)) for n in PAGES) < cap
    with local_server(routes) as server:
        from_url = list(iter_inputs([f"{server.base}/crawl.warc.gz"], allow_private=True, max_bytes=cap))
    from_file = list(iter_inputs([str(warc)], max_bytes=cap))
    assert len(from_url) == 90
    assert [(d.url, d.data, d.fetched) for d in from_url] == [(d.url, d.data, d.fetched) for d in from_file]
    assert {d.source for d in from_url} == {f"{server.base}/crawl.warc.gz"}
