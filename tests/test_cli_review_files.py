"""The commands that read review files (`review`, `apply`, `memory import`) refuse bad ones with one line,
and `memory import` stores all of its files or none of them."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from tests.conftest import DEMO, FIXED_NOW, kill_after_first_line, run_cli
from tests.formats.samples import one_reviewed_block, twin_blocks
from translator.formats.json import render_json
from translator.formats.po import render_po
from translator.formats.xliff import XLIFF_2, render_xliff
from translator.memory.store import MemoryEntry, TranslationMemory
from translator.models import TranslatedThread


def approved(translated: TranslatedThread, numbers: range) -> TranslatedThread:
    """The translated thread with the machine units of these numbers (0: the first) approved."""
    units, number = [], 0
    for unit in translated.units:
        if unit.origin == "machine" and unit.target:
            unit = replace(unit, status="reviewed") if number in numbers else unit
            number += 1
        units.append(unit)
    return replace(translated, units=tuple(units))


def write_po(path: Path, translated: TranslatedThread) -> Path:
    path.write_text(render_po(translated, now=FIXED_NOW), encoding="utf-8")
    return path


# (command before the file, the file's name, its text, the error on stderr)
REFUSED = [
    # Two PO entries for one block: the app would crash on it (Textual's DuplicateID).
    (["review"], "twins.po", render_po(twin_blocks(), now=FIXED_NOW), "block id 'c1.p1' is on two entries"),
    # Two JSON blocks with one id.
    (["review"], "twins.json", render_json(twin_blocks()), "the block id 'c1.p1' is used twice"),
    # An unterminated string: polib would read `msgid "Space"`.
    (["review"], "bad.po", 'msgid "SpaceX\nmsgstr "SpaceX"\n', "bad.po:1: the string has no closing"),
    # An empty PO file "applied" with exit 0 before.
    (["apply"], "empty.po", "", "holds no entry"),
    # A duplicate entry would have become a human translation.
    (["memory", "import"], "dup.po", 'msgid "a"\nmsgstr "b"\n\nmsgid "a"\nmsgstr "c"\n', "dup.po:4: duplicate entry"),
    # The same refusals for XLIFF: two units for one block, malformed XML, no unit.
    (["review"], "twins.xlf", render_xliff(twin_blocks(), now=FIXED_NOW), "block id 'c1.p1' is on two units"),
    (
        ["apply"],
        "cut.xlf",
        render_xliff(twin_blocks(), "xliff2")[:300],
        "cut.xlf:6: not well-formed XML: AttValue: ' expected (",
    ),
    (["memory", "import"], "twins.xlf", render_xliff(twin_blocks(), "xliff2"), "is on two units"),
    (
        ["memory", "import"],
        "none.xlf",
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" '
        'srcLang="fr" trgLang="en"><file id="f1"/></xliff>',
        "none.xlf holds no translation unit",
    ),
]


ONE_PO = render_po(one_reviewed_block(), now=FIXED_NOW)
ONE_XLIFF = render_xliff(one_reviewed_block(), now=FIXED_NOW)
ONE_XLIFF_2 = render_xliff(one_reviewed_block(), "xliff2", now=FIXED_NOW)
ONE_JSON = render_json(one_reviewed_block())
NOT_A_CODE = "is not a language code (use a code such as fr, en, nb or zt"
# Language codes that name no language: each refused on one line that says where (they were taken as
# they were: `memory import` stored a "klingon" source language)
REFUSED += [
    (
        ["review"],
        "garbage.po",
        ONE_PO.replace("Language: en", "Language: xx-garbage"),
        "the header's Language: 'xx-garbage'",
    ),
    (
        ["apply"],
        "klingon.xlf",
        ONE_XLIFF.replace('source-language="fr"', 'source-language="klingon"'),
        "klingon.xlf:3: source-language on <file>: 'klingon'",
    ),
    (["memory", "import"], "trg.xlf", ONE_XLIFF_2.replace('trgLang="en"', 'trgLang="e n"'), "trgLang on <xliff>"),
    (["memory", "import"], "src.po", ONE_PO.replace("X-Source-Language: fr", "X-Source-Language: 12"), "'12'"),
    # an entry's own language line, edited by hand
    (
        ["memory", "import"],
        "entry.po",
        ONE_PO.replace("language fr -> en", "language tlh -> en"),
        "entry.po:24: the source language: 'tlh'",
    ),
    (["review"], "target.json", ONE_JSON.replace('"target_lang": "en"', '"target_lang": "elvish"'), "'elvish'"),
]
REFUSED_LANGUAGES = REFUSED[-6:]


@pytest.mark.parametrize(("command", "name", "text", "error"), REFUSED, ids=[case[1] for case in REFUSED])
def test_bad_review_files_are_one_line(tmp_path: Path, command: list[str], name: str, text: str, error: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    extra = [str(DEMO)] if command == ["apply"] else []
    memory = ["--memory", str(tmp_path / "tm.sqlite")] if command[0] in ("memory", "review") else []
    result = run_cli(*command, str(path), *extra, *memory)
    assert result.code == 1, result.stderr
    assert error in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_review_refuses_a_source_the_file_was_not_made_from(tmp_path: Path, demo_translated: TranslatedThread) -> None:
    po = write_po(tmp_path / "demo.po", demo_translated)
    other = tmp_path / "other.txt"
    other.write_text("# Un autre fil\n\nUn autre texte.\n", encoding="utf-8")
    # Opened with it, the app showed the other thread's posts and authors around these entries.
    result = run_cli("review", str(po), "--source", str(other), "--memory", str(tmp_path / "tm.sqlite"))
    assert result.code == 1, result.stderr
    assert result.stderr == (
        f"translator: error: {po} was not made from this thread: only 0 of 31 entries match a block "
        "(give the thread the review file was made from)\n"
    )


# (the bad file's name, its text, the error; the last good file's format): a PO syntax error between two PO
# files, and an XLIFF file cut short between a PO and an XLIFF file.
BAD_IN_THE_MIDDLE = [
    ("bad.po", 'msgid ""\nmsgstr ""\n"Language: en\\n"\n\nmsgid "SpaceX\nmsgstr "SpaceX"\n', "bad.po:5:", "po"),
    (
        "bad.xliff2.xlf",
        f'<xliff xmlns="{XLIFF_2}" version="2.0" srcLang="fr" trgLang="en">\n<file id="f1"><unit id="a">',
        "bad.xliff2.xlf:2: not well-formed XML",
        "xliff",
    ),
]


@pytest.mark.parametrize(("name", "text", "error", "last_format"), BAD_IN_THE_MIDDLE)
def test_import_with_a_bad_file_in_the_middle_imports_nothing(
    tmp_path: Path, demo_translated: TranslatedThread, name: str, text: str, error: str, last_format: str
) -> None:
    memory = tmp_path / "tm.sqlite"
    first = write_po(tmp_path / "first.po", approved(demo_translated, range(0, 2)))
    bad = tmp_path / name
    bad.write_text(text, encoding="utf-8")
    last = tmp_path / f"last.{last_format}"
    last.write_text(render_review_text(approved(demo_translated, range(2, 5)), last_format), encoding="utf-8")
    result = run_cli("memory", "import", str(first), str(bad), str(last), "--memory", str(memory))
    assert result.code == 1 and error in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert list(TranslationMemory(memory).entries()) == []
    assert run_cli("memory", "import", str(first), str(last), "--memory", str(memory)).code == 0
    assert len(list(TranslationMemory(memory).entries())) == 5


def test_importing_the_memory_into_itself_is_refused_saying_so(
    tmp_path: Path, demo_translated: TranslatedThread
) -> None:
    memory = tmp_path / "tm.sqlite"
    first = write_po(tmp_path / "first.po", approved(demo_translated, range(0, 2)))
    assert run_cli("memory", "import", str(first), "--memory", str(memory)).code == 0
    before = memory.read_bytes()
    result = run_cli("memory", "import", str(memory), "--memory", str(memory))
    assert result.code == 2 and len(result.stderr.strip().splitlines()) == 1
    assert f"{memory} is the translation memory itself" in result.stderr
    assert memory.read_bytes() == before and len(list(TranslationMemory(memory).entries())) == 2


def render_review_text(translated: TranslatedThread, fmt: str) -> str:
    return render_po(translated, now=FIXED_NOW) if fmt == "po" else render_xliff(translated, now=FIXED_NOW)


CHILD = """
import contextlib, sys, time
from translator.memory.store import TranslationMemory
from cli.main import main

