"""Shared fixtures: the real sample thread (from ../shared), the demo thread, and a CLI runner."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import settings

if TYPE_CHECKING:
    from translator.models import TranslatedThread

REPO = Path(__file__).resolve().parent.parent

# CI runs the same examples every time (a red CI blocks everything, so a rare example found there
# would stop work without a way to see it first); locally Hypothesis explores new examples each run.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")
SAMPLE = REPO.parent / "shared" / "samples" / "developpez-musk-putin-thread.txt"
DEMO = REPO / "translator" / "data" / "demo-thread.txt"
GOLDEN = Path(__file__).resolve().parent / "golden"
FIXED_NOW = datetime(2025, 1, 1, tzinfo=UTC)
"""The creation date written into PO files made by tests."""


@pytest.fixture(scope="session")
def sample_path() -> Path:
    assert SAMPLE.is_file(), f"the real sample thread is missing at {SAMPLE}: tests need ../shared/samples/"
    return SAMPLE


@dataclass(frozen=True)
class CliResult:
    code: int
    stdout: str
    stderr: str


NETGUARD = Path(__file__).resolve().parent / "netguard"


def subprocess_env(**extra: str) -> dict[str, str]:
    """The environment for subprocesses: the test environment plus the network guard on PYTHONPATH."""
    env = dict(os.environ, **extra)
    env["PYTHONPATH"] = os.pathsep.join([str(NETGUARD), str(REPO), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    return env


def run_cli(
    *args: str,
    cwd: Path | None = None,
    stdin: str | None = None,
    env: Mapping[str, str] | None = None,
    **variables: str,
) -> CliResult:
    """Run the real `translator` entry point in a subprocess, as a user would (offline-guarded): in `env`, a
    whole environment made by `subprocess_env` (what it leaves out stays out), else in the test environment
    with `variables` added."""
    done = subprocess.run(
        [sys.executable, "-m", "cli", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        input=stdin,
        timeout=300,
        env={**env, **variables} if env is not None else subprocess_env(**variables),
    )
    return CliResult(done.returncode, done.stdout, done.stderr)


def kill_after_first_line(script: str, *args: str) -> str:
    """Run a Python script in a subprocess, wait for its first line of output, then kill it (SIGKILL: no
    clean-up runs, as when the machine loses power); the line."""
    import signal

    child = subprocess.Popen(
        [sys.executable, "-c", script, *args], stdout=subprocess.PIPE, text=True, cwd=REPO, env=subprocess_env()
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline()
        child.send_signal(signal.SIGKILL)
    finally:
        child.kill()
        child.wait(timeout=30)
        if child.stdout is not None:
            child.stdout.close()
    return line.strip()


class NetworkAccessError(AssertionError):
    """A test tried to reach a non-loopback address: the tool must work offline."""


LOOPBACK_PREFIXES = ("127.", "::1", "localhost")


@pytest.fixture(autouse=True)
def offline_guarantee(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail any test whose code opens a socket to a non-loopback address (DNS lookups included)."""
    import socket

    real_connect = socket.socket.connect
    real_getaddrinfo = socket.getaddrinfo

    # socket._Address and socket._GetAddrInfoResult: typeshed's names for what socket takes and gives
    def guarded_connect(self: socket.socket, address: socket._Address) -> None:
        host = address[0] if isinstance(address, tuple) else address
        if isinstance(host, str) and not host.startswith(LOOPBACK_PREFIXES) and self.family != socket.AF_UNIX:
            raise NetworkAccessError(f"network access to {address!r} during a test")
        return real_connect(self, address)

    def guarded_getaddrinfo(host: bytes | str | None, *args: Any, **kwargs: Any) -> socket._GetAddrInfoResult:
        if isinstance(host, str | bytes) and not str(host if isinstance(host, str) else host.decode()).startswith(
            LOOPBACK_PREFIXES
        ):
            raise NetworkAccessError(f"DNS lookup of {host!r} during a test")
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", guarded_connect)
    monkeypatch.setattr(socket, "getaddrinfo", guarded_getaddrinfo)


@pytest.fixture(autouse=True)
def private_argos_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep every test away from the user's real Argos packages, settings and caches."""
    home = tmp_path_factory.getbasetemp() / "home"
    for name, folder in {
        "XDG_DATA_HOME": home / "data",
        "XDG_CONFIG_HOME": home / "config",
        "XDG_CACHE_HOME": home / "cache",
    }.items():
        folder.mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(name, str(folder))
    monkeypatch.delenv("ARGOS_PACKAGES_DIR", raising=False)
    monkeypatch.delenv("ARGOS_TRANSLATE_PACKAGE_DIR", raising=False)
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", "http://127.0.0.1:9/")
    return home


@pytest.fixture(scope="session")
def demo_translated() -> TranslatedThread:
    """The demo thread translated by the fake engine with the shipped glossaries (no memory: the same
    every time)."""
    from tests.fakes import FakeEngine
    from translator.glossary import GlossaryStore
    from translator.pipeline import PipelineOptions, translate_thread
    from translator.readers import read_thread

    thread = read_thread(DEMO).thread
    return translate_thread(
        thread, PipelineOptions(target="en", use_memory=False), FakeEngine(), glossary_for=GlossaryStore().get
    )


@pytest.fixture
def demo_po(tmp_path: Path, demo_translated: TranslatedThread) -> Path:
    """The translated demo thread as a PO review file."""
    from translator.formats.po import render_po

    path = tmp_path / "demo.po"
    path.write_text(render_po(demo_translated, now=FIXED_NOW), encoding="utf-8")
    return path


@pytest.fixture
def demo_json(tmp_path: Path, demo_translated: TranslatedThread) -> Path:
    """The translated demo thread as a JSON review file."""
    from translator.formats.json import render_json

    path = tmp_path / "demo.json"
    path.write_text(render_json(demo_translated), encoding="utf-8")
    return path
