"""Find, install and remove Argos packages: where argostranslate keeps them, our own dirs, the bundled demo.

A `--models-dir` folder may hold package folders or `.argosmodel` files as downloaded: each file is
checked and extracted once into the user cache, with the same validation as `models install`; a damaged
one is skipped, and the store says which and how to fix it (`ModelStore.skipped`).

Installing is our own validated extraction (argostranslate's `install_from_path` imports its heavy
translate module and extracts any zip as is): the archive must be a zip with one top folder holding
`metadata.json` and `model/`, with no path escaping that folder and no links. It is extracted beside
the destination and renamed into place, so a failure never leaves a half-installed package.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import shutil
import stat
import tempfile
import threading
import zipfile
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from translator.errors import ModelStoreError

BUNDLED_DIR = Path(__file__).resolve().parent.parent / "data" / "models"
"""Where the demo packages we train ourselves ship inside the package."""

INDEX_FILE = "index.json"
DEFAULT_INDEX = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/"
MAX_PACKAGE_BYTES = 2 * 1024**3
Progress = Callable[[int], None]


@dataclass(frozen=True, slots=True)
class InstalledPackage:
    """An Argos translation package found on disk."""

    path: Path
    """The package folder (holding metadata.json and model/)."""
    from_code: str
    """Source language (Argos code)."""
    to_code: str
    """Target language (Argos code)."""
    version: str
    """The package version from its metadata."""
    origin: str
    """Where it was found: `argos`, `models-dir`, `bundled`..."""
    target_prefix: str = ""
    """Token the decoder must start with, for multilingual models."""
    archive: Path | None = None
    """The `.argosmodel` file in a models folder it was extracted from (None for a package folder)."""

    @property
    def pair(self) -> str:
        """`fr-en`."""
        return f"{self.from_code}-{self.to_code}"

    @property
    def model_id(self) -> str:
        """What identifies the model in a translation memory: pair, version and folder name."""
        return f"{self.path.name}@{self.version}"

    def size_bytes(self) -> int:
        """Total size of the package folder."""
        return sum(item.stat().st_size for item in self.path.rglob("*") if item.is_file())


@dataclass(frozen=True, slots=True)
class SkippedFile:
    """A package file in a models folder that cannot be used."""

    path: Path
    """The `.argosmodel` file."""
    problem: str
    """What is wrong with it."""
    hint: str
    """How to fix it or install a good copy."""


@dataclass(frozen=True, slots=True)
class AvailablePackage:
    """A package listed in an Argos package index."""

    from_code: str
    """Source language."""
    to_code: str
    """Target language."""
    version: str
    """Package version."""
    links: tuple[str, ...]
    """Download addresses, tried in order."""
    sha256: str | None
    """Checksum when the index gives one."""
    name: str
    """Index name of the package."""


def argos_package_dirs(environ: os._Environ[str] | dict[str, str] | None = None) -> list[Path]:
    """Where argostranslate keeps packages: ARGOS_PACKAGES_DIR, else the XDG data dir; plus the legacy
    ARGOS_TRANSLATE_PACKAGE_DIR. Computed here so that finding packages creates no folder."""
    env = os.environ if environ is None else environ
    data_home = Path(env.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    dirs = [
        Path(env["ARGOS_PACKAGES_DIR"]) if env.get("ARGOS_PACKAGES_DIR") else data_home / "argos-translate" / "packages"
    ]
    if env.get("ARGOS_TRANSLATE_PACKAGE_DIR"):
        dirs.append(Path(env["ARGOS_TRANSLATE_PACKAGE_DIR"]))
    return list(dict.fromkeys(dirs))


def install_dir(environ: os._Environ[str] | dict[str, str] | None = None) -> Path:
    """Where `translator models install` puts packages: argostranslate's own folder, so both tools see them."""
    return argos_package_dirs(environ)[0]


def bundled_cache_dir() -> Path:
    """Where the bundled demo packages are extracted once (user cache dir)."""
    from platformdirs import user_cache_path

    return user_cache_path("thread-translator") / "bundled-models"


def package_files_cache_dir() -> Path:
    """Where package files found in models folders are extracted once (user cache dir)."""
    from platformdirs import user_cache_path

    return user_cache_path("thread-translator") / "package-files"


