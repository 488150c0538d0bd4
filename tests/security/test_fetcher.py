"""SSRF: the URL fetcher never reaches a private address, however the URL, the DNS or a redirect points there.

Only 127.0.0.1 is ever contacted. Where a test needs DNS answers it controls, it replaces
socket.getaddrinfo in this process (the resolver the fetcher calls); where it needs a "public"
address it records the connection attempt and refuses it instead of going out.
"""

from __future__ import annotations

import socket

import pytest

from dateline.errors import SourceError
from dateline.model import Failure
from dateline.sources import BlockedAddress, Fetcher, iter_inputs

from ..sources.helpers import Route, local_server

PUBLIC = "93.184.216.34"  # a public address; never actually contacted here


# Spellings of loopback, private and metadata addresses that a naive string check lets through.
@pytest.mark.parametrize("url", [
    "http://127.0.0.1/", "http://127.1/", "http://2130706433/", "http://0x7f.0.0.1/",
    "http://0.0.0.0/", "http://0/", "http://localhost/", "http://LOCALHOST./", "http://[::1]/",
    "http://[::ffff:127.0.0.1]/", "http://[::ffff:7f00:1]/", "http://[0:0:0:0:0:ffff:169.254.169.254]/",
    "http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/", "http://192.168.1.1:8080/",
    "http://172.16.0.1/", "http://100.64.0.1/", "http://[fd00::1]/", "http://[fe80::1]/",
    "https://127.0.0.1:443/", "http://user:pass@127.0.0.1/", "http://127.0.0.1%2f@example.org/",
])
def test_every_spelling_of_a_private_address_is_refused_before_connecting(url: str):
    with Fetcher(max_bytes=10_000) as fetcher, pytest.raises(SourceError):
        fetcher.fetch(url)


def test_refused_urls_are_recorded_failures_not_crashes():
    results = list(iter_inputs(["http://127.0.0.1:9/", "http://[::1]:9/", "http://169.254.169.254/"]))
    assert [type(r) for r in results] == [Failure] * 3
    assert all(r.kind == "BlockedAddress" and "--allow-private" in r.error for r in results)


