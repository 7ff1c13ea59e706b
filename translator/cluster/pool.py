"""The driver's hold on the cluster: a pool of translation actors that survives losing some, and the
engine the pipeline sees, whose batches run on that pool.

Fault handling: Ray restarts an actor whose process dies (`max_restarts`); the batch it was running
fails at once (no `max_task_retries`, so that a batch never waits on an actor that cannot come back,
say when its node is gone and no other node has room) and the pool sends it to another actor. The
failed actor rejoins the pool when it answers again.
"""

from __future__ import annotations

import contextlib
import queue
import threading
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from translator.errors import ClusterError, TranslatorError

if TYPE_CHECKING:
    from translator.cluster.shipping import PackageShipper, ShippedPackage
    from translator.engine.argos import ArgosEngine, EngineSettings

ACTOR_RESTARTS = 3
"""How often Ray restarts one translation actor whose process died."""
BATCH_ATTEMPTS = 4
"""How many actors one batch is tried on before its files fail."""
NO_WORKER_SECONDS = 300.0
"""How long the pool waits for an actor when none is left, before the run gives up."""
POLL_SECONDS = 0.5


class ActorPool:
    """Translation actors, each serving one batch at a time; thread-safe (driver threads share it). An
    actor serves once it answers: at the start (so batches go to the first actors up while the others
    still load), and again after Ray restarted it."""

    def __init__(self, actors: Sequence[Any]) -> None:
        self.actors = list(actors)
        self.closed = False
        self._idle: queue.Queue[Any] = queue.Queue()
        self._waiting: dict[Any, Any] = {}
        """Actors not known to answer (yet, or again), by the reference of their `ready` call."""
        self._alive = len(self.actors)
        """Actors not given up on: serving, or waiting to."""
        self._last_failure = ""
        self._lock = threading.Lock()
        for actor in self.actors:
            self._wait_for(actor)

    def translate(self, sentences: list[str], source: str, target: str, package: ShippedPackage) -> list[str]:
        """Translate on a free actor; on another one if that actor dies meanwhile."""
        import ray
        from ray.exceptions import RayActorError

        for _ in range(BATCH_ATTEMPTS):
            actor = self._take()
            try:
                result = ray.get(actor.translate.remote(sentences, source, target, package))
            except RayActorError:
                if self.closed:
                    raise ClusterError("the cluster run was stopped") from None
                self._wait_for(actor)
                continue
            self._idle.put(actor)
            if isinstance(result, TranslatorError):
                raise result
            return list(result)
        raise ClusterError(f"{BATCH_ATTEMPTS} translation workers died on the same batch", "check the workers' logs")

    def _wait_for(self, actor: Any) -> None:
        with self._lock:
            self._waiting[actor.ready.remote()] = actor

    def _take(self) -> Any:
        """A free actor, waiting for one as long as one may come."""
        deadline = time.monotonic() + NO_WORKER_SECONDS
        while not self.closed:
            try:
                return self._idle.get_nowait()
            except queue.Empty:
                pass
            if self._alive == 0:
                raise ClusterError(
                    f"every translation worker failed on the Ray cluster: {self._last_failure}",
                    "check that every node has the project installed, with its cluster extra",
                )
            if self._waiting:
                self._admit()
            else:
                with contextlib.suppress(queue.Empty):
                    return self._idle.get(timeout=POLL_SECONDS)
            if time.monotonic() > deadline:
                raise ClusterError(
                    f"no translation worker answered for {NO_WORKER_SECONDS:.0f} s", "check the cluster's nodes"
                )
        raise ClusterError("the cluster run was stopped")

    def _admit(self) -> None:
        """Wait a moment for a waiting actor to answer; admit those that do, give up on those Ray did."""
        import ray
        from ray.exceptions import ActorUnavailableError, RayActorError

        if not self._lock.acquire(timeout=POLL_SECONDS):
            return  # another thread is waiting on them
        try:
            if not self._waiting:
                return
            answered, _ = ray.wait(list(self._waiting), num_returns=1, timeout=POLL_SECONDS)
            for reference in answered:
                actor = self._waiting.pop(reference)
                try:
                    ray.get(reference)
                except ActorUnavailableError:  # still restarting: ask again in a moment
                    time.sleep(POLL_SECONDS / 5)
                    self._waiting[actor.ready.remote()] = actor
                    continue
                except RayActorError as error:  # could not start, or restarted too often
                    self._alive -= 1
                    self._last_failure = str(error).strip().splitlines()[-1]
                    continue
                self._idle.put(actor)
        finally:
            self._lock.release()

    def close(self) -> None:
        """Stop every actor; batches in flight fail with ClusterError."""
        import ray

        self.closed = True
        for actor in self.actors:
            ray.kill(actor, no_restart=True)


def start_actors(count: int, cpus_per_actor: int, settings: EngineSettings) -> ActorPool:
    """`count` translation actors of `cpus_per_actor` CPUs each, their engines `settings.threads` wide."""
    import ray

    from translator.cluster.workers import TranslationWorker

    actor_class = ray.remote(TranslationWorker).options(
        num_cpus=cpus_per_actor, max_restarts=ACTOR_RESTARTS, max_task_retries=0, max_concurrency=1
    )
    return ActorPool([actor_class.remote(settings) for _ in range(count)])


class RemoteEngine:
    """The engine of direct pairs that the driver's pipeline uses (pivoting and link masking wrap it on
    the driver): packages and model ids from the driver's own store, the translation itself on the pool,
    with the pair's package shipped to it."""

    def __init__(self, local: ArgosEngine, pool: ActorPool, shipper: PackageShipper) -> None:
        self.local = local
        self.pool = pool
        self.shipper = shipper

    def model_id(self, source: str, target: str) -> str:
        """As the driver's engine says: the memory is the driver's."""
        return self.local.model_id(source, target)

    def translate_batch(self, sentences: Sequence[str], source: str, target: str) -> list[str]:
        """One batch on one actor, the pair's package shipped with it."""
        if source == target:
            return list(sentences)
        package = self.shipper.ship(self.local.package(source, target))
        return self.pool.translate(list(sentences), source, target, package)
