"""Hostile but realistic use (issue 16, item 5): every failure is one line and an exit code, never a traceback or hang.

One row per case, each run as a user would run the command.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import subprocess
import sys
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import pytest

from tests.conftest import DEMO, REPO, CliResult, subprocess_env
from tests.special_files import existing_file, fifo
from translator.memory.store import MemoryEntry, TranslationMemory

DEMO_ARCHIVE = REPO / "translator" / "data" / "models" / "translate-fr_en-demo.argosmodel"
PATCHED_BUNDLE = """
import sys
from pathlib import Path
import translator.engine.store as store
store.BUNDLED_DIR = Path(sys.argv.pop(1))
from cli.main import main
sys.exit(main(sys.argv[1:]))
"""
"""Runs the command with the bundled demo models taken from another folder (argv[1])."""


def broken_glossary(tmp: Path) -> Path:
    """An fr-en glossary whose 5th line opens a string it never closes."""
    path = tmp / "fr-en.po"
    header = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    path.write_text(header + 'msgid "SpaceX\nmsgstr "SpaceX"\n', encoding="utf-8")
    return path


@dataclass(frozen=True)
class Run:
    """How one case runs the command."""

    args: list[str]
    """Arguments of `translator`."""
    env: dict[str, str] = field(default_factory=dict)
    """Extra environment."""
    stdout: Literal["captured", "full", "closed"] = "captured"
    """Where standard output goes: captured, a full device (/dev/full), or a pipe nobody reads."""
    read_only_folders: bool = False
    """Run without root's power to write into folders whose mode forbids it (as any other user runs)."""
    bundled_from: Path | None = None
    """Take the bundled demo models from this folder instead of the package's own."""


def run(case: Run) -> CliResult:
    python = [sys.executable, "-m", "cli"]
    if case.bundled_from is not None:
        python = [sys.executable, "-c", PATCHED_BUNDLE, str(case.bundled_from)]
    command = [*python, *case.args]
    if case.read_only_folders and os.geteuid() == 0:
        # Root writes anywhere; without the capability that bypasses file modes it obeys them like anyone.
        setpriv = shutil.which("setpriv")
        assert setpriv, "setpriv (util-linux) is needed to run a case as root without root's write override"
        command = [setpriv, "--bounding-set=-dac_override,-dac_read_search", "--", *command]
    with contextlib.ExitStack() as stack:
        stdout = stack.enter_context(open("/dev/full", "w")) if case.stdout == "full" else subprocess.PIPE
        child = subprocess.Popen(
            command,
            stdout=stdout,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            text=True,
            encoding="utf-8",
            env=subprocess_env(**case.env),
        )
        if case.stdout == "closed" and child.stdout is not None:
            child.stdout.close()  # the reader went away before the first byte (`| head -0`, `| true`)
        try:
            out, err = child.communicate(timeout=120)
        except subprocess.TimeoutExpired:
            child.kill()
            child.communicate()
            raise AssertionError(f"{case.args} hung") from None
    return CliResult(child.returncode, out or "", err)


# ------------------------------------------------------------------------------------------ inputs


