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


def test_subprocesses_may_resolve_a_numeric_address_but_not_connect_to_it() -> None:
    # Resolving digits looks nothing up (Ray's agents do it with this machine's own address).
    import subprocess
    import sys

    from tests.conftest import subprocess_env

    resolve = "import socket; socket.getaddrinfo('192.0.2.1', 80)"
    assert subprocess.run([sys.executable, "-c", resolve], env=subprocess_env()).returncode == 0
    for code in (
        "import socket; socket.getaddrinfo('example.org', 80)",
        "import socket; socket.create_connection(('192.0.2.1', 80), timeout=5)",
    ):
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=subprocess_env())
        assert done.returncode != 0 and "test network guard" in done.stderr
