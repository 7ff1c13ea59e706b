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


def run_together(
    jobs: list[int], policy: BatchPolicy, recorder: Recorder
) -> Sequence[Batched[int | TranslatorError] | BaseException]:
    """Submit every job at once from its own coroutine; each caller's outcome, in order."""

    async def main() -> Sequence[Batched[int | TranslatorError] | BaseException]:
        batcher: MicroBatcher[int, int | TranslatorError] = MicroBatcher(recorder, lambda job: abs(job), policy)
        batcher.start()
        try:
            return await asyncio.gather(*(batcher.submit(job) for job in jobs), return_exceptions=True)
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

    async def main() -> tuple[Sequence[Batched[int] | BaseException], Batched[int]]:
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


def test_callers_answered_together_are_waited_for_not_the_whole_wait() -> None:
    recorder = Recorder()

    async def main() -> None:
        # a wait far longer than the test may take: the batch must start once both callers are back
        batcher: MicroBatcher[int, int | TranslatorError] = MicroBatcher(recorder, lambda job: 1, BatchPolicy(60, 8))
        batcher.start()
        try:
            await asyncio.gather(batcher.submit(1), batcher.submit(2))  # together: a batch of two
            first = asyncio.ensure_future(batcher.submit(3))
            await asyncio.sleep(0.05)  # the second caller comes back later: the first waits for it
            await asyncio.wait_for(asyncio.gather(first, batcher.submit(4)), timeout=10)
        finally:
            await batcher.stop()

    asyncio.run(main())
    assert recorder.batches == [[1, 2], [3, 4]]


def test_a_job_queued_during_a_batch_waits_for_the_callers_that_batch_answers() -> None:
    recorder = Recorder()
    release = threading.Event()

    def slow_first(jobs: Sequence[int]) -> list[int | TranslatorError]:
        if 1 in jobs:
            release.wait(10)
        return recorder(jobs)

    async def main() -> None:
        batcher: MicroBatcher[int, int | TranslatorError] = MicroBatcher(slow_first, lambda job: 1, BatchPolicy(60, 8))
        batcher.start()

        async def caller(first: int, again: int) -> None:
            await batcher.submit(first)
            await batcher.submit(again)  # asks again as soon as it is answered

        try:
            callers = [asyncio.ensure_future(caller(job, job + 4)) for job in (1, 2, 3)]
            await asyncio.sleep(0.05)  # the batch [1, 2, 3] runs...
            late = asyncio.ensure_future(batcher.submit(4))  # ...when 4 arrives
            await asyncio.sleep(0.05)
            release.set()
            # 4 must not run alone just before 5, 6 and 7 come back: all four share the next call
            await asyncio.wait_for(asyncio.gather(late, *callers), timeout=10)
        finally:
            await batcher.stop()

    asyncio.run(main())
    assert recorder.batches == [[1, 2, 3], [4, 5, 6, 7]]


def test_the_wait_for_others_is_bounded() -> None:
    recorder = Recorder()

    async def main() -> None:
        batcher: MicroBatcher[int, int | TranslatorError] = MicroBatcher(recorder, lambda job: 1, BatchPolicy(0.05))
        batcher.start()
        try:
            await asyncio.gather(batcher.submit(1), batcher.submit(2))
            # the other caller never comes back: the one that does runs alone after max_wait
            await asyncio.wait_for(batcher.submit(3), timeout=10)
        finally:
            await batcher.stop()

    asyncio.run(main())
    assert recorder.batches == [[1, 2], [3]]


def resubmitted(count: int, gap: float, policy: BatchPolicy) -> list[list[int]]:
    """`count` callers answered together ask again one after the other, `gap` seconds apart (as an event
    loop answering and reading them one by one spreads them); the batches run."""
    recorder = Recorder()

    async def main() -> None:
        batcher: MicroBatcher[int, int | TranslatorError] = MicroBatcher(recorder, lambda job: 1, policy)
        batcher.start()

        async def again(job: int) -> None:
            await asyncio.sleep(gap * (job - count - 1))
            await batcher.submit(job)

        try:
            await asyncio.gather(*(batcher.submit(job) for job in range(1, count + 1)))
            await asyncio.wait_for(asyncio.gather(*(again(count + job) for job in range(1, count + 1))), timeout=10)
        finally:
            await batcher.stop()

    asyncio.run(main())
    return recorder.batches


def test_callers_coming_back_one_by_one_are_waited_for_while_they_keep_coming() -> None:
    # four come back over 0.18 s, each 0.06 s after the one before: longer than max_wait from the first,
    # but none later than max_wait after the previous one, so all four share the call
    batches = resubmitted(4, 0.06, BatchPolicy(max_wait=0.1))
    assert batches == [[1, 2, 3, 4], [5, 6, 7, 8]]


def test_a_batch_is_held_for_callers_still_coming_at_most_a_few_waits() -> None:
    # ten come back 0.06 s apart (0.54 s in all): the hold ends after HOLD_WAITS x 0.1 s, the rest run next
    batches = resubmitted(10, 0.06, BatchPolicy(max_wait=0.1))
    assert batches[0] == list(range(1, 11))
    second = batches[1]
    assert 2 <= len(second) < 10
    assert sorted(job for batch in batches[1:] for job in batch) == list(range(11, 21))
