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
    from translator.engine import ArgosEngine
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

    models = commands.add_parser("models", help="list, install and remove translation models (Argos packages)")
    model_commands = models.add_subparsers(dest="models_command", metavar="ACTION", required=True)
    listing = model_commands.add_parser("list", help="installed language pairs, versions, sizes and places")
    listing.add_argument("--available", action="store_true", help="list the packages of the index instead")
    add_models_dir_option(listing)
    listing.set_defaults(handler=run_models_list)
    install = model_commands.add_parser(
        "install",
        help="install a pair from the package index (FROM TO) or a package file (FILE.argosmodel)",
        description="Install from the Argos package index (ARGOS_PACKAGE_INDEX overrides its address) or "
        "from a local .argosmodel file. Packages go where argostranslate keeps them (ARGOS_PACKAGES_DIR).",
    )
    install.add_argument("what", nargs="+", metavar="FROM TO | FILE", help="a language pair, or a package file")
    install.add_argument("--to-dir", type=Path, help="install into this folder instead")
    install.set_defaults(handler=run_models_install)
    remove = model_commands.add_parser("remove", help="remove the installed package of a pair")
    remove.add_argument("from_code", metavar="FROM")
    remove.add_argument("to_code", metavar="TO")
    add_models_dir_option(remove)
    remove.set_defaults(handler=run_models_remove)

    quick = commands.add_parser("translate-text", help="translate a short text, for a quick check")
    quick.add_argument("text", help="the text to translate")
    quick.add_argument("--from", dest="source", default="auto", help="source language (default: auto-detect)")
    quick.add_argument("--to", dest="target", default="en", help="target language (default: en)")
    add_engine_options(quick)
    quick.set_defaults(handler=run_translate_text)

    from translator.cli_glossary import add_glossary_parser

    add_glossary_parser(commands)
    return parser


def add_models_dir_option(parser: argparse.ArgumentParser) -> None:
    """--models-dir, for commands that look for packages."""
    parser.add_argument(
        "--models-dir",
        type=Path,
        action="append",
        default=[],
        help="also look for Argos packages in this folder (repeatable; searched first)",
    )


def add_engine_options(parser: argparse.ArgumentParser) -> None:
    """Options of the translation engine."""
    add_models_dir_option(parser)
    parser.add_argument("--device", choices=("cpu", "cuda", "auto"), default="cpu", help="where models run")
    parser.add_argument("--threads", type=int, default=0, help="CPU threads per model (0: automatic)")
    parser.add_argument("--beam-size", type=int, default=4, help="beam width (Argos uses 4)")


def make_engine(args: argparse.Namespace) -> ArgosEngine:
    """The Argos engine for the engine options."""
    from translator.engine import ArgosEngine, EngineSettings
    from translator.models_store import ModelStore

    if args.threads < 0 or args.beam_size < 1:
        raise TranslatorError("--threads must be >= 0 and --beam-size >= 1")
    settings = EngineSettings(device=args.device, threads=args.threads, beam_size=args.beam_size)
    return ArgosEngine(ModelStore(args.models_dir), settings)


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


def run_models_list(args: argparse.Namespace) -> int:
    """`translator models list`: what is installed (or available in the index)."""
    from rich.console import Console
    from rich.table import Table

    from translator.display import visible

    console = Console(highlight=False)
    if args.available:
        from translator.models_store import available_packages, index_url

        table = Table("pair", "version", "package", title=f"Available from {visible(index_url())}")
        for available in available_packages():
            table.add_row(f"{available.from_code}-{available.to_code}", available.version, visible(available.name))
        console.print(table)
        return 0
    from translator.models_store import ModelStore

    packages = ModelStore(args.models_dir).packages()
    if not packages:
        print("No translation model installed. Install one with: translator models install FROM TO")
        return 0
    table = Table("pair", "version", "size", "from", "path")
    for package in packages:
        size = f"{package.size_bytes() / 1e6:.1f} MB"
        table.add_row(package.pair, package.version, size, package.origin, visible(str(package.path)))
    console.print(table)
    return 0


def run_models_install(args: argparse.Namespace) -> int:
    """`translator models install FROM TO` or `... FILE.argosmodel`."""
    from translator.models_store import install_from_index, install_package_file

    if len(args.what) == 1:
        package = install_package_file(Path(args.what[0]), args.to_dir)
    elif len(args.what) == 2:
        from translator.languages import normalize_code
        from translator.progress import byte_progress

        source, target = (normalize_code(code) for code in args.what)
        with byte_progress(f"downloading {source}-{target}") as progress_factory:
            package = install_from_index(source, target, args.to_dir, progress_factory=progress_factory)
    else:
        raise TranslatorError(
            "give a language pair (FROM TO) or one package file", "e.g. translator models install fr en"
        )
    print(f"Installed {package.pair} (version {package.version}) in {package.path}")
    return 0


def run_models_remove(args: argparse.Namespace) -> int:
    """`translator models remove FROM TO`."""
    from translator.languages import normalize_code
    from translator.models_store import ModelStore, remove_package

    removed = remove_package(ModelStore(args.models_dir), normalize_code(args.from_code), normalize_code(args.to_code))
    for package in removed:
        print(f"Removed {package.pair} from {package.path}")
    return 0


def run_translate_text(args: argparse.Namespace) -> int:
    """`translator translate-text`: one text through the engine, sentence by sentence."""
    from translator.languages import normalize_code
    from translator.segment import split_sentences

    engine = make_engine(args)
    target = normalize_code(args.target)
    if args.source == "auto":
        from translator.detect import LanguageDetector

        detection = LanguageDetector(sorted(engine.store.languages() | {target}) or None).detect_text(args.text)
        source = detection.lang
        if source == "und":
            raise TranslatorError("cannot tell the language of this text", "pass --from, e.g. --from fr")
    else:
        source = normalize_code(args.source)
    sentences = split_sentences(args.text, source)
    print(" ".join(engine.translate_batch(sentences, source, target)))
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
