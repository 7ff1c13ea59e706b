"""Files in and out: atomic writes (the old file or the new one, never half) and bounded reads of regular files."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from translator.errors import InputError, OutputError

NEW_FILE_MODE = 0o666
"""Mode asked for a new file; the kernel takes the umask off, as for any file a program creates."""
READ_CHUNK = 1 << 20
"""Bytes read at a time from an input file."""
NOT_A_FILE = {
    stat.S_IFDIR: ("is a folder, not a file", "give one file"),
    stat.S_IFIFO: ("is a named pipe (FIFO), not a file", "save the input to a file first"),
    stat.S_IFCHR: ("is a device, not a file", "give a regular file"),
    stat.S_IFBLK: ("is a device, not a file", "give a regular file"),
    stat.S_IFSOCK: ("is a socket, not a file", "give a regular file"),
}
"""What to say about each kind of path that is not a regular file."""


@contextlib.contextmanager
def atomic_output(path: Path) -> Iterator[IO[str]]:
    """A text handle on a temp file beside path's target; renamed over it only if the block succeeds.

    A symbolic link stays a link: the file it points to is replaced. An existing file keeps its mode;
    a new one gets the umask's, like any file a program creates, and the folders it names are created.
    """
    try:
        kind: int | None = stat.S_IFMT(os.stat(path).st_mode)
    except OSError:
        kind = None
    if kind is not None and kind != stat.S_IFREG:
        # Never renamed over: a device (`-o /dev/null`; as root the rename would replace the device itself)
        # or a named pipe is written to directly; a folder, a disk or a socket is refused.
        with _direct_output(path, kind) as stream:
            yield stream
        return
    target = Path(os.path.realpath(path))
    try:
        old_mode: int | None = stat.S_IMODE(target.stat().st_mode)
    except OSError:
        old_mode = None
    if old_mode is None:
        make_folder(Path(path).parent)  # every output named by a user may name a new folder (`-o out/x.po`)
    handle, temp = _create_temp_file(path, target, old_mode)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as temp_file:
            yield temp_file
            temp_file.flush()
            if old_mode is not None:
                # The umask may have narrowed the temp file's mode; give back exactly the old one.
                os.fchmod(temp_file.fileno(), old_mode)
            os.fsync(temp_file.fileno())
        os.replace(temp, target)
        _sync_folder(target.parent)
    except OSError as error:
        raise OutputError(f"cannot write {path}: {error.strerror}", "check free space and permissions") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)


@contextlib.contextmanager
def _direct_output(path: Path, kind: int) -> Iterator[IO[str]]:
    """A text handle straight on a character device or a named pipe; OutputError for any other kind of
    path that is not a regular file."""
    if kind not in (stat.S_IFCHR, stat.S_IFIFO):
        what, _ = NOT_A_FILE.get(kind, ("is not a regular file", ""))
        raise OutputError(f"cannot write {path}: it {what}", "name a file to write")
    try:
        with open(path, "w", encoding="utf-8", newline="") as handle:
            yield handle
    except OSError as error:
        raise OutputError(f"cannot write {path}: {error.strerror}", "check free space and permissions") from None


def write_atomic(path: Path, text: str) -> None:
    """Write text to path through a temp file in the same folder, fsync, then rename over it."""
    with atomic_output(path) as handle:
        handle.write(text)


def _create_temp_file(path: Path, target: Path, old_mode: int | None) -> tuple[int, Path]:
    """A new temp file beside target, created with the old file's mode (never wider than it) or the
    default mode less the umask; its descriptor and path."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    mode = NEW_FILE_MODE if old_mode is None else old_mode
    while True:
        temp = target.with_name(f".{target.name}.{os.urandom(4).hex()}.tmp")
        try:
            return os.open(temp, flags, mode), temp
        except FileExistsError:
            continue
        except OSError as error:
            raise OutputError(
                f"cannot write {path}: {error.strerror}", "check the folder exists and is writable"
            ) from None


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable: fsync the folder that holds the new name."""
    try:
        descriptor = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return  # a folder that cannot be opened (Windows) cannot be synced either
    try:
        os.fsync(descriptor)
    except OSError as error:
        # Some file systems do not sync folders; that is not a failed write.
        if error.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EBADF):
            raise
    finally:
        os.close(descriptor)


def make_folder(path: Path) -> Path:
    """Create a folder for outputs (and its parents) unless it exists; OutputError when it cannot be."""
    try:
        path.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise OutputError(f"{path} is a file, not a folder", "name a folder for the outputs") from None
    except NotADirectoryError:
        raise OutputError(
            f"cannot create {path}: part of its path is a file", "name a folder for the outputs"
        ) from None
    except OSError as error:
        raise OutputError(f"cannot create {path}: {error.strerror}", "check permissions and free space") from None
    return path


def open_input_file(path: Path) -> IO[bytes]:
    """A binary handle on a regular file; InputError for a missing path, a folder, a FIFO, a device or
    a socket (opened without blocking, so a FIFO with no writer cannot hang us)."""
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except (FileNotFoundError, NotADirectoryError):
        raise InputError(f"{path}: no such file", "check the path") from None
    except OSError as error:
        # A folder (on some systems) or a socket cannot be opened at all: say what it is.
        with contextlib.suppress(OSError):
            _refuse_kind(path, stat.S_IFMT(os.stat(path).st_mode))
        raise InputError(f"cannot read {path}: {error.strerror}", "check the file's permissions") from None
    try:
        _refuse_kind(path, stat.S_IFMT(os.fstat(descriptor).st_mode))
    except InputError:
        os.close(descriptor)
        raise
    if hasattr(os, "set_blocking"):
        os.set_blocking(descriptor, True)
    return os.fdopen(descriptor, "rb")


def _refuse_kind(path: Path, kind: int) -> None:
    """InputError unless the file kind is a regular file."""
    if kind != stat.S_IFREG:
        message, hint = NOT_A_FILE.get(kind, ("is not a regular file", "give a regular file"))
        raise InputError(f"{path} {message}", hint)


def read_input_bytes(path: Path, limit: int, too_large_hint: str = "split it into smaller files") -> bytes:
    """The bytes of a regular file of at most `limit` bytes, counted while reading (a size on disk can
    be wrong: /proc files, a file still growing); InputError when it is larger or cannot be read."""
    size = f"{limit // 2**20} MB" if limit >= 2**20 else f"{limit} bytes"
    too_large = InputError(f"{path} is larger than the {size} limit", too_large_hint)
    with open_input_file(path) as handle:
        try:
            if os.fstat(handle.fileno()).st_size > limit:
                raise too_large
            chunks, total = [], 0
            while chunk := handle.read(min(READ_CHUNK, limit + 1 - total)):
                chunks.append(chunk)
                total += len(chunk)
                if total > limit:
                    raise too_large
        except OSError as error:
            raise InputError(f"cannot read {path}: {error.strerror}", "check the file and the disk") from None
    return b"".join(chunks)
