"""Hostile but realistic use (issue 16) where the command must succeed, and succeed faithfully: a batch goes on past
a bad file, odd encodings read as written, a symlinked glossary is saved through its link, the same input gives the
same output however it is run, and no field can forge structure in what the writers write.

One row per case, each run end to end as a user would run the command; the comment of each row names the item of
the issue. The refused cases are in test_one_line_failures.py. Item 6's review journal of a PO made again is a
case of the review app (tests/tui/test_app.py, a journal for another version of the file is shown and kept).
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import DEMO, CliResult, run_cli
from tests.hostile.inputs import written

DEEP = "[" * 100_000 + "]" * 100_000
DIGITS = '{"posts": [], "n": ' + "7" * 5000 + "}"


def demo_json(tmp: Path, change: Callable[[dict[str, Any]], None]) -> Path:
    """The demo thread as our JSON, changed by `change`."""
    made = run_cli("translate", str(DEMO), "-o", str(tmp / "demo.json"), "--format", "json", "--no-memory")
    assert made.code == 0, made.stderr
    data = json.loads((tmp / "demo.json").read_text(encoding="utf-8"))
    change(data)
    return written(tmp / "changed.json", json.dumps(data, ensure_ascii=False))


def forge_headings(data: dict[str, Any]) -> None:
    """A newline then Markdown heading syntax in an author's name and in a block's text."""
    post = data["posts"][1]
    post["author"] = "Marc\n# Forged author heading"
    post["blocks"][0]["text"] = "Bonjour.\n# Forged text heading\n\n## again"


@dataclass(frozen=True)
class Faithful:
    """One use that must succeed: its command, and what must hold of the result."""

    prepare: Callable[[Path], list[str]]
    """Builds the files in a temporary folder; the command's arguments."""
    check: Callable[[Path, CliResult], None]
    """Asserts what must hold once the command ran (the folder, its outcome)."""


def check_stray_byte(tmp: Path, outcome: CliResult) -> None:
    assert outcome.code == 0, outcome.stderr
    assert re.search(r"warning: .* 1 invalid UTF-8 byte sequence.*at byte \d+", outcome.stderr), outcome.stderr
    assert "fusée" in outcome.stdout and "Ã" not in outcome.stdout


def check_utf16(tmp: Path, outcome: CliResult) -> None:
    assert outcome.code == 0, outcome.stderr
    assert "fusée" in outcome.stdout


def check_symlink(tmp: Path, outcome: CliResult) -> None:
    assert outcome.code == 0, outcome.stderr
    assert (tmp / "link.po").is_symlink()
    assert 'msgid "Kourou"' in (tmp / "shared" / "fr-en.po").read_text(encoding="utf-8")


def check_markdown(tmp: Path, outcome: CliResult) -> None:
    assert outcome.code == 0, outcome.stderr
    text = (tmp / "out.md").read_text(encoding="utf-8")
    assert not re.search(r"^#{1,6} (Forged|again)", text, re.MULTILINE), text  # escaped, or inside its line


def check_po(tmp: Path, outcome: CliResult) -> None:
    from translator.formats.po_syntax import read_po_strict

    assert outcome.code == 0, outcome.stderr
    lines = (tmp / "out.po").read_text(encoding="utf-8").splitlines()
    assert all(line == "" or line.startswith(("#", "msg", '"')) for line in lines)
    assert read_po_strict(tmp / "out.po").entries


def symlinked_glossary(tmp: Path) -> list[str]:
    (tmp / "shared").mkdir()
    shutil.copy(DEMO.parent.parent.parent / "glossaries" / "fr-en.po", tmp / "shared" / "fr-en.po")
    (tmp / "link.po").symlink_to(Path("shared") / "fr-en.po")
    return ["glossary", "add", "--glossary", str(tmp / "link.po"), "--category", "place", "--keep", "Kourou"]