def flipped_archive(folder: Path) -> Path:
    """A copy of a real package with one bit flipped inside compressed data, where inflating fails in
    zlib itself (before the CRC check that testzip() relies on could notice)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / DEMO_ARCHIVE.name
    data = bytearray(DEMO_ARCHIVE.read_bytes())
    with zipfile.ZipFile(DEMO_ARCHIVE) as archive:
        members = sorted((m for m in archive.infolist() if m.compress_size > 1000), key=lambda m: m.compress_size)
    for member in members:
        header = member.header_offset
        start = header + 30 + int.from_bytes(data[header + 26 : header + 28], "little")
        start += int.from_bytes(data[header + 28 : header + 30], "little")
        for offset in range(start + member.compress_size // 2, start + member.compress_size - 1, 7):
            data[offset] ^= 0x10
            path.write_bytes(data)
            with zipfile.ZipFile(path) as archive:
                try:
                    archive.read(member.filename)
                except zlib.error:
                    return path
                except zipfile.BadZipFile:
                    pass
            data[offset] ^= 0x10
    raise AssertionError("no single bit flip made zlib fail")


def read_only(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    folder.chmod(0o555)
    return folder


def package_folder(folder: Path) -> Path:
    """A folder holding one installed package (xx->yy)."""
    package = folder / "translate-xx_yy"
    (package / "model").mkdir(parents=True)
    (package / "model" / "model.bin").write_bytes(b"weights")
    (package / "metadata.json").write_text('{"from_code": "xx", "to_code": "yy", "package_version": "1"}')
    return folder


def damaged_memory(path: Path) -> Path:
    """A memory whose pages (all but the schema page) were overwritten, as by a failing disk."""
    memory = TranslationMemory(path)
    memory.store(MemoryEntry(f"phrase numéro {i} " * 8, f"sentence {i}", "fr", "en", "human") for i in range(2000))
    memory.close()
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    data[page:] = b"\xa5" * (len(data) - page)
    path.write_bytes(data)
    return path


def written(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def reviewed_po(path: Path) -> Path:
    path.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: en\\n"\n'
        '"X-Source-Language: fr\\n"\n\nmsgctxt "article.p1"\nmsgid "La fusée décolle."\n'
        'msgstr "The rocket lifts off."\n',
        encoding="utf-8",
    )
    return path


# ------------------------------------------------------------------------------------------- cases


@dataclass(frozen=True)
class Case:
    """One hostile use: how to set it up and run it, and what the user must see."""

    prepare: Callable[[Path], Run]
    """Builds the files in a temporary folder and says how to run the command."""
    code: int
    """The exit code."""
    message: str
    """Part of the one line on stderr ("" for a case that must print nothing at all)."""


CASES = {
    # A bit-flipped package file at install: zlib fails inside the archive, not only the CRC.
    "flipped-package-install": Case(
        lambda tmp: Run(["models", "install", str(flipped_archive(tmp / "in")), "--to-dir", str(tmp / "models")]),
        1,
        "is corrupt",
    ),
    # A bit-flipped bundled demo package at first use (extracted when a command first needs models).
    "flipped-package-at-use": Case(
        lambda tmp: Run(
            ["translate-text", "Bonjour.", "--from", "fr", "--to", "en"],
            bundled_from=flipped_archive(tmp / "in").parent,
        ),
        1,
        "bundled demo model is damaged",
    ),
    # Installing into a folder the user may not write to.
    "install-into-read-only-folder": Case(
        lambda tmp: Run(
            ["models", "install", str(DEMO_ARCHIVE), "--to-dir", str(read_only(tmp / "models"))],
            read_only_folders=True,
        ),
        1,
        "cannot install into",
    ),
    # Removing a package from a folder the user may not write to.
    "remove-from-read-only-folder": Case(
        lambda tmp: Run(
            ["models", "remove", "xx", "yy", "--models-dir", str(read_only(package_folder(tmp / "models")))],
            read_only_folders=True,
        ),
        1,
        "cannot remove",
    ),
    # Installing into a path that is a file (the failure even root gets).
    "install-into-a-file": Case(
        lambda tmp: Run(["models", "install", str(DEMO_ARCHIVE), "--to-dir", str(existing_file(tmp / "f"))]),
        1,
        "cannot install into",
    ),
    # A folder given where the package file is expected.
    "install-a-folder": Case(lambda tmp: Run(["models", "install", str(tmp)]), 1, "is a folder"),
    # batch -o naming an existing file: a folder is needed.
    "batch-output-is-a-file": Case(
        lambda tmp: Run(["batch", str(DEMO), "-o", str(existing_file(tmp / "out")), "--no-memory"]),
        1,
        "is a file, not a folder",
    ),
    # translate with several formats into an existing file: a folder is needed.
    "translate-outputs-into-a-file": Case(
        lambda tmp: Run(
            ["translate", "--demo", "-o", str(existing_file(tmp / "out")), "--format", "po,json", "--no-memory"]
        ),
        1,
        "is a file, not a folder",
    ),
    # Damaged memory pages: stats.
    "damaged-memory-stats": Case(
        lambda tmp: Run(["memory", "stats", "--memory", str(damaged_memory(tmp / "tm.sqlite"))]), 1, "move it aside"
    ),
    # Damaged memory pages: export to TMX (and nothing written).
    "damaged-memory-export": Case(
        lambda tmp: Run(["memory", "export", str(tmp / "out.tmx"), "--memory", str(damaged_memory(tmp / "tm.sqlite"))]),
        1,
        "move it aside",
    ),
    # Damaged memory pages: import of a reviewed PO file.
    "damaged-memory-import": Case(
        lambda tmp: Run(
            ["memory", "import", str(reviewed_po(tmp / "r.po")), "--memory", str(damaged_memory(tmp / "tm.sqlite"))]
        ),
        1,
        "move it aside",
    ),
    # Damaged memory pages: prune.
    "damaged-memory-prune": Case(
        lambda tmp: Run(["memory", "prune", "--memory", str(damaged_memory(tmp / "tm.sqlite"))]), 1, "move it aside"
    ),
    # Damaged memory pages: translating with that memory.
    "damaged-memory-translate": Case(
        lambda tmp: Run(
            ["translate", "--demo", "-o", str(tmp / "out.po"), "--memory", str(damaged_memory(tmp / "tm.sqlite"))]
        ),
        1,
        "move it aside",
    ),
    # Standard output on a full device: the tree view (rich).
    "stdout-full-tree": Case(lambda tmp: Run(["inspect", "--demo"], stdout="full"), 1, "No space left on device"),
    # Standard output on a full device: JSON.
    "stdout-full-json": Case(
        lambda tmp: Run(["inspect", "--demo", "--json"], stdout="full"), 1, "No space left on device"
    ),
    # A closed pipe (`| head`): the reader had enough; nothing to say, no traceback.
    "stdout-closed-tree": Case(lambda tmp: Run(["inspect", "--demo"], stdout="closed"), 0, ""),
    # A closed pipe with plain text output.
    "stdout-closed-json": Case(lambda tmp: Run(["inspect", "--demo", "--json"], stdout="closed"), 0, ""),
    # A closed pipe under a rich table.
    "stdout-closed-models-list": Case(lambda tmp: Run(["models", "list"], stdout="closed"), 0, ""),
    # An endless device: refused before reading (it grew to 3 GB and MemoryError before).
    "inspect-dev-zero": Case(lambda tmp: Run(["inspect", "/dev/zero"]), 1, "is a device, not a file"),
    # An empty device: a device, not "an empty file".
    "inspect-dev-null": Case(lambda tmp: Run(["inspect", "/dev/null"]), 1, "is a device, not a file"),
    # A FIFO with no writer: refused at once (it hung before).
    "inspect-fifo": Case(lambda tmp: Run(["inspect", str(fifo(tmp / "pipe"))]), 1, "is a named pipe"),
    # A FIFO as the thread of translate.
    "translate-fifo": Case(
        lambda tmp: Run(["translate", str(fifo(tmp / "pipe")), "--no-memory"]), 1, "is a named pipe"
    ),
    # A FIFO as a TMX file to import (the XML parser waited for a writer).
    "memory-import-tmx-fifo": Case(
        lambda tmp: Run(["memory", "import", "--tmx", str(fifo(tmp / "pipe")), "--memory", str(tmp / "tm.sqlite")]),
        1,
        "is a named pipe",
    ),
    # A FIFO as the glossary of translate (the glossary loader waited for a writer).
    "translate-glossary-fifo": Case(
        lambda tmp: Run(["translate", "--demo", "--no-memory", "--glossary", str(fifo(tmp / "pipe"))]),
        1,
        "is a named pipe",
    ),
    # A glossary with an unterminated string: refused with its line, never read as a term.
    "translate-glossary-broken": Case(
        lambda tmp: Run(["translate", "--demo", "--no-memory", "--glossary", str(broken_glossary(tmp))]),
        1,
        "fr-en.po:5: ",
    ),
    # A folder where a thread file is expected.
    "inspect-folder": Case(lambda tmp: Run(["inspect", str(tmp)]), 1, "is a folder, not a file"),
    # A folder where JSON Lines are expected (it said "no such file").
    "detect-jsonl-folder": Case(lambda tmp: Run(["detect", "--jsonl", str(tmp)]), 1, "is a folder, not a file"),
    # A folder where a glossary file is expected (it said "no such glossary file").
    "review-glossary-folder": Case(
        lambda tmp: Run(["review", str(tmp / "x.po"), "--glossary", str(tmp)]), 1, "is a folder, not a file"
    ),
    # A beam of 100,000 (it grew to 9 GB): a usage error.
    "beam-size-huge": Case(
        lambda tmp: Run(["translate", "--demo", "--beam-size", "100000"]), 2, "--beam-size: 100000 is out of range"
    ),
    # A beam of 0.
    "beam-size-zero": Case(
        lambda tmp: Run(["translate-text", "x", "--beam-size", "0"]), 2, "--beam-size: 0 is out of range"
    ),
    # A 5,000-digit number (int() refuses it with a ValueError of its own).
    "beam-size-digits": Case(
        lambda tmp: Run(["translate", "--demo", "--beam-size", "9" * 5000]), 2, "is not a whole number"
    ),
    # A JSON thread nested 100,000 deep (a RecursionError traceback), in every command that reads it.
    "json-nested-deep": Case(
        lambda tmp: Run(["inspect", str(written(tmp / "deep.json", "[" * 100_000 + "]" * 100_000))]),
        1,
        "nested too deeply",
    ),
    # A JSON thread holding a 5,000-digit integer (a ValueError traceback).
    "json-5000-digits": Case(
        lambda tmp: Run(["inspect", str(written(tmp / "big.json", '{"posts": [], "n": ' + "7" * 5000 + "}"))]),
        1,
        "number too long",
    ),
    # Threads far beyond any machine.
    "threads-huge": Case(lambda tmp: Run(["translate", "--demo", "--threads", "100000"]), 2, "--threads: 100000"),
    # Negative threads.
    "threads-negative": Case(lambda tmp: Run(["translate", "--demo", "--threads", "-1"]), 2, "--threads: -1"),
    # Worker processes far beyond any machine.
    "jobs-huge": Case(lambda tmp: Run(["batch", str(DEMO), "-o", str(tmp), "--jobs", "100000"]), 2, "--jobs: 100000"),
    # No worker at all.
    "jobs-zero": Case(lambda tmp: Run(["batch", str(DEMO), "-o", str(tmp), "--jobs", "0"]), 2, "--jobs: 0"),
    # A Ray address that is none (a path where HOST:PORT belongs).
    "ray-not-an-address": Case(
        lambda tmp: Run(["batch", str(DEMO), "-o", str(tmp), "--ray", "threads/"]),
        2,
        "--ray: 'threads/' is not local, auto or HOST:PORT",
    ),
    # A Ray cluster nobody started.
    "ray-nothing-listens": Case(
        lambda tmp: Run(["batch", str(DEMO), "-o", str(tmp / "out"), "--ray", "127.0.0.1:9"]),
        1,
        "cannot reach the Ray cluster at 127.0.0.1:9",
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_every_failure_is_one_line(tmp_path: Path, name: str) -> None:
    case = CASES[name]
    try:
        outcome = run(case.prepare(tmp_path))
    finally:
        for folder in tmp_path.rglob("*"):
            if folder.is_dir() and not folder.is_symlink():
                folder.chmod(0o755)  # let pytest clean up the read-only folders
    assert "Traceback" not in outcome.stderr, outcome.stderr
    assert outcome.code == case.code, outcome.stderr
    if not case.message:
        assert outcome.stderr == ""
        return
    assert outcome.stderr.count("\n") == 1, outcome.stderr
    assert outcome.stderr.startswith("translator")
    assert case.message in outcome.stderr
