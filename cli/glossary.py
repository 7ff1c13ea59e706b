"""The `translator glossary` commands: list, add, remove, check, lint, import and export PO glossaries."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cli.diagnostics import UsageError
from cli.options import add_thread_arguments, counted, refuse_overwriting_input, shown, status, thread_argument
from translator.errors import GlossaryError

if TYPE_CHECKING:
    from collections.abc import Iterable

    from translator.glossary import Glossary, GlossaryTerm

CATEGORY_CHOICES = ("organisation", "programme", "person", "title", "place", "product")
"""The same as translator.glossary.CATEGORIES, repeated so building the parser imports nothing more."""
KIND_CHOICES = ("preferred", "keep", "forbidden")


def add_glossary_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `glossary` and its actions to the `translator` subcommands."""
    glossary = commands.add_parser(
        "glossary",
        help="list, edit, check and lint the domain glossaries (PO term bases)",
        description="Glossaries are PO files, one per language pair (fr-en.po...), in the glossaries/ folder "
        "shipped with the tool; see glossaries/README.md for the format.",
    )
    actions = glossary.add_subparsers(dest="glossary_command", metavar="ACTION", required=True)

    listing = actions.add_parser("list", help="the entries of every glossary (or of one pair)")
    add_location_options(listing)
    listing.add_argument("--category", choices=CATEGORY_CHOICES, help="only entries of this category")
    listing.add_argument("--kind", choices=KIND_CHOICES, help="only entries of this kind")
    listing.add_argument("--json", action="store_true", help="print the entries as JSON")
    listing.set_defaults(handler=run_glossary_list)

    add = actions.add_parser(
        "add",
        help="add an entry",
        description="Add an entry after the last entry of its category; the file is rewritten atomically and "
        "everything else in it is kept byte for byte.",
    )
    add.add_argument("source", help="the source term (msgid)")
    add.add_argument("target", nargs="?", help="the target term (msgstr); not needed with --keep")
    add_location_options(add)
    add.add_argument("--category", choices=CATEGORY_CHOICES, required=True, help="the category (msgctxt)")
    kind = add.add_mutually_exclusive_group()
    kind.add_argument("--keep", action="store_true", help="do-not-translate: keep the source term as is")
    kind.add_argument(
        "--forbidden", action="store_true", help="SOURCE is a target wording never to use; TARGET what to use instead"
    )
    kind.add_argument(
        "--check-only",
        action="store_true",
        help="never put TARGET in, only check the translation holds it or a --target-variant (declined forms)",
    )
    add.add_argument("--case-sensitive", action="store_true", help="match the source forms with their exact case")
    add.add_argument("--plural", nargs=2, metavar=("SOURCE_PLURAL", "TARGET_PLURAL"), help="the plural forms")
    add.add_argument("--variant", action="append", default=[], help="another source form (repeatable)")
    add.add_argument("--plural-variant", action="append", default=[], help="another plural source form (repeatable)")
    add.add_argument("--forbid", action="append", default=[], help="a target wording not to use (repeatable)")
    add.add_argument(
        "--target-variant", action="append", default=[], help="another target form, as declined (repeatable)"
    )
    add.add_argument("--note", default="", help='the source note, e.g. "Source: official name (spacex.com)"')
    add.set_defaults(handler=run_glossary_add)

    remove = actions.add_parser("remove", help="remove an entry")
    remove.add_argument("source", help="the source term (msgid)")
    add_location_options(remove)
    remove.add_argument("--category", choices=CATEGORY_CHOICES, help="when the term is in several categories")
    remove.set_defaults(handler=run_glossary_remove)

    check = actions.add_parser(
        "check",
        help="the glossary terms found in a thread file and how they will be rendered",
        description="Read a thread, find the glossary terms of each block (in the block's detected language, "
        "or the source language of --pair/--glossary) and show how each will be rendered.",
    )
    add_thread_arguments(check, "--format")
    add_location_options(check)
    check.add_argument("--to", dest="target", default="en", help="target language (default: en)")
    check.add_argument("--json", action="store_true", help="print the terms found as JSON")
    check.set_defaults(handler=run_glossary_check)

    lint = actions.add_parser(
        "lint",
        help="check glossary files: invalid PO, duplicates, conflicts, empty targets, bad flags, dead entries",
    )
    add_location_options(lint)
    lint.add_argument("--strict", action="store_true", help="fail on warnings too")
    lint.set_defaults(handler=run_glossary_lint)

    importing = actions.add_parser(
        "import",
        help="add and update entries from a CSV or TBX file",
        description="Entries are matched on category and source term: new ones are added, changed ones "
        "updated; fields the file leaves empty keep the glossary's values.",
    )
    importing.add_argument("file", type=Path, help="a .csv or .tbx file")
    add_location_options(importing)
    importing.add_argument("--format", choices=("csv", "tbx"), help="file format (default: from the extension)")
    importing.set_defaults(handler=run_glossary_import)

    export = actions.add_parser("export", help="write a glossary as CSV or TBX")
    export.add_argument(
        "file", type=Path, help="the .csv or .tbx file to write (atomically; - for stdout, with --format)"
    )
    add_location_options(export)
    export.add_argument("--format", choices=("csv", "tbx"), help="file format (default: from the extension)")
    export.set_defaults(handler=run_glossary_export)


