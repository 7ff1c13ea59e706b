"""The commands on one thread or text: inspect, detect, translate-text, translate and apply."""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
from pathlib import Path

from cli.diagnostics import UsageError
from cli.options import (
    add_language_options,
    add_set_lang_option,
    add_text_translation_options,
    add_thread_arguments,
    add_thread_choice,
    add_translation_options,
    job_settings,
    make_detector,
    output_file_format,
    read_and_detect,
    refuse_overwriting_input,
    refuse_unknown_ending,
    shown,
    thread_argument,
    warn,
)
from translator.errors import InputError, TranslatorError


def add_inspect_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`inspect` and `detect`."""
    inspect = commands.add_parser(
        "inspect",
        help="show the structure of a thread file (posts, authors, dates, votes, blocks)",
        description="Read a thread file and show its article, comments, quotes and block ids.",
    )
    add_thread_arguments(inspect, "--format")
    inspect.add_argument(
        "--json", action="store_true", help="print the thread as JSON (a stable schema; an array for several)"
    )
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


def add_translate_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`translate-text`, `translate` and `apply`."""
    quick = commands.add_parser(
        "translate-text",
        help="translate a text, for a quick check (glossary, memory and QA as for a thread)",
        description="Translate a text the way a thread's blocks are translated: memory, glossary, QA. "
        "Paragraphs (separated by blank lines) are translated as blocks and printed the same way; "
        "QA issues go to stderr.",
    )
    quick.add_argument(
        "text", nargs="?", help="the text to translate (- or none with piped input: standard input is read)"
    )
    add_text_translation_options(quick)
    quick.set_defaults(handler=run_translate_text)

    translate = commands.add_parser(
        "translate",
        help="translate a thread file into PO/XLIFF/JSON/Markdown/HTML for review",
        description="Detect the language of every block, reuse the translation memory, apply the glossary, "
        "translate the rest in one batched call per language pair, check the result, and write it.",
    )
    add_thread_arguments(translate, None, stdin=True)
    translate.add_argument(
        "-o",
        "--output",
        help="output file (one format; - for stdout) or folder (several formats or threads; an existing folder "
        "or a name ending in /: THREAD.LANG.FORMAT files there)",
    )
    add_translation_options(translate)
    add_set_lang_option(translate)
    add_thread_choice(translate)
    translate.set_defaults(handler=run_translate)

    apply = commands.add_parser(
        "apply",
        help="rebuild the translated thread from a reviewed PO, XLIFF or JSON file",
        description="Approved entries (not fuzzy; in XLIFF, units marked final; in JSON, status reviewed) are the "
        "reviewers' translations; the others stay drafts.",
    )
    apply.add_argument(
        "po",
        type=Path,
        metavar="REVIEWED.po|.xlf|.json",
        help="the PO, XLIFF or JSON file `translate` wrote, once reviewed",
    )
    apply.add_argument("source", type=Path, metavar="SOURCE_FILE", help="the thread the review file was made from")
    apply.add_argument("-o", "--output", default="-", help="output file (default: stdout)")
    apply.add_argument(
        "--format", dest="formats", choices=("json", "md", "html"), help="default: as -o's file name ends, else md"
    )
    apply.add_argument("--side-by-side", action="store_true", help="Markdown/HTML: source beside translation")
    apply.set_defaults(handler=run_apply)


def run_inspect(args: argparse.Namespace) -> int:
    """`translator inspect`: the thread as a tree, or as JSON."""
    threads = read_and_detect(args)
    if args.json:
        from translator.formats.json import dump_threads

        sys.stdout.write(dump_threads(threads))
    else:
        from cli.inspect_view import print_thread
        from translator.jobs import part_names

        for number, (thread, part) in enumerate(zip(threads, part_names(threads), strict=True), start=1):
            if part is not None:  # a file of several: how --thread names each
                print(f"── thread {number} of {len(threads)} · --thread {part} ──")
            print_thread(thread)
    return 0