def read_package(path: Path, origin: str) -> InstalledPackage:
    """Read a package folder's metadata; raise ModelStoreError when it is not a translation package."""
    metadata_path = path / "metadata.json"
    try:
        metadata = json.loads(metadata_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ModelStoreError(f"{path} is not an Argos package: no metadata.json", "reinstall it") from None
    except (OSError, ValueError) as error:
        raise ModelStoreError(f"{metadata_path} is unreadable: {error}", "reinstall the package") from None
    if not isinstance(metadata, dict):
        raise ModelStoreError(f"{metadata_path} is not a JSON object", "reinstall the package")
    from_code, to_code = metadata.get("from_code"), metadata.get("to_code")
    if not isinstance(from_code, str) or not isinstance(to_code, str):
        raise ModelStoreError(f"{metadata_path} names no from_code/to_code", "reinstall the package")
    if metadata.get("type", "translate") != "translate":
        raise ModelStoreError(f"{path} is a {metadata.get('type')!r} package, not a translation model")
    if not (path / "model").is_dir():
        raise ModelStoreError(f"{path} has no model/ folder", "reinstall the package")
    return InstalledPackage(
        path=path,
        from_code=from_code,
        to_code=to_code,
        version=str(metadata.get("package_version", "")),
        origin=origin,
        target_prefix=str(metadata.get("target_prefix", "") or ""),
    )


class ModelStore:
    """The packages visible to this process: --models-dir folders first (package folders, then package
    files), then argostranslate's, then bundled."""

    def __init__(self, models_dirs: Sequence[Path] = (), include_bundled: bool = True) -> None:
        self.models_dirs = tuple(models_dirs)
        self.include_bundled = include_bundled
        self._lock = threading.Lock()
        self._packages: list[InstalledPackage] | None = None
        self._skipped: list[SkippedFile] = []

    def search_dirs(self) -> list[tuple[Path, str]]:
        """Folders searched, in priority order, with their origin label."""
        dirs = [(path, "models-dir") for path in self.models_dirs]
        dirs += [(path, "argos") for path in argos_package_dirs()]
        return dirs

    def packages(self) -> list[InstalledPackage]:
        """Every valid translation package, highest priority first (broken ones are skipped)."""
        with self._lock:
            if self._packages is None:
                found: list[InstalledPackage] = []
                skipped: list[SkippedFile] = []
                for folder, origin in self.search_dirs():
                    found.extend(_packages_in(folder, origin))
                    if origin == "models-dir":
                        found.extend(_packages_from_files(folder, origin, skipped))
                if self.include_bundled:
                    found.extend(_packages_in(extract_bundled(), "bundled"))
                self._packages, self._skipped = found, skipped
            return list(self._packages)

    def skipped(self) -> list[SkippedFile]:
        """The package files of the models folders that could not be used (and why)."""
        self.packages()
        with self._lock:
            return list(self._skipped)

    def refresh(self) -> None:
        """Forget what was found, so the next look sees installs and removals."""
        with self._lock:
            self._packages = None

    def find(self, from_code: str, to_code: str) -> InstalledPackage | None:
        """The preferred package for a direct pair, if any."""
        return next((p for p in self.packages() if (p.from_code, p.to_code) == (from_code, to_code)), None)

    def languages(self) -> set[str]:
        """Every language some installed package translates from or to."""
        return {code for p in self.packages() for code in (p.from_code, p.to_code)}


def _packages_in(folder: Path, origin: str) -> list[InstalledPackage]:
    if not folder.is_dir():
        return []
    found = []
    for path in sorted(folder.iterdir()):
        if path.is_dir() and not path.name.startswith("."):
            with contextlib.suppress(ModelStoreError):
                found.append(read_package(path, origin))
    return found


def _packages_from_files(folder: Path, origin: str, skipped: list[SkippedFile]) -> list[InstalledPackage]:
    """The packages of the `.argosmodel` files in a folder, each extracted once; damaged ones go to skipped."""
    if not folder.is_dir():
        return []
    found: list[InstalledPackage] = []
    for archive in sorted(folder.glob("*.argosmodel")):
        if not archive.is_file():
            continue
        try:
            extracted = extract_package_file(archive)
        except ModelStoreError as error:
            skipped.append(
                SkippedFile(
                    archive,
                    error.message,
                    f"{error.hint or 'check the file'}; a good copy is used from this folder as it is, or "
                    f"install one with: translator models install FILE.argosmodel",
                )
            )
            continue
        found.extend(dataclasses.replace(package, archive=archive) for package in _packages_in(extracted, origin))
    return found


def extract_package_file(archive: Path) -> Path:
    """The folder a package file of a models folder is extracted to, once (keyed by its path, size and
    time; validated as `install_package_file` does). A damaged file raises ModelStoreError, and is
    remembered as damaged until it changes, so it is not read again on every run."""
    try:
        info = archive.stat()
    except OSError as error:
        raise ModelStoreError(f"cannot read {archive}: {error.strerror}", "check the file") from None
    place = hashlib.sha256(str(archive.resolve()).encode()).hexdigest()[:16]
    stamp = hashlib.sha256(f"{info.st_size}:{info.st_mtime_ns}".encode()).hexdigest()[:8]
    cache = package_files_cache_dir()
    target, damaged = cache / f"{place}-{stamp}", cache / f"{place}-{stamp}.damaged"
    known = _remembered_problem(damaged)
    if known is not None:
        raise known
    try:
        _extract_once([archive], target)
    except ModelStoreError as error:
        with contextlib.suppress(OSError):
            damaged.write_text(json.dumps([error.message, error.hint]), encoding="utf-8")
        raise
    # Copies of an older version of the same file are no longer needed.
    for old in cache.glob(f"{place}-*"):
        if old.name != target.name:
            if old.is_dir():
                shutil.rmtree(old, ignore_errors=True)
            else:
                old.unlink(missing_ok=True)
    return target


def _remembered_problem(marker: Path) -> ModelStoreError | None:
    try:
        problem, hint = json.loads(marker.read_text(encoding="utf-8"))
    except (OSError, ValueError, TypeError):
        return None
    return ModelStoreError(str(problem), str(hint))


_extract_lock = threading.Lock()


def extract_bundled() -> Path:
    """Extract the bundled demo packages once into the user cache (keyed by content), and return the folder."""
    archives = sorted(BUNDLED_DIR.glob("*.argosmodel")) if BUNDLED_DIR.is_dir() else []
    digest = hashlib.sha256()
    for archive in archives:
        digest.update(archive.name.encode())
        digest.update(str(archive.stat().st_size).encode())
        digest.update(str(archive.stat().st_mtime_ns).encode())
    target = bundled_cache_dir() / digest.hexdigest()[:16]
    try:
        return _extract_once(archives, target)
    except ModelStoreError as error:
        raise ModelStoreError(
            f"the bundled demo model is damaged: {error.message}", "reinstall thread-translator"
        ) from None


def _extract_once(archives: Sequence[Path], target: Path) -> Path:
    """Install every archive into target unless it is there already: into a staging folder beside it,
    renamed into place, so another process sees all of them or none."""
    with _extract_lock:
        if not target.is_dir() and archives:
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                staging = Path(tempfile.mkdtemp(prefix=".extract-", dir=target.parent))
            except OSError as error:
                raise ModelStoreError(
                    f"cannot extract packages into {target.parent}: {error.strerror}", "check the cache folder"
                ) from None
            try:
                for archive in archives:
                    install_package_file(archive, staging)
                os.replace(staging, target)
            except OSError:
                # Another process finished first: use its copy.
                if not target.is_dir():
                    raise
            finally:
                shutil.rmtree(staging, ignore_errors=True)
    return target


def _validated_members(archive: zipfile.ZipFile, name: str) -> tuple[str, list[zipfile.ZipInfo]]:
    """The single top folder and the members of a package zip; raise when anything is unsafe or missing."""
    members = archive.infolist()
    if not members:
        raise ModelStoreError(f"{name} is an empty zip", "download the package again")
    tops = set()
    total = 0
    for member in members:
        path = PurePosixPath(member.filename)
        if (
            member.filename.startswith(("/", "\\"))
            or ".." in path.parts
            or ":" in path.parts[0]
            or "\\" in member.filename
        ):
            raise ModelStoreError(f"{name} holds an unsafe path {member.filename!r}", "do not install this file")
        mode = member.external_attr >> 16
        if stat.S_ISLNK(mode):
            raise ModelStoreError(f"{name} holds a symbolic link {member.filename!r}", "do not install this file")
        tops.add(path.parts[0])
        total += member.file_size
    if total > MAX_PACKAGE_BYTES:
        raise ModelStoreError(f"{name} unpacks to {total / 1e9:.1f} GB, too large for a package", "check the file")
    if len(tops) != 1:
        raise ModelStoreError(f"{name} must hold one package folder, it holds {len(tops)}", "check the file")
    top = tops.pop()
    names = {member.filename.rstrip("/") for member in members}
    if f"{top}/metadata.json" not in names:
        raise ModelStoreError(f"{name} has no metadata.json in {top}/", "this is not an Argos package")
    if not any(entry.startswith(f"{top}/model/") for entry in names):
        raise ModelStoreError(f"{name} has no model/ folder in {top}/", "this is not an Argos translation package")
    return top, members


def install_package_file(archive_path: Path, destination: Path | None = None) -> InstalledPackage:
    """Install a `.argosmodel` file into destination (default: argostranslate's folder), atomically."""
    destination = destination or install_dir()
    name = archive_path.name
    if archive_path.is_dir():
        raise ModelStoreError(f"{archive_path} is a folder, not a package file", "name the .argosmodel file")
    if not archive_path.is_file():
        raise ModelStoreError(f"{archive_path}: no such file", "check the path")
    if not zipfile.is_zipfile(archive_path):
        raise ModelStoreError(f"{name} is not a zip archive, so not an Argos package", "download it again")
    created = not destination.exists()
    try:
        destination.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".install-", dir=destination))
    except OSError as error:
        raise ModelStoreError(
            f"cannot install into {destination}: {error.strerror}", "check the folder is writable, or pass --to-dir"
        ) from None
    try:
        return _install_from(archive_path, name, staging, destination)
    except BaseException:
        if created:  # a refused package leaves no new empty folder behind
            with contextlib.suppress(OSError):
                shutil.rmtree(staging, ignore_errors=True)
                destination.rmdir()
        raise


