"""`translator batch --ray` as a user runs it: a local Ray runtime, and one clear line for what goes wrong."""

from __future__ import annotations

import socket
import time
from pathlib import Path

import pytest

from tests.cluster.conftest import outputs_of, write_corpus
from tests.conftest import run_cli


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_plain_ray_starts_a_local_runtime_and_reports_as_a_local_batch(tmp_path: Path) -> None:
    inputs = write_corpus(tmp_path / "in", 3)
    there = run_cli("batch", str(inputs), "-o", str(tmp_path / "ray"), "--no-memory", "--ray", RAY_AUTH_MODE="disabled")
    here = run_cli("batch", str(inputs), "-o", str(tmp_path / "local"), "--no-memory")
    assert there.code == here.code == 1  # the empty file
    assert "3 ok, 1 failed, 0 already done" in there.stderr and "is empty" in there.stderr
    assert there.stderr.count("ok   ") == here.stderr.count("ok   ") == 3
    # Ray's own log lines stay out of the user's way.
    assert "Ray" not in there.stderr and "Traceback" not in there.stderr
    assert outputs_of(tmp_path / "ray") == outputs_of(tmp_path / "local")


@pytest.mark.parametrize(
    ("address", "code", "message"),
    [
        ("nowhere", 2, "--ray: 'nowhere' is not local, auto or HOST:PORT"),  # not an address: a usage error
        ("host:99999", 2, "is not local, auto or HOST:PORT"),  # no such port
        (f"127.0.0.1:{closed_port()}", 1, "cannot reach the Ray cluster at 127.0.0.1:"),  # nothing listens there
    ],
)
def test_a_bad_address_is_one_line(tmp_path: Path, address: str, code: int, message: str) -> None:
    inputs = write_corpus(tmp_path / "in", 1)
    started = time.monotonic()
    result = run_cli("batch", str(inputs), "-o", str(tmp_path / "out"), "--ray", address)
    assert result.code == code
    assert message in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert time.monotonic() - started < 60
    assert not (tmp_path / "out").exists()  # refused before anything was written


def test_without_the_cluster_extra_the_error_says_how_to_install_it(tmp_path: Path) -> None:
    # A `ray` that fails to import, first on the path: what a machine without the extra sees.
    (tmp_path / "fake" / "ray").mkdir(parents=True)
    (tmp_path / "fake" / "ray" / "__init__.py").write_text("raise ImportError('No module named ray')\n")
    inputs = write_corpus(tmp_path / "in", 1)
    result = run_cli("batch", str(inputs), "-o", str(tmp_path / "out"), "--ray", PYTHONPATH=str(tmp_path / "fake"))
    assert result.code == 1
    assert result.stderr.strip() == (
        "translator: error: --ray needs Ray, which is not installed "
        "(install the cluster extra: pip install 'thread-translator[cluster]')"
    )
