"""Refuse connections to private, loopback, link-local, multicast and reserved addresses.

The check runs where the socket is opened: the host is resolved once, every
address it resolves to is checked, and the connection goes to one of the
checked addresses. A DNS answer that changes between the check and the connect
(DNS rebinding) cannot slip a private address through, and every redirect hop
opens its connection through the same check.
"""

from __future__ import annotations

import ipaddress
import socket
import typing
from collections.abc import Sequence

import httpcore
import httpx

from ..errors import SourceError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

_REFUSED = (  # the most specific name first: Python counts most of these as private too
    ("is_loopback", "loopback"),
    ("is_link_local", "link-local"),
    ("is_multicast", "multicast"),
    ("is_unspecified", "unspecified"),
    ("is_reserved", "reserved"),
    ("is_private", "private"),
)


# An address may be reached only when it is globally reachable (IANA's special-purpose address
# registries, "Globally Reachable": False for the rest). Python 3.11's ``is_global`` follows an older
# table: these are the registry's not-globally-reachable blocks it misses (192.0.0.0/24 but for two
# anycast services; the IPv6 documentation and SRv6 blocks; local-use NAT64). In IPv6, only the global
# unicast space 2000::/3 is assigned for public addresses: everything outside it (site-local
# fec0::/10 included) is refused.
_NOT_GLOBAL = tuple(ipaddress.ip_network(n) for n in ("192.0.0.0/24", "3fff::/20", "5f00::/16", "64:ff9b:1::/48"))
_GLOBAL_INSIDE_THOSE = tuple(ipaddress.ip_network(n) for n in ("192.0.0.9/32", "192.0.0.10/32"))
_GLOBAL_UNICAST_V6 = ipaddress.ip_network("2000::/3")
_NAT64 = ipaddress.ip_network("64:ff9b::/96")  # the well-known prefix: an IPv4 address in the low 32 bits


class BlockedAddress(SourceError):
    """A URL points into a private, loopback, link-local, multicast or reserved address range."""


class UnresolvedHost(SourceError):
    """A URL's host name does not resolve."""


def refused_range(ip: IPAddress) -> str | None:
    """The name of the range that makes ``ip`` off limits, or None for a public address."""
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if embedded is None and ip in _NAT64:
            embedded = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if embedded is not None:
            return refused_range(embedded)
    for attribute, label in _REFUSED:
        if getattr(ip, attribute):
            return label
    return None if globally_reachable(ip) else "non-public"


def globally_reachable(ip: IPAddress) -> bool:
    """True when IANA's registries say ``ip`` is globally reachable (see _NOT_GLOBAL)."""
    if not ip.is_global:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip not in _GLOBAL_UNICAST_V6:
        return False
    return not any(ip in net for net in _NOT_GLOBAL) or any(ip in net for net in _GLOBAL_INSIDE_THOSE)


def networks(cidrs: Sequence[str]) -> tuple[IPNetwork, ...]:
    """Parse CIDR blocks ("10.1.0.0/16", "127.0.0.1"), or raise ValueError naming the bad one."""
    return tuple(ipaddress.ip_network(c.strip(), strict=False) for c in cidrs)


def resolve_checked(host: str, port: int, *, allow_private: bool, trusted: Sequence[IPNetwork] = ()) -> list[str]:
    """Resolve ``host`` and return its addresses, or raise BlockedAddress if any of them is off limits.

    Addresses inside a ``trusted`` network are allowed even when private.
    """
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise UnresolvedHost(f"cannot resolve the host {host!r} ({exc})") from None
    addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
    if allow_private:
        return addresses
    for address in addresses:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
        label = None if any(ip in net for net in trusted) else refused_range(ip)
        if label:
            raise BlockedAddress(
                f"{host} resolves to {address}, a {label} address: refused. "
                "Use --allow-private (allow_private=True) to fetch from your own network"
            )
    return addresses


class GuardedBackend(httpcore.NetworkBackend):
    """httpcore's socket backend with the address check in front of every TCP connect."""

    def __init__(self, *, allow_private: bool, trusted: Sequence[IPNetwork] = ()) -> None:
        self.allow_private = allow_private
        self.trusted = tuple(trusted)
        self._sockets = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: typing.Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        last_error: Exception | None = None
        for address in resolve_checked(host, port, allow_private=self.allow_private, trusted=self.trusted):
            try:
                return self._sockets.connect_tcp(address, port, timeout, local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                last_error = exc
        raise last_error or SourceError(f"cannot connect to {host}:{port}")

    def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: typing.Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        raise BlockedAddress(f"unix socket {path}: refused")

    def sleep(self, seconds: float) -> None:
        self._sockets.sleep(seconds)


class GuardedTransport(httpx.HTTPTransport):
    """An httpx transport (no proxy) whose every connection goes through GuardedBackend."""

    def __init__(self, *, allow_private: bool, trusted: Sequence[IPNetwork] = (), retries: int = 0) -> None:
        super().__init__(retries=retries)
        # httpx has no public hook for the network backend: rebuild its pool with ours.
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(),
            max_connections=10,
            retries=retries,
            network_backend=GuardedBackend(allow_private=allow_private, trusted=trusted),
        )
