"""The edge's diagnostics: which exit code each way of ending gets, and the one line that reports it."""

from __future__ import annotations

import errno

import pytest

from cli.diagnostics import EXIT_CODES_HELP, MEANINGS, ExitCode, UsageError, error_line, exit_code_for, one_line
from tests.conftest import run_cli
from translator.errors import InputError, TranslationMemoryError


@pytest.mark.parametrize(
    ("error", "code", "line"),
    [
        # A problem with the user's input: what is wrong (and what to do), exit 1.
        (
            InputError("x.txt is empty", "give a file"),
            ExitCode.FAILURE,
            "translator: error: x.txt is empty (give a file)",
        ),
        # Any error of our family is rendered the same way.
        (TranslationMemoryError("cannot read tm.sqlite"), ExitCode.FAILURE, "translator: error: cannot read tm.sqlite"),
        # A command line that does not hold together: exit 2, like argparse's own usage errors.
        (UsageError("give a FILE or --demo, not both"), ExitCode.USAGE, "translator: error: give a FILE or --demo"),
        # Ctrl-C: 130, as shells report SIGINT.
        (KeyboardInterrupt(), ExitCode.INTERRUPTED, "translator: interrupted"),
        # The reader of our output went away (`| head`): nothing to say, not a failure.
        (BrokenPipeError(errno.EPIPE, "Broken pipe"), ExitCode.DONE, None),
        # Standard output on a full disk: says so in one line, exit 1.
        (OSError(errno.ENOSPC, "No space left on device"), ExitCode.FAILURE, "cannot write the output: No space left"),
        # An operating-system failure on a named file that no command wrapped: the file and the reason.
        (PermissionError(errno.EACCES, "Permission denied", "/srv/x"), ExitCode.FAILURE, "/srv/x: Permission denied"),
        # Out of memory: one line rather than a traceback.
        (MemoryError(), ExitCode.FAILURE, "translator: error: out of memory"),
    ],
)
def test_exit_code_and_line(error: BaseException, code: ExitCode, line: str | None) -> None:
    assert exit_code_for(error) == code
    rendered = error_line(error)
    if line is None:
        assert rendered is None
    else:
        assert rendered is not None and rendered.startswith("translator: ") and line in rendered
        assert "\n" not in rendered


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain", "plain"),  # nothing to escape
        ("two\nlines", "two\\nlines"),  # a newline in a file name cannot break the one line
        ("\x1b[31mred", "\\x1b[31mred"),  # an ANSI escape in thread text is shown, not obeyed
        ("tab\tstays", "tab\tstays"),  # a tab is harmless
    ],
)
def test_one_line(text: str, expected: str) -> None:
    assert one_line(text) == expected


def test_an_error_message_with_a_newline_stays_one_line() -> None:
    result = run_cli("inspect", "no\nsuch.txt")
    assert result.code == ExitCode.FAILURE
    assert result.stderr == "translator: error: no\\nsuch.txt: no such file (check the path)\n"


def test_help_documents_the_exit_codes() -> None:
    result = run_cli("--help")
    assert result.code == ExitCode.DONE
    assert result.stdout.rstrip().endswith(EXIT_CODES_HELP)
    for code in ExitCode:
        assert f"\n  {int(code):<4} {MEANINGS[code]}" in EXIT_CODES_HELP  # every code is documented