def _install_from(archive_path: Path, name: str, staging: Path, destination: Path) -> InstalledPackage:
    """Extract a package into staging (removed at the end), then swap it into destination."""
    try:
        try:
            with zipfile.ZipFile(archive_path) as archive:
                top, members = _validated_members(archive, name)
                broken = archive.testzip()
                if broken is not None:
                    raise ModelStoreError(f"{name} is corrupt (bad data in {broken})", "download it again")
                for member in members:
                    archive.extract(member, staging)
        # A flipped bit in compressed data fails in zlib before the CRC check can notice.
        except (zipfile.BadZipFile, EOFError, OSError, ValueError, zlib.error) as error:
            raise ModelStoreError(f"{name} is corrupt: {error}", "download it again") from None
        package = read_package(staging / top, "installed")
        final = destination / top
        try:
            if final.exists():
                # Swap in the new copy, then drop the old one: never a moment without a whole package.
                retired = Path(tempfile.mkdtemp(prefix=".old-", dir=destination))
                os.replace(final, retired / top)
                os.replace(staging / top, final)
                shutil.rmtree(retired, ignore_errors=True)
            else:
                os.replace(staging / top, final)
        except OSError as error:
            raise ModelStoreError(f"cannot install {final}: {error.strerror}", "check the folder is writable") from None
        return read_package(final, package.origin)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def remove_package(store: ModelStore, from_code: str, to_code: str) -> list[InstalledPackage]:
    """Remove every installed (not bundled) package for a pair; raise when there is none."""
    pair = [p for p in store.packages() if (p.from_code, p.to_code) == (from_code, to_code) and p.origin != "bundled"]
    removable = [p for p in pair if p.archive is None]
    files = [p.archive for p in pair if p.archive is not None]
    if not removable and files:
        raise ModelStoreError(
            f"{from_code}->{to_code} comes from the package file {files[0]}", "delete or move that file to remove it"
        )
    if not removable:
        raise ModelStoreError(
            f"no installed package for {from_code}->{to_code}",
            "see what is installed with `translator models list`; bundled demo models cannot be removed",
        )
    for package in removable:
        retired = package.path.with_name(f".removing-{package.path.name}")
        try:
            os.replace(package.path, retired)
        except OSError as error:
            raise ModelStoreError(
                f"cannot remove {package.path}: {error.strerror}", "check its folder is writable by you"
            ) from None
        shutil.rmtree(retired, ignore_errors=True)
    store.refresh()
    return removable