def add_location_options(parser: argparse.ArgumentParser) -> None:
    """--pair, --glossary and --glossary-dir: which glossary file(s) a command works on."""
    parser.add_argument("--pair", metavar="SRC-TGT", help="the language pair, e.g. fr-en")
    parser.add_argument("--glossary", type=Path, metavar="PATH", help="one glossary file (instead of --pair)")
    parser.add_argument(
        "--glossary-dir", type=Path, metavar="DIR", help="the glossary folder (default: the shipped glossaries/)"
    )


def glossary_dir(args: argparse.Namespace) -> Path:
    """The folder the command looks in."""
    from translator.glossary import default_glossary_dir

    folder: Path = args.glossary_dir or default_glossary_dir()
    return folder


def selected_files(args: argparse.Namespace) -> list[Path]:
    """The glossary files a listing command covers: --glossary, else --pair, else every *.po in the folder."""
    from translator.glossary import parse_pair

    if args.glossary is not None:
        if args.pair:
            raise UsageError("give --glossary or --pair, not both")
        path: Path = args.glossary
        if path.is_dir():
            raise GlossaryError(
                f"{path} is a folder, not a file", "give a glossary file, or the folder as --glossary-dir"
            )
        if not path.is_file():
            raise GlossaryError(f"no glossary at {path}")
        return [path]
    folder = glossary_dir(args)
    if args.pair:
        source, target = parse_pair(args.pair)
        path = folder / f"{source}-{target}.po"
        if not path.is_file():
            raise GlossaryError(f"no {source}-{target} glossary in {folder}", "create it with: translator glossary add")
        return [path]
    if not folder.is_dir():
        raise GlossaryError(f"no glossary folder at {folder}", "pass --glossary-dir DIR or --glossary PATH")
    files = sorted(folder.glob("*.po"))
    if not files:
        raise GlossaryError(f"no glossary (*.po) in {folder}")
    return files


def one_file(args: argparse.Namespace, creating: bool = False) -> tuple[Path, tuple[str, str] | None]:
    """The glossary file an editing command works on, and the pair given with --pair (if any). `creating`:
    the command makes the pair's file when it is missing, so both codes must name languages (`--pair xx-en`
    would leave an `xx-en.po` no translation ever uses)."""
    from translator.glossary import parse_pair
    from translator.languages import is_known_language

    if args.glossary is not None:
        if args.pair:
            raise UsageError("give --glossary or --pair, not both")
        path: Path = args.glossary
        return path, None
    if not args.pair:
        raise UsageError("which glossary?", "pass --pair SRC-TGT (e.g. --pair fr-en) or --glossary PATH")
    pair = parse_pair(args.pair)
    path = glossary_dir(args) / f"{pair[0]}-{pair[1]}.po"
    unknown = [code for code in pair if not is_known_language(code)]
    if creating and unknown and not path.exists():
        raise UsageError(
            f"--pair {args.pair}: {unknown[0]} is not a language code",
            "use the ISO 639-1 codes Argos packages are named with, e.g. fr-en, de-en, zt-en",
        )
    return path, pair


def describe(term: GlossaryTerm) -> str:
    """One readable line for an entry."""
    from translator.display import visible

    if term.kind == "keep":
        text = f"{term.source}  [keep]"
    elif term.kind == "forbidden":
        text = f"{term.source}  [forbidden]" + (f" -> use {term.target}" if term.target else "")
    else:
        text = f"{term.source} -> {term.target}"
    if term.source_plural and term.kind != "forbidden":
        plural = term.target_for(plural=True) if term.kind != "keep" else term.target_plural or term.source_plural
        text += f"  (plural: {term.source_plural} -> {plural})"  # no plural target: the singular serves
    extras = [flag for flag in term.flags if flag not in ("keep", "forbidden")]
    if extras:
        text += f"  [{', '.join(extras)}]"
    if term.variants or term.plural_variants:
        count = len(term.variants) + len(term.plural_variants)
        text += f"  (+{count} variant{'s' if count > 1 else ''})"
    if term.target_variants:
        count = len(term.target_variants)
        text += f"  (+{count} target form{'s' if count > 1 else ''})"
    if term.forbidden:
        text += f"  (forbidden: {', '.join(term.forbidden)})"
    return visible(text)


