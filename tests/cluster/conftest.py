"""A local Ray runtime shared by the cluster tests, and how their outputs are compared with a local run."""

from __future__ import annotations

import logging
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import DEMO, REPO

# The date a PO file was written is the one thing two runs may not share.
PO_DATES = re.compile(r'^"(POT-Creation-Date|PO-Revision-Date): .*"$', re.MULTILINE)


def outputs_of(folder: Path) -> dict[str, str]:
    """Every output file below a batch's folder (the run record aside), PO dates masked."""
    return {
        str(path.relative_to(folder)): PO_DATES.sub(r'"\1: (masked)"', path.read_text(encoding="utf-8"))
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.name != ".translator-batch.json"
    }


def french_sentences(count: int, seed: int) -> list[str]:
    """Sentences the demo fr->en model knows, from its own grammar (tools/demo_grammar.py)."""
    import sys

    sys.path.insert(0, str(REPO / "tools"))
    from demo_grammar import generate

    return [example.source for example in generate("fr-en", count, seed=seed)]


def write_corpus(folder: Path, count: int) -> Path:
    """`count` different threads (the demo thread plus generated French sentences), and one empty file."""
    folder.mkdir(parents=True, exist_ok=True)
    demo = DEMO.read_text(encoding="utf-8")
    for number in range(count):
        extra = " ".join(french_sentences(12, seed=number))
        (folder / f"t{number:02}.txt").write_text(f"{demo}\n{extra}\n", encoding="utf-8")
    (folder / "empty.txt").write_text("")
    return folder


@pytest.fixture(scope="session")
def ray_local(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """`ray.init(num_cpus=2)` once for the session; its workers keep their caches in a temp folder."""
    import ray

    home = tmp_path_factory.mktemp("ray-workers")
    saved = {name: os.environ.get(name) for name in ("XDG_CACHE_HOME", "RAY_AUTH_MODE")}
    # Workers inherit the environment the runtime starts with.
    os.environ["XDG_CACHE_HOME"] = str(home / "cache")
    os.environ["RAY_AUTH_MODE"] = "disabled"
    try:
        ray.init(
            num_cpus=2,
            include_dashboard=False,
            object_store_memory=100 * 1024**2,
            log_to_driver=False,
            logging_level=logging.ERROR,
            # As `translator batch --ray` starts its own (translator.cluster.runtime.WORKERS_PER_CPU).
            _system_config={"num_workers_soft_limit": 6},
        )
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    yield ray
    ray.shutdown()
    shutil.rmtree(home, ignore_errors=True)