def run_detect(args: argparse.Namespace) -> int:
    """`translator detect`: languages of a thread, or of JSON Lines texts with --jsonl."""
    if args.jsonl is None:
        if args.output:
            raise UsageError("-o/--output goes with --jsonl", "for a thread, use --json and redirect")
        return run_inspect(args)
    if args.file or args.demo:
        raise UsageError("give a thread FILE or --jsonl IN, not both")
    from cli.progress import byte_progress
    from translator.detect.jsonl import run_detect_jsonl

    if args.jsonl != "-":
        refuse_overwriting_input(args.output, [("the JSON Lines file", Path(args.jsonl))])
    detector = make_detector(args)
    source = sys.stdin.buffer if args.jsonl == "-" else Path(args.jsonl)
    destination = sys.stdout if args.output in (None, "-") else Path(args.output)
    with byte_progress("detecting") as progress_factory:
        count = run_detect_jsonl(source, destination, detector, progress_factory)
    if args.output:
        print(f"translator: {count} lines written to {shown(args.output)}", file=sys.stderr)
    return 0


def run_translate_text(args: argparse.Namespace) -> int:
    """`translator translate-text`: a text's paragraphs on the pipeline's path, like a thread's blocks."""
    from cli.progress import working
    from translator.display import visible
    from translator.jobs import Toolkit
    from translator.pipeline import PipelineOptions, text_blocks, translate_blocks

    if args.text is None and (sys.stdin is None or sys.stdin.isatty()):
        raise UsageError("give the text to translate, or pipe it in")
    text = standard_input_text() if args.text in (None, "-") else args.text
    blocks = text_blocks(text)
    if not blocks:
        raise TranslatorError("no text to translate", "give the text as an argument, or - to read standard input")
    settings = job_settings(args, "po")
    toolkit = Toolkit(settings)
    options = PipelineOptions(target=settings.target, source=settings.source, use_memory=settings.use_memory)
    # Detected even with --from, as `translate` does: a paragraph with no language (a link, a number) is
    # copied, not translated.
    with working(f"translating {len(blocks)} paragraph{'s' if len(blocks) != 1 else ''}"):
        units, _ = translate_blocks(
            blocks, options, toolkit.engine, toolkit.glossary_for, toolkit.memory_lookup, toolkit.detector
        )
    if all(unit.source_lang == "und" for unit in units):
        # --from would not help: a paragraph with no language (only links, numbers, names, symbols or code)
        # is copied, not translated, whatever the source language, as it is in a thread.
        raise TranslatorError(
            "no paragraph of this text is in a language: links, numbers, names, symbols and code are copied, "
            "not translated",
            "give text with words to translate",
        )
    missing = next((issue for unit in units for issue in unit.issues if issue.code == "no-model"), None)
    if missing is not None:
        raise TranslatorError(missing.message)
    # Text is data: a control character the input held (copied, or kept by the model) is shown as an escape,
    # never sent to the terminal, as everywhere else.
    print(visible("\n\n".join(unit.target for unit in units)))
    for unit in units:
        where = f"{unit.block.id}: " if len(units) > 1 else ""
        for issue in unit.issues:
            print(f"translator: {where}qa {issue.code}: {visible(issue.message)}", file=sys.stderr)
    return 0


def standard_input_text() -> str:
    """Standard input as text: UTF-8 (a byte-order mark allowed); binary bytes are refused, as a binary
    thread file is, rather than translated as garbage."""
    data = sys.stdin.buffer.read()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise TranslatorError(
            f"standard input is not UTF-8 text (byte {error.start})", "give text, e.g. translate-text - < notes.txt"
        ) from None
    if "\x00" in text:
        raise TranslatorError(
            "standard input looks like binary data, not text", "give text, e.g. translate-text - < notes.txt"
        )
    return text


