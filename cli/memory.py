"""The `translator memory` commands: stats, import, export and prune."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from cli.diagnostics import UsageError
from cli.options import counted, days, megabytes, refuse_overwriting_input, shown, status

if TYPE_CHECKING:
    from translator.memory.store import TranslationMemory


def add_memory_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`memory` and its actions."""
    memory = commands.add_parser("memory", help="the translation memory: stats, import reviewed PO, TMX")
    memory_commands = memory.add_subparsers(dest="memory_command", metavar="ACTION", required=True)
    stats = memory_commands.add_parser("stats", help="entries per language pair and origin")
    stats.set_defaults(handler=run_memory_stats)
    memory_import = memory_commands.add_parser(
        "import", help="import approved entries of reviewed PO, XLIFF or JSON files, or TMX"
    )
    memory_import.add_argument(
        "files",
        nargs="+",
        type=Path,
        metavar="FILE",
        help="reviewed PO, XLIFF or JSON files (their approved entries), or TMX files with --tmx (a person's units: "
        "those our export notes `origin: machine` are left out)",
    )
    memory_import.add_argument("--tmx", action="store_true", help="the files are TMX")
    memory_import.set_defaults(handler=run_memory_import)
    memory_export = memory_commands.add_parser("export", help="export the memory as TMX")
    memory_export.add_argument("file", type=Path, metavar="OUT.tmx", help="the TMX file to write (- for stdout)")
    memory_export.add_argument("--tmx", action="store_true", default=True, help="TMX (the only export format)")
    memory_export.add_argument("--pair", help="only this pair, e.g. fr-en")
    memory_export.set_defaults(handler=run_memory_export)
    prune = memory_commands.add_parser(
        "prune",
        help="drop the whole threads kept for reruns (sentences and human translations stay)",
        description="Drop the whole translated threads the memory keeps for reruns: all of them, or those kept "
        "more than DAYS days ago; then compact the file. Sentence entries and human translations stay, so a "
        "file translated again reuses them (with the same model, nothing goes to the engine).",
    )
    prune.add_argument("--older-than", type=days, metavar="DAYS", help="only threads kept more than DAYS days ago")
    prune.set_defaults(handler=run_memory_prune)
    for sub in (stats, memory_import, memory_export, prune):
        sub.add_argument("--memory", type=Path, help="the memory database (default: in the user data folder)")


def open_memory(args: argparse.Namespace, must_exist: bool = False) -> TranslationMemory:
    """The memory named by --memory, or the default one. `must_exist`: a --memory file that is not there is an
    error (a misspelt name for stats, export or prune would otherwise report an empty memory, and leave a new
    file behind)."""
    from translator.errors import TranslationMemoryError
    from translator.memory.store import TranslationMemory

    if must_exist and args.memory is not None and not args.memory.exists():
        raise TranslationMemoryError(
            f"no translation memory at {args.memory}", "check the path: translate and memory import create one"
        )
    return TranslationMemory(args.memory)


def run_memory_stats(args: argparse.Namespace) -> int:
    """`translator memory stats`."""
    stats = open_memory(args, must_exist=True).stats()
    print(f"Translation memory: {shown(stats.path)}")
    if not stats.pairs:
        print("  empty")
    for pair, counts in stats.pairs.items():
        print(f"  {pair}: " + ", ".join(f"{count} {origin}" for origin, count in counts.items()))
    if stats.threads:
        print(
            f"  {counted(stats.threads, 'whole translated thread')} kept for reruns ({megabytes(stats.thread_bytes)};"
            " `translator memory prune` drops them)"
        )
    return 0


def run_memory_prune(args: argparse.Namespace) -> int:
    """`translator memory prune [--older-than DAYS]`."""
    memory = open_memory(args, must_exist=True)
    count, size = memory.prune_threads(args.older_than)
    age = f" kept more than {counted(args.older_than, 'day')} ago" if args.older_than else ""
    status(f"Dropped {counted(count, 'whole translated thread')}{age} ({megabytes(size)}) from {shown(memory.path)}")
    if count and not memory.compact():
        status("The file was not compacted: another process is using it. The space is reused by later writes.")
    return 0


def run_memory_import(args: argparse.Namespace) -> int:
    """`translator memory import FILE.po|.xlf...` (approved entries become human translations) or `--tmx`.
    All or nothing: every file is read before anything is stored, then one transaction stores them all."""
    from translator.formats.po import reviewed_entries
    from translator.memory.store import MemoryEntry, default_memory_path
    from translator.memory.tmx import read_tmx

    memory_path = args.memory or default_memory_path()
    for path in args.files:
        with contextlib.suppress(OSError, ValueError):  # a file missing is said when it is read
            if os.path.samefile(path, memory_path):
                raise UsageError(
                    f"{path} is the translation memory itself: nothing in it to import",
                    "give the reviewed PO, XLIFF or JSON file (or --tmx a TMX file) to import into the memory",
                )
    rows = []
    machine = 0
    for path in args.files:
        if args.tmx:
            human, left_out = read_tmx(path)
            rows.extend(human)
            machine += left_out
        elif path.suffix.lower() == ".json":
            rows.extend(reviewed_json_entries(path))
        else:
            rows.extend(reviewed_entries(path))
    memory = open_memory(args)  # after reading: a refused file must not leave a new, empty memory behind
    total = memory.store(MemoryEntry(src, tgt, source, target, "human") for src, tgt, source, target in rows)
    status(f"Imported {counted(total, 'human translation')} into {shown(memory.path)}")
    if not rows and not args.tmx:
        status("No entry is approved yet: approve entries in `translator review`, a PO editor or a CAT tool first.")
    if machine:
        machine_words = counted(machine, "machine translation")
        status(f"Left out {machine_words} (noted `origin: machine`): only a person's work is imported")
    return 0


def reviewed_json_entries(path: Path) -> list[tuple[str, str, str, str]]:
    """(source language, target language, source, translation) of every reviewed unit of a translated JSON
    file (what `translator review` saves), as `reviewed_entries` gives them for a PO or XLIFF file."""
    from translator.formats.json import read_translated_json

    return [
        (unit.source_lang, unit.target_lang, unit.block.text, unit.target)
        for unit in read_translated_json(path).units
        if unit.status == "reviewed" and unit.target and unit.source_lang not in ("und", unit.target_lang)
    ]


def run_memory_export(args: argparse.Namespace) -> int:
    """`translator memory export OUT.tmx`."""
    from translator.glossary import parse_pair
    from translator.memory.store import default_memory_path
    from translator.memory.tmx import tmx_text, write_tmx

    source, target = parse_pair(args.pair) if args.pair else (None, None)
    refuse_overwriting_input(args.file, [("the translation memory", args.memory or default_memory_path())], "")
    if str(args.file) == "-":
        text, count = tmx_text(open_memory(args, must_exist=True), source, target)
        sys.stdout.write(text)
        print(f"translator: exported {counted(count, 'entry')}", file=sys.stderr)
        return 0
    count = write_tmx(open_memory(args, must_exist=True), args.file, source, target)
    status(f"Exported {counted(count, 'entry')} to {shown(args.file)}")
    return 0
