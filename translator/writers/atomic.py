"""Atomic file writes: a reader of the path sees the old file or the new one, never half of one."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from translator.errors import OutputError


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write data to path through a temp file in the same folder, fsync, then rename over it."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    folder = path.parent if str(path.parent) else Path(".")
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise OutputError(
            f"cannot write {path}: {error.strerror}", "check the folder exists and is writable"
        ) from None
    try:
        with os.fdopen(handle, "wb") as temp:
            temp.write(payload)
            temp.flush()
            os.fsync(temp.fileno())
        os.replace(temp_name, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise OutputError(
            f"cannot write {path}: {error.strerror}", "check free space and permissions"
        ) from None
