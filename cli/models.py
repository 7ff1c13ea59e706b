"""The `translator models` commands: list, install and remove Argos packages."""

from __future__ import annotations

import argparse
from pathlib import Path

from cli.diagnostics import UsageError
from cli.options import add_models_dir_option, check_folder, megabytes, shown, status


def add_models_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`models` and its actions."""
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
    remove.add_argument("from_code", metavar="FROM", help="the source language of the pair, e.g. fr")
    remove.add_argument("to_code", metavar="TO", help="its target language, e.g. en")
    add_models_dir_option(remove)
    remove.set_defaults(handler=run_models_remove)


def run_models_list(args: argparse.Namespace) -> int:
    """`translator models list`: what is installed (or available in the index)."""
    from rich.table import Column, Table

    from cli.diagnostics import output_console
    from translator.display import visible

    console = output_console(highlight=False)
    if args.available:
        from translator.engine.store import available_packages, index_url

        table = Table("pair", "version", "package", title=f"Available from {visible(index_url())}")
        for available in available_packages():
            table.add_row(f"{available.from_code}-{available.to_code}", available.version, visible(available.name))
        console.print(table)
        return 0
    from cli.options import model_store

    packages = model_store(args).packages()
    if not packages:
        status("No translation model installed. Install one with: translator models install FROM TO")
        return 0
    # A long path folds onto more lines instead of being cut short with an ellipsis (the width is 80 columns
    # when the output is not a terminal).
    table = Table("pair", "version", "size", "from", Column("path", overflow="fold"))
    for package in packages:
        table.add_row(
            package.pair,
            package.version,
            megabytes(package.size_bytes()),
            package.origin,
            visible(str(package.archive or package.path)),
        )
    console.print(table)
    return 0


def run_models_install(args: argparse.Namespace) -> int:
    """`translator models install FROM TO` or `... FILE.argosmodel`."""
    from translator.engine.store import install_from_index, install_package_file

    if len(args.what) == 1 and is_language_code(args.what[0]):
        # `models install fr`: one code of a pair, not a file name.
        raise UsageError(
            f"{args.what[0]} is one language: give a pair (FROM TO) or one package file",
            f"e.g. translator models install {args.what[0]} en",
        )
    if len(args.what) == 1:
        package = install_package_file(Path(args.what[0]), args.to_dir)
    elif len(args.what) == 2:
        from cli.progress import byte_progress
        from translator.languages import normalize_code

        source, target = (normalize_code(code) for code in args.what)
        with byte_progress(f"downloading {source}-{target}") as progress_factory:
            package = install_from_index(source, target, args.to_dir, progress_factory=progress_factory)
    else:
        raise UsageError("give a language pair (FROM TO) or one package file", "e.g. translator models install fr en")
    status(f"Installed {package.pair} (version {package.version}) in {shown(package.path)}")
    return 0


def is_language_code(text: str) -> bool:
    """Whether an install argument is a language code rather than a package file (none is there by that name)."""
    from translator.languages import is_known_language, normalize_code

    return not Path(text).exists() and is_known_language(normalize_code(text))


def run_models_remove(args: argparse.Namespace) -> int:
    """`translator models remove FROM TO`."""
    from translator.engine.store import ModelStore, remove_package
    from translator.languages import normalize_code

    for folder in args.models_dir:
        check_folder(folder, "--models-dir")
    removed = remove_package(ModelStore(args.models_dir), normalize_code(args.from_code), normalize_code(args.to_code))
    for package in removed:
        status(f"Removed {package.pair} from {shown(package.path)}")
    return 0