def index_url(environ: os._Environ[str] | dict[str, str] | None = None) -> str:
    """The package index address: ARGOS_PACKAGE_INDEX (a folder URL holding index.json) or Argos's default."""
    env = os.environ if environ is None else environ
    base = env.get("ARGOS_PACKAGE_INDEX") or DEFAULT_INDEX
    if base.endswith(".json"):
        return base
    return base.rstrip("/") + "/" + INDEX_FILE


def fetch(url: str, progress_factory: Callable[[int], Progress] | None = None, timeout: float = 60) -> bytes:
    """Bytes at an http(s) or file URL, with progress; raise ModelStoreError on any failure."""
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            total = int(response.headers.get("Content-Length") or 0)
            advance = progress_factory(total) if progress_factory and total else None
            chunks = []
            while chunk := response.read(1 << 20):
                chunks.append(chunk)
                if advance:
                    advance(len(chunk))
            return b"".join(chunks)
    except (urllib.error.URLError, OSError, ValueError) as error:
        reason = getattr(error, "reason", error)
        raise ModelStoreError(f"cannot download {url}: {reason}", "check ARGOS_PACKAGE_INDEX and the network") from None


def available_packages(url: str | None = None) -> list[AvailablePackage]:
    """The translation packages listed in the index."""
    url = url or index_url()
    try:
        entries = json.loads(fetch(url))
    except ValueError:
        raise ModelStoreError(f"the package index at {url} is not valid JSON", "check ARGOS_PACKAGE_INDEX") from None
    if not isinstance(entries, list):
        raise ModelStoreError(f"the package index at {url} is not a list of packages", "check ARGOS_PACKAGE_INDEX")
    packages = []
    for entry in entries:
        if not isinstance(entry, dict) or entry.get("type", "translate") != "translate":
            continue
        links = entry.get("links") or []
        if not isinstance(entry.get("from_code"), str) or not isinstance(entry.get("to_code"), str) or not links:
            continue
        packages.append(_available(entry, links))
    return packages


