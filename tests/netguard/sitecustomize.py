"""Loaded by every Python subprocess the tests start: refuse sockets to non-loopback addresses."""

from __future__ import annotations

import ipaddress
import socket

# Not `from typing import TYPE_CHECKING`: every subprocess would import typing for annotations alone. The
# annotations are never evaluated; `socket._Address` and `socket._GetAddrInfoResult` are typeshed's own names.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    import _socket

_LOOPBACK = ("127.", "::1", "localhost")
_real_connect = socket.socket.connect
_real_getaddrinfo = socket.getaddrinfo


def _host_of(address: socket._Address) -> object:
    return address[0] if isinstance(address, tuple) else address


def _connect(self: _socket.socket, address: socket._Address) -> None:
    host = _host_of(address)
    if isinstance(host, str) and self.family != socket.AF_UNIX and not host.startswith(_LOOPBACK):
        raise OSError(f"test network guard: connection to {address!r} refused (the tool must work offline)")
    return _real_connect(self, address)


def _is_ip_literal(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def _getaddrinfo(host: bytes | str | None, *args: Any, **kwargs: Any) -> socket._GetAddrInfoResult:
    # An address written as numbers needs no lookup (Ray's node agents resolve their own); connecting
    # to it is still refused unless it is loopback.
    name = host.decode() if isinstance(host, bytes) else host
    if isinstance(name, str) and not name.startswith(_LOOPBACK) and not _is_ip_literal(name):
        raise OSError(f"test network guard: DNS lookup of {name!r} refused (the tool must work offline)")
    return _real_getaddrinfo(host, *args, **kwargs)


socket.socket.connect = _connect  # type: ignore[method-assign]  # the guard replaces it for the whole process
socket.getaddrinfo = _getaddrinfo
