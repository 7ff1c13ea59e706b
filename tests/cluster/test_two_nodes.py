"""A real two-node Ray cluster on loopback: `ray start --head` and a worker node, each a process of its
own with its own temp and cache folders; `translator batch --ray HOST:PORT` against it writes what a
local batch writes, the worker node gets its models from the driver, and the run survives Ctrl-C and
the loss of the worker node. Only the processes started here are stopped, by their ids."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import polib
import pytest

from tests.cluster.conftest import french_sentences, outputs_of, write_corpus
from tests.conftest import run_cli, subprocess_env

RAY = Path(sys.executable).parent / "ray"
NODE_START_SECONDS = 90
RUN_SECONDS = 180
# The head notices a dead node after about two seconds (Ray's default is about thirty).
HEAD_SETTINGS = {"RAY_health_check_period_ms": "500", "RAY_health_check_failure_threshold": "4"}
# Each node keeps its idle read-task workers (as the README tells cluster users to).
NODE_ENV = {"RAY_AUTH_MODE": "disabled", "RAY_num_workers_soft_limit": "3"}
NODE_OPTIONS = ["--node-ip-address", "127.0.0.1", "--num-cpus", "1", "--object-store-memory", str(100 * 1024**2)]


@dataclass
class Cluster:
    """The two nodes, as started here."""

    address: str
    head: subprocess.Popen[bytes]
    worker: subprocess.Popen[bytes]
    worker_cache: Path
    """Where the worker node keeps the packages shipped to it (its own XDG cache)."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def descendants(pid: int) -> list[int]:
    """Every process below `pid` (Ray's workers start sessions of their own, so a process group misses them)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            children.setdefault(int(fields[1]), []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def kill_tree(process: subprocess.Popen[bytes], sig: int) -> None:
    """Signal a node process we started and every process below it, by id."""
    for pid in [process.pid, *descendants(process.pid)]:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, sig)


def stop_node(process: subprocess.Popen[bytes]) -> None:
    """Kill a node we started, every process of it (a test cluster needs no clean shutdown)."""
    kill_tree(process, signal.SIGKILL)
    process.wait(timeout=10)


def start_node(arguments: list[str], log: Path, **env: str) -> subprocess.Popen[bytes]:
    """`ray start ... --block` as a process of its own; returns once Ray says the node is up."""
    with log.open("wb") as output:
        process = subprocess.Popen(
            [str(RAY), "start", *arguments, *NODE_OPTIONS, "--disable-usage-stats", "--block"],
            stdout=output,
            stderr=subprocess.STDOUT,
            env=subprocess_env(**NODE_ENV, **env),
        )
    deadline = time.monotonic() + NODE_START_SECONDS
    while "Ray runtime started" not in log.read_text(errors="replace"):
        if process.poll() is not None or time.monotonic() > deadline:
            stop_node(process)
            raise AssertionError(f"the Ray node did not start:\n{log.read_text(errors='replace')[-2000:]}")
        time.sleep(0.2)
    return process


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    root = tmp_path_factory.mktemp("two-nodes")
    # Ray's socket paths must stay under 108 bytes: pytest's temp folders are too deep for them.
    sessions = Path(tempfile.mkdtemp(prefix="ray-", dir="/tmp"))
    port = free_port()
    head = start_node(
        ["--head", "--port", str(port), "--include-dashboard=false", "--temp-dir", str(sessions / "head")],
        root / "head.log",
        XDG_CACHE_HOME=str(root / "head-cache"),
        **HEAD_SETTINGS,
    )
    try:
        worker = start_node(
            ["--address", f"127.0.0.1:{port}", "--temp-dir", str(sessions / "worker")],
            root / "worker.log",
            XDG_CACHE_HOME=str(root / "worker-cache"),
        )
    except BaseException:
        stop_node(head)
        shutil.rmtree(sessions, ignore_errors=True)
        raise
    try:
        yield Cluster(f"127.0.0.1:{port}", head, worker, root / "worker-cache")
    finally:
        if worker.poll() is None:
            stop_node(worker)
        stop_node(head)
        shutil.rmtree(sessions, ignore_errors=True)


def batch_on(cluster: Cluster, inputs: Path, out: Path) -> list[str]:
    return ["batch", str(inputs), "-o", str(out), "--no-memory", "--ray", cluster.address]


def start_run_and_wait_for_a_chunk(cluster: Cluster, inputs: Path, out: Path, *options: str) -> subprocess.Popen[bytes]:
    """A batch on the cluster, in the background, once it has recorded a finished chunk (the others are
    then under way)."""
    command = [sys.executable, "-m", "cli", *batch_on(cluster, inputs, out), *options]
    run = subprocess.Popen(
        command,
        env=subprocess_env(RAY_AUTH_MODE="disabled"),
        stderr=subprocess.PIPE,
        # A suite started in the background (`cmd &` without job control) ignores SIGINT, and children
        # inherit that: Python then installs no KeyboardInterrupt handler, and Ctrl-C would do nothing.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    deadline = time.monotonic() + RUN_SECONDS
    while not (out / ".translator-batch.json").is_file():
        if run.poll() is not None or time.monotonic() > deadline:
            run.kill()
            raise AssertionError(f"the run ended or stalled before a chunk: {run.communicate()[1].decode()}")
        time.sleep(0.05)
    return run


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """Twenty-four threads and an empty file (four chunks), and what a local batch writes for them."""
    root = tmp_path_factory.mktemp("corpus")
    inputs = write_corpus(root / "in", 24)
    local = run_cli("batch", str(inputs), "-o", str(root / "local"), "--no-memory", "--jobs", "2")
    assert local.code == 1 and "24 ok, 1 failed" in local.stderr
    return inputs, outputs_of(root / "local")


def test_a_cluster_run_writes_what_a_local_run_writes(
    cluster: Cluster, corpus: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    inputs, local = corpus
    result = run_cli(*batch_on(cluster, inputs, tmp_path / "out"), RAY_AUTH_MODE="disabled")
    assert result.code == 1, result.stderr  # the empty file, reported and skipped as locally
    assert "24 ok, 1 failed, 0 already done" in result.stderr and "is empty" in result.stderr
    assert outputs_of(tmp_path / "out") == local
    # The worker node had no packages: it got those its chunks needed from the driver, each once. Which chunks it
    # runs is Ray's choice (a busy machine may leave it only French ones), so not always both packages.
    shipped = sorted(path.name for path in (cluster.worker_cache / "thread-translator" / "cluster-models").glob("*/*"))
    assert shipped, "the worker node ran no chunk, or ran one without its package"
    assert len(shipped) == len(set(shipped)) and set(shipped) <= {"translate-de_en-demo", "translate-fr_en-demo"}


def test_ctrl_c_stops_the_run_and_leaves_a_consistent_record(
    cluster: Cluster, corpus: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    inputs, local = corpus
    # The corpus plus one long thread, last in name order: it is still to translate when the first chunk
    # is recorded, so the signal lands mid-run even when this busy machine delivers it late (the short
    # chunks alone can all end in the moment between the record appearing and the signal arriving).
    inputs = Path(shutil.copytree(inputs, tmp_path / "in"))
    sentences = french_sentences(1200, seed=2024)
    paragraphs = (" ".join(sentences[start : start + 6]) for start in range(0, len(sentences), 6))
    (inputs / "zz-long.txt").write_text("# Un long fil\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    # One actor takes two chunks at a time, so the long thread's chunk waits for the first ones.
    run = start_run_and_wait_for_a_chunk(cluster, inputs, out, "--jobs", "1")
    run.send_signal(signal.SIGINT)
    _, stderr = run.communicate(timeout=RUN_SECONDS)
    assert run.returncode == 130, stderr.decode()
    assert b"interrupted" in stderr and b"Traceback" not in stderr
    done = json.loads((out / ".translator-batch.json").read_text())["done"]
    assert 0 < len(done) < 25 and "zz-long.txt" not in done
    for name in done:  # every file recorded is whole
        polib.pofile(str((out / name).with_suffix(".en.po")))
    rerun = run_cli(*batch_on(cluster, inputs, out), RAY_AUTH_MODE="disabled")
    assert f"{25 - len(done)} ok, 1 failed, {len(done)} already done" in rerun.stderr
    outputs = outputs_of(out)
    assert {name: outputs[name] for name in local} == local
    assert len(polib.pofile(str(out / "zz-long.en.po"))) == 201  # the title and its 200 paragraphs


def test_losing_the_worker_node_mid_run_still_completes_the_run(
    cluster: Cluster, corpus: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    inputs, local = corpus
    out = tmp_path / "out"
    run = start_run_and_wait_for_a_chunk(cluster, inputs, out)
    kill_tree(cluster.worker, signal.SIGKILL)  # the node, its actor and its tasks, all at once
    cluster.worker.wait(timeout=10)
    _, stderr = run.communicate(timeout=RUN_SECONDS)
    assert run.returncode == 1, stderr.decode()
    assert b"24 ok, 1 failed, 0 already done" in stderr
    assert outputs_of(out) == local
