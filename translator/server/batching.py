"""Micro-batching: requests that arrive together are translated in one call, off the event loop.

While the worker thread translates one batch, the next requests queue, and all of them form the next
batch: under load batches grow by themselves. When requests come together (the last batch held more than
one), a request also waits up to `max_wait` seconds from its arrival for others to join it, so clients
answered together and asking again together share a call; a lone client (batches of one) never waits.
Nobody waits longer than one batch plus `max_wait`. With `max_jobs=1` every request is translated on its
own (the per-request baseline of `benchmarks/server.py`).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Generic, TypeVar

Job = TypeVar("Job")
Result = TypeVar("Result")


@dataclass(frozen=True, slots=True)
class BatchPolicy:
    """How requests are grouped."""

    max_wait: float = 0.004
    """Seconds a request may wait for others to join its batch."""
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
        self._last_batch = 0
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
        self._executor.shutdown(wait=False, cancel_futures=True)

    async def submit(self, job: Job) -> Batched[Result]:
        """Queue a job and wait for its result (an exception result is raised here)."""
        loop = asyncio.get_running_loop()
        waiting: _Waiting[Job, Result] = _Waiting(job, self._size_of(job), loop.time(), loop.create_future())
        self._waiting.append(waiting)
        self._wakeup.set()
        return await waiting.future

    async def _serve(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            if not self._waiting:
                self._wakeup.clear()
                await self._wakeup.wait()
                continue
            deadline = self._waiting[0].arrived + (self.policy.max_wait if self._last_batch > 1 else 0.0)
            while not self._full() and (remaining := deadline - loop.time()) > 0:
                self._wakeup.clear()
                with contextlib.suppress(TimeoutError):
                    async with asyncio.timeout(remaining):
                        await self._wakeup.wait()
            batch = self._take()
            if not batch:
                continue
            self.batches += 1
            self._last_batch = len(batch)
            try:
                results = await loop.run_in_executor(self._executor, self._run, [waiting.job for waiting in batch])
            except Exception as error:  # a bug in `run`: every caller of the batch gets it
                results = [error] * len(batch)  # type: ignore[list-item]
            for waiting, result in zip(batch, results, strict=True):
                if waiting.future.done():
                    continue
                if isinstance(result, BaseException):
                    waiting.future.set_exception(result)
                else:
                    waiting.future.set_result(Batched(result, len(batch)))

    def _full(self) -> bool:
        policy = self.policy
        return len(self._waiting) >= policy.max_jobs or sum(w.size for w in self._waiting) >= policy.max_chars

    def _take(self) -> list[_Waiting[Job, Result]]:
        """The next batch: the oldest jobs within the limits; jobs whose caller went away are dropped."""
        batch: list[_Waiting[Job, Result]] = []
        size = 0
        while self._waiting and len(batch) < self.policy.max_jobs:
            waiting = self._waiting[0]
            if waiting.future.done():  # the client disconnected: translate nothing for nobody
                self._waiting.popleft()
                continue
            if batch and size + waiting.size > self.policy.max_chars:
                break
            batch.append(self._waiting.popleft())
            size += waiting.size
        return batch
