"""Real servers for the tests and `benchmarks/server.py`: `translator serve` in a subprocess on a free
loopback port, its stderr (start line, access log) collected, stopped by its own PID."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from tests.conftest import REPO, subprocess_env

READY = re.compile(r"serving on (http://\S+)")


@dataclass
class Served:
    """A running server."""

    process: subprocess.Popen[str]
    url: str
    lines: list[str] = field(default_factory=list)
    """Its stderr so far, line by line."""
    reader: threading.Thread | None = None
    """The thread collecting its stderr."""

    def access_records(self, at_least: int = 0, timeout: float = 10) -> list[dict[str, Any]]:
        """The access log lines so far, parsed; waits (a little) until there are `at_least` (a line is
        written just after its answer is sent, and read from the pipe by another thread)."""
        deadline = time.monotonic() + timeout
        while True:
            records = [json.loads(line) for line in list(self.lines) if line.startswith("{")]
            if len(records) >= at_least or time.monotonic() > deadline:
                return records
            time.sleep(0.01)

    def settled_records(self, quiet: float = 0.3, timeout: float = 10) -> list[dict[str, Any]]:
        """The access log once no line has come for `quiet` seconds: a line for an answer already
        sent can still be on its way through the pipe, and must not be counted as a later request's."""
        deadline = time.monotonic() + timeout
        count, changed = len(self.lines), time.monotonic()
        while time.monotonic() - changed < quiet and time.monotonic() < deadline:
            time.sleep(0.02)
            if len(self.lines) != count:
                count, changed = len(self.lines), time.monotonic()
        return self.access_records()

    def stop(self) -> int:
        """SIGTERM to this server's PID (a graceful shutdown), SIGKILL if it lingers; its exit code."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=15)
        if self.reader is not None:
            self.reader.join(timeout=15)
        if self.process.stderr is not None:
            self.process.stderr.close()
        return self.process.returncode


def start_server(*options: str, env: dict[str, str] | None = None, timeout: float = 120) -> Served:
    """Start `translator serve --port 0 OPTIONS` and wait until it says where it serves."""
    return launch_server(*options, env=env)(timeout)


def launch_server(*options: str, env: dict[str, str] | None = None) -> Callable[[float], Served]:
    """Start `translator serve --port 0 OPTIONS`; the function returned waits until it serves (servers
    launched one after the other load their models at the same time)."""
    process = subprocess.Popen(
        [sys.executable, "-m", "cli", "serve", "--port", "0", *options],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        cwd=REPO,
        env=env if env is not None else subprocess_env(),
    )
    lines: list[str] = []
    found: list[str] = []
    ready = threading.Event()

    def collect() -> None:
        assert process.stderr is not None
        for line in process.stderr:
            lines.append(line.rstrip("\n"))
            match = READY.search(line)
            if match and not found:
                found.append(match.group(1))
                ready.set()
        ready.set()  # the server ended

    reader = threading.Thread(target=collect, name="server-stderr", daemon=True)
    reader.start()

    def wait(timeout: float) -> Served:
        if not ready.wait(timeout) or not found:
            Served(process, "", lines, reader).stop()
            raise RuntimeError("the server did not start:\n" + "\n".join(lines))
        return Served(process, found[0], lines, reader)

    return wait
