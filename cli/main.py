"""The `translator` command: parse arguments, call the core, print; errors become one line + exit code."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import cast

from cli.diagnostics import EXIT_CODES_HELP, CommandParser, report
from translator.errors import TranslatorError


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every subcommand."""
    from cli.batch import add_batch_parser
    from cli.glossary import add_glossary_parser
    from cli.memory import add_memory_parser
    from cli.models import add_models_parser
    from cli.review import add_review_parser
    from cli.serve import add_serve_parser
    from cli.threads import add_inspect_parsers, add_translate_parsers

    parser = CommandParser(
        prog="translator",
        description="Offline translation of news articles and their comment threads.",
        epilog=EXIT_CODES_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    # Subparsers are CommandParsers too (argparse makes them of the parent's class); each module
    # only needs them as ArgumentParsers.
    commands = cast(
        "argparse._SubParsersAction[argparse.ArgumentParser]",
        parser.add_subparsers(dest="command", metavar="COMMAND", required=True),
    )

    add_inspect_parsers(commands)
    add_models_parser(commands)
    add_translate_parsers(commands)
    add_batch_parser(commands)
    add_memory_parser(commands)
    add_review_parser(commands)
    add_glossary_parser(commands)
    add_serve_parser(commands)
    describe_commands(parser)
    return parser


def describe_commands(parser: argparse.ArgumentParser) -> None:
    """Give every command without a description its one-line help as one, so that `translator memory
    --help` says what the command is for, as `translator --help` does."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {choice.dest: choice.help for choice in action._choices_actions}
            for name, command in action.choices.items():
                if not command.description and helps.get(name):
                    text = str(helps[name])
                    command.description = text[0].upper() + text[1:] + "."
                describe_commands(command)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script; returns the exit code (see cli.diagnostics.ExitCode)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        code = handler(args)
        # Flush here, not at interpreter exit, so a full disk or a closed pipe is reported like any error.
        sys.stdout.flush()
        return code
    except (TranslatorError, OSError, MemoryError, KeyboardInterrupt) as error:
        return report(error)


if __name__ == "__main__":
    sys.exit(main())
