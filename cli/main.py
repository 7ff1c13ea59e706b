"""The `translator` command: parse arguments, call the core, print; errors become one line + exit code."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from translator.errors import TranslatorError

EXIT_USER_ERROR = 1
EXIT_INTERRUPTED = 130


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every subcommand."""
    from cli.batch import add_batch_parser
    from cli.glossary import add_glossary_parser
    from cli.memory import add_memory_parser
    from cli.models import add_models_parser
    from cli.review import add_review_parser
    from cli.serve import add_serve_parser
    from cli.threads import add_inspect_parsers, add_translate_parsers

    parser = argparse.ArgumentParser(
        prog="translator",
        description="Offline translation of news articles and their comment threads.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    add_inspect_parsers(commands)
    add_models_parser(commands)
    add_translate_parsers(commands)
    add_batch_parser(commands)
    add_memory_parser(commands)
    add_review_parser(commands)
    add_glossary_parser(commands)
    add_serve_parser(commands)
    return parser


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