class ControlledDNS:
    """An in-process resolver: answers[n] is the address list of the n-th lookup (the last one repeats)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, *answers: list[str]) -> None:
        self.answers = answers
        self.lookups: list[str] = []
        self.connects: list[str] = []
        real_getaddrinfo = socket.getaddrinfo
        real_connect = socket.create_connection

        def getaddrinfo(host, port, *args, **kwargs):
            if host != "news.rebind.test":
                return real_getaddrinfo(host, port, *args, **kwargs)
            answer = self.answers[min(len(self.lookups), len(self.answers) - 1)]
            self.lookups.append(host)
            return [(socket.AF_INET6 if ":" in a else socket.AF_INET, socket.SOCK_STREAM, 6, "", (a, port))
                    for a in answer]

        def create_connection(address, *args, **kwargs):
            self.connects.append(address[0])
            if address[0] != "127.0.0.1":
                raise ConnectionRefusedError(f"test: {address[0]} is not contacted")
            return real_connect(address, *args, **kwargs)

        monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
        monkeypatch.setattr(socket, "create_connection", create_connection)


def test_dns_rebinding_cannot_turn_a_checked_public_answer_into_loopback(monkeypatch):
    """First answer public (checked and allowed), every later answer 127.0.0.1: the connection goes
    to the checked public address, the host is resolved once, and the local server sees nothing."""
    with local_server({"/": Route(body=b"<html><body><p>internal</p></body></html>")}) as server:
        port = server.base.rsplit(":", 1)[1]
        dns = ControlledDNS(monkeypatch, [PUBLIC], ["127.0.0.1"])
        with Fetcher(max_bytes=10_000) as fetcher, pytest.raises(SourceError):
            fetcher.fetch(f"http://news.rebind.test:{port}/")
        assert dns.lookups == ["news.rebind.test"]
        assert dns.connects == [PUBLIC]
        assert server.requests == []


def test_one_private_address_among_the_answers_refuses_the_host(monkeypatch):
    with local_server({"/": Route(body=b"<html><body><p>internal</p></body></html>")}) as server:
        port = server.base.rsplit(":", 1)[1]
        dns = ControlledDNS(monkeypatch, [PUBLIC, "127.0.0.1"])
        with Fetcher(max_bytes=10_000) as fetcher, pytest.raises(BlockedAddress, match="loopback"):
            fetcher.fetch(f"http://news.rebind.test:{port}/")
        assert dns.connects == [] and server.requests == []


def test_a_name_that_resolves_to_loopback_is_refused(monkeypatch):
    with local_server({"/": Route(body=b"<html><body><p>internal</p></body></html>")}) as server:
        port = server.base.rsplit(":", 1)[1]
        dns = ControlledDNS(monkeypatch, ["127.0.0.1"])
        with Fetcher(max_bytes=10_000) as fetcher, pytest.raises(BlockedAddress, match="news.rebind.test"):
            fetcher.fetch(f"http://news.rebind.test:{port}/")
        assert dns.connects == [] and server.requests == []


@pytest.mark.parametrize("location", [
    "http://127.0.0.1:{port}/internal", "http://[::1]:{port}/internal",
    "http://2130706433:{port}/internal", "http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/",
    "//127.0.0.1:{port}/internal",
])
def test_a_redirect_from_a_trusted_server_to_any_private_address_is_refused(location: str):
    """The first hop is allowed (the test server's own address is trusted); the redirect hop is not
    (only 127.0.0.1/32 is trusted, and the redirect goes to another port, name or range)."""
    routes = {"/go": Route(302), "/internal": Route(body=b"<html><body><p>secret</p></body></html>")}
    with local_server(routes) as server:
        port = int(server.base.rsplit(":", 1)[1])
        routes["/go"].headers["Location"] = location.format(port=port)
        # 127.0.0.1 itself is not trusted here: the first hop must be refused too
        with Fetcher(max_bytes=10_000, trusted_networks=["127.0.0.2/32"]) as fetcher, pytest.raises(BlockedAddress):
            fetcher.fetch(f"{server.base}/go")
        assert server.requests == []
        with Fetcher(max_bytes=10_000, trusted_networks=["127.0.0.1/32"]) as fetcher:
            if location.startswith(("http://127.0.0.1", "//127.0.0.1", "http://2130706433")):
                fetcher.fetch(f"{server.base}/go")  # the same trusted address: allowed on purpose
            else:
                with pytest.raises(BlockedAddress, match="redirected to"):
                    fetcher.fetch(f"{server.base}/go")
        assert "/internal" not in [p for p, _ in server.requests] or location.startswith(
            ("http://127.0.0.1", "//127.0.0.1", "http://2130706433"))


@pytest.mark.parametrize("location", ["file:///etc/passwd", "gopher://127.0.0.1:25/", "ftp://10.0.0.1/"])
def test_a_redirect_to_another_scheme_is_refused(location: str):
    with local_server({"/go": Route(302, headers={"Location": location})}) as server, \
            Fetcher(max_bytes=10_000, trusted_networks=["127.0.0.1/32"]) as fetcher, \
            pytest.raises(SourceError, match="not an http"):
        fetcher.fetch(f"{server.base}/go")


def test_proxy_settings_in_the_environment_do_not_bypass_the_guard(monkeypatch):
    """A proxy would resolve the name itself, out of the guard's sight: the fetcher ignores *_PROXY."""
    with local_server({"/": Route(body=b"proxied")}) as proxy:
        for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy"):
            monkeypatch.setenv(name, proxy.base)
        with Fetcher(max_bytes=10_000) as fetcher, pytest.raises(SourceError):
            fetcher.fetch("http://10.1.2.3/")
        assert proxy.requests == []


def test_feed_items_are_fetched_through_the_same_guard(tmp_path):
    """--follow fetches each item's link: a feed that links to private addresses gets failures."""
    feed = tmp_path / "feed.xml"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
        "<item><title>a</title><link>http://127.0.0.1:9/a</link></item>"
        "<item><title>b</title><link>http://169.254.169.254/latest/</link></item>"
        "<item><title>c</title><link>file:///etc/passwd</link></item>"
        "</channel></rss>", encoding="utf-8")
    results = list(iter_inputs([str(feed)], follow=True))
    assert len(results) == 3
    assert all(isinstance(r, Failure) for r in results)
    assert [r.kind for r in results[:2]] == ["BlockedAddress", "BlockedAddress"]
    assert "passwd" not in "".join(getattr(r, "error", "") for r in results[2:]) or results[2].kind == "SourceError"


# Found here: httpx.InvalidURL is not an httpx.HTTPError, so Fetcher.fetch let it escape, and a hostile
# server's Location header (or a malformed URL on the command line) stopped the whole run with a traceback.
# Fixed in src/dateline/sources/url.py (Fetcher: InvalidURL becomes a SourceError).
@pytest.mark.parametrize("location", ["javascript:alert(1)", "data:text/html,<p>x</p>", "mailto:x@example.org"])
def test_a_redirect_to_a_malformed_url_is_a_failure_and_the_run_goes_on(location: str):
    routes = {"/go": Route(302, headers={"Location": location}),
              "/page": Route(body=b"<html><body><p>A page that is fine.</p></body></html>")}
    with local_server(routes) as server:
        results = list(iter_inputs([f"{server.base}/go", f"{server.base}/page"], allow_private=True))
    assert isinstance(results[0], Failure) and results[0].kind == "SourceError"
    assert not isinstance(results[1], Failure)


@pytest.mark.parametrize("url", ["http://0177.0.0.1/", "http://[::1/", "http://127.0.0.1:notaport/"])
def test_a_malformed_url_given_by_the_user_is_a_failure(url: str):
    [result] = list(iter_inputs([url]))
    assert isinstance(result, Failure) and url in result.error
