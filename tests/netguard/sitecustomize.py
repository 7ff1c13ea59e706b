"""Loaded by every Python subprocess the tests start: refuse sockets to non-loopback addresses."""

import ipaddress
import socket

_LOOPBACK = ("127.", "::1", "localhost")
_real_connect = socket.socket.connect
_real_getaddrinfo = socket.getaddrinfo


def _host_of(address):
    return address[0] if isinstance(address, tuple) else address


def _connect(self, address):
    host = _host_of(address)
    if isinstance(host, str) and self.family != socket.AF_UNIX and not host.startswith(_LOOPBACK):
        raise OSError(f"test network guard: connection to {address!r} refused (the tool must work offline)")
    return _real_connect(self, address)


def _is_ip_literal(name):
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def _getaddrinfo(host, *args, **kwargs):
    # An address written as numbers needs no lookup (Ray's node agents resolve their own); connecting
    # to it is still refused unless it is loopback.
    name = host.decode() if isinstance(host, bytes) else host
    if isinstance(name, str) and not name.startswith(_LOOPBACK) and not _is_ip_literal(name):
        raise OSError(f"test network guard: DNS lookup of {name!r} refused (the tool must work offline)")
    return _real_getaddrinfo(host, *args, **kwargs)


socket.socket.connect = _connect
socket.getaddrinfo = _getaddrinfo
