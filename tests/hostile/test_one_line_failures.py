"""Hostile but realistic use (issue 16): every failure is one line and an exit code, never a traceback or a hang,
and it leaves every file as it was: no half-written output, the inputs, glossary and memory untouched.

One row per case, each run as a user would run the command; the comment of each row names the item of the issue it
comes from. The cases that must succeed (a batch going on past a bad file, faithful reading, same input same
output, writers) are in test_faithful_results.py; cost (item 3) is measured by benchmarks/scaling.py.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import pytest

from tests.conftest import DEMO, REPO, CliResult, subprocess_env
from tests.hostile.inputs import (
    DEMO_ARCHIVE,
    DUPLICATE,
    MEMORY_ENTRIES,
    PO_HEADER,
    UNTERMINATED,
    WITH_NUL,
    broken_glossary,
    damaged_memory,
    flipped_archive,
    memory_with_entries,
    package_folder,
    read_only,
    reviewed_po,
    surrogate_json,
    twin_json,
    twin_po,
    written,
)
from tests.special_files import existing_file, fifo
from translator.memory.store import TranslationMemory

PATCHED_BUNDLE = """
import sys
from pathlib import Path
import translator.engine.store as store
store.BUNDLED_DIR = Path(sys.argv.pop(1))
from cli.main import main
sys.exit(main(sys.argv[1:]))
"""
"""Runs the command with the bundled demo models taken from another folder (argv[1])."""


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
# ------------------------------------------------------------------------------------------- cases

MHTML_WITHOUT_PAGE = (
    'MIME-Version: 1.0\nContent-Type: multipart/related; type="text/html"; boundary="b"\n\n'
    "--b\nContent-Type: text/css\nContent-Location: https://example.org/s.css\n\np { margin: 0 }\n--b--\n"
)


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
    # item 5: A bit-flipped package file at install: zlib fails inside the archive, not only the CRC.
    "flipped-package-install": Case(
        lambda tmp: Run(["models", "install", str(flipped_archive(tmp / "in")), "--to-dir", str(tmp / "models")]),
        1,
        "is corrupt",
    ),
    # item 5: A bit-flipped bundled demo package at first use (extracted when a command first needs models).
    "flipped-package-at-use": Case(
        lambda tmp: Run(
            ["translate-text", "Bonjour.", "--from", "fr", "--to", "en"],
            bundled_from=flipped_archive(tmp / "in").parent,
        ),
        1,
        "bundled demo model is damaged",
    ),
    # item 5: Installing into a folder the user may not write to.
    "install-into-read-only-folder": Case(
        lambda tmp: Run(
            ["models", "install", str(DEMO_ARCHIVE), "--to-dir", str(read_only(tmp / "models"))],
            read_only_folders=True,
        ),
        1,
        "cannot install into",
    ),
    # item 5: Removing a package from a folder the user may not write to.
    "remove-from-read-only-folder": Case(
        lambda tmp: Run(
            ["models", "remove", "xx", "yy", "--models-dir", str(read_only(package_folder(tmp / "models")))],
            read_only_folders=True,
        ),
        1,
        "cannot remove",
    ),
    # item 5: Installing into a path that is a file (the failure even root gets).
    "install-into-a-file": Case(
        lambda tmp: Run(["models", "install", str(DEMO_ARCHIVE), "--to-dir", str(existing_file(tmp / "f"))]),
        1,
        "cannot install into",
    ),
    # item 5: A folder given where the package file is expected.
    "install-a-folder": Case(lambda tmp: Run(["models", "install", str(tmp)]), 1, "is a folder"),
    # item 5: batch -o naming an existing file: a folder is needed.
    "batch-output-is-a-file": Case(
        lambda tmp: Run(["batch", str(DEMO), "-o", str(existing_file(tmp / "out")), "--no-memory"]),
        1,
        "is a file, not a folder",
    ),
    # item 5: translate with several formats into an existing file: a folder is needed.
    "translate-outputs-into-a-file": Case(
        lambda tmp: Run(
            ["translate", "--demo", "-o", str(existing_file(tmp / "out")), "--format", "po,json", "--no-memory"]
        ),
        1,
        "is a file, not a folder",
    ),
    # item 5: Damaged memory pages: stats.
    "damaged-memory-stats": Case(
        lambda tmp: Run(["memory", "stats", "--memory", str(damaged_memory(tmp / "tm.sqlite"))]), 1, "move it aside"
    ),
    # item 5: Damaged memory pages: export to TMX (and nothing written).
    "damaged-memory-export": Case(
        lambda tmp: Run(["memory", "export", str(tmp / "out.tmx"), "--memory", str(damaged_memory(tmp / "tm.sqlite"))]),
        1,
        "move it aside",
    ),
    # item 5: Damaged memory pages: import of a reviewed PO file.
    "damaged-memory-import": Case(
        lambda tmp: Run(
            ["memory", "import", str(reviewed_po(tmp / "r.po")), "--memory", str(damaged_memory(tmp / "tm.sqlite"))]
        ),
        1,
        "move it aside",
    ),
    # item 5: Damaged memory pages: prune.
    "damaged-memory-prune": Case(
        lambda tmp: Run(["memory", "prune", "--memory", str(damaged_memory(tmp / "tm.sqlite"))]), 1, "move it aside"
    ),
    # item 5: Damaged memory pages: translating with that memory.
    "damaged-memory-translate": Case(
        lambda tmp: Run(
            ["translate", "--demo", "-o", str(tmp / "out.po"), "--memory", str(damaged_memory(tmp / "tm.sqlite"))]
        ),
        1,
        "move it aside",
    ),
    # item 5: Standard output on a full device: the tree view (rich).
    "stdout-full-tree": Case(lambda tmp: Run(["inspect", "--demo"], stdout="full"), 1, "No space left on device"),
    # item 5: Standard output on a full device: JSON.
    "stdout-full-json": Case(
        lambda tmp: Run(["inspect", "--demo", "--json"], stdout="full"), 1, "No space left on device"
    ),
    # item 5: A closed pipe (`| head`): the reader had enough; nothing to say, no traceback.
    "stdout-closed-tree": Case(lambda tmp: Run(["inspect", "--demo"], stdout="closed"), 0, ""),
    # item 5: A closed pipe with plain text output.
    "stdout-closed-json": Case(lambda tmp: Run(["inspect", "--demo", "--json"], stdout="closed"), 0, ""),
    # item 5: A closed pipe under a rich table.
    "stdout-closed-models-list": Case(lambda tmp: Run(["models", "list"], stdout="closed"), 0, ""),
    # item 5: An endless device: refused before reading (it grew to 3 GB and MemoryError before).
    "inspect-dev-zero": Case(lambda tmp: Run(["inspect", "/dev/zero"]), 1, "is a device, not a file"),
    # item 5: An empty device: a device, not "an empty file".
    "inspect-dev-null": Case(lambda tmp: Run(["inspect", "/dev/null"]), 1, "is a device, not a file"),
    # item 5: A FIFO with no writer: refused at once (it hung before).
    "inspect-fifo": Case(lambda tmp: Run(["inspect", str(fifo(tmp / "pipe"))]), 1, "is a named pipe"),
    # item 5: A FIFO as the thread of translate.
    "translate-fifo": Case(
        lambda tmp: Run(["translate", str(fifo(tmp / "pipe")), "--no-memory"]), 1, "is a named pipe"
    ),
    # item 5: A FIFO as a TMX file to import (the XML parser waited for a writer).
    "memory-import-tmx-fifo": Case(
        lambda tmp: Run(["memory", "import", "--tmx", str(fifo(tmp / "pipe")), "--memory", str(tmp / "tm.sqlite")]),
        1,
        "is a named pipe",
    ),
    # item 5: A FIFO as the glossary of translate (the glossary loader waited for a writer).
    "translate-glossary-fifo": Case(
        lambda tmp: Run(["translate", "--demo", "--no-memory", "--glossary", str(fifo(tmp / "pipe"))]),
        1,
        "is a named pipe",
    ),
    # item 4: A glossary with an unterminated string: refused with its line, never read as a term.
    "translate-glossary-broken": Case(
        lambda tmp: Run(["translate", "--demo", "--no-memory", "--glossary", str(broken_glossary(tmp))]),
        1,
        "fr-en.po:5: ",
    ),
    # item 6: A folder where a thread file is expected.
    "inspect-folder": Case(lambda tmp: Run(["inspect", str(tmp)]), 1, "is a folder, not a file"),
    # item 6: A folder where JSON Lines are expected (it said "no such file").
    "detect-jsonl-folder": Case(lambda tmp: Run(["detect", "--jsonl", str(tmp)]), 1, "is a folder, not a file"),
    # item 6: A folder where a glossary file is expected (it said "no such glossary file").
    "review-glossary-folder": Case(
        lambda tmp: Run(["review", str(tmp / "x.po"), "--glossary", str(tmp)]), 1, "is a folder, not a file"
    ),
    # fixes: glossary import read its CSV/TBX with read_bytes: a FIFO hung, a folder gave no hint, an
    # empty file said "cannot read ... as CSV: " and nothing more.
    "glossary-import-fifo": Case(
        lambda tmp: Run(["glossary", "import", str(fifo(tmp / "terms.csv")), "--glossary", str(glossary_copy(tmp))]),
        1,
        "is a named pipe",
    ),
    "glossary-import-folder": Case(
        lambda tmp: Run(["glossary", "import", str(tmp), "--format", "csv", "--glossary", str(glossary_copy(tmp))]),
        1,
        "is a folder, not a file",
    ),
    "glossary-import-empty": Case(
        lambda tmp: Run(
            ["glossary", "import", str(written(tmp / "terms.csv", "")), "--glossary", str(glossary_copy(tmp))]
        ),
        1,
        "terms.csv is empty",
    ),
    # fixes: a folder given to glossary list as --glossary (it said "no glossary at", though the folder is there).
    "glossary-list-glossary-folder": Case(
        lambda tmp: Run(["glossary", "list", "--glossary", str(tmp)]), 1, "is a folder, not a file"
    ),
    # item 5: A beam of 100,000 (it grew to 9 GB): a usage error.
    "beam-size-huge": Case(
        lambda tmp: Run(["translate", "--demo", "--beam-size", "100000"]), 2, "--beam-size: 100000 is out of range"
    ),
    # item 5: A beam of 0.
    "beam-size-zero": Case(
        lambda tmp: Run(["translate-text", "x", "--beam-size", "0"]), 2, "--beam-size: 0 is out of range"
    ),
    # item 5: A 5,000-digit number (int() refuses it with a ValueError of its own).
    "beam-size-digits": Case(
        lambda tmp: Run(["translate", "--demo", "--beam-size", "9" * 5000]), 2, "is not a whole number"
    ),
    # item 1: A JSON thread nested 100,000 deep (a RecursionError traceback), in every command that reads it.
    "json-nested-deep": Case(
        lambda tmp: Run(["inspect", str(written(tmp / "deep.json", "[" * 100_000 + "]" * 100_000))]),
        1,
        "nested too deeply",
    ),
    # item 1: A JSON thread holding a 5,000-digit integer (a ValueError traceback).
    "json-5000-digits": Case(
        lambda tmp: Run(["inspect", str(written(tmp / "big.json", '{"posts": [], "n": ' + "7" * 5000 + "}"))]),
        1,
        "number too long",
    ),
    # item 5: Threads far beyond any machine.
    "threads-huge": Case(lambda tmp: Run(["translate", "--demo", "--threads", "100000"]), 2, "--threads: 100000"),
    # item 5: Negative threads.
    "threads-negative": Case(lambda tmp: Run(["translate", "--demo", "--threads", "-1"]), 2, "--threads: -1"),
    # item 5: Worker processes far beyond any machine.
    "jobs-huge": Case(lambda tmp: Run(["batch", str(DEMO), "-o", str(tmp), "--jobs", "100000"]), 2, "--jobs: 100000"),
    # item 5: No worker at all.
    "jobs-zero": Case(lambda tmp: Run(["batch", str(DEMO), "-o", str(tmp), "--jobs", "0"]), 2, "--jobs: 0"),
    # item 5: A Ray address that is none (a path where HOST:PORT belongs).
    "ray-not-an-address": Case(
        lambda tmp: Run(["batch", str(DEMO), "-o", str(tmp), "--ray", "threads/"]),
        2,
        "--ray: 'threads/' is not local, auto or HOST:PORT",
    ),
    # item 5: A Ray cluster nobody started.
    "ray-nothing-listens": Case(
        lambda tmp: Run(["batch", str(DEMO), "-o", str(tmp / "out"), "--ray", "127.0.0.1:9"]),
        1,
        "cannot reach the Ray cluster at 127.0.0.1:9",
    ),
    # item 1: a JSON thread nested 100,000 deep given to translate (RecursionError before).
    "translate-json-nested-deep": Case(
        lambda tmp: Run(
            ["translate", str(written(tmp / "deep.json", "[" * 100_000 + "]" * 100_000)), "-o", str(tmp / "o.po")]
        ),
        1,
        "nested too deeply",
    ),
    # item 1: a page saved as one file (MHTML) holding only its images and styles, its page part lost.
    "translate-mhtml-without-its-page": Case(
        lambda tmp: Run(["translate", str(written(tmp / "page.mhtml", MHTML_WITHOUT_PAGE)), "-o", str(tmp / "o.po")]),
        1,
        "no HTML page in it",
    ),
    # item 1: a 5,000-digit integer given to translate (ValueError before).
    "translate-json-5000-digits": Case(
        lambda tmp: Run(
            [
                "translate",
                str(written(tmp / "big.json", '{"posts": [], "n": ' + "7" * 5000 + "}")),
                "-o",
                str(tmp / "o"),
            ]
        ),
        1,
        "number too long",
    ),
    # item 1: JSON Lines for detect, one line nested too deeply: its line is named.
    "detect-jsonl-nested-deep": Case(
        lambda tmp: Run(
            ["detect", "--jsonl", str(written(tmp / "in.jsonl", "[" * 100_000 + "]" * 100_000)), "-o", str(tmp / "o")]
        ),
        1,
        "line 1: the JSON is nested too deeply",
    ),
    # item 1: JSON Lines for detect holding a 5,000-digit integer.
    "detect-jsonl-5000-digits": Case(
        lambda tmp: Run(["detect", "--jsonl", str(written(tmp / "in.jsonl", '{"id": ' + "7" * 5000 + "}"))]),
        1,
        "line 1: the JSON holds a number too long",
    ),
    # item 2: the PO file translate writes from a JSON thread with two blocks sharing an id (DuplicateID, exit 0).
    "review-po-of-twin-blocks": Case(
        lambda tmp: Run(["review", str(twin_po(tmp / "twins.po"))]), 1, "block id 'c1.p1' is on two entries"
    ),
    # item 2: the translated JSON itself, with the twin ids.
    "review-json-of-twin-blocks": Case(
        lambda tmp: Run(["review", str(twin_json(tmp / "twins.json"))]), 1, "the block id 'c1.p1' is used twice"
    ),
    # item 2: a PO with a duplicate entry in the review app.
    "review-po-duplicate-entry": Case(
        lambda tmp: Run(["review", str(written(tmp / "dup.po", DUPLICATE))]), 1, "dup.po:12: duplicate entry"
    ),
    # item 4: an unterminated msgid in memory import (it became `Space -> SpaceX`); no memory is made.
    "memory-import-unterminated": Case(
        lambda tmp: Run(["memory", "import", str(written(tmp / "bad.po", UNTERMINATED)), "--memory", str(tmp / "tm")]),
        1,
        "bad.po:8: the string has no closing",
    ),
    # item 4: a duplicate entry in memory import (it became a human translation).
    "memory-import-duplicate": Case(
        lambda tmp: Run(["memory", "import", str(written(tmp / "dup.po", DUPLICATE)), "--memory", str(tmp / "tm")]),
        1,
        "dup.po:12: duplicate entry",
    ),
    # item 4: a PO with a header and no entry in memory import.
    "memory-import-no-entry": Case(
        lambda tmp: Run(["memory", "import", str(written(tmp / "e.po", PO_HEADER)), "--memory", str(tmp / "tm")]),
        1,
        "e.po holds no entry",
    ),
    # item 4 and item 6: several files, a bad one in the middle (the files before it were kept): nothing imported.
    "memory-import-bad-file-in-the-middle": Case(
        lambda tmp: Run(
            [
                "memory",
                "import",
                str(reviewed_po(tmp / "first.po")),
                str(written(tmp / "bad.po", UNTERMINATED)),
                str(reviewed_po(tmp / "last.po")),
                "--memory",
                str(memory_with_entries(tmp / "tm.sqlite")),
            ]
        ),
        1,
        "bad.po:8: the string has no closing",
    ),
    # item 4: an unterminated msgid in apply.
    "apply-unterminated": Case(
        lambda tmp: Run(["apply", str(written(tmp / "bad.po", UNTERMINATED)), str(DEMO), "-o", str(tmp / "o.md")]),
        1,
        "bad.po:8: the string has no closing",
    ),
    # fixes: a NUL in a reviewed PO file (read as it was, it went into pages and the memory; gettext cuts there).
    "apply-po-with-nul": Case(
        lambda tmp: Run(["apply", str(written(tmp / "nul.po", WITH_NUL)), str(DEMO), "-o", str(tmp / "o.md")]),
        1,
        "nul.po:9: a NUL character, which a PO file cannot hold",
    ),
    "memory-import-po-with-nul": Case(
        lambda tmp: Run(
            [
                "memory",
                "import",
                str(written(tmp / "nul.po", WITH_NUL)),
                "--memory",
                str(memory_with_entries(tmp / "tm.sqlite")),
            ]
        ),
        1,
        "nul.po:9: a NUL character, which a PO file cannot hold",
    ),
    # item 4: a duplicate entry in apply.
    "apply-duplicate": Case(
        lambda tmp: Run(["apply", str(written(tmp / "dup.po", DUPLICATE)), str(DEMO), "-o", str(tmp / "o.md")]),
        1,
        "dup.po:12: duplicate entry",
    ),
    # item 4: an empty PO "applied" with exit 0.
    "apply-empty-po": Case(
        lambda tmp: Run(["apply", str(written(tmp / "e.po", "")), str(DEMO), "-o", str(tmp / "o.md")]),
        1,
        "e.po holds no entry",
    ),
    # item 4: a PO with a header and no entry in apply.
    "apply-no-entry": Case(
        lambda tmp: Run(["apply", str(written(tmp / "e.po", PO_HEADER)), str(DEMO), "-o", str(tmp / "o.md")]),
        1,
        "e.po holds no entry",
    ),
    # item 4: an unterminated msgid in the review app.
    "review-unterminated": Case(
        lambda tmp: Run(["review", str(written(tmp / "bad.po", UNTERMINATED))]), 1, "bad.po:8: the string has no"
    ),
    # item 4: an entry-less PO in the review app.
    "review-no-entry": Case(lambda tmp: Run(["review", str(written(tmp / "e.po", PO_HEADER))]), 1, "holds no entry"),
    # item 4: a glossary with the same entry twice (which one wins would be an accident).
    "translate-glossary-duplicate": Case(
        lambda tmp: Run(
            ["translate", "--demo", "--no-memory", "--glossary", str(written(tmp / "fr-en.po", DUPLICATE))]
        ),
        1,
        "fr-en.po:12: ",
    ),
    # item 4: `glossary add` to a glossary with an unterminated string: refused, the file left as it was.
    "glossary-add-to-broken": Case(
        lambda tmp: Run(
            ["glossary", "add", "--glossary", str(broken_glossary(tmp)), "--category", "place", "--keep", "Kourou"]
        ),
        1,
        "fr-en.po:5: ",
    ),
    # item 4: `glossary add` to an empty file: it would get entries without a header.
    "glossary-add-to-empty": Case(
        lambda tmp: Run(
            [
                "glossary",
                "add",
                "--glossary",
                str(written(tmp / "fr-en.po", "")),
                "--category",
                "place",
                "--keep",
                "Kourou",
            ]
        ),
        1,
        "is empty: no PO header",
    ),
    # item 5: a FIFO as the review file of apply.
    "apply-fifo": Case(lambda tmp: Run(["apply", str(fifo(tmp / "p.po")), str(DEMO)]), 1, "is a named pipe"),
    # item 5: a FIFO as a PO file to import.
    "memory-import-po-fifo": Case(
        lambda tmp: Run(["memory", "import", str(fifo(tmp / "p.po")), "--memory", str(tmp / "tm")]),
        1,
        "is a named pipe",
    ),
    # item 5: a FIFO as the file of the review app.
    "review-fifo": Case(lambda tmp: Run(["review", str(fifo(tmp / "p.po"))]), 1, "is a named pipe"),
    # item 5: a FIFO as JSON Lines.
    "detect-jsonl-fifo": Case(lambda tmp: Run(["detect", "--jsonl", str(fifo(tmp / "p"))]), 1, "is a named pipe"),
    # item 5: an endless device as the review file.
    "review-dev-zero": Case(lambda tmp: Run(["review", "/dev/zero"]), 1, "is a device"),
    # item 6: a folder where the thread of translate is expected (it said "no such file").
    "translate-folder": Case(lambda tmp: Run(["translate", str(tmp), "--no-memory"]), 1, "is a folder, not a file"),
    # item 6: a folder as the review file of apply.
    "apply-folder": Case(lambda tmp: Run(["apply", str(tmp), str(DEMO)]), 1, "is a folder, not a file"),
    # item 6: a folder as the file of the review app.
    "review-folder": Case(lambda tmp: Run(["review", str(tmp)]), 1, "is a folder, not a file"),
    # item 6: a folder as a PO file to import.
    "memory-import-folder": Case(
        lambda tmp: Run(["memory", "import", str(tmp), "--memory", str(tmp / "tm")]), 1, "is a folder, not a file"
    ),
    # fixes: a reviewed JSON holding an unpaired surrogate escape (a traceback while writing the output before).
    "apply-json-unpaired-surrogate": Case(
        lambda tmp: Run(["apply", str(surrogate_json(tmp / "r.json")), str(DEMO), "-o", str(tmp / "o.md")]),
        1,
        "r.json: the JSON holds an unpaired surrogate (\\ud800) at line",
    ),
    # fixes: the same file imported into the memory: refused, no memory made.
    "memory-import-json-unpaired-surrogate": Case(
        lambda tmp: Run(["memory", "import", str(surrogate_json(tmp / "r.json")), "--memory", str(tmp / "tm")]),
        1,
        "unpaired surrogate",
    ),
    # fixes: the same file opened for review.
    "review-json-unpaired-surrogate": Case(
        lambda tmp: Run(["review", str(surrogate_json(tmp / "r.json"))]), 1, "unpaired surrogate"
    ),
    # fixes: an output that is the input itself, refused (exit 2) before anything is read or written.
    "translate-output-is-the-thread": Case(
        lambda tmp: Run(["translate", str(copied(DEMO, tmp / "t.txt")), "-o", str(tmp / "t.txt"), "--format", "md"]),
        2,
        "is the thread this command reads",
    ),
    # fixes: the same through a link with another name.
    "translate-output-is-a-link-to-the-thread": Case(
        lambda tmp: Run(["translate", str(copied(DEMO, tmp / "t.txt")), "-o", str(linked(tmp / "t.txt", "o.md"))]),
        2,
        "is the thread this command reads",
    ),
    # fixes: translate's output over the glossary it translates with.
    "translate-output-is-the-glossary": Case(
        lambda tmp: Run(
            ["translate", str(DEMO), "--glossary", str(glossary_copy(tmp)), "-o", str(tmp / "fr-en.po"), "--no-memory"]
        ),
        2,
        "is a glossary this command reads",
    ),
    # fixes: translate's output over the memory it reads and feeds.
    "translate-output-is-the-memory": Case(
        lambda tmp: Run(
            ["translate", str(DEMO), "--memory", str(memory_with_entries(tmp / "tm.po")), "-o", str(tmp / "tm.po")]
        ),
        2,
        "is the translation memory this command reads",
    ),
    # fixes: apply's output over the thread.
    "apply-output-is-the-thread": Case(
        lambda tmp: Run(
            ["apply", str(reviewed_po(tmp / "r.po")), str(copied(DEMO, tmp / "t.md")), "-o", str(tmp / "t.md")]
        ),
        2,
        "is the thread this command reads",
    ),
    # fixes: apply's output over the reviewed file (JSON in, JSON out).
    "apply-output-is-the-review-file": Case(
        lambda tmp: Run(["apply", str(surrogate_json(tmp / "r.json")), str(DEMO), "-o", str(tmp / "r.json")]),
        2,
        "is the review file this command reads",
    ),
    # fixes: detect's JSON Lines written over themselves.
    "detect-output-is-the-input": Case(
        lambda tmp: Run(
            [
                "detect",
                "--jsonl",
                str(written(tmp / "in.jsonl", '{"id": 1, "text": "Bonjour"}\n')),
                "-o",
                str(tmp / "in.jsonl"),
            ]
        ),
        2,
        "is the JSON Lines file this command reads",
    ),
    # fixes: a memory exported over itself.
    "memory-export-over-the-memory": Case(
        lambda tmp: Run(
            ["memory", "export", str(memory_with_entries(tmp / "tm.sqlite")), "--memory", str(tmp / "tm.sqlite")]
        ),
        2,
        "is the translation memory this command reads",
    ),
    # fixes: a glossary exported (as CSV) over itself.
    "glossary-export-over-the-glossary": Case(
        lambda tmp: Run(
            ["glossary", "export", str(glossary_copy(tmp)), "--glossary", str(tmp / "fr-en.po"), "--format", "csv"]
        ),
        2,
        "is the glossary this command reads",
    ),
    # fixes: --memory naming a folder (SQLite said "unable to open database file ... move it aside").
    "translate-memory-is-a-folder": Case(
        lambda tmp: Run(["translate", str(DEMO), "-o", str(tmp / "o.po"), "--memory", str(tmp)]),
        1,
        "is a folder, not a file (give --memory a file, e.g.",
    ),
    # fixes: the same for memory import.
    "memory-import-memory-is-a-folder": Case(
        lambda tmp: Run(["memory", "import", str(reviewed_po(tmp / "r.po")), "--memory", str(tmp)]),
        1,
        "is a folder, not a file",
    ),
    # fixes: a new memory in a folder the user may not write to.
    "translate-memory-in-read-only-folder": Case(
        lambda tmp: Run(
            ["translate", str(DEMO), "-o", str(tmp / "o.po"), "--memory", str(read_only(tmp / "ro") / "tm.sqlite")],
            read_only_folders=True,
        ),
        1,
        "cannot open the translation memory",
    ),
    # fixes: a memory whose folder would be under a file.
    "translate-memory-under-a-file": Case(
        lambda tmp: Run(
            ["translate", str(DEMO), "-o", str(tmp / "o.po"), "--memory", str(existing_file(tmp / "f") / "tm.sqlite")]
        ),
        1,
        "a file stands where its folder should be",
    ),
    # fixes: the thread given to review instead of its review file (it said `t.txt:1: unknown keyword`).
    "review-a-thread": Case(
        lambda tmp: Run(["review", str(copied(DEMO, tmp / "t.txt"))]), 1, "it reads as a thread in the forum format"
    ),
    # fixes: a thread's JSON (`inspect --json`) given to review: it opened as empty drafts, und to und.
    "review-a-thread-json": Case(
        lambda tmp: Run(["review", str(written(tmp / "t.json", THREAD_JSON))]), 1, "is a thread, not a translated"
    ),
    # fixes: the same given to apply (it rendered a page of empty translations).
    "apply-a-thread-json": Case(
        lambda tmp: Run(["apply", str(written(tmp / "t.json", THREAD_JSON)), str(DEMO), "-o", str(tmp / "o.md")]),
        1,
        "is a thread, not a translated",
    ),
    # fixes: review with no terminal (a script, a pipe): the app drew escape sequences into the pipe and waited.
    "review-without-a-terminal": Case(
        lambda tmp: Run(["review", str(reviewed_po(tmp / "r.po")), "--memory", str(tmp / "tm.sqlite")]),
        2,
        "review is an interactive app: standard input and output must be a terminal",
    ),
    # fixes: an output ending in no format's name (it silently got PO): refused, saying which endings.
    "translate-unknown-ending": Case(
        lambda tmp: Run(["translate", str(DEMO), "-o", str(tmp / "out.xyz"), "--no-memory"]),
        2,
        "the ending .xyz names no format this command writes (po, json, md, html, xliff, xliff2)",
    ),
    # fixes: the same for apply (it silently got Markdown).
    "apply-unknown-ending": Case(
        lambda tmp: Run(["apply", str(reviewed_po(tmp / "r.po")), str(DEMO), "-o", str(tmp / "page.txt")]),
        2,
        "the ending .txt names no format this command writes (json, md, html)",
    ),
}
THREAD_JSON = (
    '{"title": "T", "posts": [{"id": "article", "kind": "article", "blocks": '
    '[{"id": "article.p1", "kind": "paragraph", "text": "La fusée décolle."}]}]}'
)


def copied(source: Path, path: Path) -> Path:
    shutil.copyfile(source, path)
    return path


def linked(target: Path, name: str) -> Path:
    link = target.with_name(name)
    link.symlink_to(target.name)
    return link


def glossary_copy(tmp: Path) -> Path:
    """A copy of the shipped fr-en glossary."""
    return copied(REPO / "glossaries" / "fr-en.po", tmp / "fr-en.po")


def snapshot(folder: Path) -> dict[str, object]:
    """What is in the folder: each file's bytes, each link's target, each other thing's kind (a FIFO is never
    opened)."""
    found: dict[str, object] = {}
    for path in sorted(folder.rglob("*")):
        name = str(path.relative_to(folder))
        if name.endswith(("-wal", "-shm")):
            continue  # SQLite's own side files of a memory in WAL mode: the database file itself must not change
        if path.is_symlink():
            found[name] = ("link", os.readlink(path))
        elif path.is_file():
            found[name] = path.read_bytes()
        else:
            found[name] = ("kind", stat.S_IFMT(path.lstat().st_mode))
    return found


@pytest.mark.parametrize("name", list(CASES))
def test_every_failure_is_one_line(tmp_path: Path, name: str) -> None:
    case = CASES[name]
    try:
        how = case.prepare(tmp_path)
        before = snapshot(tmp_path)
        outcome = run(how)
        after = snapshot(tmp_path)
    finally:
        for folder in tmp_path.rglob("*"):
            if folder.is_dir() and not folder.is_symlink():
                folder.chmod(0o755)  # let pytest clean up the read-only folders
    assert "Traceback" not in outcome.stderr, outcome.stderr
    assert outcome.code == case.code, outcome.stderr
    # Nothing half-written, nothing created, nothing changed: inputs, glossaries and memories are as they were.
    assert after == before, sorted(set(after) ^ set(before)) or [k for k in after if after[k] != before[k]]
    if not case.message:
        assert outcome.stderr == ""
        return
    assert outcome.stderr.count("\n") == 1, outcome.stderr
    assert outcome.stderr.startswith("translator")
    assert case.message in outcome.stderr
    if case.code == 1:  # an error says what to do, in brackets after what is wrong
        assert outcome.stderr.rstrip().endswith(")"), outcome.stderr


def test_an_import_refused_midway_leaves_every_entry_of_the_memory_as_it_was(tmp_path: Path) -> None:
    # The file snapshot of the case above compares the database file's bytes; this reads the entries
    # themselves: the first file's reviewed sentence did not replace the memory's own translation of it.
    outcome = run(CASES["memory-import-bad-file-in-the-middle"].prepare(tmp_path))
    assert outcome.code == 1, outcome.stderr
    memory = TranslationMemory(tmp_path / "tm.sqlite")
    try:
        kept = {(entry.source, entry.target) for entry in memory.entries("fr", "en")}
        assert {entry.origin for entry in memory.entries()} == {"human"}
    finally:
        memory.close()
    assert kept == {(entry.source, entry.target) for entry in MEMORY_ENTRIES}
    assert ("La fusée décolle.", "The rocket takes off.") in kept
