"""`translator serve --workers N` for real on 127.0.0.1: several processes on one port share the rate
limit, a process that dies is replaced, a start-up error is one line, and a stop ends every process."""

from __future__ import annotations

import concurrent.futures
import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from tests.conftest import run_cli
from tests.server.serving import Served, start_server
from tests.server.test_app import private_env, stopped_gracefully

BODY = {"q": "Bonjour tout le monde.", "source": "fr", "target": "en"}


def server_processes(served: Served) -> list[int]:
    """The PIDs of the server's own processes (its children running `serve_one_process`), from /proc."""
    found = []
    for task in Path(f"/proc/{served.process.pid}/task").glob("*/children"):
        for pid in task.read_text().split():
            try:
                command = Path(f"/proc/{pid}/cmdline").read_bytes()
            except FileNotFoundError:
                continue
            if b"spawn_main" in command:
                found.append(int(pid))
    return sorted(found)


def gone(pid: int) -> bool:
    """True once the process has ended (a zombie waiting for its parent counts as ended)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return True
    return state == "Z"


@pytest.fixture(scope="module")
def several(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """Two processes, four requests a minute per client address for both together."""
    home = tmp_path_factory.mktemp("processes")
    served = start_server("--workers", "2", "--rate-limit", "4", "--no-memory", env=private_env(home), timeout=180)
    yield served
    children = server_processes(served)
    stopped_gracefully(served)
    assert children and all(gone(pid) for pid in children)


def test_starts_the_processes_and_says_so_once_all_are_ready(several: Served) -> None:
    assert len(server_processes(several)) == 2
    assert [line for line in several.lines if "serving on" in line] == [
        f"translator: serving on {several.url} with 2 processes (Ctrl+C to stop)"
    ]


def test_the_rate_limit_holds_for_all_processes_together(several: Served) -> None:
    # Eight requests at once on eight connections, spread over both processes by the kernel: four a
    # minute in all, not four per process.
    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(lambda _: requests.post(several.url + "/translate", json=BODY, timeout=60), range(8)))
    statuses = sorted(answer.status_code for answer in answers)
    assert statuses == [200] * 4 + [429] * 4
    assert all(answer.json()["translatedText"] for answer in answers if answer.status_code == 200)


def test_a_process_that_dies_is_replaced(several: Served) -> None:
    before = server_processes(several)
    os.kill(before[0], signal.SIGKILL)  # one we started (through the server), by its PID
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        now = server_processes(several)
        if len(now) == 2 and before[0] not in now:
            break
        time.sleep(0.2)
    assert len(now) == 2 and before[0] not in now and before[1] in now
    assert any(f"server process {before[0]} ended (exit code -9); starting another" in line for line in several.lines)
    # the server still answers (the rate limit is spent: a 429 in LibreTranslate's shape is an answer)
    answer = requests.post(several.url + "/translate", json=BODY, timeout=60)
    assert answer.status_code in (200, 429) and answer.json()


def test_a_start_up_error_is_one_line_and_leaves_no_process(tmp_path: Path) -> None:
    result = run_cli(
        "serve", "--port", "0", "--workers", "2", "--glossary", str(tmp_path / "absent.po"), env=private_env(tmp_path)
    )
    assert result.code == 1
    assert result.stderr.startswith("translator: error: ") and "absent.po" in result.stderr
    assert "Traceback" not in result.stderr and "serving on" not in result.stderr


def test_workers_out_of_range_is_a_usage_error() -> None:
    result = run_cli("serve", "--port", "0", "--workers", "0")
    assert result.code == 2 and "--workers: 0 is out of range" in result.stderr


def test_processes_that_keep_ending_stop_the_server(tmp_path: Path) -> None:
    # Two processes: six endings a minute are replaced, the seventh stops the server (a model that no
    # longer loads must not be restarted for ever).
    served = start_server("--workers", "2", "--no-memory", env=private_env(tmp_path), timeout=180)
    killed: list[int] = []
    deadline = time.monotonic() + 120
    while len(killed) < 7 and time.monotonic() < deadline and served.process.poll() is None:
        current = [pid for pid in server_processes(served) if pid not in killed]
        if current:
            os.kill(current[0], signal.SIGKILL)
            killed.append(current[0])
        time.sleep(0.1)
    assert len(killed) == 7
    assert served.process.wait(timeout=60) == 1
    served.stop()
    ended = "translator: error: server processes ended 7 times in a minute"
    assert any(line.startswith(ended) for line in served.lines)
    assert sum("starting another" in line for line in served.lines) == 6
    assert all(gone(pid) for pid in killed)
