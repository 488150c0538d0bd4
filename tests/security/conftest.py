"""The security tests never leave this machine: name lookups are answered here, for numeric hosts and
localhost only; a test that needs other answers installs its own resolver on top (ControlledDNS)."""

from __future__ import annotations

import ipaddress
import socket

import pytest


@pytest.fixture(autouse=True)
def no_outside_dns(monkeypatch: pytest.MonkeyPatch) -> None:
    real_getaddrinfo = socket.getaddrinfo

    def local_only(host, port, *args, **kwargs):
        name = host.decode() if isinstance(host, bytes) else str(host)
        try:
            ipaddress.ip_address(name.split("%", 1)[0])
        except ValueError:
            if name.rstrip(".").lower() != "localhost":
                # numeric forms like 2130706433 or 0x7f.1 are still read by the C resolver without the network
                return real_getaddrinfo(host, port, *args, **{**kwargs, "flags": socket.AI_NUMERICHOST}) \
                    if _numeric_like(name) else _unresolvable(name)
        return real_getaddrinfo(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", local_only)


def _numeric_like(name: str) -> bool:
    return all(part and (part.isdigit() or part.lower().startswith("0x")) for part in name.split("."))


def _unresolvable(name: str):
    raise socket.gaierror(socket.EAI_NONAME, f"{name}: not resolved in the security tests (no network)")