STDIN_NAME = "stdin"
"""The name a thread read from standard input (`translate -`) gives its outputs: `stdin.en.po`."""


def run_translate(args: argparse.Namespace) -> int:
    """`translator translate`: one thread file to PO/XLIFF/JSON/Markdown/HTML (one output per thread it holds);
    `-` reads the thread from standard input (and writes to standard output unless -o says otherwise)."""
    import tempfile

    path = thread_argument(args)
    if str(path) != "-":
        return translate_thread_file(args, path, str(path))
    if args.output is None:
        args.output = "-"
    with tempfile.TemporaryDirectory(prefix="translator-") as folder:
        spooled = Path(folder) / STDIN_NAME
        spooled.write_bytes(sys.stdin.buffer.read())
        try:
            return translate_thread_file(args, spooled, "standard input")
        except TranslatorError as error:
            # The reader names the file it read: name what the user gave instead.
            error.message = error.message.replace(str(spooled), "standard input")
            raise


def translate_thread_file(args: argparse.Namespace, path: Path, name: str) -> int:
    """`translate` of one file; `name` is how messages call it."""
    from cli.batch_view import stats_line
    from cli.progress import working
    from translator.files import make_folder, write_atomic
    from translator.jobs import FILE_ENDINGS, FORMATS, output_paths, part_names, render, translate_file
    from translator.stats import TranslationStats

    refuse_unknown_ending(args.output, args.formats, FORMATS)
    args.formats = output_file_format(args.output, args.formats, FORMATS, "po")
    inputs = translation_inputs(args, path)
    refuse_overwriting_input(args.output, inputs)
    settings = job_settings(args, "po")
    if args.output == "-" and len(settings.formats) > 1:
        raise UsageError("-o - (stdout) takes one format", "pass --format with a single format")
    if len(settings.formats) > 1 and args.output and not names_folder(args.output):
        named = output_file_format(args.output, None, FORMATS, "")
        if named:  # `-o t.po --format po,md` made a folder named t.po
            raise UsageError(
                f"-o {args.output} names one {named} file, and --format asks for {len(settings.formats)} formats",
                "give -o a folder for several formats, e.g. -o out/",
            )
    chosen_part = None
    if args.thread is not None:
        # The one thread chosen keeps the name its outputs take when the whole file is translated.
        number, chosen_part = chosen_thread(path, name, args.thread, settings.input_format)
        settings = dataclasses.replace(settings, thread=number)
    with working(f"translating {Path(name).name if name != 'standard input' else name}"):
        outcomes = translate_file(path, settings)
    for message in dict.fromkeys(message for _, _, warnings in outcomes for message in warnings):
        warn(message.replace(str(path), name))
    one_target = len(settings.formats) == 1 and args.output not in (None, "") and not names_folder(args.output)
    if one_target and len(outcomes) > 1:
        # Several threads, several outputs: -o is their folder, unless it plainly names one file.
        if args.output == "-" or Path(args.output).suffix.lstrip(".") in {*FORMATS, *FILE_ENDINGS.values()}:
            raise UsageError(
                f"{name} holds {len(outcomes)} threads, and -o {args.output} names one output",
                "give -o a folder, where one file per thread is written, or choose one with --thread N",
            )
        one_target = False
    if not one_target and args.output == "-":
        raise UsageError("-o - (stdout) takes one format", "pass --format with a single format")
    folder = make_folder(Path(args.output) if args.output and not one_target else Path("."))
    names = [chosen_part] if args.thread is not None else part_names([result.thread for result, _, _ in outcomes])
    writes: list[tuple[Path | None, str]] = []
    for (translated, _, _), part in zip(outcomes, names, strict=True):
        if one_target:
            targets = {settings.formats[0]: None if args.output == "-" else Path(args.output)}
        else:
            targets = dict(output_paths(path, folder, Path(path.name), settings, part))
        writes.extend((target, render(translated, fmt, settings.side_by_side)) for fmt, target in targets.items())
    for target, _ in writes:  # in a folder, an output may take an input's name (`t.en.po` translated again)
        refuse_overwriting_input(target, inputs, "the output")
    for target, text in writes:
        if target is None:
            sys.stdout.write(text)
        else:
            write_atomic(target, text)
            print(f"Wrote {shown(target)}", file=sys.stderr)
    total = sum((stats for _, stats, _ in outcomes), TranslationStats())
    threads = f"{len(outcomes)} threads, " if len(outcomes) > 1 else ""
    print(f"translator: {threads}{stats_line(total)}", file=sys.stderr)
    return 0


