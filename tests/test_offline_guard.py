"""The offline guarantee itself: a test that reaches outside loopback fails."""

from __future__ import annotations

import socket

import pytest

from tests.conftest import NetworkAccessError


@pytest.mark.parametrize(
    "address",
    [
        ("192.0.2.1", 80),  # a documentation address, stands for any remote host
        ("example.org", 443),  # a host name needs DNS
    ],
)
def test_remote_connections_are_refused(address: tuple[str, int]) -> None:
    with socket.socket() as sock, pytest.raises(NetworkAccessError):
        sock.connect(address)


def test_loopback_is_allowed() -> None:
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        with socket.socket() as client:
            client.connect(server.getsockname())


def test_subprocesses_are_guarded_too() -> None:
    import subprocess
    import sys

    from tests.conftest import subprocess_env

    code = "import socket; s = socket.socket(); s.connect(('192.0.2.1', 80))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=subprocess_env())
    assert done.returncode != 0
    assert "test network guard" in done.stderr
