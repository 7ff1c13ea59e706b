"""Argos packages from the driver to the workers through Ray's object store, unpacked once per node.

The driver zips each package a run needs once and puts it in the object store; a worker that lacks
it unpacks it (with our validated extraction) into its node's cache, keyed by the package's
fingerprint, under a file lock: the first worker of a node unpacks, the others wait and reuse it, and
later runs on that node find it there.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import io
import os
import tempfile
import threading
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from translator.engine.store import InstalledPackage, ModelStore, install_package_file, read_package


@dataclass(frozen=True, slots=True)
class ShippedPackage:
    """A package the driver put in the object store, as the workers receive it."""

    name: str
    """Its folder name (the driver's; the model id keeps it)."""
    fingerprint: str
    """A hash of its files' names, sizes and times: the node cache's key."""
    archive: Any
    """The Ray object reference of its zip (a `.argosmodel` with one top folder)."""


def package_fingerprint(package: InstalledPackage) -> str:
    """What identifies a package's content without reading it all: its files' names, sizes and times."""
    digest = hashlib.sha256(package.model_id.encode())
    for path in sorted(package.path.rglob("*")):
        if path.is_file():
            stat = path.stat()
            digest.update(f"\0{path.relative_to(package.path)}\0{stat.st_size}\0{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:24]


def zip_package(package: InstalledPackage) -> bytes:
    """A package folder as a `.argosmodel` zip in memory (stored, not compressed: models barely shrink)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for path in sorted(package.path.rglob("*")):
            if path.is_file() and not path.is_symlink():
                archive.write(path, f"{package.path.name}/{path.relative_to(package.path).as_posix()}")
    return buffer.getvalue()


class PackageShipper:
    """The driver's side: each package put in the object store once per run, on first need."""

    def __init__(self) -> None:
        self._shipped: dict[Path, ShippedPackage] = {}
        self._lock = threading.Lock()

    def ship(self, package: InstalledPackage) -> ShippedPackage:
        """The package as the workers receive it (zipped and put in the object store the first time)."""
        import ray

        with self._lock:
            shipped = self._shipped.get(package.path)
            if shipped is None:
                fingerprint = package_fingerprint(package)
                archive = ray.put(zip_package(package))
                shipped = self._shipped[package.path] = ShippedPackage(package.path.name, fingerprint, archive)
            return shipped


def node_model_cache() -> Path:
    """Where a node keeps the packages shipped to it (the user cache folder of the workers' account)."""
    from platformdirs import user_cache_path

    return user_cache_path("thread-translator") / "cluster-models"


@contextlib.contextmanager
def _file_lock(path: Path) -> Iterator[None]:
    """An exclusive lock between the processes of one node (released when the file is closed)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def unpack_shipped(shipped: ShippedPackage, cache: Path | None = None) -> InstalledPackage:
    """The worker's side: the shipped package on this node's disk, unpacked by the first worker that
    needs it (fetched from the object store only then)."""
    import ray

    folder = (cache or node_model_cache()) / shipped.fingerprint
    if not (folder / shipped.name / "metadata.json").is_file():
        with _file_lock(folder.with_name(f"{shipped.fingerprint}.lock")):
            if not (folder / shipped.name / "metadata.json").is_file():
                data: bytes = ray.get(shipped.archive)
                descriptor, archive = tempfile.mkstemp(suffix=".argosmodel", dir=folder.parent)
                try:
                    with os.fdopen(descriptor, "wb") as handle:
                        handle.write(data)
                    install_package_file(Path(archive), folder)
                finally:
                    os.unlink(archive)
    return read_package(folder / shipped.name, "shipped")


class ShippedModels(ModelStore):
    """A worker's packages: exactly those the driver shipped, so a pair is translated by the package the
    driver chose (whatever the node itself has installed)."""

    def __init__(self) -> None:
        super().__init__((), include_bundled=False)
        self._shipped: dict[Path, InstalledPackage] = {}

    def add(self, package: InstalledPackage) -> None:
        """Make a shipped package available."""
        with self._lock:
            self._shipped.setdefault(package.path, package)

    def packages(self) -> list[InstalledPackage]:
        """The shipped packages (the driver ships at most one per direct pair)."""
        with self._lock:
            return list(self._shipped.values())
