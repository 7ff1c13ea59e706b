"""Atomic file writes: a reader of the path sees the old file or the new one, never half of one."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from translator.errors import OutputError


@contextlib.contextmanager
def atomic_output(path: Path) -> Iterator[IO[str]]:
    """A text handle on a temp file beside path; renamed over path only if the block succeeds."""
    folder = path.parent if str(path.parent) else Path(".")
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise OutputError(f"cannot write {path}: {error.strerror}", "check the folder exists and is writable") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as temp:
            yield temp
            temp.flush()
            os.fsync(temp.fileno())
        os.replace(temp_name, path)
    except OSError as error:
        raise OutputError(f"cannot write {path}: {error.strerror}", "check free space and permissions") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp_name)


def write_atomic(path: Path, text: str) -> None:
    """Write text to path through a temp file in the same folder, fsync, then rename over it."""
    with atomic_output(path) as handle:
        handle.write(text)
