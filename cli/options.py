"""Options and argument helpers shared by several commands (thread, language, engine, translation)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from cli.diagnostics import UsageError
from translator.models import SOURCE_FORMATS

if TYPE_CHECKING:
    from translator.detect.detector import LanguageDetector
    from translator.engine import Engine, ModelStore
    from translator.jobs import JobSettings
    from translator.models import Thread


BEAM_SIZES = (1, 32)
"""--beam-size: Argos uses 4; past a few dozen the search only costs memory (100,000 took 9 GB)."""
THREAD_COUNTS = (0, 256)
"""--threads: 0 means every core; more threads than a large machine has cores only adds overhead."""
JOB_COUNTS = (1, 64)
"""batch --jobs: each worker process loads its own model, so a few per core is already too many."""


def demo_thread_path() -> Path:
    """The demo thread shipped inside the package."""
    import translator

    return Path(translator.__file__).resolve().parent / "data" / "demo-thread.txt"


def add_translation_options(parser: argparse.ArgumentParser) -> None:
    """Options shared by `translate` and `batch`."""
    parser.add_argument(
        "--format",
        dest="formats",
        default=None,
        help="output formats, comma-separated among po,json,md,html,xliff,xliff2 (XLIFF 1.2, 2.0; "
        "translate: po; batch: po,json,md)",
    )
    parser.add_argument("--input-format", dest="format", choices=SOURCE_FORMATS, help="input format (default: sniffed)")
    parser.add_argument("--side-by-side", action="store_true", help="Markdown/HTML: source beside translation")
    add_text_translation_options(parser)


def add_text_translation_options(parser: argparse.ArgumentParser) -> None:
    """Options of how any text is translated: languages, then what it is made with (`translate-text` too)."""
    parser.add_argument("--to", dest="target", default="en", help="target language (default: en)")
    parser.add_argument("--from", dest="source", default="auto", help="source language (default: auto-detect)")
    add_resource_options(parser)


def add_resource_options(parser: argparse.ArgumentParser) -> None:
    """What translations are made with: glossaries, memory, detection candidates, engine (`translate`,
    `batch`, `translate-text`, `serve`)."""
    parser.add_argument("--glossary", action="append", default=[], type=Path, help="glossary PO file (repeatable)")
    parser.add_argument("--glossary-dir", type=Path, help="folder of xx-yy.po glossaries (default: the shipped ones)")
    parser.add_argument("--no-glossary", action="store_true", help="apply no glossary")
    parser.add_argument("--memory", type=Path, help="translation memory file (default: in the user data folder)")
    parser.add_argument("--no-memory", action="store_true", help="neither reuse nor feed the translation memory")
    parser.add_argument("--languages", metavar="CODES", help="candidate languages for detection, e.g. fr,en,de")
    add_engine_options(parser)


OUTPUT_SUFFIX_FORMATS = {
    ".po": "po",
    ".json": "json",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".xlf": "xliff",
    ".xliff": "xliff",
}
"""The output format a file name asks for by its ending (`.xliff2.xlf` is XLIFF 2.0, as we write it)."""


def output_file_format(output: str | None, given: str | None, allowed: tuple[str, ...], default: str) -> str:
    """The format(s) to write: `given` (--format), else what the -o file's ending names, else `default`.
    Refuse a single --format that the -o file's ending contradicts (`--format po -o t.json` would write PO
    into a file every tool takes for JSON), and an ending naming a format the command does not write (`apply
    -o t.po` would write Markdown into a file every tool takes for PO)."""
    named = None
    if output and output != "-":
        name = Path(output).name.lower()
        named = "xliff2" if name.endswith(".xliff2.xlf") else OUTPUT_SUFFIX_FORMATS.get(Path(name).suffix)
    if named is not None and named not in allowed:
        raise UsageError(
            f"-o {output} names a {named} file, and this command writes {', '.join(allowed)}",
            f"end the file name as one of {', '.join(allowed)} does",
        )
    if given is None:
        return named or default
    if named is not None and "," not in given and given.strip() != named:
        raise UsageError(
            f"-o {output} names a {named} file, and --format is {given.strip()}",
            f"end the file name as the format does, or drop --format to write {named}",
        )
    return given


def refuse_unknown_ending(output: str | None, given: str | None, allowed: tuple[str, ...]) -> None:
    """UsageError when -o names a file whose ending names no format (`-o out.xyz`, `-o notes.txt`) and no
    --format says which to write: the default format was silently written into a file every tool reads by
    its ending. A name without an ending, a folder, `-` and devices are left alone."""
    if given is not None or not output or output == "-" or output.endswith(("/", os.sep)):
        return
    path = Path(output)
    ending = path.suffix.lower()
    if not ending or ending in OUTPUT_SUFFIX_FORMATS or path.is_dir() or path.name.lower().endswith(".xliff2.xlf"):
        return
    endings = sorted({suffix for suffix, fmt in OUTPUT_SUFFIX_FORMATS.items() if fmt in allowed})
    raise UsageError(
        f"-o {output}: the ending {ending} names no format this command writes ({', '.join(allowed)})",
        f"end the file name with one of {', '.join(endings)}, or say the format with --format",
    )


def refuse_overwriting_input(
    output: str | Path | None, inputs: Sequence[tuple[str, Path | None]], option: str = "-o"
) -> None:
    """UsageError (exit 2) when the output file is one of the inputs (`translate t.po -o t.po`, `glossary export
    fr-en.po --glossary fr-en.po`): written over, the input would be lost, maybe half read. `inputs` gives each
    input with its role (`the thread`, `the glossary`); a link or another name for the same file counts too.
    `option` names the output in the message (`-o`; empty for a positional argument).
    Checked before anything is read or written."""
    if output is None or str(output) in ("", "-"):
        return
    for role, path in inputs:
        if path is None or str(path) == "-":
            continue
        try:
            same = os.path.samefile(output, path)
        except (OSError, ValueError):
            same = False  # one of them does not exist (yet): no file is both
        if same:
            raise UsageError(
                f"{f'{option} ' if option else ''}{output} is {role} this command reads: writing it would destroy it",
                "give another output file",
            )


def job_settings(args: argparse.Namespace, default_formats: str) -> JobSettings:
    """The job settings of `translate`/`batch` options, validated."""
    from translator.jobs import FORMATS, JobSettings
    from translator.languages import normalize_code, parse_language_list

    asked = getattr(args, "formats", None)
    formats = tuple(
        dict.fromkeys(f.strip().lower() for f in (default_formats if asked is None else asked).split(",") if f.strip())
    )
    unknown = [fmt for fmt in formats if fmt not in FORMATS]
    if unknown or not formats:
        raise UsageError(f"unknown output format {', '.join(unknown) or '(none)'}", f"use {','.join(FORMATS)}")
    if getattr(args, "side_by_side", False) and not {"md", "html"} & set(formats):
        warn(f"--side-by-side shapes Markdown and HTML pages only: the {', '.join(formats)} output is as usual")
    check_device(args.device)
    for folder in args.models_dir:
        check_folder(folder, "--models-dir")
    if args.glossary_dir:
        check_folder(args.glossary_dir, "--glossary-dir")
    if args.models_dir:
        from translator.engine import ModelStore

        warn_skipped_package_files(ModelStore(args.models_dir, include_bundled=False))
    target = known_language(normalize_code(args.target), "--to", args.models_dir)
    source = None if args.source == "auto" else known_language(normalize_code(args.source), "--from", args.models_dir)
    return JobSettings(
        target=target,
        source=source,
        formats=formats,
        input_format=getattr(args, "format", None),
        languages=parse_language_list(args.languages) if args.languages is not None else None,
        glossaries=tuple(str(path) for path in args.glossary),
        glossary_dir=str(args.glossary_dir) if args.glossary_dir else None,
        use_glossary=not args.no_glossary,
        memory=str(args.memory) if args.memory else None,
        use_memory=not args.no_memory,
        models_dirs=tuple(str(path) for path in args.models_dir),
        device=args.device,
        threads=args.threads,
        beam_size=args.beam_size,
        side_by_side=getattr(args, "side_by_side", False),
        set_langs=tuple(
            (block_id, known_language(code, "--set-lang", args.models_dir))
            for block_id, code in parse_overrides(getattr(args, "set_lang", [])).items()
        ),
    )


def check_folder(path: Path, option: str) -> None:
    """InputError unless path is a folder (a misspelt --models-dir or --glossary-dir would otherwise quietly
    fall back to the usual models or glossaries)."""
    from translator.errors import InputError

    if not path.is_dir():
        what = "is not a folder" if path.exists() else "no such folder"
        raise InputError(f"{option} {path}: {what}", "check the path")


def known_language(code: str, option: str, models_dirs: list[Path]) -> str:
    """A code given to `option`, refused when it names no language and no installed package uses it (a
    typo such as `--to xx` would otherwise leave a whole thread untranslated with only a warning)."""
    from translator.engine import ModelStore
    from translator.languages import is_known_language

    if is_known_language(code) or code in ModelStore(models_dirs).languages():
        return code
    raise UsageError(
        f"{option} {code}: not a language code",
        "use the ISO 639-1 codes Argos packages are named with, e.g. en, fr, de, nb, zh, zt; "
        "`translator models list` shows the installed ones",
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
        type=bounded_int(*THREAD_COUNTS),
        default=0,
        help=f"CPU threads, {THREAD_COUNTS[0]} to {THREAD_COUNTS[1]} "
        "(0: every core; with batch --jobs, shared between workers)",
    )
    parser.add_argument(
        "--beam-size",
        type=bounded_int(*BEAM_SIZES),
        default=4,
        help=f"beam width, {BEAM_SIZES[0]} to {BEAM_SIZES[1]} (Argos uses 4)",
    )


def model_store(args: argparse.Namespace) -> ModelStore:
    """The Argos packages the --models-dir options name, with the usual folders (a warning on stderr for
    each package file there that cannot be used)."""
    from translator.engine import ModelStore

    for folder in args.models_dir:
        check_folder(folder, "--models-dir")
    store = ModelStore(args.models_dir)
    warn_skipped_package_files(store)
    return store


def warn_skipped_package_files(store: ModelStore) -> None:
    """One line on stderr for each package file of a --models-dir folder that was skipped, and why."""
    if not store.models_dirs:
        return
    for skipped in store.skipped():
        warn(f"skipped {skipped.path}: {skipped.problem} ({skipped.hint})")


def make_engine(args: argparse.Namespace) -> Engine:
    """The engine for the engine options (see translator.engine.build_engine)."""
    from translator.engine import EngineSettings, build_engine

    check_device(args.device)
    settings = EngineSettings(device=args.device, threads=args.threads, beam_size=args.beam_size)
    return build_engine(settings, model_store(args))


def check_device(device: str) -> None:
    """Refuse --device cuda where there is no GPU, before any work (one line, see usable_device)."""
    if device == "cuda":
        from translator.engine.argos import usable_device

        usable_device("cuda")


def add_thread_arguments(parser: argparse.ArgumentParser, format_option: str | None, stdin: bool = False) -> None:
    """FILE or --demo, and the input format option when the command has no other --format; `stdin`: the
    command reads `-` as standard input."""
    parser.add_argument(
        "file",
        nargs="?",
        type=Path,
        help="thread file: saved web page, forum page dump, JSON, Reddit/HN/Discourse JSON, Disqus export, feed, "
        "text/Markdown" + ("; - reads standard input (output: stdout, unless -o)" if stdin else ""),
    )
    parser.add_argument("--demo", action="store_true", help="use the demo thread shipped with the tool")
    if format_option:
        parser.add_argument(format_option, choices=SOURCE_FORMATS, help="input format (default: sniffed)")


def add_language_options(parser: argparse.ArgumentParser) -> None:
    """Options shared by the commands that detect languages."""
    parser.add_argument(
        "--languages",
        metavar="CODES",
        help="candidate languages, e.g. fr,en,ru (default: common European languages and installed models)",
    )
    add_set_lang_option(parser)
    add_thread_choice(parser)


def add_thread_choice(parser: argparse.ArgumentParser) -> None:
    """--thread, for the commands that read one thread file (`inspect`, `detect`, `translate`)."""
    parser.add_argument(
        "--thread",
        metavar="N|NAME",
        help="in a file of several threads (a feed, an export), only this one: its number from 1, or the name "
        "its outputs take (`translator inspect FILE` lists them)",
    )


def add_set_lang_option(parser: argparse.ArgumentParser) -> None:
    """--set-lang, for the commands that detect languages (`inspect`, `detect`, `translate`)."""
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

    return LanguageDetector(parse_language_list(args.languages) if args.languages is not None else None)


def read_and_detect(args: argparse.Namespace) -> list[Thread]:
    """Read the threads of the file argument, apply manual languages, detect the rest; print reading
    warnings."""
    from translator.detect.detector import detect_languages, set_languages
    from translator.readers import read_threads

    path = thread_argument(args)
    thread_file = read_threads(path, args.format)
    for message in thread_file.warnings:
        warn(message)
    if args.thread is not None:
        from translator.jobs import choose_thread, one_thread

        thread_file = one_thread(thread_file, choose_thread(thread_file.threads, args.thread, str(path)), path)
    overrides = parse_overrides(args.set_lang)
    detector = make_detector(args)
    return [detect_languages(set_languages(thread, overrides), detector) for thread in thread_file.threads]


def parse_overrides(values: list[str]) -> dict[str, str]:
    """`c3.p1=de` options as {block id: Argos code}."""
    from translator.languages import normalize_code

    overrides = {}
    for value in values:
        block_id, separator, code = value.partition("=")
        if not separator or not block_id.strip():
            raise UsageError(f"--set-lang {value!r} is not BLOCK=LANG", "e.g. --set-lang c3.p1=de")
        overrides[block_id.strip()] = normalize_code(code)
    return overrides


def thread_argument(args: argparse.Namespace) -> Path:
    """The thread file the user named, or the demo thread; exactly one of them."""
    if args.demo and args.file:
        raise UsageError("give a FILE or --demo, not both")
    if args.demo:
        return demo_thread_path()
    if args.file is None:
        raise UsageError("no thread file given", "name a FILE, or pass --demo to try the demo thread")
    path: Path = args.file
    return path


def status(message: str) -> None:
    """One status line on stderr: what a command did or could not find (`Imported ...`, `Wrote ...`). Data, what
    a script reads or pipes on (a list, stats, an export to `-`), goes to stdout; the two never mix."""
    print(message, file=sys.stderr)


def warn(message: str) -> None:
    """One warning line on stderr (a line break in it, from a file name, is shown as `\\n`)."""
    from cli.diagnostics import one_line

    print(f"translator: warning: {one_line(message)}", file=sys.stderr)


def bounded_int(low: int, high: int) -> Callable[[str], int]:
    """An argparse type: a whole number from low to high (a value outside is a usage error)."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{value} is out of range: give {low} to {high}")
        return value

    return parse


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


def counted(number: float, noun: str) -> str:
    """`1 block`, `2 blocks`, `2 entries`: a count and its noun."""
    if number == 1:
        return f"{number:g} {noun}"
    return f"{number:g} {noun[:-1]}ies" if noun.endswith("y") else f"{number:g} {noun}s"


def shown(name: object) -> str:
    """A path or name as a message shows it: control characters and line breaks as escapes (`\\x1b`, `\\n`),
    so a file name can neither drive the terminal nor split a message's line."""
    from cli.diagnostics import one_line

    return one_line(str(name))
