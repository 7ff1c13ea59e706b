"""The detectors' models, decoded once per machine instead of once per process.

Loading langdetect's 55 JSON profiles into its n-gram map and decompressing langid.py's LZMA model took
most of a command's start (about 2 s of the 2.5 s `translate-text` spends before translating). Both are
fixed data shipped in their packages, so the arrays built from them are kept in the user cache folder as
plain `.npz` files, read back in a few milliseconds. A cache file is named by what it was built from
(package version, source files' sizes and times, this module's format), so an upgraded package never
reads a stale one; one that cannot be read is rebuilt; a cache folder that cannot be written only costs
the time it would have saved. Files are written to a temporary name and renamed: processes starting
together (Ray workers, server processes) never read a half-written one.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import zipfile
from array import array
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from numpy.typing import NDArray

FORMAT = "1"
"""Bumped when what a cache file holds changes."""

Arrays = dict[str, "NDArray[Any]"]


def cache_dir() -> Path:
    """Where decoded detector models are kept (user cache dir)."""
    from platformdirs import user_cache_path

    return user_cache_path("thread-translator") / "detector-models"


def fingerprint(*parts: object, files: list[Path]) -> str:
    """A short digest of the given parts and of each file's name, size and modification time."""
    digest = hashlib.sha256(FORMAT.encode())
    for part in parts:
        digest.update(repr(part).encode())
    for path in sorted(files):
        stat = path.stat()
        digest.update(f"{path.name}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
    return digest.hexdigest()[:16]


def cached_arrays(name: str, key: str, build: Callable[[], Arrays], folder: Path | None = None) -> Arrays:
    """The arrays `build` makes, read from the cache file `name-key.npz` when it is there and sound,
    else built and (where the folder allows) written for the next process."""
    import numpy as np

    folder = cache_dir() if folder is None else folder
    path = folder / f"{name}-{key}.npz"
    try:
        with open(path, "rb") as handle:
            stored = np.load(handle, allow_pickle=False)
            if isinstance(stored, np.lib.npyio.NpzFile):
                with stored:
                    return {field: stored[field] for field in stored.files}
    except (OSError, ValueError, EOFError, zipfile.BadZipFile):
        pass  # not there yet, or unreadable: built again below
    arrays = build()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=folder, prefix=f".{name}-", suffix=".npz.part")
        try:
            with os.fdopen(descriptor, "wb") as out:
                np.savez(out, **cast(dict[str, Any], arrays))  # mypy reads a key as allow_pickle
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError:
        pass  # a read-only or full cache folder: the next process builds them again
    return arrays


def langdetect_factory() -> Any:
    """langdetect's profiles, loaded whole or not at all. Its own `init_factory` publishes the factory before
    loading it, and its loader turns any exception, Ctrl-C included, into a "profile format error": a
    Ctrl-C while the profiles load left a half-loaded factory that every later detection used, and a
    traceback. Here the factory is loaded aside, Ctrl-C stays KeyboardInterrupt, and only a complete
    factory is shared (langdetect's own `detect` then uses it too)."""
    import os

    from langdetect import detector_factory
    from langdetect.lang_detect_exception import LangDetectException

    directory = detector_factory.PROFILES_DIRECTORY
    expected = sum(1 for name in os.listdir(directory) if not name.startswith("."))
    loaded = detector_factory._factory
    if loaded is not None and len(loaded.langlist) == expected:
        return loaded
    factory = detector_factory.DetectorFactory()
    try:
        factory.load_profile(directory)
    except LangDetectException as error:
        if isinstance(error.__context__, KeyboardInterrupt):
            raise KeyboardInterrupt from None
        raise
    detector_factory._factory = factory
    return factory


def langdetect_profiles(smoothing: float, folder: Path | None = None) -> Arrays:
    """langdetect's profiles as `languages` (its codes, in its order), `grams` (the n-grams) and
    `log_probability` (one row per n-gram, one column per language: the log of the probability its factory
    holds, plus `smoothing`)."""
    import langdetect
    import numpy as np
    from langdetect import detector_factory

    profiles = Path(detector_factory.PROFILES_DIRECTORY)

    def build() -> Arrays:
        factory = langdetect_factory()
        grams = factory.word_lang_prob_map
        return {
            "languages": np.array(factory.langlist),
            "grams": np.array(list(grams)),
            "log_probability": np.log(np.array(list(grams.values()), dtype=np.float64) + smoothing),
        }

    key = fingerprint("langdetect", langdetect.__file__, smoothing, files=list(profiles.iterdir()))
    return cached_arrays("langdetect", key, build, folder)


def langid_identifier(folder: Path | None = None) -> Any:
    """py3langid's identifier over its shipped model (raw scores: norm_probs off)."""
    import numpy as np
    import py3langid
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier
    from py3langid.modelio import load_model

    model = Path(MODEL_DIR) / MODEL_FILE

    def build() -> Arrays:
        ptc, pc, classes, nextmove, row, output = load_model(model)
        return {
            "ptc": np.asarray(ptc),
            "pc": np.asarray(pc),
            "classes": np.array(classes),
            "nextmove": _unsigned(nextmove),
            "row": _unsigned(row),
            "output": np.array(output, dtype=np.int32),
        }

    version = getattr(py3langid, "__version__", "")
    arrays = cached_arrays("langid", fingerprint("py3langid", version, files=[model]), build, folder)
    return LanguageIdentifier(
        arrays["ptc"],
        arrays["pc"],
        arrays["classes"].tolist(),
        _stdlib_array(arrays["nextmove"]),
        arrays["output"].tolist(),
        norm_probs=False,
        tk_row=_stdlib_array(arrays["row"]),
    )


_TYPECODES = {2: "H", 4: "I", 8: "L"}


def _unsigned(values: array[int]) -> NDArray[Any]:
    """A stdlib array of unsigned integers as the NumPy array of the same bytes."""
    import numpy as np

    return np.frombuffer(values.tobytes(), dtype=np.dtype(f"u{values.itemsize}"))


def _stdlib_array(values: NDArray[Any]) -> array[int]:
    """The stdlib array py3langid's tokenizer walks (its model loader gives the same)."""
    out = array(_TYPECODES[values.dtype.itemsize])
    out.frombytes(values.tobytes())
    return out
