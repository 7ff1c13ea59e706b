"""Micro-batching: requests that arrive together are translated in one call, off the event loop.

While the worker thread translates one batch, the next requests queue, and all of them form the next
batch: under load batches grow by themselves. Callers answered together tend to ask again together, so
once the worker is free a batch waits for as many jobs as were in flight (the batch just answered plus
those queued meanwhile): without that, a job queued during a batch would run alone just before the crowd
answered by that batch comes back (batches alternating 1, 31, 1, 31 under 32 clients). It waits while
they keep coming, each within `max_wait` seconds of the one before (the event loop answers and reads
them one by one, so 32 of them come back spread over several milliseconds: a fixed wait from the first
split them, and those left out waited a whole batch more, doubling the p99), and never more than
`HOLD_WAITS` times `max_wait` in all, from the later of the worker's freeing and the oldest job's
arrival. A lone client (batches of one, nothing queued) never waits. Nobody waits longer than one batch
plus that bound. With `max_jobs=1` every request is translated on its own (a baseline of
`benchmarks/server.py`).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Generic, TypeVar

HOLD_WAITS = 4
"""A batch waiting for jobs still coming is held at most this many `max_wait`s in all."""

Job = TypeVar("Job")
Result = TypeVar("Result")


@dataclass(frozen=True, slots=True)
class BatchPolicy:
    """How requests are grouped."""

    max_wait: float = 0.004
    """Seconds a batch waits for the next of the jobs still in flight (at most HOLD_WAITS times this in all)."""
    max_jobs: int = 64
    """Requests per batch at most (1: no batching)."""
    max_chars: int = 100_000
    """Characters per batch at most (a batch always takes at least one request)."""


@dataclass(frozen=True, slots=True)
class Batched(Generic[Result]):
    """A job's result, with how many jobs shared its batch."""

    result: Result
    """What `run` gave for the job."""
    batch_size: int
    """Jobs in the batch it ran in (1: on its own)."""


@dataclass(slots=True)
class _Waiting(Generic[Job, Result]):
    job: Job
    size: int
    arrived: float
    future: asyncio.Future[Batched[Result]]


class MicroBatcher(Generic[Job, Result]):
    """Collects jobs from many coroutines and runs them in batches in one worker thread.

    `run` takes a batch of jobs and returns one result per job, in order (a result may be an exception
    object, handed to that job's caller as its outcome); `size_of` measures a job in characters."""

    def __init__(
        self,
        run: Callable[[Sequence[Job]], Sequence[Result]],
        size_of: Callable[[Job], int],
        policy: BatchPolicy,
    ) -> None:
        self._run = run
        self._size_of = size_of
        self.policy = policy
        self._waiting: deque[_Waiting[Job, Result]] = deque()
        self._wakeup = asyncio.Event()
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="translator-engine")
        self._task: asyncio.Task[None] | None = None
        self._queued_chars = 0
        self._in_flight = 0
        """Jobs answered by the last batch plus jobs queued while it ran: how many to wait for."""
        self._free_since = 0.0
        """When the worker finished its last batch (event loop time)."""
        self._last_arrival = 0.0
        """When the newest job arrived (event loop time)."""
        self.batches = 0
        """Batches run so far (for tests and logs)."""

    def start(self) -> None:
        """Start taking jobs (on the running event loop)."""
        self._task = asyncio.get_running_loop().create_task(self._serve(), name="micro-batcher")

    async def stop(self) -> None:
        """Stop: jobs still waiting are cancelled, the worker thread finishes its batch and ends."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        for waiting in self._waiting:
            waiting.future.cancel()
        self._waiting.clear()
        self._queued_chars = 0
        self._executor.shutdown(wait=False, cancel_futures=True)

    async def submit(self, job: Job) -> Batched[Result]:
        """Queue a job and wait for its result (an exception result is raised here)."""
        loop = asyncio.get_running_loop()
        waiting: _Waiting[Job, Result] = _Waiting(job, self._size_of(job), loop.time(), loop.create_future())
        self._waiting.append(waiting)
        self._last_arrival = waiting.arrived
        self._queued_chars += waiting.size
        self._wakeup.set()
        return await waiting.future

    async def _serve(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            if not self._waiting:
                self._wakeup.clear()
                await self._wakeup.wait()
                continue
            if self._in_flight > 1:
                held_from = max(self._waiting[0].arrived, self._free_since)
                while not self._ready() and (remaining := self._deadline(held_from) - loop.time()) > 0:
                    self._wakeup.clear()
                    with contextlib.suppress(TimeoutError):
                        async with asyncio.timeout(remaining):
                            await self._wakeup.wait()
            batch = self._take()
            if not batch:
                continue
            self.batches += 1
            try:
                results = await loop.run_in_executor(self._executor, self._run, [waiting.job for waiting in batch])
            except Exception as error:  # a bug in `run`: every caller of the batch gets it
                results = [error] * len(batch)  # type: ignore[list-item]
            self._free_since = loop.time()
            self._in_flight = len(batch) + len(self._waiting)
            for waiting, result in zip(batch, results, strict=True):
                if waiting.future.done():
                    continue
                if isinstance(result, BaseException):
                    waiting.future.set_exception(result)
                else:
                    waiting.future.set_result(Batched(result, len(batch)))

    def _deadline(self, held_from: float) -> float:
        """When a batch held since `held_from` starts without the jobs still in flight: `max_wait` after the
        newest arrival (or the hold's start), and HOLD_WAITS `max_wait`s after the hold's start at the latest."""
        wait = self.policy.max_wait
        return min(max(self._last_arrival, held_from) + wait, held_from + HOLD_WAITS * wait)

    def _ready(self) -> bool:
        """Whether the queue makes a batch now: every job in flight is back, or the policy's limits."""
        waiting = len(self._waiting)
        policy = self.policy
        return waiting >= self._in_flight or waiting >= policy.max_jobs or self._queued_chars >= policy.max_chars

    def _take(self) -> list[_Waiting[Job, Result]]:
        """The next batch: the oldest jobs within the limits; jobs whose caller went away are dropped."""
        batch: list[_Waiting[Job, Result]] = []
        size = 0
        while self._waiting and len(batch) < self.policy.max_jobs:
            waiting = self._waiting[0]
            if batch and not waiting.future.done() and size + waiting.size > self.policy.max_chars:
                break
            self._waiting.popleft()
            self._queued_chars -= waiting.size
            if waiting.future.done():  # the client disconnected: translate nothing for nobody
                continue
            batch.append(waiting)
            size += waiting.size
        return batch
