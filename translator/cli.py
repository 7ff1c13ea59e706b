"""The `translator` command: parse arguments, call the core, print; errors become one line + exit code."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from translator.errors import TranslatorError

EXIT_USER_ERROR = 1
EXIT_INTERRUPTED = 130


def demo_thread_path() -> Path:
    """The demo thread shipped inside the package."""
    return Path(__file__).parent / "data" / "demo-thread.txt"


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every subcommand."""
    parser = argparse.ArgumentParser(
        prog="translator",
        description="Offline translation of news articles and their comment threads.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    inspect = commands.add_parser(
        "inspect",
        help="show the structure of a thread file (posts, authors, dates, votes, blocks)",
        description="Read a thread file and show its article, comments, quotes and block ids.",
    )
    inspect.add_argument(
        "file", nargs="?", type=Path, help="thread file: forum page dump, JSON or text/Markdown"
    )
    inspect.add_argument("--demo", action="store_true", help="use the demo thread shipped with the tool")
    inspect.add_argument("--json", action="store_true", help="print the thread as JSON (a stable schema)")
    inspect.add_argument(
        "--format", choices=("forum", "json", "text"), help="input format (default: sniffed)"
    )
    inspect.set_defaults(handler=run_inspect)
    return parser


def thread_argument(args: argparse.Namespace) -> Path:
    """The thread file the user named, or the demo thread; exactly one of them."""
    if args.demo and args.file:
        raise TranslatorError("give a FILE or --demo, not both")
    if args.demo:
        return demo_thread_path()
    if args.file is None:
        raise TranslatorError("no thread file given", "name a FILE, or pass --demo to try the demo thread")
    path: Path = args.file
    return path


def warn(message: str) -> None:
    """One warning line on stderr."""
    from translator.display import visible

    print(f"translator: warning: {visible(message)}", file=sys.stderr)


def run_inspect(args: argparse.Namespace) -> int:
    """`translator inspect`: the thread as a tree, or as JSON."""
    from translator.readers import read_thread

    thread_file = read_thread(thread_argument(args), args.format)
    for message in thread_file.warnings:
        warn(message)
    if args.json:
        from translator.writers.json_thread import dump_thread

        sys.stdout.write(dump_thread(thread_file.thread))
    else:
        from translator.inspect_view import print_thread

        print_thread(thread_file.thread)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        return handler(args)
    except TranslatorError as error:
        from translator.display import visible

        print(f"translator: error: {visible(str(error))}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("translator: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader of our output went away (`| head`); nothing left to say.
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
