"""Micro-batching: what arrives together is run together, in a worker thread, and every caller gets its own."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Sequence

import pytest

from translator.errors import TranslatorError
from translator.server.batching import Batched, BatchPolicy, MicroBatcher


class Recorder:
    """A `run` that doubles numbers, remembers its batches and the thread it ran in; -1 is a failing job."""

    def __init__(self) -> None:
        self.batches: list[list[int]] = []
        self.threads: set[str] = set()

    def __call__(self, jobs: Sequence[int]) -> list[int | TranslatorError]:
        self.batches.append(list(jobs))
        self.threads.add(threading.current_thread().name)
        return [TranslatorError("bad job") if job < 0 else job * 2 for job in jobs]


def run_together(jobs: list[int], policy: BatchPolicy, recorder: Recorder) -> list[Batched[int] | BaseException]:
    """Submit every job at once from its own coroutine; each caller's outcome, in order."""

    async def main() -> list[Batched[int] | BaseException]:
        batcher: MicroBatcher[int, int | TranslatorError] = MicroBatcher(recorder, lambda job: abs(job), policy)
        batcher.start()
        try:
            return await asyncio.gather(*(batcher.submit(job) for job in jobs), return_exceptions=True)  # type: ignore[arg-type]
        finally:
            await batcher.stop()

    return asyncio.run(main())


def test_requests_arriving_together_share_one_call_off_the_event_loop() -> None:
    recorder = Recorder()
    outcomes = run_together([1, 2, 3, 4, 5], BatchPolicy(max_wait=0.05, max_jobs=64), recorder)
    assert recorder.batches == [[1, 2, 3, 4, 5]]
    assert outcomes == [Batched(value * 2, 5) for value in [1, 2, 3, 4, 5]]
    assert recorder.threads == {"translator-engine_0"}


@pytest.mark.parametrize(
    ("policy", "batches"),
    [
        # one job per call: the per-request baseline
        (BatchPolicy(max_wait=0.05, max_jobs=1), [[1], [2], [3], [4], [5]]),
        # at most two jobs a call, oldest first
        (BatchPolicy(max_wait=0.05, max_jobs=2), [[1, 2], [3, 4], [5]]),
        # at most 6 characters a call (sizes are the numbers), but a call always takes one job
        (BatchPolicy(max_wait=0.05, max_chars=6), [[1, 2, 3], [4], [5]]),
    ],
)
def test_batches_stay_within_the_policy(policy: BatchPolicy, batches: list[list[int]]) -> None:
    recorder = Recorder()
    outcomes = run_together([1, 2, 3, 4, 5], policy, recorder)
    assert recorder.batches == batches
    assert [outcome.result for outcome in outcomes if isinstance(outcome, Batched)] == [2, 4, 6, 8, 10]


def test_a_failing_job_fails_alone() -> None:
    recorder = Recorder()
    outcomes = run_together([1, -1, 3], BatchPolicy(max_wait=0.05), recorder)
    assert recorder.batches == [[1, -1, 3]]
    assert outcomes[0] == Batched(2, 3) and outcomes[2] == Batched(6, 3)
    assert isinstance(outcomes[1], TranslatorError)


def test_a_bug_in_the_run_reaches_every_caller_of_the_batch_and_the_batcher_goes_on() -> None:
    calls = []

    def broken(jobs: Sequence[int]) -> list[int]:
        calls.append(list(jobs))
        if len(calls) == 1:
            raise RuntimeError("bug")
        return list(jobs)

    async def main() -> tuple[list[object], Batched[int]]:
        batcher: MicroBatcher[int, int] = MicroBatcher(broken, lambda job: 1, BatchPolicy(max_wait=0.05))
        batcher.start()
        try:
            failed = await asyncio.gather(batcher.submit(1), batcher.submit(2), return_exceptions=True)
            later = await batcher.submit(3)
        finally:
            await batcher.stop()
        return failed, later

    failed, later = asyncio.run(main())
    assert [type(outcome) for outcome in failed] == [RuntimeError, RuntimeError]
    assert later == Batched(3, 1)


def test_a_lone_client_never_waits_and_callers_gone_are_skipped() -> None:
    recorder = Recorder()

    async def main() -> list[Batched[int | TranslatorError]]:
        # a wait far longer than the test may take: a lone client must not pay it
        batcher: MicroBatcher[int, int | TranslatorError] = MicroBatcher(recorder, lambda job: 1, BatchPolicy(60))
        batcher.start()
        try:
            abandoned = asyncio.ensure_future(batcher.submit(7))
            await asyncio.sleep(0)  # queued...
            abandoned.cancel()  # ...and its client went away before the batch ran
            return [await asyncio.wait_for(batcher.submit(job), timeout=10) for job in (8, 9)]
        finally:
            await batcher.stop()

    assert asyncio.run(main()) == [Batched(16, 1), Batched(18, 1)]
    assert recorder.batches == [[8], [9]]


def test_after_requests_came_together_the_next_ones_wait_for_each_other() -> None:
    recorder = Recorder()

    async def main() -> None:
        batcher: MicroBatcher[int, int | TranslatorError] = MicroBatcher(recorder, lambda job: 1, BatchPolicy(60, 3))
        batcher.start()
        try:
            await asyncio.gather(batcher.submit(1), batcher.submit(2))  # together: a batch of two
            # then three arriving one after the other: the first waits for the others (up to a batch of 3)
            late = [asyncio.ensure_future(batcher.submit(job)) for job in (3, 4)]
            await asyncio.sleep(0.05)
            await asyncio.wait_for(asyncio.gather(batcher.submit(5), *late), timeout=10)
        finally:
            await batcher.stop()

    asyncio.run(main())
    assert recorder.batches == [[1, 2], [3, 4, 5]]
