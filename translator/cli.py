"""The `translator` command: parse arguments, call the core, print; errors become one line + exit code."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from translator.errors import TranslatorError

if TYPE_CHECKING:
    from translator.detect import LanguageDetector
    from translator.models import Thread

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
    inspect.add_argument("file", nargs="?", type=Path, help="thread file: forum page dump, JSON or text/Markdown")
    inspect.add_argument("--demo", action="store_true", help="use the demo thread shipped with the tool")
    inspect.add_argument("--json", action="store_true", help="print the thread as JSON (a stable schema)")
    inspect.add_argument("--format", choices=("forum", "json", "text"), help="input format (default: sniffed)")
    add_language_options(inspect)
    inspect.set_defaults(handler=run_inspect)

    detect = commands.add_parser(
        "detect",
        help="detect the language of every block, post and thread (or of JSON Lines texts)",
        description="Show the language of every block and post of a thread; low-confidence blocks are "
        "highlighted. With --jsonl, detect arbitrary texts in batch.",
    )
    detect.add_argument("file", nargs="?", type=Path, help="thread file: forum page dump, JSON or text/Markdown")
    detect.add_argument("--demo", action="store_true", help="use the demo thread shipped with the tool")
    detect.add_argument("--format", choices=("forum", "json", "text"), help="input format (default: sniffed)")
    detect.add_argument("--json", action="store_true", help="print the thread as JSON with languages")
    detect.add_argument(
        "--jsonl",
        metavar="IN",
        help='batch mode: IN holds lines {"id", "text", "thread"?} (- for stdin); '
        'prints {"id", "lang", "confidence"} per line, in order',
    )
    detect.add_argument("-o", "--output", metavar="OUT", help="with --jsonl: write here (atomically) instead of stdout")
    add_language_options(detect)
    detect.set_defaults(handler=run_detect)
    return parser


def add_language_options(parser: argparse.ArgumentParser) -> None:
    """Options shared by the commands that detect languages."""
    parser.add_argument(
        "--languages",
        metavar="CODES",
        help="candidate languages, e.g. fr,en,ru (default: common European languages and installed models)",
    )
    parser.add_argument(
        "--set-lang",
        metavar="BLOCK=LANG",
        action="append",
        default=[],
        help="set a block's language by hand, e.g. c3.p1=de (repeatable); detection keeps it",
    )


def make_detector(args: argparse.Namespace) -> LanguageDetector:
    """The language detector for the --languages option."""
    from translator.detect import LanguageDetector
    from translator.languages import parse_language_list

    return LanguageDetector(parse_language_list(args.languages) if args.languages else None)


def read_and_detect(args: argparse.Namespace) -> Thread:
    """Read the thread argument, apply manual languages, detect the rest; print reading warnings."""
    from translator.detect import detect_languages, set_languages
    from translator.readers import read_thread

    thread_file = read_thread(thread_argument(args), args.format)
    for message in thread_file.warnings:
        warn(message)
    thread = set_languages(thread_file.thread, parse_overrides(args.set_lang))
    return detect_languages(thread, make_detector(args))


def parse_overrides(values: list[str]) -> dict[str, str]:
    """`c3.p1=de` options as {block id: Argos code}."""
    from translator.languages import normalize_code

    overrides = {}
    for value in values:
        block_id, separator, code = value.partition("=")
        if not separator or not block_id.strip():
            raise TranslatorError(f"--set-lang {value!r} is not BLOCK=LANG", "e.g. --set-lang c3.p1=de")
        overrides[block_id.strip()] = normalize_code(code)
    return overrides


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
    thread = read_and_detect(args)
    if args.json:
        from translator.writers.json_thread import dump_thread

        sys.stdout.write(dump_thread(thread))
    else:
        from translator.inspect_view import print_thread

        print_thread(thread)
    return 0


def run_detect(args: argparse.Namespace) -> int:
    """`translator detect`: languages of a thread, or of JSON Lines texts with --jsonl."""
    if args.jsonl is None:
        if args.output:
            raise TranslatorError("-o/--output goes with --jsonl", "for a thread, use --json and redirect")
        return run_inspect(args)
    if args.file or args.demo:
        raise TranslatorError("give a thread FILE or --jsonl IN, not both")
    from translator.detect_jsonl import run_detect_jsonl
    from translator.progress import byte_progress

    detector = make_detector(args)
    with byte_progress("detecting") as progress_factory:
        count = run_detect_jsonl(args.jsonl, args.output, detector, progress_factory)
    if args.output:
        print(f"translator: {count} lines written to {args.output}", file=sys.stderr)
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
