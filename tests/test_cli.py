"""The `translator` command as a user runs it: inspect on real files, and one clear line for bad input."""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import DEMO, run_cli
from tests.golden_files import assert_golden

BLOCK_KEYS = {"id", "kind", "text", "quoted_author", "quote_extent", "lang", "lang_confidence", "lang_source"}
POST_KEYS = {"id", "kind", "author", "role", "date", "votes", "shares", "lang", "blocks"}


def test_help_lists_commands() -> None:
    result = run_cli("--help")
    assert result.code == 0
    assert "inspect" in result.stdout


def every_command(
    parser: argparse.ArgumentParser, name: str = "translator"
) -> Iterator[tuple[str, argparse.ArgumentParser]]:
    """Each command and action, with its parser (the program itself first)."""
    yield name, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub_name, sub in action.choices.items():
                yield from every_command(sub, f"{name} {sub_name}")


def test_every_command_says_what_it_does_and_every_argument_has_help() -> None:
    from cli.main import build_parser

    missing = []
    for name, parser in every_command(build_parser()):
        if not parser.description:
            missing.append(f"{name}: no description (its --help opened on the options alone)")
        for action in parser._actions:
            if not action.help and not isinstance(action, argparse._SubParsersAction):
                missing.append(f"{name}: {action.option_strings or action.metavar or action.dest} has no help")
    assert missing == []


def test_inspect_json_on_the_sample_follows_the_schema(sample_path: Path) -> None:
    result = run_cli("inspect", str(sample_path), "--json")
    assert result.code == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["source_format"] == "forum"
    assert document["subtitle"] == "Des voix se lèvent pour demander une enquête"
    posts = document["posts"]
    assert [post["id"] for post in posts] == ["article"] + [f"c{n}" for n in range(1, 11)]
    for post in posts:
        assert set(post) >= POST_KEYS
        for block in post["blocks"]:
            assert set(block) >= BLOCK_KEYS
    assert posts[1]["date"] == "2024-10-28T09:26"
    assert posts[1]["votes"] == {"up": 11, "down": 4}
    assert posts[0]["shares"] == 26
    assert posts[1]["blocks"][0] == {
        **posts[1]["blocks"][0],
        "kind": "quote",
        "quoted_author": "Jules34",
        "quote_extent": "matched",
        "text": "un va t'en guerre pro Ukrainien",
    }


def test_inspect_json_of_the_demo_thread_is_golden() -> None:
    result = run_cli("inspect", "--demo", "--json")
    assert result.code == 0, result.stderr
    assert_golden("demo-thread.inspect.json", result.stdout)


def test_inspect_tree_nests_quotes_under_their_author() -> None:
    result = run_cli("inspect", str(DEMO))
    assert result.code == 0, result.stderr
    lines = result.stdout.splitlines()
    quote_header = next(n for n, line in enumerate(lines) if "quote from Marc Lefort, extent matched" in line)
    assert "c2.q1 · quote" in lines[quote_header + 1]
    assert lines[quote_header + 1].index("c2.q1") > lines[quote_header].index("quote from")
    assert any("c1 · Marc Lefort (Membre actif) · 2025-03-12 10:14 · +5 -0" in line for line in lines)


def test_inspect_shows_control_characters_literally(tmp_path: Path) -> None:
    path = tmp_path / "t.md"
    path.write_text("# [bold]Titre[/bold]\n\nTexte \x1b[31mrouge\n", encoding="utf-8")
    result = run_cli("inspect", str(path))
    assert result.code == 0, result.stderr
    assert "\x1b" not in result.stdout
    assert "\\x1b[31mrouge" in result.stdout
    assert "[bold]Titre[/bold]" in result.stdout


HOSTILE_IDS = {
    "title": "Titre\nsur deux lignes",
    "posts": [
        {
            "id": "art\nicle\u001b[31m",
            "kind": "article",
            "author": "Bob\u001b]0;titre\u0007\nEve",
            "role": "mod\u2028",
            "blocks": [
                {"id": "article.p1\n\u001b[2Jx", "kind": "paragraph", "text": "Le texte est ici, en français."},
                {"id": "q\r1", "kind": "quote", "text": "Une citation en français.", "quoted_author": "Al\nice"},
            ],
        }
    ],
}
"""A JSON thread whose ids, names and title hold line breaks and terminal escape sequences."""


@pytest.mark.parametrize("command", ["inspect", "detect"])
def test_hostile_ids_and_names_are_shown_on_their_line_escaped(tmp_path: Path, command: str) -> None:
    path = tmp_path / "t.json"
    path.write_text(json.dumps(HOSTILE_IDS), encoding="utf-8")
    result = run_cli(command, str(path))
    assert result.code == 0, result.stderr
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout and "\r" not in result.stdout
    lines = result.stdout.splitlines()
    assert lines[0] == "Titre\\nsur deux lignes"
    post = next(line for line in lines if "art\\nicle" in line)
    assert "art\\nicle\\x1b[31m · Bob\\x1b]0;titre\\x07\\nEve (mod\\u2028)" in post
    assert any("article.p1\\n\\x1b[2Jx · paragraph" in line for line in lines)
    assert any("q\\r1 · quote" in line for line in lines)
    assert any("quote from Al\\nice" in line for line in lines)
    assert len(lines) == 8  # heading (2), post, block and its text, quote header, block and its text


