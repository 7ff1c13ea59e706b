"""The driver's hold on the cluster: a pool of translation actors that survives losing some, and the
engine the pipeline sees, whose batches run on that pool.

Fault handling: Ray restarts an actor whose process dies (`max_restarts`); the batch it was running
fails at once (no `max_task_retries`, so that a batch never waits on an actor that cannot come back,
say when its node is gone and no other node has room) and the pool sends it to another actor. The
failed actor rejoins the pool when it answers again.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from translator.errors import ClusterError, TranslatorError

if TYPE_CHECKING:
    from translator.cluster.shipping import PackageShipper
    from translator.engine.argos import ArgosEngine, EngineSettings
    from translator.engine.store import ModelStore

ACTOR_RESTARTS = 3
"""How often Ray restarts one translation actor whose process died."""
BATCH_ATTEMPTS = 4
"""How many actors one batch is tried on before its files fail."""
NO_WORKER_SECONDS = 300.0
"""How long the pool waits for an actor when none is left, before the run gives up."""
POLL_SECONDS = 0.5


class ActorPool:
    """Translation actors, each serving one batch at a time; thread-safe (driver threads share it)."""

    def __init__(self, actors: Sequence[Any]) -> None:
        self._idle: queue.Queue[Any] = queue.Queue()
        for actor in actors:
            self._idle.put(actor)
        self._returning: dict[Any, Any] = {}
        """Actors that failed a batch, by the reference of their `ready` call."""
        self._lock = threading.Lock()
        self.actors = list(actors)
        self.closed = False

    def translate(self, sentences: list[str], source: str, target: str, packages: tuple[Any, ...]) -> list[str]:
        """Translate on a free actor; on another one if that actor dies meanwhile."""
        import ray
        from ray.exceptions import RayActorError

        for _ in range(BATCH_ATTEMPTS):
            actor = self._take()
            try:
                result = ray.get(actor.translate.remote(sentences, source, target, packages))
            except RayActorError:
                if self.closed:
                    raise ClusterError("the cluster run was stopped") from None
                with self._lock:
                    self._returning[actor.ready.remote()] = actor
                continue
            self._idle.put(actor)
            if isinstance(result, TranslatorError):
                raise result
            return list(result)
        raise ClusterError(f"{BATCH_ATTEMPTS} translation workers died on the same batch", "check the workers' logs")

    def _take(self) -> Any:
        """A free actor, waiting for one (and readmitting restarted ones) as long as some may come."""
        deadline = time.monotonic() + NO_WORKER_SECONDS
        while not self.closed:
            try:
                return self._idle.get(timeout=POLL_SECONDS)
            except queue.Empty:
                self._readmit()
            if time.monotonic() > deadline:
                raise ClusterError(
                    f"no translation worker answered for {NO_WORKER_SECONDS:.0f} s", "check the cluster's nodes"
                )
        raise ClusterError("the cluster run was stopped")

    def _readmit(self) -> None:
        """Put back the failed actors that answer again; forget those Ray gave up on."""
        import ray
        from ray.exceptions import RayActorError

        with self._lock:
            if not self._returning:
                return
            answered, _ = ray.wait(list(self._returning), num_returns=len(self._returning), timeout=0)
            for reference in answered:
                actor = self._returning.pop(reference)
                try:
                    ray.get(reference)
                except RayActorError:
                    continue  # restarted too often: gone for good
                self._idle.put(actor)

    def drop(self, actors: Sequence[Any]) -> None:
        """Take actors out of the pool for good (they never started)."""
        import ray

        gone = {id(actor) for actor in actors}
        kept = []
        while not self._idle.empty():
            actor = self._idle.get_nowait()
            if id(actor) in gone:
                ray.kill(actor, no_restart=True)
            else:
                kept.append(actor)
        for actor in kept:
            self._idle.put(actor)

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
    """The engine the driver's pipeline uses: routes and model ids from the driver's own packages, the
    translation itself on the pool, with those packages shipped to it."""

    def __init__(self, local: ArgosEngine, pool: ActorPool, shipper: PackageShipper) -> None:
        self.local = local
        self.pool = pool
        self.shipper = shipper

    @property
    def store(self) -> ModelStore:
        """The driver's packages (detection candidates include their languages)."""
        return self.local.store

    def model_id(self, source: str, target: str) -> str:
        """As the driver's engine says: the memory is the driver's."""
        return self.local.model_id(source, target)

    def translate_batch(self, sentences: Sequence[str], source: str, target: str) -> list[str]:
        """One batch on one actor, the route's packages shipped with it."""
        if source == target:
            return list(sentences)
        packages = tuple(self.shipper.ship(package) for package in self.local.route(source, target).packages)
        return self.pool.translate(list(sentences), source, target, packages)
