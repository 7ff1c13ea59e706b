"""Which `--ray` addresses are taken, checked before Ray is even imported."""

from __future__ import annotations

import pytest

from translator.cluster.runtime import parse_address
from translator.errors import ClusterError


@pytest.mark.parametrize(
    ("given", "taken"),
    [
        ("local", "local"),  # a runtime on this machine
        ("auto", "auto"),  # the cluster this machine belongs to
        ("10.0.0.5:6379", "10.0.0.5:6379"),  # a head by address
        ("head.example:6379", "head.example:6379"),  # by name
        ("[::1]:6379", "[::1]:6379"),  # IPv6
        (" local ", "local"),  # spaces from a shell variable
    ],
)
def test_addresses_taken(given: str, taken: str) -> None:
    assert parse_address(given) == taken


@pytest.mark.parametrize(
    "given",
    [
        "threads/",  # an input path where the address belongs
        "10.0.0.5",  # no port
        "10.0.0.5:",  # an empty port
        ":6379",  # no host
        "10.0.0.5:0",  # port 0
        "10.0.0.5:65536",  # past the last port
        "ray://10.0.0.5:10001",  # a Ray Client address: not supported
    ],
)
def test_addresses_refused(given: str) -> None:
    with pytest.raises(ClusterError, match="is not local, auto or HOST:PORT"):
        parse_address(given)
