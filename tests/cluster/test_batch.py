"""`run_batch` on Ray: the outputs, summary and run record of a local batch; the memory kept by the driver."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.cluster.conftest import outputs_of, write_corpus
from tests.conftest import REPO
from translator.batch import BatchInput, BatchSummary, expand_inputs, run_batch
from translator.cluster.batch import actor_count
from translator.errors import ClusterError
from translator.jobs import JobResult, JobSettings
from translator.memory.store import TranslationMemory

FEED = REPO / "tests" / "data" / "readers" / "feed.rss"


def settings(tmp_path: Path, **changes: Any) -> JobSettings:
    values: dict[str, Any] = {"target": "en", "formats": ("po", "json", "md"), "memory": str(tmp_path / "tm.sqlite")}
    values.update(changes)
    return JobSettings(**values)


def figures(summary: BatchSummary) -> tuple[Any, ...]:
    totals = summary.totals
    return (summary.ok, summary.failed, summary.skipped, totals.blocks, totals.sentences, totals.translated)


def test_a_ray_batch_writes_what_a_local_batch_writes(ray_local: Any, tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "in", 10)
    shutil.copy(FEED, corpus / "news.rss")  # a file of several threads: one output per item, as locally
    items = expand_inputs([str(corpus)])
    plain = settings(tmp_path, use_memory=False)
    here = run_batch(items, tmp_path / "local", plain, jobs=1)
    there = run_batch(items, tmp_path / "ray", plain, jobs=2, ray_address="local")
    assert outputs_of(tmp_path / "ray") == outputs_of(tmp_path / "local")
    assert len(list((tmp_path / "ray").glob("news.*.en.po"))) == 3
    assert figures(there) == figures(here) == (11, 1, 0, *figures(here)[3:])
    assert there.failures == here.failures  # the empty file, reported and skipped alike
    record = json.loads((tmp_path / "ray" / ".translator-batch.json").read_text())
    assert record == json.loads((tmp_path / "local" / ".translator-batch.json").read_text())


def test_the_driver_keeps_the_memory_and_sends_only_new_work(ray_local: Any, tmp_path: Path) -> None:
    items = expand_inputs([str(write_corpus(tmp_path / "in", 9))])
    first = run_batch(items, tmp_path / "first", settings(tmp_path), jobs=2, ray_address="local")
    assert first.ok == 9 and first.totals.translated > 0
    # The driver stored what the workers translated: the whole threads and their sentences.
    stats = TranslationMemory(tmp_path / "tm.sqlite").stats()
    assert stats.threads == 9 and stats.pairs["fr-en"]["machine"] > 0
    # Into another folder: every thread comes whole from the memory, nothing goes to the engine, and
    # the files are those a local rerun writes.
    again = run_batch(items, tmp_path / "again", settings(tmp_path), jobs=2, ray_address="local")
    assert (again.ok, again.totals.translated) == (9, 0)
    run_batch(items, tmp_path / "again-local", settings(tmp_path), jobs=1)
    assert outputs_of(tmp_path / "again") == outputs_of(tmp_path / "again-local")


def test_a_rerun_skips_what_is_done_without_starting_workers(ray_local: Any, tmp_path: Path) -> None:
    items = expand_inputs([str(write_corpus(tmp_path / "in", 3))])
    run_batch(items, tmp_path / "out", settings(tmp_path), ray_address="local")
    # A bad address would fail if the cluster were reached: nothing is left to do, so it is not.
    rerun = run_batch(items, tmp_path / "out", settings(tmp_path), ray_address="10.255.255.1:6379")
    assert (rerun.ok, rerun.skipped, rerun.failed) == (0, 3, 1)


def test_interrupted_the_run_record_holds_exactly_the_files_written(ray_local: Any, tmp_path: Path) -> None:
    items = expand_inputs([str(write_corpus(tmp_path / "in", 17))])
    reported: list[str] = []

    def interrupt_after_the_first_chunk(item: BatchInput, result: JobResult | None) -> None:
        reported.append(str(item.relative))
        if len(reported) == 8:
            raise KeyboardInterrupt

    out = tmp_path / "out"
    with pytest.raises(KeyboardInterrupt):
        run_batch(items, out, settings(tmp_path), jobs=2, report=interrupt_after_the_first_chunk, ray_address="local")
    done = json.loads((out / ".translator-batch.json").read_text())["done"]
    assert 0 < len(done) < 17
    for name in done:
        assert (out / name).with_suffix(".en.po").is_file()
    assert not list(out.glob(".*.tmp"))
    # The rest is done by the next run; what was recorded is not redone.
    rerun = run_batch(items, out, settings(tmp_path), jobs=2, ray_address="local")
    assert rerun.skipped == len(done) and rerun.ok + rerun.skipped == 17


@pytest.mark.parametrize(
    ("jobs", "cpus", "per_actor", "chunks", "expected"),
    [
        (0, 8.0, 1, 100, 8),  # no --jobs: as many as the cluster's CPUs hold
        (0, 8.0, 3, 100, 2),  # --threads 3: three CPUs each
        (4, 8.0, 1, 100, 4),  # --jobs caps it
        (16, 8.0, 1, 100, 8),  # but never more than fit: a surplus actor would wait forever
        (0, 8.0, 1, 3, 3),  # nor more than there are chunks
    ],
)
def test_how_many_actors(jobs: int, cpus: float, per_actor: int, chunks: int, expected: int) -> None:
    assert actor_count(jobs, cpus, per_actor, chunks) == expected


def test_a_cluster_too_small_for_one_actor_is_one_clear_error() -> None:
    with pytest.raises(ClusterError, match="not the 4 a translation worker needs"):
        actor_count(0, 2.0, 4, 10)
