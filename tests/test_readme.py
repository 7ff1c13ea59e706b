"""The README opens with the two commands a fresh machine needs, the Makefile has both targets, and every
command line the README shows names commands and options that exist."""

from __future__ import annotations

import argparse
import re

from tests.conftest import REPO


def first_code_block(text: str) -> list[str]:
    """The lines of the README's first fenced code block."""
    found = re.search(r"```[a-z]*\n(.*?)```", text, re.DOTALL)
    assert found, "the README has no code block"
    return [line for line in found.group(1).splitlines() if line.strip()]


def test_readme_opens_with_make_demo_then_make_test() -> None:
    commands = [line.split("#", 1)[0].strip() for line in first_code_block((REPO / "README.md").read_text())]
    assert commands == ["make demo", "make test"]


def test_makefile_has_the_readme_targets() -> None:
    makefile = (REPO / "Makefile").read_text()
    targets = set(re.findall(r"^([a-z][\w-]*):", makefile, re.MULTILINE))
    assert {"demo", "test"} <= targets
    # The demo runs the main job on the bundled demo model and thread.
    assert "translate --demo" in makefile


def readme_commands() -> list[str]:
    """Every `translator ...` command line of the README's code blocks, and its inline ones (comments cut)."""
    text = (REPO / "README.md").read_text()
    lines = [
        line.split("  #", 1)[0].strip()
        for block in re.findall(r"```sh\n(.*?)```", text, re.DOTALL)
        for line in block.splitlines()
    ]
    lines += re.findall(r"`(translator [^`\n]+)`", text)
    commands = []
    for line in lines:
        # `curl ... | translator translate -`, `echo "$KEY" | translator serve --hash-key`: the translator part.
        found = re.search(r"(?:^|\| )(translator .*)", line)
        if found:
            commands.append(found.group(1).split(" >>", 1)[0].strip())
    return commands


def check_command(parser: argparse.ArgumentParser, words: list[str]) -> list[str]:
    """What in `words` (after the program name) the parser does not know: commands, actions, options."""
    problems = []
    subparsers = next((a for a in parser._actions if isinstance(a, argparse._SubParsersAction)), None)
    if subparsers is not None and words and not words[0].startswith("-"):
        # `add|remove|check`: each name must be a command; the rest of the line belongs to the first.
        names = words[0].split("|")
        unknown = [name for name in names if name not in subparsers.choices]
        if unknown:
            return [f"{parser.prog}: no command {', '.join(unknown)}"]
        return check_command(subparsers.choices[names[0]], words[1:])
    for word in words:
        option = word.strip("[]().,").split("=", 1)[0]
        if re.fullmatch(r"--?[a-z][\w-]*", option) and option not in parser._option_string_actions:
            problems.append(f"{parser.prog}: no option {option}")
    return problems


def test_every_command_the_readme_shows_exists_with_its_options() -> None:
    from cli.main import build_parser

    parser = build_parser()
    commands = readme_commands()
    assert len(commands) > 30
    problems = []
    for command in commands:
        # `memory stats | export out.tmx | import --tmx in.tmx`: each part is an action of the same command.
        first, *others = command.split(" | ")
        words = first.split()[1:]
        problems += check_command(parser, words)
        for other in others:
            problems += check_command(parser, [*words[:1], *other.split()])
    assert problems == []