def test_inspect_warns_about_legacy_encoding(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes("Un été à Kourou.".encode("cp1252"))
    result = run_cli("inspect", str(path), "--json")
    assert result.code == 0
    assert "read it as cp1252" in result.stderr
    assert json.loads(result.stdout)["posts"][0]["blocks"][0]["text"] == "Un été à Kourou."


def make_bad_input(tmp_path: Path, kind: str) -> Path:
    path = tmp_path / f"input-{kind}"
    if kind == "directory":
        path.mkdir()
    elif kind == "binary":
        path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    elif kind == "empty":
        path.write_bytes(b"")
    elif kind == "blank":
        path.write_text("\n  \n\t\n")
    elif kind == "undecodable":
        path.write_bytes(bytes(range(1, 32)) * 40)
    elif kind == "no-structure":
        path.write_text("Loading...\nAvatar de X\n")
    elif kind == "bad-json":
        path.write_text('{"posts": [')
    elif kind == "gigantic":
        with path.open("wb") as handle:
            handle.truncate(60 * 1024 * 1024)
    return path


@pytest.mark.parametrize(
    ("kind", "message"),
    [
        ("missing", "no such file"),  # a typo in the path
        ("directory", "is a folder"),  # a folder given as a file
        ("binary", "looks like a binary file"),  # an image
        ("empty", "is empty"),  # zero bytes
        ("blank", "is empty"),  # only whitespace
        ("undecodable", "could not be decoded"),  # control bytes
        ("no-structure", "no article or comment found"),  # a page of chrome only
        ("bad-json", "invalid JSON at line 1"),  # a truncated JSON file
        ("gigantic", "larger than the 50 MB limit"),  # far too big for one thread
    ],
)
def test_bad_input_gets_one_clear_line(tmp_path: Path, kind: str, message: str) -> None:
    result = run_cli("inspect", str(make_bad_input(tmp_path, kind)))
    assert result.code == 1
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith("translator: error: ")
    assert message in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["inspect"], "no thread file given"),  # forgot the file
        (["inspect", "--demo", "x.txt"], "not both"),  # two inputs
        (["inspect", "--demo", "--set-lang", "c1"], "is not BLOCK=LANG"),  # a malformed option value
        (["detect", "--demo", "-o", "out.jsonl"], "-o/--output goes with --jsonl"),  # options that do not go together
        (["translate", "--demo", "--format", "po,json", "-o", "-"], "takes one format"),  # two formats, one stdout
        (["translate", "--demo", "--format", "docx"], "unknown output format docx"),  # a format we do not write
        (["translate", "--demo", "--format", ""], "unknown output format (none)"),  # not the default, silently
        (["inspect", "--demo", "--colour"], "unrecognized arguments: --colour"),  # argparse: an unknown option
        (["frobnicate"], "invalid choice: 'frobnicate'"),  # argparse: an unknown command
        (["models", "install", "fr", "en", "de"], "give a language pair"),  # three words for a pair
    ],
)
def test_usage_errors(args: list[str], message: str) -> None:
    result = run_cli(*args)
    assert result.code == 2  # ExitCode.USAGE, whether argparse or a command found the mistake
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith("translator")
    assert message in result.stderr


def test_format_override_reads_a_dump_as_text(sample_path: Path) -> None:
    result = run_cli("inspect", str(sample_path), "--json", "--format", "text")
    assert result.code == 0, result.stderr
    assert json.loads(result.stdout)["source_format"] == "text"


@pytest.mark.parametrize("command", [("inspect",), ("translate", "--to", "en", "-o", "-")])
def test_an_empty_language_list_is_refused_not_taken_as_the_default(command: tuple[str, ...]) -> None:
    result = run_cli(*command, "--demo", "--languages", "")
    assert result.code == 1 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "the language list is empty" in result.stderr


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Danke!", "de"),  # a lone short reply (the statistics alone said Danish)
        ("Merci", "fr"),  # Spanish
        ("Hello", "en"),  # Finnish
    ],
)
def test_detect_a_one_line_text(tmp_path: Path, text: str, lang: str) -> None:
    source = tmp_path / "one.txt"
    source.write_text(f"{text}\n", encoding="utf-8")
    result = run_cli("detect", str(source), "--json")
    assert result.code == 0, result.stderr
    [post] = json.loads(result.stdout)["posts"]
    assert [(block["lang"], block["lang_source"]) for block in post["blocks"]] == [(lang, "detected")]