def term_json(term: GlossaryTerm, pair: str) -> dict[str, Any]:
    """An entry as a JSON object."""
    return {
        "pair": pair,
        "category": term.category,
        "kind": term.kind,
        "source": term.source,
        "target": term.target,
        "flags": list(term.flags),
        "source_plural": term.source_plural,
        "target_plural": term.target_plural,
        "variants": list(term.variants),
        "plural_variants": list(term.plural_variants),
        "forbidden": list(term.forbidden),
        "target_variants": list(term.target_variants),
        "notes": term.notes,
        "line": term.line,
    }


def run_glossary_list(args: argparse.Namespace) -> int:
    """`translator glossary list`."""
    from translator.glossary import GlossaryFile

    rows: list[dict[str, Any]] = []
    listed: list[tuple[str, str, Iterable[GlossaryTerm]]] = []
    made = made_through_english(args)
    if made is not None:  # a pair without a file: what translating it applies
        sides = [f"{made.source_lang}-en"] * (made.source_lang != "en") + [f"{made.target_lang}-en"]
        listed.append((made.pair, f"no file: made through English from {' and '.join(sides)}", made.terms))
    else:
        for path in selected_files(args):
            document = GlossaryFile.load(path)
            source, target = document.pair()
            listed.append((f"{source}-{target}", shown(path), document.terms()))
    for pair, where, entries in listed:
        terms = [term for term in entries if args.category in (None, term.category) and args.kind in (None, term.kind)]
        if args.json:
            rows.extend(term_json(term, pair) for term in terms)
            continue
        print(f"{pair} ({where}): {counted(len(terms), 'entry')}")
        for term in terms:
            print(f"  {term.category or '-':<12}  {describe(term)}")
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    return 0


def made_through_english(args: argparse.Namespace) -> Glossary | None:
    """The glossary made through English for `--pair`, when the pair has no file in the folder (None otherwise:
    the listing reads files)."""
    from translator.glossary import GlossaryStore, parse_pair

    if not args.pair or args.glossary is not None:
        return None
    source, target = parse_pair(args.pair)
    folder = glossary_dir(args)
    if (folder / f"{source}-{target}.po").is_file():
        return None
    made = GlossaryStore(folder=folder).get(source, target)
    return made if made is not None and made.path is None else None


def run_glossary_add(args: argparse.Namespace) -> int:
    """`translator glossary add`."""
    from translator.glossary import FLAG_CASE_SENSITIVE, FLAG_FORBIDDEN, FLAG_KEEP, GlossaryTerm, add_term
    from translator.glossary.terms import FLAG_CHECK_ONLY

    path, pair = one_file(args, creating=True)
    chosen = [(args.keep, FLAG_KEEP), (args.forbidden, FLAG_FORBIDDEN), (args.check_only, FLAG_CHECK_ONLY)]
    flags = [flag for given, flag in chosen if given]
    if args.case_sensitive:
        flags.append(FLAG_CASE_SENSITIVE)
    source_plural, target_plural = args.plural or (None, None)
    term = GlossaryTerm(
        source=args.source,
        target=args.target or "",
        category=args.category,
        flags=tuple(flags),
        source_plural=source_plural,
        target_plural=target_plural,
        variants=tuple(args.variant),
        plural_variants=tuple(args.plural_variant),
        forbidden=tuple(args.forbid),
        target_variants=tuple(args.target_variant),
        notes=args.note,
    )
    status(f"Added {describe(add_term(path, term, pair))} to {shown(path)}")
    return 0


def run_glossary_remove(args: argparse.Namespace) -> int:
    """`translator glossary remove`."""
    from translator.glossary import open_glossary

    path, pair = one_file(args)
    document = open_glossary(path, pair)
    term = document.remove(args.source.strip(), args.category)
    document.save()
    status(f"Removed {describe(term)} from {shown(path)}")
    return 0


def run_glossary_lint(args: argparse.Namespace) -> int:
    """`translator glossary lint`: every issue on its own line; exit 1 when there are errors."""
    from cli.diagnostics import ExitCode
    from translator.display import visible
    from translator.glossary.lint import lint_file

    files = selected_files(args)
    errors = warnings = 0
    for path in files:
        for issue in lint_file(path):
            print(visible(str(issue)))
            errors += issue.severity == "error"
            warnings += issue.severity == "warning"
    glossaries = f"{len(files)} glossar{'y' if len(files) == 1 else 'ies'}"
    print(f"{glossaries}: {counted(errors, 'error')}, {counted(warnings, 'warning')}")
    return ExitCode.FAILURE if errors or (args.strict and warnings) else ExitCode.DONE


