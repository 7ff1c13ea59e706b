"""The actor pool and the engine the driver sees: the same translations as here, through lost actors."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import pytest

from translator.cluster import pool as pool_module
from translator.cluster.pool import ActorPool, RemoteEngine, start_actors
from translator.cluster.shipping import PackageShipper
from translator.engine import build_engine
from translator.engine.argos import ArgosEngine, EngineSettings
from translator.engine.store import BUNDLED_DIR, ModelStore, install_package_file
from translator.errors import ClusterError, EngineError

SENTENCES = [
    "Le ministre a confirmé la date hier.",
    "Le prochain vol aura lieu en juin.",
    "L'agence a annoncé le lancement du satellite.",
]


@pytest.fixture
def store(tmp_path: Path) -> ModelStore:
    for name in ("fr_en", "en_de"):
        install_package_file(BUNDLED_DIR / f"translate-{name}-demo.argosmodel", tmp_path / "packages")
    return ModelStore([tmp_path / "packages"], include_bundled=False)


@pytest.fixture
def local_engine(store: ModelStore) -> ArgosEngine:
    return ArgosEngine(store, EngineSettings(threads=1))


def remote(local_engine: ArgosEngine, actors: int) -> RemoteEngine:
    return RemoteEngine(local_engine, start_actors(actors, 1, local_engine.settings), PackageShipper())


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("fr", "en"),  # a direct package
        ("fr", "de"),  # through English, pivoting on the driver: each leg on the cluster
    ],
)
def test_the_cluster_translates_as_this_machine_does(
    ray_local: Any, store: ModelStore, local_engine: ArgosEngine, source: str, target: str
) -> None:
    pairs = remote(local_engine, 1)
    there, here = build_engine(local_engine.settings, store, pairs=pairs), build_engine(local_engine.settings, store)
    try:
        assert there.model_id(source, target) == here.model_id(source, target)
        assert there.translate_batch(SENTENCES, source, target) == here.translate_batch(SENTENCES, source, target)
    finally:
        pairs.pool.close()


def test_a_missing_pair_is_the_engine_error_a_local_run_gives(ray_local: Any, local_engine: ArgosEngine) -> None:
    engine = remote(local_engine, 1)
    try:
        with pytest.raises(EngineError, match="no translation model for ru->en"):
            engine.translate_batch(SENTENCES, "ru", "en")
    finally:
        engine.pool.close()


def test_an_error_on_a_worker_reaches_the_driver_as_itself(ray_local: Any, local_engine: ArgosEngine) -> None:
    # A model CTranslate2 cannot load: the actor's EngineError, not a Ray traceback.
    engine = remote(local_engine, 1)
    package = local_engine.package("fr", "en")
    (package.path / "model" / "model.bin").write_bytes(b"not a model")
    try:
        with pytest.raises(EngineError, match="cannot load the model") as raised:
            engine.translate_batch(SENTENCES, "fr", "en")
        assert type(raised.value) is EngineError
    finally:
        engine.pool.close()


def test_a_batch_whose_actor_dies_is_translated_by_the_restarted_one(ray_local: Any, local_engine: ArgosEngine) -> None:
    engine = remote(local_engine, 1)
    [actor] = engine.pool.actors
    before = ray_local.get(actor.__ray_call__.remote(lambda self: __import__("os").getpid()))
    sentences = [f"{sentence} ({number})" for number in range(60) for sentence in SENTENCES]
    results: list[list[str]] = []
    worker = threading.Thread(target=lambda: results.append(engine.translate_batch(sentences, "fr", "en")))
    worker.start()
    deadline = time.monotonic() + 30
    while engine.pool._idle.qsize() and time.monotonic() < deadline:  # until the batch is sent
        time.sleep(0.01)
    ray_local.kill(actor, no_restart=False)
    worker.join(timeout=120)
    try:
        assert results == [local_engine.translate_batch(sentences, "fr", "en")]
        after = ray_local.get(actor.__ray_call__.remote(lambda self: __import__("os").getpid()))
        assert after != before  # Ray restarted it, and the pool took it back
    finally:
        engine.pool.close()


def test_with_every_actor_gone_the_run_stops_with_one_clear_error(ray_local: Any, local_engine: ArgosEngine) -> None:
    engine = remote(local_engine, 2)
    for actor in engine.pool.actors:
        ray_local.kill(actor, no_restart=True)
    with pytest.raises(ClusterError, match="every translation worker failed on the Ray cluster: "):
        engine.translate_batch(SENTENCES, "fr", "en")


def test_an_actor_that_cannot_start_leaves_the_work_to_the_others(
    ray_local: Any, local_engine: ArgosEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    # One actor waits for a CPU that never frees (it asks for more than the runtime has); the batch
    # goes to the one that started, without waiting for the other.
    monkeypatch.setattr(pool_module, "NO_WORKER_SECONDS", 5.0)
    import ray

    from translator.cluster.workers import TranslationWorker

    stuck = ray.remote(TranslationWorker).options(num_cpus=64).remote(local_engine.settings)
    working = ray.remote(TranslationWorker).options(num_cpus=1).remote(local_engine.settings)
    engine = RemoteEngine(local_engine, ActorPool([stuck, working]), PackageShipper())
    try:
        assert engine.translate_batch(SENTENCES, "fr", "en") == local_engine.translate_batch(SENTENCES, "fr", "en")
    finally:
        engine.pool.close()


def test_a_closed_pool_takes_no_more_batches(ray_local: Any, local_engine: ArgosEngine) -> None:
    pool = ActorPool([])
    pool.close()
    with pytest.raises(ClusterError, match="stopped"):
        pool.translate(SENTENCES, "fr", "en", PackageShipper().ship(local_engine.package("fr", "en")))
