"""The `translator` command: parse arguments, call the core, print; errors become one line + exit code."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from translator.errors import TranslatorError

if TYPE_CHECKING:
    from translator.detect.detector import LanguageDetector
    from translator.engine.argos import ArgosEngine
    from translator.jobs import JobSettings
    from translator.memory.store import TranslationMemory
    from translator.models import Thread

EXIT_USER_ERROR = 1
EXIT_INTERRUPTED = 130


def demo_thread_path() -> Path:
    """The demo thread shipped inside the package."""
    import translator

    return Path(translator.__file__).resolve().parent / "data" / "demo-thread.txt"


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
    add_thread_arguments(inspect, "--format")
    inspect.add_argument("--json", action="store_true", help="print the thread as JSON (a stable schema)")
    add_language_options(inspect)
    inspect.set_defaults(handler=run_inspect)

    detect = commands.add_parser(
        "detect",
        help="detect the language of every block, post and thread (or of JSON Lines texts)",
        description="Show the language of every block and post of a thread; low-confidence blocks are "
        "highlighted. With --jsonl, detect arbitrary texts in batch.",
    )
    add_thread_arguments(detect, "--format")
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

    translate = commands.add_parser(
        "translate",
        help="translate a thread file into PO/JSON/Markdown/HTML for review",
        description="Detect the language of every block, reuse the translation memory, apply the glossary, "
        "translate the rest in one batched call per language pair, check the result, and write it.",
    )
    add_thread_arguments(translate, None)
    translate.add_argument("-o", "--output", help="output file (one format; - for stdout) or folder (several)")
    add_translation_options(translate)
    translate.set_defaults(handler=run_translate)

    apply = commands.add_parser(
        "apply",
        help="rebuild the translated thread from a reviewed PO file",
        description="Approved entries (not fuzzy) are the reviewers' translations; fuzzy ones stay drafts.",
    )
    apply.add_argument("po", type=Path, metavar="REVIEWED.po")
    apply.add_argument("source", type=Path, metavar="SOURCE_FILE", help="the thread the PO file was made from")
    apply.add_argument("-o", "--output", default="-", help="output file (default: stdout)")
    apply.add_argument("--format", dest="formats", default="md", choices=("json", "md", "html"))
    apply.add_argument("--side-by-side", action="store_true", help="Markdown/HTML: source beside translation")
    apply.set_defaults(handler=run_apply)

    batch = commands.add_parser(
        "batch",
        help="translate files, folders and globs of threads into an output folder (resumable)",
        description="One output per input, mirroring the input tree. Rerunning after an interruption redoes "
        "only unfinished files. One bad file is reported and skipped; the exit code is 1 if any failed.",
    )
    batch.add_argument("inputs", nargs="+", metavar="INPUT", help="files, folders or glob patterns")
    batch.add_argument("-o", "--output", required=True, type=Path, metavar="OUTDIR", help="output folder")
    batch.add_argument("--jobs", type=int, default=1, help="worker processes, each loading the model once")
    add_translation_options(batch)
    batch.set_defaults(handler=run_batch_command)

    memory = commands.add_parser("memory", help="the translation memory: stats, import reviewed PO, TMX")
    memory_commands = memory.add_subparsers(dest="memory_command", metavar="ACTION", required=True)
    stats = memory_commands.add_parser("stats", help="entries per language pair and origin")
    stats.set_defaults(handler=run_memory_stats)
    memory_import = memory_commands.add_parser("import", help="import approved entries of reviewed PO files, or TMX")
    memory_import.add_argument("files", nargs="+", type=Path, metavar="FILE")
    memory_import.add_argument("--tmx", action="store_true", help="the files are TMX")
    memory_import.set_defaults(handler=run_memory_import)
    memory_export = memory_commands.add_parser("export", help="export the memory as TMX")
    memory_export.add_argument("file", type=Path, metavar="OUT.tmx")
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

    review = commands.add_parser(
        "review",
        help="review translations in a terminal UI: source and translation side by side",
        description="Open a PO or JSON file made by `translator translate` and review it block by block: "
        "edit, approve, re-translate, add glossary terms. Saves atomically to the same file; press ? for keys.",
    )
    review.add_argument("file", type=Path, metavar="FILE.po|FILE.json", help="the file to review (saved in place)")
    review.add_argument("--source", type=Path, metavar="THREAD", help="the thread the file was made from (optional)")
    review.add_argument(
        "--glossary", type=Path, action="append", default=[], metavar="PATH", help="glossary PO file (repeatable)"
    )
    review.add_argument(
        "--autosave", type=float, default=60.0, metavar="SECONDS", help="autosave interval (0: off; default 60)"
    )
    review.add_argument("--light", action="store_true", help="start with the light theme")
    review.add_argument(
        "--memory", type=Path, help="translation memory: alternatives, and approved work goes in (default: user data)"
    )
    review.set_defaults(handler=run_review)

    from cli.glossary import add_glossary_parser

    add_glossary_parser(commands)
    return parser


def run_review(args: argparse.Namespace) -> int:
    """`translator review`: the Textual app lives in the `tui` package, loaded only now (the core never
    imports the UI; the UI imports the core)."""
    import importlib

    handler: Callable[[argparse.Namespace], int] = importlib.import_module("cli.review").run_review
    return handler(args)


def add_translation_options(parser: argparse.ArgumentParser) -> None:
    """Options shared by `translate` and `batch`."""
    parser.add_argument("--to", dest="target", default="en", help="target language (default: en)")
    parser.add_argument("--from", dest="source", default="auto", help="source language (default: auto-detect)")
    parser.add_argument(
        "--format",
        dest="formats",
        default=None,
        help="output formats, comma-separated among po,json,md,html (translate: po; batch: po,json,md)",
    )
    parser.add_argument(
        "--input-format", dest="format", choices=("forum", "json", "text"), help="input format (default: sniffed)"
    )
    parser.add_argument("--glossary", action="append", default=[], type=Path, help="glossary PO file (repeatable)")
    parser.add_argument("--glossary-dir", type=Path, help="folder of xx-yy.po glossaries (default: the shipped ones)")
    parser.add_argument("--no-glossary", action="store_true", help="apply no glossary")
    parser.add_argument("--memory", type=Path, help="translation memory file (default: in the user data folder)")
    parser.add_argument("--no-memory", action="store_true", help="neither reuse nor feed the translation memory")
    parser.add_argument("--side-by-side", action="store_true", help="Markdown/HTML: source beside translation")
    parser.add_argument("--languages", metavar="CODES", help="candidate languages for detection, e.g. fr,en,de")
    add_engine_options(parser)


def job_settings(args: argparse.Namespace, default_formats: str) -> JobSettings:
    """The job settings of `translate`/`batch` options, validated."""
    from translator.jobs import FORMATS, JobSettings
    from translator.languages import normalize_code, parse_language_list

    formats = tuple(dict.fromkeys(f.strip() for f in (args.formats or default_formats).split(",") if f.strip()))
    unknown = [fmt for fmt in formats if fmt not in FORMATS]
    if unknown or not formats:
        raise TranslatorError(f"unknown output format {', '.join(unknown) or '(none)'}", f"use {','.join(FORMATS)}")
    if args.threads < 0 or args.beam_size < 1:
        raise TranslatorError("--threads must be >= 0 and --beam-size >= 1")
    return JobSettings(
        target=normalize_code(args.target),
        source=None if args.source == "auto" else normalize_code(args.source),
        formats=formats,
        input_format=getattr(args, "format", None),
        languages=parse_language_list(args.languages) if args.languages else None,
        glossaries=tuple(str(path) for path in args.glossary),
        glossary_dir=str(args.glossary_dir) if args.glossary_dir else None,
        use_glossary=not args.no_glossary,
        memory=str(args.memory) if args.memory else None,
        use_memory=not args.no_memory,
        models_dirs=tuple(str(path) for path in args.models_dir),
        device=args.device,
        threads=args.threads,
        beam_size=args.beam_size,
        side_by_side=args.side_by_side,
    )


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
    parser.add_argument(
        "--threads",
        type=int,
        default=0,
        help="CPU threads (0: every core; with batch --jobs, shared between workers)",
    )
    parser.add_argument("--beam-size", type=int, default=4, help="beam width (Argos uses 4)")


def make_engine(args: argparse.Namespace) -> ArgosEngine:
    """The Argos engine for the engine options."""
    from translator.engine.argos import ArgosEngine, EngineSettings
    from translator.engine.store import ModelStore

    if args.threads < 0 or args.beam_size < 1:
        raise TranslatorError("--threads must be >= 0 and --beam-size >= 1")
    settings = EngineSettings(device=args.device, threads=args.threads, beam_size=args.beam_size)
    return ArgosEngine(ModelStore(args.models_dir), settings)


def add_thread_arguments(parser: argparse.ArgumentParser, format_option: str | None) -> None:
    """FILE or --demo, and the input format option when the command has no other --format."""
    parser.add_argument("file", nargs="?", type=Path, help="thread file: forum page dump, JSON or text/Markdown")
    parser.add_argument("--demo", action="store_true", help="use the demo thread shipped with the tool")
    if format_option:
        parser.add_argument(format_option, choices=("forum", "json", "text"), help="input format (default: sniffed)")


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
    from translator.detect.detector import LanguageDetector
    from translator.languages import parse_language_list

    return LanguageDetector(parse_language_list(args.languages) if args.languages else None)


def read_and_detect(args: argparse.Namespace) -> Thread:
    """Read the thread argument, apply manual languages, detect the rest; print reading warnings."""
    from translator.detect.detector import detect_languages, set_languages
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
        from translator.formats.json import dump_thread

        sys.stdout.write(dump_thread(thread))
    else:
        from cli.inspect_view import print_thread

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
    from cli.progress import byte_progress
    from translator.detect.jsonl import run_detect_jsonl

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
        from translator.engine.store import available_packages, index_url

        table = Table("pair", "version", "package", title=f"Available from {visible(index_url())}")
        for available in available_packages():
            table.add_row(f"{available.from_code}-{available.to_code}", available.version, visible(available.name))
        console.print(table)
        return 0
    from translator.engine.store import ModelStore

    packages = ModelStore(args.models_dir).packages()
    if not packages:
        print("No translation model installed. Install one with: translator models install FROM TO")
        return 0
    table = Table("pair", "version", "size", "from", "path")
    for package in packages:
        table.add_row(
            package.pair, package.version, megabytes(package.size_bytes()), package.origin, visible(str(package.path))
        )
    console.print(table)
    return 0


def run_models_install(args: argparse.Namespace) -> int:
    """`translator models install FROM TO` or `... FILE.argosmodel`."""
    from translator.engine.store import install_from_index, install_package_file

    if len(args.what) == 1:
        package = install_package_file(Path(args.what[0]), args.to_dir)
    elif len(args.what) == 2:
        from cli.progress import byte_progress
        from translator.languages import normalize_code

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
    from translator.engine.store import ModelStore, remove_package
    from translator.languages import normalize_code

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
        from translator.detect.detector import LanguageDetector

        detection = LanguageDetector(installed=engine.store.languages()).detect_text(args.text)
        source = detection.lang
        if source == "und":
            raise TranslatorError("cannot tell the language of this text", "pass --from, e.g. --from fr")
    else:
        source = normalize_code(args.source)
    sentences = split_sentences(args.text, source)
    print(" ".join(engine.translate_batch(sentences, source, target)))
    return 0


def run_translate(args: argparse.Namespace) -> int:
    """`translator translate`: one thread file to PO/JSON/Markdown/HTML."""
    from translator.files import write_atomic
    from translator.jobs import output_paths, render, translate_file

    path = thread_argument(args)
    settings = job_settings(args, "po")
    translated, stats, warnings = translate_file(path, settings)
    for message in warnings:
        warn(message)
    if len(settings.formats) == 1 and args.output not in (None, ""):
        targets = {settings.formats[0]: None if args.output == "-" else Path(args.output)}
    else:
        if args.output == "-":
            raise TranslatorError("-o - (stdout) takes one format", "pass --format with a single format")
        folder = Path(args.output) if args.output else Path(".")
        folder.mkdir(parents=True, exist_ok=True)
        targets = dict(output_paths(path, folder, Path(path.name), settings))
    for fmt, target in targets.items():
        text = render(translated, fmt, settings.side_by_side)
        if target is None:
            sys.stdout.write(text)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(target, text)
            print(f"Wrote {target}", file=sys.stderr)
    print(
        f"translator: {stats.blocks} blocks ({stats.copied} copied), {stats.sentences} sentences: "
        f"{stats.translated} translated, {stats.from_memory} from memory; "
        f"{sum(len(unit.issues) for unit in translated.units)} QA issues to review",
        file=sys.stderr,
    )
    return 0


def run_apply(args: argparse.Namespace) -> int:
    """`translator apply REVIEWED.po SOURCE_FILE`."""
    from translator.files import write_atomic
    from translator.formats.po import apply_review
    from translator.jobs import render
    from translator.readers import read_thread

    translated = apply_review(args.po, read_thread(args.source).thread)
    text = render(translated, args.formats, args.side_by_side)
    if args.output == "-":
        sys.stdout.write(text)
    else:
        write_atomic(Path(args.output), text)
    reviewed = sum(1 for unit in translated.units if unit.status == "reviewed")
    print(f"translator: {reviewed} of {len(translated.units)} blocks reviewed", file=sys.stderr)
    return 0


def run_batch_command(args: argparse.Namespace) -> int:
    """`translator batch`: many files, worker processes, resumable, summary table."""
    from cli.batch_view import BatchDisplay
    from translator.batch import expand_inputs, run_batch

    if args.jobs < 1:
        raise TranslatorError("--jobs must be at least 1")
    settings = job_settings(args, "po,json,md")
    items = expand_inputs(args.inputs, args.output)
    with BatchDisplay(len(items)) as display:
        summary = run_batch(items, args.output, settings, args.jobs, display.report)
    display.print_summary(summary)
    return 1 if summary.failed else 0


def open_memory(args: argparse.Namespace) -> TranslationMemory:
    """The memory named by --memory, or the default one."""
    from translator.memory.store import TranslationMemory

    return TranslationMemory(args.memory)


def run_memory_stats(args: argparse.Namespace) -> int:
    """`translator memory stats`."""
    stats = open_memory(args).stats()
    print(f"Translation memory: {stats.path}")
    if not stats.pairs:
        print("  empty")
    for pair, counts in stats.pairs.items():
        print(f"  {pair}: " + ", ".join(f"{count} {origin}" for origin, count in counts.items()))
    if stats.threads:
        print(
            f"  {stats.threads} whole translated threads kept for reruns ({megabytes(stats.thread_bytes)};"
            " `translator memory prune` drops them)"
        )
    return 0


def run_memory_prune(args: argparse.Namespace) -> int:
    """`translator memory prune [--older-than DAYS]`."""
    memory = open_memory(args)
    count, size = memory.prune_threads(args.older_than)
    age = f" kept more than {args.older_than:g} days ago" if args.older_than else ""
    print(f"Dropped {count} whole translated threads{age} ({megabytes(size)}) from {memory.path}")
    if count and not memory.compact():
        print("The file was not compacted: another process is using it. The space is reused by later writes.")
    return 0


def days(text: str) -> float:
    """An argparse type: a number of days, zero or more."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of days") from None
    if not value >= 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of days (0 or more)")
    return value


def megabytes(size: int) -> str:
    """A byte count for people."""
    return f"{size / 1e6:.1f} MB"


def run_memory_import(args: argparse.Namespace) -> int:
    """`translator memory import FILE.po...` (approved entries become human translations) or `--tmx`."""
    from translator.formats.po import reviewed_entries
    from translator.memory.store import MemoryEntry
    from translator.memory.tmx import read_tmx

    memory = open_memory(args)
    total = 0
    for path in args.files:
        rows = read_tmx(path) if args.tmx else reviewed_entries(path)
        total += memory.store(MemoryEntry(src, tgt, source, target, "human") for src, tgt, source, target in rows)
    print(f"Imported {total} human translations into {memory.path}")
    return 0


def run_memory_export(args: argparse.Namespace) -> int:
    """`translator memory export OUT.tmx`."""
    from translator.glossary.core import parse_pair
    from translator.memory.tmx import write_tmx

    source, target = parse_pair(args.pair) if args.pair else (None, None)
    count = write_tmx(open_memory(args), args.file, source, target)
    print(f"Exported {count} entries to {args.file}")
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
