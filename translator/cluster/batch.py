"""The Ray backend of `translator batch`: the same chunks, jobs and outputs as local worker processes.

The driver runs each chunk's job (`run_jobs`, the pipeline's one path) in one of its threads, with a
toolkit whose reading and detection are Ray tasks and whose engine is the actor pool. So the driver
alone reads the inputs, consults and feeds the memory through the pipeline's MemoryLookup (a file
kept whole is found before any reading is sent out, and sentences the memory knows never reach an
actor; new translations come back with the results and are stored by the driver), runs the pipeline
and writes the outputs, atomically: nothing needs a shared filesystem, and the outputs are those of
a local run (a file of several threads included: its task returns them all). A few chunks are in
flight at a time and results are handled as they arrive, so memory stays bounded however large the
batch.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from translator.errors import ClusterError, TranslatorError
from translator.jobs import JobResult, JobSettings, LoadedThread, Toolkit, output_writer, run_jobs

if TYPE_CHECKING:
    from translator.batch import BatchInput

READ_TASK_RETRIES = 3
"""How often Ray runs a read-and-detect task again when its worker or node dies."""
CHUNKS_PER_ACTOR = 2
"""Chunks in flight per actor: one being translated while the driver prepares or writes another."""


class ClusterToolkit(Toolkit):
    """The driver's toolkit: memory, glossaries, pivoting and link masking here; reading, detection and
    the models' work on the cluster."""

    def __init__(self, settings: JobSettings, actors: int) -> None:
        """Start `actors` translation actors of `settings.threads` CPUs each."""
        import ray

        from translator.cluster.pool import RemoteEngine, start_actors
        from translator.cluster.shipping import PackageShipper
        from translator.cluster.workers import read_and_detect
        from translator.engine import ArgosEngine, build_engine

        super().__init__(settings)
        self.pool = start_actors(actors, settings.threads, self.engine_settings)
        # Pivoting and link masking stay here, around the engine of direct pairs that runs on the actors.
        local = ArgosEngine(self.store, self.engine_settings)
        remote = RemoteEngine(local, self.pool, PackageShipper())
        self.engine = build_engine(self.engine_settings, self.store, pairs=remote)
        # Reading and detection reserve no CPU: the actors hold the cluster's CPUs for their lifetime,
        # and the driver bounds how many tasks run (one per chunk in flight). SPREAD puts them on every node.
        self._read_and_detect: Any = ray.remote(read_and_detect).options(
            num_cpus=0, scheduling_strategy="SPREAD", max_retries=READ_TASK_RETRIES
        )

    def load_threads(self, paths: Sequence[Path]) -> list[LoadedThread | TranslatorError]:
        """The driver reads the bytes of the files the memory does not hold whole (the pipeline asks only
        for those); one Ray task parses them into their threads and detects their languages."""
        import ray
        from ray.exceptions import RayError

        from translator.readers import read_thread_bytes

        loaded: list[LoadedThread | TranslatorError | None] = []
        files = []
        for path in paths:
            try:
                files.append((str(path), read_thread_bytes(path)))
                loaded.append(None)
            except TranslatorError as error:
                loaded.append(error)
        if files:
            installed = self._installed_languages()
            candidates = self.settings.languages
            reference = self._read_and_detect.remote(
                files, self.settings.input_format, candidates, tuple(sorted(installed)) if installed else None
            )
            try:
                detected = iter(ray.get(reference))
            except RayError as error:  # the task failed past its retries: the last line says why
                reason = str(error).strip().splitlines()[-1]
                raise ClusterError(f"reading on the cluster failed: {reason}", "check the workers' logs") from None
            loaded = [next(detected) if outcome is None else outcome for outcome in loaded]
        return [outcome for outcome in loaded if outcome is not None]


def actor_count(jobs: int, cpus: float, cpus_per_actor: int, chunks: int) -> int:
    """Translation actors to start: `jobs`, or as many as the cluster's CPUs hold (0 jobs); never more
    than they hold (a surplus actor would wait for a CPU forever) nor than there are chunks."""
    room = int(cpus // cpus_per_actor)
    if room < 1:
        raise ClusterError(
            f"the Ray cluster has {cpus:g} CPUs, not the {cpus_per_actor} a translation worker needs",
            "add nodes, or lower --threads",
        )
    return max(1, min(jobs if jobs > 0 else room, room, chunks))


def run_on_ray(
    chunks: list[list[BatchInput]], out_dir: Path, settings: JobSettings, jobs: int, address: str
) -> Iterator[list[tuple[BatchInput, JobResult]]]:
    """The chunks translated on Ray (see the module), their results as they finish."""
    from concurrent.futures import ThreadPoolExecutor

    from translator.batch import job_inputs, run_chunks_in
    from translator.cluster.runtime import parse_address, ray_runtime
    from translator.engine.argos import cpu_cores

    address = parse_address(address)
    if not chunks:
        return
    # An actor's engine decodes one batch per CPU it holds: --threads per actor, one by default.
    settings = replace(settings, threads=max(1, settings.threads))
    with ray_runtime(address, cpu_cores()) as ray:
        count = actor_count(jobs, ray.cluster_resources().get("CPU", 0), settings.threads, len(chunks))
        toolkit = ClusterToolkit(settings, count)
        driver = ThreadPoolExecutor(max_workers=count * CHUNKS_PER_ACTOR, thread_name_prefix="cluster-chunk")
        try:
            with output_writer() as writer:
                yield from run_chunks_in(
                    deque(chunks),
                    lambda chunk: driver.submit(run_jobs, job_inputs(chunk), str(out_dir), settings, writer, toolkit),
                    count * CHUNKS_PER_ACTOR,
                )
        finally:
            # Stop the actors first: a chunk waiting on one fails at once instead of finishing its batch.
            toolkit.pool.close()
            driver.shutdown(wait=True, cancel_futures=True)
