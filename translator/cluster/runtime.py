"""Reaching Ray: a local runtime on this machine's cores, or a running cluster by address; one clear
error when Ray is missing or the cluster cannot be reached."""

from __future__ import annotations

import contextlib
import logging
import socket
from collections.abc import Iterator
from typing import Any

from translator.errors import ClusterError

LOCAL = "local"
AUTO = "auto"
LOCAL_OBJECT_STORE_BYTES = 512 * 1024**2
"""A local runtime's object store: packages and the files of the chunks in flight fit (more spills to disk)."""
WORKERS_PER_CPU = 3
"""Worker processes a local runtime keeps per CPU: its translation actor, and the read tasks of the two
chunks in flight. Ray stops idle workers past one per CPU, and a read task on a fresh process pays its
start and the detector's load again (about two seconds a chunk); a cluster's nodes are told the same
with RAY_num_workers_soft_limit (see README)."""
REACH_SECONDS = 5.0
INSTALL_HINT = "install the cluster extra: pip install 'thread-translator[cluster]'"


def parse_address(text: str) -> str:
    """`local`, `auto` or HOST:PORT, checked; anything else is refused with what to give."""
    text = text.strip()
    if text in (LOCAL, AUTO):
        return text
    host, separator, port = text.rpartition(":")
    if not separator or not host or "/" in host or not port.isdigit() or not 0 < int(port) < 65536:
        raise ClusterError(
            f"{text!r} is not local, auto or HOST:PORT",
            "e.g. --ray 10.0.0.5:6379 after the inputs: the head's address, as `ray start --head` printed it",
        )
    return text


def import_ray() -> Any:
    """The ray module, or ClusterError saying how to install it."""
    try:
        import ray
    except ImportError:
        raise ClusterError("--ray needs Ray, which is not installed", INSTALL_HINT) from None
    return ray


def check_cluster(address: str) -> str:
    """Before a run starts: the address checked, Ray importable, and a cluster's head listening (so that
    a mistake is one line before anything is written); returns the address."""
    address = parse_address(address)
    import_ray()
    if address not in (LOCAL, AUTO):
        _check_reachable(address)
    return address


def _check_reachable(address: str) -> None:
    """Fail in seconds, not after Ray's long retries, when nothing listens at HOST:PORT."""
    host, _, port = address.rpartition(":")
    try:
        with socket.create_connection((host.strip("[]"), int(port)), timeout=REACH_SECONDS):
            pass
    except OSError as error:
        raise ClusterError(
            f"cannot reach the Ray cluster at {address}: {error.strerror or error}",
            "start its head with `ray start --head --port PORT`, or check the address and the firewall",
        ) from None


@contextlib.contextmanager
def ray_runtime(address: str, local_cpus: int) -> Iterator[Any]:
    """Ray connected for the duration: a local runtime of `local_cpus` CPUs, or the cluster at `address`
    (`auto`: the one this machine belongs to). A runtime the caller already started is used and kept."""
    ray = import_ray()
    if ray.is_initialized():
        yield ray
        return
    if address not in (LOCAL, AUTO):
        _check_reachable(address)
    # Ray's own log lines (and its workers' output) would drown the progress bar.
    quiet: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False, "logging_level": logging.ERROR}
    try:
        if address == LOCAL:
            ray.init(
                num_cpus=local_cpus,
                object_store_memory=LOCAL_OBJECT_STORE_BYTES,
                _system_config={"num_workers_soft_limit": WORKERS_PER_CPU * local_cpus},
                **quiet,
            )
        else:
            ray.init(address=address, **quiet)
    except Exception as error:  # Ray raises plain Exception too (a node that did not start in time)
        reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise ClusterError(
            f"cannot start a local Ray runtime: {reason}"
            if address == LOCAL
            else f"cannot join the Ray cluster at {address}: {reason}",
            "see Ray's logs under /tmp/ray/session_latest/logs"
            if address == LOCAL
            else "start one with `ray start --head`, or give its address as --ray HOST:PORT",
        ) from None
    try:
        yield ray
    finally:
        ray.shutdown()
