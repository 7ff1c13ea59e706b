"""Packages travel from the driver to the workers through the object store, unpacked once per node."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from translator.cluster.shipping import (
    PackageShipper,
    ShippedModels,
    ShippedPackage,
    package_fingerprint,
    unpack_shipped,
    zip_package,
)
from translator.engine.argos import ArgosEngine
from translator.engine.store import BUNDLED_DIR, InstalledPackage, install_package_file
from translator.errors import EngineError, ModelStoreError


def install(name: str, folder: Path) -> InstalledPackage:
    return install_package_file(BUNDLED_DIR / f"translate-{name}-demo.argosmodel", folder)


def files_of(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def test_a_package_arrives_whole_and_is_unpacked_once_per_node(ray_local: Any, tmp_path: Path) -> None:
    package = install("fr_en", tmp_path / "driver")
    shipped = PackageShipper().ship(package)
    cache = tmp_path / "node-cache"
    arrived = unpack_shipped(shipped, cache)
    assert (arrived.pair, arrived.version, arrived.path.name) == (package.pair, package.version, package.path.name)
    assert files_of(arrived.path) == files_of(package.path)
    # Later on that node: found in the cache, nothing fetched (there is nothing left to fetch).
    again = unpack_shipped(ShippedPackage(shipped.name, shipped.fingerprint, archive=None), cache)
    assert again.path == arrived.path
    # A changed package is another fingerprint, so it is shipped and unpacked anew.
    (package.path / "README.md").write_text("changed")
    assert package_fingerprint(package) != shipped.fingerprint


def test_a_run_ships_each_package_once(ray_local: Any, tmp_path: Path) -> None:
    shipper = PackageShipper()
    package = install("fr_en", tmp_path / "driver")
    assert shipper.ship(package) is shipper.ship(package)


def test_workers_unpacking_at_once_share_one_copy(ray_local: Any, tmp_path: Path) -> None:
    shipped = PackageShipper().ship(install("de_en", tmp_path / "driver"))
    unpack = ray_local.remote(unpack_shipped)
    paths = ray_local.get([unpack.remote(shipped, tmp_path / "node") for _ in range(4)], timeout=120)
    assert len({package.path for package in paths}) == 1
    # Only the package and its lock file: no half-unpacked staging folder left behind.
    assert sorted(path.name for path in (tmp_path / "node").iterdir()) == [
        shipped.fingerprint,
        f"{shipped.fingerprint}.lock",
    ]


def test_a_worker_uses_only_the_shipped_packages(tmp_path: Path) -> None:
    models = ShippedModels()
    fr_en = install("fr_en", tmp_path / "a")
    # The node's own packages (here: the bundled ones, with a de->en) are not looked at.
    with pytest.raises(EngineError, match="no translation model for de->en"):
        ArgosEngine(models).package("de", "en")
    models.add(fr_en)
    models.add(fr_en)
    assert models.packages() == [fr_en]
    assert ArgosEngine(models).package("fr", "en") == fr_en


@pytest.mark.parametrize("broken", ["metadata.json", "model"])
def test_a_damaged_shipment_is_refused(ray_local: Any, tmp_path: Path, broken: str) -> None:
    # A package without its metadata or its model is no package: the worker says so, as an install would.
    package = install("fr_en", tmp_path / "driver")
    target = package.path / broken
    shutil.rmtree(target) if target.is_dir() else target.unlink()
    shipped = ShippedPackage(package.path.name, "damaged-" + broken, ray_local.put(zip_package(package)))
    with pytest.raises(ModelStoreError):
        unpack_shipped(shipped, tmp_path / "node")
