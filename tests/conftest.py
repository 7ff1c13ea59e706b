"""Shared fixtures: the real sample thread (from ../shared), the demo thread, and a CLI runner."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO.parent / "shared" / "samples" / "developpez-musk-putin-thread.txt"
DEMO = REPO / "translator" / "data" / "demo-thread.txt"
GOLDEN = Path(__file__).resolve().parent / "golden"


@pytest.fixture(scope="session")
def sample_path() -> Path:
    assert SAMPLE.is_file(), f"the real sample thread is missing at {SAMPLE}: tests need ../shared/samples/"
    return SAMPLE


@dataclass(frozen=True)
class CliResult:
    code: int
    stdout: str
    stderr: str


def run_cli(*args: str, cwd: Path | None = None, stdin: str | None = None) -> CliResult:
    """Run the real `translator` entry point in a subprocess, as a user would."""
    done = subprocess.run(
        [sys.executable, "-m", "translator.cli", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        input=stdin,
        timeout=120,
    )
    return CliResult(done.returncode, done.stdout, done.stderr)