def run_glossary_check(args: argparse.Namespace) -> int:
    """`translator glossary check FILE`: the terms of each block and their rendering."""
    from translator.display import visible
    from translator.glossary import GlossaryStore, load_glossary, render_term
    from translator.jobs import part_names
    from translator.languages import normalize_code
    from translator.readers import read_threads

    threads = list(read_threads(thread_argument(args), args.format).threads)
    target = normalize_code(args.target)
    fixed: Glossary | None = None
    if args.glossary is not None or args.pair:
        fixed = load_glossary(one_file(args)[0])
    else:
        from translator.detect.detector import detect_languages

        threads = [detect_languages(thread) for thread in threads]
    # A feed or an export holds several threads, whose block ids repeat: each row says its thread, by the
    # name `translate` gives its outputs.
    parts = part_names(threads)
    store = GlossaryStore(folder=glossary_dir(args))
    glossaries: dict[str, Glossary | None] = {}

    def pick(lang: str | None) -> Glossary | None:
        """The glossary for a block: the one named, else the one of the block's language into the target."""
        if fixed is not None:
            return fixed
        if not lang or lang in ("und", target):
            return None
        glossaries[lang] = store.get(lang, target)
        return glossaries[lang]

    found: list[dict[str, Any]] = []
    blocks = [(part, block) for thread, part in zip(threads, parts, strict=True) for _, block in thread.blocks()]
    for part, block in blocks:
        glossary = pick(block.lang)
        if glossary is None:
            continue
        for match in glossary.find_terms(block.text):
            found.append(
                {
                    **({"thread": part} if part else {}),
                    "block": block.id,
                    "pair": glossary.pair,
                    "text": match.text,
                    "rendering": render_term(match),
                    "kind": match.term.kind,
                    "category": match.term.category,
                    "start": match.start,
                    "end": match.end,
                }
            )
    if args.json:
        print(json.dumps(found, ensure_ascii=False, indent=2))
        return 0
    if fixed is None and not any(glossaries.values()):
        languages = ", ".join(sorted(glossaries)) or "none"
        whose = "these threads'" if len(threads) > 1 else "this thread's"
        status(f"No glossary for {whose} languages ({languages}) into {target} in {shown(glossary_dir(args))}")
        return 0
    for row in found:
        arrow = "kept" if row["kind"] == "keep" else f"-> {row['rendering']}"
        where = f"{row['thread']}: {row['block']}" if "thread" in row else row["block"]
        print(visible(f"{where:<10}  {row['text']} {arrow}  ({row['category'] or '-'})"))
    with_terms = len({(row.get("thread"), row["block"]) for row in found})
    distinct = len({(row["pair"], row["text"].lower()) for row in found})
    in_threads = f" of {len(threads)} threads" if len(threads) > 1 else ""
    print(f"{counted(len(found), 'term')} ({distinct} distinct) in {counted(with_terms, 'block')}{in_threads}")
    return 0


def run_glossary_import(args: argparse.Namespace) -> int:
    """`translator glossary import FILE`."""
    from translator.files import read_input_bytes
    from translator.glossary import open_glossary
    from translator.glossary.document import GLOSSARY_LIMIT
    from translator.glossary.exchange import exchange_format, merge_term, read_terms

    fmt = exchange_format(args.file, args.format)
    path, pair = one_file(args, creating=True)
    document = open_glossary(path, pair, create=True)
    source, target = document.pair()
    # A regular file, read with a limit: a folder or a FIFO is one line, never a hang.
    data = read_input_bytes(args.file, GLOSSARY_LIMIT, "a glossary is a few hundred KB: check the file")
    existing = {(term.category, term.source): term for term in document.terms()}
    counts = {"added": 0, "updated": 0, "unchanged": 0}
    for item in read_terms(data, source, target, fmt, str(args.file)):
        key = (item.term.category, item.term.source)
        merged = merge_term(existing.get(key), item)
        counts[document.upsert(merged)] += 1
        existing[key] = merged
    if counts["added"] or counts["updated"] or not path.exists():
        document.save()
    status(f"{shown(path)}: {counts['added']} added, {counts['updated']} updated, {counts['unchanged']} unchanged")
    return 0


def run_glossary_export(args: argparse.Namespace) -> int:
    """`translator glossary export FILE`."""
    from translator.files import write_atomic
    from translator.glossary import open_glossary
    from translator.glossary.exchange import exchange_format, export_terms

    fmt = exchange_format(args.file, args.format)
    path, pair = one_file(args)
    refuse_overwriting_input(args.file, [("the glossary", path)], "")
    document = open_glossary(path, pair)
    source, target = document.pair()
    terms = document.terms()
    text = export_terms(terms, source, target, fmt)
    if str(args.file) == "-":
        sys.stdout.write(text)
        print(f"translator: {counted(len(terms), 'entry')} of {source}-{target}", file=sys.stderr)
        return 0
    write_atomic(args.file, text)
    status(f"Wrote {counted(len(terms), 'entry')} of {source}-{target} to {shown(args.file)}")
    return 0
