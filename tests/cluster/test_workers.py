"""What a cluster's read task does, without Ray: the threads of each file, as this machine reads them."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import DEMO, REPO
from translator.cluster.workers import read_and_detect
from translator.errors import InputError
from translator.jobs import JobSettings, Toolkit

FEED = REPO / "tests" / "data" / "readers" / "feed.rss"


@pytest.mark.parametrize(
    ("path", "threads"),
    [
        (DEMO, 1),  # a file of one thread
        (FEED, 3),  # a feed: one thread per item, each detected
    ],
)
def test_a_read_task_gives_the_threads_a_local_read_gives(path: Path, threads: int) -> None:
    kit = Toolkit(JobSettings(target="en", languages=("fr", "en", "de"), use_memory=False))
    [loaded] = read_and_detect([(str(path), path.read_bytes())], None, ("fr", "en", "de"), None)
    assert not isinstance(loaded, Exception)
    assert len(loaded.threads) == threads
    assert loaded == kit.read(path)


def test_a_file_that_cannot_be_read_fails_alone() -> None:
    empty, demo = read_and_detect([("empty.txt", b""), (str(DEMO), DEMO.read_bytes())], None, ("fr", "en"), None)
    assert isinstance(empty, InputError) and "empty.txt is empty" in str(empty)
    assert not isinstance(demo, Exception) and demo.thread.title