real = TranslationMemory._transaction

@contextlib.contextmanager
def stalled(self):
    with real(self) as connection:
        yield connection
        if connection.total_changes:  # rows written, not yet committed: the kill comes here
            print(connection.execute("SELECT COUNT(*) FROM entries").fetchone()[0], flush=True)
            time.sleep(120)

TranslationMemory._transaction = stalled
sys.exit(main(sys.argv[1:]))
"""


def test_a_killed_import_leaves_the_memory_as_before(tmp_path: Path, demo_translated: TranslatedThread) -> None:
    memory = tmp_path / "tm.sqlite"
    before = MemoryEntry("fr", "en", "Déjà là.", "Already there.", "human")
    TranslationMemory(memory).store([before])
    files = [str(write_po(tmp_path / f"{n}.po", approved(demo_translated, range(n, n + 1)))) for n in range(3)]
    inside = int(kill_after_first_line(CHILD, "memory", "import", *files, "--memory", str(memory)))
    assert inside == 1 + 3  # one entry from each file: all three were in the one transaction the kill cut
    assert list(TranslationMemory(memory).entries()) == [before]


@pytest.mark.parametrize(("command", "name", "text", "error"), REFUSED_LANGUAGES, ids=[c[1] for c in REFUSED_LANGUAGES])
def test_a_code_that_names_no_language_says_what_to_write(
    tmp_path: Path, command: list[str], name: str, text: str, error: str
) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    extra = [str(DEMO)] if command == ["apply"] else ["--memory", str(tmp_path / "tm.sqlite")]
    result = run_cli(*command, str(path), *extra)
    assert result.code == 1 and NOT_A_CODE in result.stderr, result.stderr


# (the file's name, its text with other spellings of French and English: each read as the Argos code)
ALIASED = [
    (
        "regions.po",
        ONE_PO.replace("Language: en", "Language: en_US").replace("Source-Language: fr", "Source-Language: fr-CA"),
    ),
    ("three-letter.po", ONE_PO.replace("language fr -> en", "language fra -> eng")),
    ("bcp47.xlf", ONE_XLIFF.replace('source-language="fr"', 'source-language="fr-FR"').replace('"en"', '"en-GB"')),
    ("posix.xlf", ONE_XLIFF_2.replace('srcLang="fr"', 'srcLang="fr_BE"').replace('trgLang="en"', 'trgLang="EN"')),
    ("json.json", ONE_JSON.replace('"target_lang": "en"', '"target_lang": "en-US"')),
]


@pytest.mark.parametrize(("name", "text"), ALIASED, ids=[case[0] for case in ALIASED])
def test_memory_import_reads_other_spellings_of_a_code_as_argos_codes(tmp_path: Path, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    memory = tmp_path / "tm.sqlite"
    result = run_cli("memory", "import", str(path), "--memory", str(memory))
    assert result.code == 0, result.stderr
    [entry] = TranslationMemory(memory).entries()
    assert (entry.source_lang, entry.target_lang, entry.target) == ("fr", "en", "Thanks for the article.")