CASES = {
    # item 6: one stray byte at the end of a UTF-8 file (the whole file became cp1252): replaced where it is.
    "utf8-stray-byte": Faithful(
        lambda tmp: ["inspect", str(_bytes(tmp / "t.txt", DEMO.read_bytes() + b"\xff"))],
        check_stray_byte,
    ),
    # item 6: UTF-16 without a BOM (it was called binary).
    "utf16-without-bom": Faithful(
        lambda tmp: ["inspect", str(_bytes(tmp / "t.txt", DEMO.read_text(encoding="utf-8").encode("utf-16-le")))],
        check_utf16,
    ),
    # item 6: a symlinked glossary saved by `glossary add` (the link was replaced, the target left unchanged).
    "glossary-through-symlink": Faithful(symlinked_glossary, check_symlink),
    # item 6: a newline in a JSON block's text and in an author's name (it became a Markdown heading).
    "newline-forges-no-markdown-heading": Faithful(
        lambda tmp: [
            "translate",
            str(demo_json(tmp, forge_headings)),
            "-o",
            str(tmp / "out.md"),
            "--format",
            "md",
            "--no-memory",
        ],
        check_markdown,
    ),
    # item 6 (writers): the same newlines in a PO file: every line still a comment, a keyword or a string.
    "newline-forges-no-po-entry": Faithful(
        lambda tmp: ["translate", str(demo_json(tmp, forge_headings)), "-o", str(tmp / "out.po"), "--no-memory"],
        check_po,
    ),
}


def _bytes(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("name", list(CASES))
def test_hostile_input_gives_a_faithful_result(tmp_path: Path, name: str) -> None:
    case = CASES[name]
    outcome = run_cli(*case.prepare(tmp_path))
    assert "Traceback" not in outcome.stderr + outcome.stdout, outcome.stderr
    case.check(tmp_path, outcome)


def batch_folder(tmp: Path) -> Path:
    """Good threads, two of them sharing most sentences (so one reuses the other's from the memory), beside a
    JSON thread nested 100,000 deep and one holding a 5,000-digit integer."""
    folder = tmp / "in"
    folder.mkdir()
    shutil.copy(DEMO, folder / "a.txt")
    text = DEMO.read_text(encoding="utf-8")
    written(folder / "b.txt", text.replace("Ariane 6", "Ariane 6 et Vega", 1))
    written(folder / "c-deep.json", DEEP)
    written(folder / "d-digits.json", DIGITS)
    return folder


def outputs(folder: Path) -> dict[str, str]:
    """Every output file's text, dates aside (the creation and revision dates of PO files)."""
    dated = re.compile(r'^"(POT-Creation|PO-Revision)-Date: .*$', re.MULTILINE)
    return {
        str(path.relative_to(folder)): dated.sub("", path.read_text(encoding="utf-8"))
        for path in sorted(folder.rglob("*.en.*"))
    }


# item 1: one bad file (nested 100,000 deep, a 5,000-digit integer) is reported on its line and the run goes on,
# with one worker and with two; exit 1 at the end. Item 6: --jobs 1, --jobs 2 and a rerun give identical files.
def test_a_batch_goes_on_past_bad_files_and_gives_the_same_files_however_run(tmp_path: Path) -> None:
    folder = batch_folder(tmp_path)
    made: dict[str, dict[str, str]] = {}
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}"
        memory = tmp_path / f"tm{jobs}.sqlite"
        outcome = run_cli("batch", str(folder), "-o", str(out), "--jobs", jobs, "--memory", str(memory))
        assert "Traceback" not in outcome.stderr + outcome.stdout, outcome.stderr
        assert outcome.code == 1, outcome.stderr
        failed = [line for line in (outcome.stdout + outcome.stderr).splitlines() if line.startswith("fail ")]
        assert len(failed) == 2, outcome.stdout + outcome.stderr
        assert "c-deep.json" in failed[0] and "nested too deeply" in failed[0]
        assert "d-digits.json" in failed[1] and "number too long" in failed[1]
        made[jobs] = outputs(out)
        assert sorted(made[jobs]) == [f"{name}.en.{ext}" for name in "ab" for ext in ("json", "md", "po")]
    assert made["1"] == made["2"]
    # A rerun after removing the outputs: the threads now come from the memory, and the files are the same.
    shutil.rmtree(tmp_path / "out1")
    again = run_cli("batch", str(folder), "-o", str(tmp_path / "out1"), "--memory", str(tmp_path / "tm1.sqlite"))
    assert again.code == 1 and "Traceback" not in again.stderr + again.stdout
    assert outputs(tmp_path / "out1") == made["1"]
