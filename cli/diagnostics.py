"""What a user sees when a command ends: the exit codes and the one-line error, written once for all of cli/."""

from __future__ import annotations

import argparse
import contextlib
import errno
import os
import sys
from enum import IntEnum
from typing import TYPE_CHECKING, Any, NoReturn

from translator.errors import TranslatorError

if TYPE_CHECKING:
    from rich.console import Console

PROGRAM = "translator"


class ExitCode(IntEnum):
    """The exit status of the `translator` command; MEANINGS says what each one means."""

    DONE = 0
    FAILURE = 1
    USAGE = 2
    INTERRUPTED = 130


MEANINGS = {
    ExitCode.DONE: "done (also when the reader of the output stops early, as `| head` does)",
    ExitCode.FAILURE: "bad input or failure (one line on stderr says what is wrong and what to do)",
    ExitCode.USAGE: "usage error (unknown option, bad value, options that do not go together)",
    ExitCode.INTERRUPTED: "interrupted (Ctrl-C: 128 + SIGINT, as shells report it)",
}
"""What each exit code means, for people."""

EXIT_CODES_HELP = "exit codes:\n" + "\n".join(f"  {int(code):<4} {meaning}" for code, meaning in MEANINGS.items())
"""The exit codes as `translator --help` shows them (its epilog)."""


class UsageError(TranslatorError):
    """The command line is wrong (not the input): arguments that do not go together, one missing."""


def exit_code_for(error: BaseException) -> ExitCode:
    """The exit code a command ends with when it stops on this error."""
    if isinstance(error, KeyboardInterrupt):
        return ExitCode.INTERRUPTED
    if isinstance(error, UsageError):
        return ExitCode.USAGE
    if isinstance(error, BrokenPipeError):
        return ExitCode.DONE
    return ExitCode.FAILURE


def error_line(error: BaseException) -> str | None:
    """The one line that reports this error on stderr; None when there is nothing to say."""
    if isinstance(error, BrokenPipeError):
        return None  # the reader of our output went away (`| head`): not a failure of ours
    if isinstance(error, KeyboardInterrupt):
        # A command may say what to do next (`batch`: rerun to finish), as a hint on the error.
        hint = getattr(error, "hint", None)
        return f"{PROGRAM}: interrupted" + (f" ({hint})" if hint else "")
    if isinstance(error, TranslatorError):
        text = str(error)
    elif isinstance(error, OSError):
        text = describe_os_error(error)
    elif isinstance(error, MemoryError):
        text = "out of memory (give a smaller input, or fewer --jobs)"
    else:
        text = f"{type(error).__name__}: {error}"
    return error_text(text)


def error_text(text: str, program: str = PROGRAM) -> str:
    """The one error line: `translator: error: what is wrong (what to do)`."""
    return f"{program}: error: {one_line(text)}"


def describe_os_error(error: OSError) -> str:
    """An operating-system failure no command turned into our own error: mostly writing standard output."""
    reason = error.strerror or str(error)
    if error.filename is not None:
        return f"{error.filename}: {reason}"
    if error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return f"cannot write the output: {reason} (free some space, or send the output elsewhere)"
    return f"cannot write the output: {reason}"


def one_line(text: str) -> str:
    """Text safe to print as one terminal line: control characters and line breaks shown as escapes."""
    from translator.display import visible_line

    return visible_line(text)


def report(error: BaseException) -> ExitCode:
    """Print the error's one line on stderr (if any) and return the exit code to end with."""
    if isinstance(error, OSError) and error.filename is None:
        silence_stdout()  # a failed write of our output: no second try at exit
    line = error_line(error)
    if line is not None:
        with contextlib.suppress(OSError, ValueError):  # stderr itself closed or full: nothing more to say
            print(line, file=sys.stderr, flush=True)
    return exit_code_for(error)


def silence_stdout() -> None:
    """Point standard output at the null device, so that the interpreter's last flush at exit cannot
    fail again (and print a traceback) on a closed pipe or a full disk."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)


def output_console(**options: Any) -> Console:
    """A rich console on standard output whose closed pipe ends the command like any other output
    (rich's own choice is exit code 1): quiet, exit 0."""
    from rich.console import Console

    class OutputConsole(Console):
        def on_broken_pipe(self) -> None:
            self.quiet = True
            raise BrokenPipeError(errno.EPIPE, os.strerror(errno.EPIPE))

    return OutputConsole(**options)


class CommandParser(argparse.ArgumentParser):
    """argparse whose usage errors are like every other error: one line (with where to find help), exit 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(ExitCode.USAGE, error_text(f"{message} (see: {self.prog} --help)", self.prog) + "\n")
