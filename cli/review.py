"""The `translator review` command: the Textual app of the `tui` package, loaded only when run
(the core never imports the UI; the UI imports the core)."""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

from cli.diagnostics import UsageError
from cli.options import add_models_dir_option, check_folder, model_store


def autosave_seconds(value: str) -> float:
    """`--autosave`: 0 (off) or a finite number of seconds (a negative one silently meant off)."""
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not math.isfinite(seconds) or seconds < 0:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of seconds (0 turns autosave off)")
    return seconds


def add_review_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`review`."""
    review = commands.add_parser(
        "review",
        help="review translations in a terminal UI: source and translation side by side",
        description="Open a PO, XLIFF or JSON file made by `translator translate` and review it block by block: "
        "edit, approve, re-translate, add glossary terms. Saves atomically to the same file; press ? for keys.",
    )
    review.add_argument(
        "file", type=Path, metavar="FILE.po|FILE.xlf|FILE.json", help="the file to review (saved in place)"
    )
    review.add_argument("--source", type=Path, metavar="THREAD", help="the thread the file was made from (optional)")
    review.add_argument(
        "--glossary", type=Path, action="append", default=[], metavar="PATH", help="glossary PO file (repeatable)"
    )
    review.add_argument("--glossary-dir", type=Path, help="folder of xx-yy.po glossaries (default: the shipped ones)")
    add_models_dir_option(review)
    review.add_argument(
        "--autosave",
        type=autosave_seconds,
        default=60.0,
        metavar="SECONDS",
        help="autosave interval (0: off; default 60)",
    )
    review.add_argument("--light", action="store_true", help="start with the light theme")
    review.add_argument(
        "--memory", type=Path, help="translation memory: alternatives, and approved work goes in (default: user data)"
    )
    review.set_defaults(handler=run_review)


def interactive_terminal() -> bool:
    """Whether the command runs in a terminal the app can draw on and read keys from."""
    return sys.stdin is not None and sys.stdout is not None and sys.stdin.isatty() and sys.stdout.isatty()


def run_review(args: argparse.Namespace) -> int:
    """`translator review`: open the app on the file."""
    from translator.files import open_input_file

    source = None
    if args.source is not None:
        from translator.formats.review import thread_made_from
        from translator.readers import read_threads

        source = thread_made_from(args.file, read_threads(args.source).threads, str(args.source))
    for path in args.glossary:
        open_input_file(path).close()  # one line for a missing path, a folder, a FIFO, a device
    if args.glossary_dir is not None:
        check_folder(args.glossary_dir, "--glossary-dir")
    # Re-translating a block (`t`) uses the packages `translate` was pointed at with --models-dir.
    engine = None
    if args.models_dir:
        from translator.engine import build_engine

        engine = build_engine(store=model_store(args))
    from translator.formats.review import read_review_file
    from translator.memory.store import default_memory_path
    from tui.app import ReviewApp

    # The app reads the file again; read here, a file it cannot open is one line whatever runs the command.
    read_review_file(args.file, source)
    if not interactive_terminal():
        raise UsageError(
            "review is an interactive app: standard input and output must be a terminal",
            "run it in a terminal; in a script, `translator apply` renders a reviewed file and `translator memory "
            "import` stores its approved entries",
        )
    memory = getattr(args, "memory", None) or default_memory_path()
    app = ReviewApp(
        args.file,
        source=source,
        glossary_paths=args.glossary,
        glossary_dir=args.glossary_dir,
        engine=engine,
        autosave_seconds=args.autosave,
        memory_path=memory,
    )
    if args.light:
        app.theme = "textual-light"
    app.run()
    return 0
