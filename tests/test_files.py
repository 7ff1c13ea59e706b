"""Atomic writes keep modes and links and make the rename durable; inputs are regular files read within a limit."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.special_files import existing_file, fifo, unix_socket
from translator.errors import InputError, OutputError
from translator.files import atomic_output, make_folder, open_input_file, read_input_bytes, write_atomic


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def umask() -> Iterator[Callable[[int], int]]:
    """Set the process umask for one test, and put the old one back."""
    old = os.umask(0o022)
    os.umask(old)
    yield os.umask
    os.umask(old)


@pytest.mark.parametrize(
    ("mask", "expected"),
    [
        (0o022, 0o644),  # the usual umask: readable by all, as `touch` would make it (not 0600)
        (0o027, 0o640),  # a group-only umask is honoured
        (0o077, 0o600),  # a private umask stays private
    ],
)
def test_a_new_file_gets_the_umask_mode(tmp_path: Path, umask: Callable[[int], int], mask: int, expected: int) -> None:
    umask(mask)
    write_atomic(tmp_path / "out.po", "text")
    assert mode_of(tmp_path / "out.po") == expected


@pytest.mark.parametrize(
    "old_mode",
    [
        0o600,  # a private file stays private although the umask would allow more
        0o664,  # a group-writable glossary stays group-writable although the umask would remove it
        0o755,  # an executable bit is kept
        0o444,  # a read-only file (we own the folder, so we may replace it) stays read-only
    ],
)
def test_a_rewritten_file_keeps_its_mode(tmp_path: Path, umask: Callable[[int], int], old_mode: int) -> None:
    umask(0o022)
    path = tmp_path / "glossary.po"
    path.write_text("old")
    path.chmod(old_mode)
    write_atomic(path, "new")
    assert path.read_text() == "new"
    assert mode_of(path) == old_mode


def test_the_temp_file_is_never_wider_than_the_file_it_replaces(tmp_path: Path, umask: Callable[[int], int]) -> None:
    umask(0o000)
    path = tmp_path / "private.po"
    path.write_text("old")
    path.chmod(0o600)
    with atomic_output(path) as handle:
        handle.write("new")
        (temp,) = [item for item in tmp_path.iterdir() if item.name.endswith(".tmp")]
        assert mode_of(temp) & ~0o600 == 0  # nobody else could read the new text while it was written
    assert mode_of(path) == 0o600


@pytest.mark.parametrize(
    "link_kind",
    [
        "absolute",  # a link to a file in another folder, by absolute path
        "relative",  # a link by relative path (resolved from the link's folder, not the working folder)
        "chain",  # a link to a link to the file
    ],
)
def test_writing_through_a_link_updates_its_target_and_keeps_the_link(tmp_path: Path, link_kind: str) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    target = shared / "fr-en.po"
    target.write_text("old")
    target.chmod(0o640)
    work = tmp_path / "work"
    work.mkdir()
    link = work / "fr-en.po"
    if link_kind == "absolute":
        link.symlink_to(target)
    elif link_kind == "relative":
        link.symlink_to(Path("..") / "shared" / "fr-en.po")
    else:
        middle = work / "middle.po"
        middle.symlink_to(target)
        link.symlink_to(middle)
    write_atomic(link, "new")
    assert link.is_symlink()
    assert target.read_text() == "new"
    assert mode_of(target) == 0o640
    assert sorted(item.name for item in work.iterdir()) == sorted(
        ["fr-en.po", *(["middle.po"] if link_kind == "chain" else [])]
    )
    assert [item.name for item in shared.iterdir()] == ["fr-en.po"]  # no temp file left beside the target


def test_a_dangling_link_gets_its_target_created(tmp_path: Path) -> None:
    link = tmp_path / "out.json"
    link.symlink_to(tmp_path / "real.json")
    write_atomic(link, "{}")
    assert link.is_symlink() and (tmp_path / "real.json").read_text() == "{}"


def test_the_folder_is_synced_after_the_rename(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    events: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def recording_fsync(descriptor: int) -> None:
        events.append("fsync folder" if stat.S_ISDIR(os.fstat(descriptor).st_mode) else "fsync file")
        real_fsync(descriptor)

    def recording_replace(source: str | Path, target: str | Path) -> None:
        events.append("rename")
        real_replace(source, target)

    # translator.files calls them as os.fsync and os.replace
    monkeypatch.setattr(os, "fsync", recording_fsync)
    monkeypatch.setattr(os, "replace", recording_replace)
    write_atomic(tmp_path / "out.md", "text")
    assert events == ["fsync file", "rename", "fsync folder"]


def test_a_failed_write_leaves_the_old_file_and_no_temp(tmp_path: Path) -> None:
    path = tmp_path / "out.po"
    path.write_text("old")
    with pytest.raises(RuntimeError), atomic_output(path) as handle:
        handle.write("half")
        raise RuntimeError("the renderer broke")
    assert path.read_text() == "old"
    assert [item.name for item in tmp_path.iterdir()] == ["out.po"]


def test_a_named_pipe_is_written_to_not_replaced(tmp_path: Path) -> None:
    import threading

    pipe = fifo(tmp_path / "pipe")
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()))
    reader.start()
    # `-o /dev/null` or `-o /dev/stdout` likewise: renamed over, the device itself was replaced (as root).
    write_atomic(pipe, "text")
    reader.join(timeout=10)
    assert received == [b"text"]
    assert stat.S_ISFIFO(os.stat(pipe).st_mode)
    assert [item.name for item in tmp_path.iterdir()] == ["pipe"]


def test_a_socket_is_refused_as_an_output(tmp_path: Path) -> None:
    path = unix_socket(tmp_path / "sock")
    with pytest.raises(OutputError, match=r"cannot write .*sock: it is a socket, not a file"):
        write_atomic(path, "text")
    assert stat.S_ISSOCK(os.stat(path).st_mode)


def test_writing_into_a_missing_folder_creates_it(tmp_path: Path) -> None:
    write_atomic(tmp_path / "new" / "folder" / "out.po", "text")
    assert (tmp_path / "new" / "folder" / "out.po").read_text(encoding="utf-8") == "text"


def test_writing_below_a_file_is_our_error(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="part of its path is a file"):
        write_atomic(existing_file(tmp_path / "file") / "sub" / "out.po", "text")
    assert (tmp_path / "file").is_file() and list(tmp_path.iterdir()) == [tmp_path / "file"]


def test_writing_through_a_link_into_a_missing_folder_is_our_error(tmp_path: Path) -> None:
    # The link's own folder exists; the folder it points into is not created behind the user's back.
    (tmp_path / "out.po").symlink_to(tmp_path / "missing" / "out.po")
    with pytest.raises(OutputError, match="cannot write"):
        write_atomic(tmp_path / "out.po", "text")
    assert not (tmp_path / "missing").exists()


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda base: base / "a" / "b", None),  # nested folders are created
        (lambda base: base, None),  # an existing folder is fine
        (lambda base: existing_file(base / "out"), "is a file, not a folder"),  # `-o FILE` where a folder is needed
        (lambda base: existing_file(base / "out") / "sub", "part of its path is a file"),  # a file in the way higher up
    ],
)
def test_make_folder(tmp_path: Path, make: Callable[[Path], Path], message: str | None) -> None:
    path = make(tmp_path)
    if message is None:
        assert make_folder(path).is_dir()
    else:
        with pytest.raises(OutputError, match=message):
            make_folder(path)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda base: base / "missing.txt", "no such file"),  # a typo in the path
        (lambda base: existing_file(base / "f") / "x", "no such file"),  # a path through a file
        (lambda base: base, "is a folder, not a file"),  # a folder where a file is expected
        (lambda base: fifo(base / "pipe"), "is a named pipe"),  # a FIFO: would block until a writer came
        (lambda base: Path("/dev/zero"), "is a device"),  # a device that never ends
        (lambda base: Path("/dev/null"), "is a device"),  # a device that is always empty
        (lambda base: unix_socket(base / "socket"), "is a socket"),  # a socket file
    ],
)
def test_only_regular_files_are_inputs(tmp_path: Path, make: Callable[[Path], Path], message: str) -> None:
    path = make(tmp_path)
    with pytest.raises(InputError, match=message):
        open_input_file(path)
    with pytest.raises(InputError, match=message):
        read_input_bytes(path, 1000)


@pytest.mark.parametrize(
    ("size", "limit", "fits"),
    [
        (0, 10, True),  # an empty file (the caller decides whether empty is an error)
        (10, 10, True),  # exactly at the limit
        (11, 10, False),  # one byte over
        (3 * 2**20, 2**20, False),  # far over, refused from its size before reading
    ],
)
def test_read_input_bytes_limit(tmp_path: Path, size: int, limit: int, fits: bool) -> None:
    path = tmp_path / "in.txt"
    path.write_bytes(b"x" * size)
    if fits:
        assert read_input_bytes(path, limit) == b"x" * size
    else:
        with pytest.raises(InputError, match="larger than the"):
            read_input_bytes(path, limit)


def test_the_limit_is_counted_while_reading_not_trusted_from_the_size() -> None:
    # /proc files say they are empty (st_size 0) yet hold text: only counting what is read catches them.
    path = Path("/proc/self/maps")
    assert path.stat().st_size == 0
    with pytest.raises(InputError, match="larger than the 64 bytes limit"):
        read_input_bytes(path, 64)
    assert len(read_input_bytes(path, 10 * 2**20)) > 64