def _available(entry: dict[str, Any], links: Iterable[str]) -> AvailablePackage:
    return AvailablePackage(
        from_code=entry["from_code"],
        to_code=entry["to_code"],
        version=str(entry.get("package_version", "")),
        links=tuple(str(link) for link in links),
        sha256=entry.get("sha256") or entry.get("checksum"),
        name=str(entry.get("code") or f"translate-{entry['from_code']}_{entry['to_code']}"),
    )


def install_from_index(
    from_code: str,
    to_code: str,
    destination: Path | None = None,
    url: str | None = None,
    progress_factory: Callable[[int], Progress] | None = None,
) -> InstalledPackage:
    """Download the newest package for a pair from the index, check it, and install it."""
    candidates = [p for p in available_packages(url) if (p.from_code, p.to_code) == (from_code, to_code)]
    if not candidates:
        raise ModelStoreError(
            f"the package index has no {from_code}->{to_code} package",
            "see `translator models list --available`, or install a file: translator models install FILE.argosmodel",
        )
    from packaging.version import InvalidVersion, Version

    def version_key(package: AvailablePackage) -> tuple[int, Version | str]:
        try:
            return (1, Version(package.version))
        except InvalidVersion:
            return (0, package.version)

    chosen = max(candidates, key=version_key)
    errors = []
    for link in chosen.links:
        try:
            data = fetch(link, progress_factory)
        except ModelStoreError as error:
            errors.append(error.message)
            continue
        if chosen.sha256 and hashlib.sha256(data).hexdigest() != chosen.sha256.lower():
            raise ModelStoreError(f"checksum mismatch for {link}", "the download is corrupt or was tampered with")
        with tempfile.TemporaryDirectory(prefix="translator-download-") as folder:
            archive = Path(folder) / f"{chosen.name}.argosmodel"
            archive.write_bytes(data)
            return install_package_file(archive, destination)
    raise ModelStoreError(f"could not download {from_code}->{to_code}: {'; '.join(errors)}", "check the network")