def translation_inputs(args: argparse.Namespace, path: Path) -> list[tuple[str, Path | None]]:
    """The files `translate` reads, with their roles: no output may be one of them."""
    return [("the thread", path), ("the translation memory", args.memory)] + [
        ("a glossary", glossary) for glossary in args.glossary
    ]


def chosen_thread(path: Path, name: str, wanted: str, input_format: str | None) -> tuple[int, str | None]:
    """The number of the thread --thread names in the file, and the name part of its outputs."""
    from translator.jobs import choose_thread, part_names
    from translator.readers import read_threads

    threads = read_threads(path, input_format).threads
    number = choose_thread(threads, wanted, name)
    return number, part_names(threads)[number - 1]


def names_folder(output: str) -> bool:
    """Whether -o names a folder: one that exists, or a name ending in a slash (`-o out/` is the outputs'
    folder even with one format, as it is with several)."""
    return output != "-" and (output.endswith(("/", os.sep)) or Path(output).is_dir())


NOT_REVIEW_FILES = {
    ".md": "Markdown",
    ".markdown": "Markdown",
    ".html": "HTML",
    ".htm": "HTML",
    ".txt": "text",
}
"""File endings `apply` is sometimes given as its review file by mistake (another output, or the thread)."""


def run_apply(args: argparse.Namespace) -> int:
    """`translator apply REVIEWED.po|.xlf|.json SOURCE_FILE`."""
    from translator.files import write_atomic
    from translator.formats.po import apply_review
    from translator.formats.review import thread_made_from
    from translator.jobs import render
    from translator.readers import read_threads

    refuse_unknown_ending(args.output, args.formats, ("json", "md", "html"))
    fmt = output_file_format(args.output, args.formats, ("json", "md", "html"), "md")
    refuse_overwriting_input(args.output, [("the review file", args.po), ("the thread", args.source)])
    kind = NOT_REVIEW_FILES.get(args.po.suffix.lower())
    if kind is not None:
        raise InputError(
            f"{args.po} is a {kind} file: apply reads the reviewed PO, XLIFF or JSON file",
            "give the .po, .xlf or .json file that `translator translate` wrote and you reviewed",
        )
    thread = thread_made_from(args.po, read_threads(args.source).threads, str(args.source))
    if args.po.suffix.lower() == ".json":
        # A translated JSON file (reviewed in `translator review`) carries its statuses: rendered as it is,
        # once it is known to be of this thread.
        from translator.formats.po import check_made_from
        from translator.formats.review import read_review_file

        translated = read_review_file(args.po).translated
        check_made_from(args.po, {unit.block.id: unit.block.text for unit in translated.units}, thread)
    else:
        translated = apply_review(args.po, thread)
    text = render(translated, fmt, args.side_by_side)
    if args.output == "-":
        sys.stdout.write(text)
    else:
        target = Path(args.output)
        write_atomic(target, text)  # its folder created, as `translate -o out/x.md` does
        print(f"Wrote {shown(target)}", file=sys.stderr)
    reviewed = sum(1 for unit in translated.units if unit.status == "reviewed")
    print(f"translator: {reviewed} of {len(translated.units)} blocks reviewed", file=sys.stderr)
    return 0
