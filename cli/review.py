"""The handler of `translator review` (its arguments are declared in cli.main, which loads this lazily)."""

from __future__ import annotations

import argparse


def run_review(args: argparse.Namespace) -> int:
    """`translator review`: open the app on the file."""
    from translator.errors import InputError

    source = None
    if args.source is not None:
        from translator.readers import read_thread

        source = read_thread(args.source).thread
    for path in args.glossary:
        if not path.is_file():
            raise InputError(f"{path}: no such glossary file", "check the path")
    from translator.memory.store import default_memory_path
    from tui.app import ReviewApp

    memory = getattr(args, "memory", None) or default_memory_path()
    app = ReviewApp(
        args.file, source=source, glossary_paths=args.glossary, autosave_seconds=args.autosave, memory_path=memory
    )
    if args.light:
        app.theme = "textual-light"
    app.run()
    return 0
