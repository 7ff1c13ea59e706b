"""`translator glossary ...` as a maintainer runs it: listing, edits that keep every other byte, lint,
check on a thread, CSV/TBX round trips, and one clear line for every mistake."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import DEMO, CliResult, run_cli
from translator.glossary import default_glossary_dir

SHIPPED = default_glossary_dir()


def glossary_cli(*args: str) -> CliResult:
    """`translator glossary ARGS` through the real entry point."""
    return run_cli("glossary", *args)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A copy of the shipped glossaries to edit."""
    target = tmp_path / "glossaries"
    shutil.copytree(SHIPPED, target)
    return target


def snapshot(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.glob("*.po"))}


def test_list_a_category_of_a_pair() -> None:
    result = glossary_cli("list", "--pair", "fr-en", "--category", "person")
    assert result.code == 0, result.stderr
    assert "Vladimir Poutine -> Vladimir Putin" in result.stdout
    assert "Poutine -> Putin  [case-sensitive]  (forbidden: Poutine)" in result.stdout
    assert "Starlink" not in result.stdout


def test_list_a_pair_without_a_file_shows_the_glossary_made_through_english() -> None:
    result = glossary_cli("list", "--pair", "fr-de", "--category", "person")
    assert result.code == 0, result.stderr
    assert result.stdout.startswith("fr-de (no file: made through English from fr-en and de-en): ")
    assert "Vladimir Poutine -> Wladimir Putin" in result.stdout
    rows = json.loads(glossary_cli("list", "--pair", "en-ru", "--json").stdout)
    assert {row["pair"] for row in rows} == {"en-ru"}
    # Into Russian, which declines them, names are checked for their forms, never put in; brands are kept.
    assert all(row["kind"] == "keep" or "check-only" in row["flags"] for row in rows)
    [kremlin] = [row for row in rows if row["source"] == "Kremlin"]
    assert kremlin["target"] == "Кремль" and "Кремле" in kremlin["target_variants"]
    missing = glossary_cli("list", "--pair", "pl-de")  # nothing to make it from
    assert missing.code == 1 and "no pl-de glossary" in missing.stderr


def test_list_json_covers_every_pair() -> None:
    result = glossary_cli("list", "--json", "--kind", "keep")
    assert result.code == 0, result.stderr
    rows = json.loads(result.stdout)
    assert {row["pair"] for row in rows} >= {"fr-en", "ru-en", "uk-en", "de-en", "es-en"}
    assert all(row["kind"] == "keep" and row["source"] == row["target"] for row in rows)


def test_lint_passes_on_the_shipped_glossaries() -> None:
    result = glossary_cli("lint", "--strict")
    assert result.code == 0, result.stdout + result.stderr
    assert result.stdout.strip().endswith("0 errors, 0 warnings")


def test_lint_counts_in_words(folder: Path) -> None:
    added = glossary_cli("add", "Lyon", "Lyon", "--pair", "fr-en", "--category", "place", "--glossary-dir", str(folder))
    assert added.code == 0, added.stderr
    result = glossary_cli("lint", "--pair", "fr-en", "--glossary-dir", str(folder))
    assert result.stdout.strip().endswith("1 glossary: 0 errors, 1 warning"), result.stdout


def test_lint_fails_on_a_broken_glossary(folder: Path) -> None:
    path = folder / "fr-en.po"
    path.write_text(path.read_text(encoding="utf-8") + '\n#, shouty\nmsgctxt "place"\nmsgid "Lyon"\nmsgstr ""\n')
    result = glossary_cli("lint", "--glossary-dir", str(folder))
    assert result.code == 1
    assert "unknown flag 'shouty'" in result.stdout and "empty target" in result.stdout


def test_add_then_remove_gives_back_every_byte(folder: Path) -> None:
    before = snapshot(folder)
    added = glossary_cli(
        "add", "Moscou", "Moscow", "--pair", "fr-en", "--category", "place", "--note", "Source: general knowledge.",
        "--glossary-dir", str(folder),
    )  # fmt: skip
    assert added.code == 0, added.stderr
    after = snapshot(folder)
    assert {name for name in before if before[name] != after[name]} == {"fr-en.po"}
    text = after["fr-en.po"].decode()
    assert '# Source: general knowledge.\nmsgctxt "place"\nmsgid "Moscou"\nmsgstr "Moscow"\n' in text
    removed = glossary_cli("remove", "Moscou", "--pair", "fr-en", "--glossary-dir", str(folder))
    assert removed.code == 0, removed.stderr
    assert snapshot(folder) == before
    # what was done is a status line, on stderr as every command's; stdout is for data (list, check, lint)
    assert (added.stdout, removed.stdout) == ("", "")
    assert added.stderr.startswith("Added Moscou -> Moscow") and removed.stderr.startswith("Removed Moscou")


def test_add_a_keep_term_with_plural_and_variants(folder: Path) -> None:
    result = glossary_cli(
        "add", "Falcon Heavy", "--keep", "--pair", "fr-en", "--category", "product", "--variant", "FH",
        "--case-sensitive", "--note", "Source: general knowledge.", "--glossary-dir", str(folder),
    )  # fmt: skip
    assert result.code == 0, result.stderr
    text = (folder / "fr-en.po").read_text(encoding="utf-8")
    assert '#. variants: FH\n#, keep, case-sensitive\nmsgctxt "product"\nmsgid "Falcon Heavy"\n' in text
    assert glossary_cli("lint", "--glossary-dir", str(folder), "--strict").code == 0


def test_add_a_check_only_term_with_its_declined_forms(folder: Path) -> None:
    result = glossary_cli(
        "add", "Duma", "Дума", "--check-only", "--target-variant", "Думы", "--target-variant", "Думе",
        "--pair", "en-ru", "--category", "organisation", "--note", "Source: general knowledge.",
        "--glossary-dir", str(folder),
    )  # fmt: skip
    assert result.code == 0, result.stderr
    text = (folder / "en-ru.po").read_text(encoding="utf-8")
    assert '#. target-variants: Думы | Думе\n#, check-only\nmsgctxt "organisation"\nmsgid "Duma"\n' in text
    listed = glossary_cli("list", "--pair", "en-ru", "--glossary-dir", str(folder))
    assert "Duma -> Дума  [check-only]  (+2 target forms)" in listed.stdout
    assert glossary_cli("lint", "--glossary-dir", str(folder), "--strict").code == 0
    both = glossary_cli(
        "add", "Rada", "Рада", "--check-only", "--keep", "--pair", "en-ru", "--category", "organisation",
        "--glossary-dir", str(folder),
    )  # fmt: skip
    assert both.code == 2  # one kind at a time


def test_add_a_forbidden_wording(folder: Path) -> None:
    result = glossary_cli(
        "add", "Kharkov", "Kharkiv", "--forbidden", "--pair", "ru-en", "--category", "place",
        "--note", "Source: general knowledge.", "--glossary-dir", str(folder),
    )  # fmt: skip
    assert result.code == 0, result.stderr
    listed = glossary_cli("list", "--pair", "ru-en", "--kind", "forbidden", "--glossary-dir", str(folder))
    assert "Kharkov  [forbidden] -> use Kharkiv" in listed.stdout
    assert glossary_cli("lint", "--glossary-dir", str(folder), "--strict").code == 0


def test_a_new_pair_file_is_created_valid(folder: Path) -> None:
    result = glossary_cli(
        "add", "Kijów", "Kyiv", "--pair", "pl-en", "--category", "place", "--forbid", "Kiev",
        "--note", "Source: general knowledge.", "--glossary-dir", str(folder),
    )  # fmt: skip
    assert result.code == 0, result.stderr
    assert glossary_cli("lint", "--pair", "pl-en", "--glossary-dir", str(folder), "--strict").code == 0


CLI_ERRORS = [
    # a term that is already there
    (["add", "Kiev", "Kyiv", "--pair", "fr-en", "--category", "place"], "already in the glossary"),
    # an edit that would make the glossary conflict
    (["add", "kiev", "Kiew", "--pair", "fr-en", "--category", "title"], "not added: conflicting entries"),
    # no target for a translated term
    (["add", "Lyon", "--pair", "fr-en", "--category", "place"], "no target term"),
    # a kept term cannot have another target
    (["add", "Starlink", "Starling", "--keep", "--pair", "fr-en", "--category", "product"], "not translated"),
    # removing what is not there
    (["remove", "Atlantis", "--pair", "fr-en"], "not in the glossary"),
    # a pair that is not a pair
    (["list", "--pair", "french"], "not a language pair"),
    # a pair with no glossary
    (["list", "--pair", "xx-en"], "no xx-en glossary"),
    # an export format that cannot be told
    (["export", "out.txt", "--pair", "fr-en"], "cannot tell the format"),
    # an import file that is missing
    (["import", "missing.csv", "--pair", "fr-en"], "missing.csv: no such file"),
]


USAGE_ERRORS = [
    # no glossary named
    (["remove", "Kiev"], "which glossary?"),
    # two glossaries named
    (["list", "--pair", "fr-en", "--glossary", "fr-en.po"], "give --glossary or --pair, not both"),
    # a new glossary for a code that names no language (`translate --to xx` is refused the same way)
    (["add", "Bob", "Bob", "--pair", "xx-en", "--category", "person"], "--pair xx-en: xx is not a language code"),
    (["import", "terms.csv", "--pair", "en-zz"], "--pair en-zz: zz is not a language code"),
]


@pytest.mark.parametrize(("args", "message"), USAGE_ERRORS)
def test_command_line_mistakes_are_one_line_and_exit_2(folder: Path, args: list[str], message: str) -> None:
    before = snapshot(folder)
    result = glossary_cli(*args, "--glossary-dir", str(folder))
    assert result.code == 2, result.stdout
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("translator: error: "), result.stderr
    assert message in result.stderr
    assert snapshot(folder) == before


@pytest.mark.parametrize(("args", "message"), CLI_ERRORS)
def test_mistakes_are_one_line_and_exit_1(folder: Path, args: list[str], message: str) -> None:
    before = snapshot(folder)
    result = glossary_cli(*args, "--glossary-dir", str(folder))
    assert result.code == 1, result.stdout
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("translator: error: "), result.stderr
    assert message in result.stderr
    assert snapshot(folder) == before


@pytest.mark.parametrize("extension", ["csv", "tbx"])
def test_export_then_import_changes_nothing(folder: Path, tmp_path: Path, extension: str) -> None:
    before = snapshot(folder)
    exported = tmp_path / f"fr-en.{extension}"
    assert glossary_cli("export", str(exported), "--pair", "fr-en", "--glossary-dir", str(folder)).code == 0
    result = glossary_cli("import", str(exported), "--pair", "fr-en", "--glossary-dir", str(folder))
    assert result.code == 0, result.stderr
    assert "0 added, 0 updated, 43 unchanged" in result.stderr and result.stdout == ""
    assert snapshot(folder) == before


def test_tbx_export_is_read_back_by_translate_toolkit(tmp_path: Path) -> None:
    from translate.storage import tbx

    exported = tmp_path / "ru-en.tbx"
    assert glossary_cli("export", str(exported), "--pair", "ru-en").code == 0
    store = tbx.tbxfile.parsestring(exported.read_bytes())
    units = {unit.source: unit for unit in store.units}
    assert units["Киев"].target == "Kyiv"
    assert "Киева" in [term.text for term in units["Киев"].get_source_terms()]


def test_import_updates_one_entry_with_a_minimal_diff(folder: Path, tmp_path: Path) -> None:
    from translate.storage import csvl10n

    store = csvl10n.csvfile()
    unit = store.addsourceunit("Crimée")
    unit.target = "the Crimea"
    unit.setcontext("place")
    new = store.addsourceunit("Moscou")
    new.target = "Moscow"
    new.setcontext("place")
    new.addnote("Source: general knowledge.", origin="translator")
    path = tmp_path / "changes.csv"
    path.write_bytes(bytes(store))
    before = (folder / "fr-en.po").read_text(encoding="utf-8").splitlines()
    result = glossary_cli("import", str(path), "--pair", "fr-en", "--glossary-dir", str(folder))
    assert result.code == 0, result.stderr
    assert "1 added, 1 updated" in result.stderr
    after = (folder / "fr-en.po").read_text(encoding="utf-8").splitlines()
    removed = [line for line in before if line not in after]
    assert removed == ['msgstr "Crimea"']
    assert 'msgstr "the Crimea"' in after and 'msgid "Moscou"' in after


def test_check_shows_terms_of_a_thread_and_their_rendering(sample_path: Path) -> None:
    result = glossary_cli("check", str(sample_path), "--pair", "fr-en")
    assert result.code == 0, result.stderr
    assert "Sergey Kirienko -> Sergei Kiriyenko  (person)" in result.stdout
    assert "Starlink kept  (product)" in result.stdout
    assert "Kiev -> Kyiv  (place)" in result.stdout


def test_check_picks_the_glossary_of_each_block_language() -> None:
    result = glossary_cli("check", str(DEMO), "--json")
    assert result.code == 0, result.stderr
    rows = json.loads(result.stdout)
    assert {"text": "fusées Falcon 9", "rendering": "Falcon 9 rockets", "pair": "fr-en"}.items() <= next(
        row for row in rows if row["text"] == "fusées Falcon 9"
    ).items()


FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Actualités spatiales</title><link>https://news.example.org/</link>
<item><title>Vladimir Poutine et Starlink</title><link>https://news.example.org/2024/05/poutine-starlink/</link>
<description>Vladimir Poutine a parlé de Starlink avec Elon Musk selon le journal.</description></item>
<item><title>Le lancement est reporté</title><link>https://news.example.org/2024/05/lancement/</link>
<description>SpaceX a reporté le lancement de sa fusée prévu samedi.</description></item>
</channel></rss>
"""


def test_check_goes_through_every_thread_of_a_feed(tmp_path: Path) -> None:
    feed = tmp_path / "news.rss"
    feed.write_text(FEED, encoding="utf-8")
    # It was refused: "holds 2 threads (translate or batch it...)".
    result = glossary_cli("check", str(feed), "--pair", "fr-en")
    assert result.code == 0, result.stderr
    assert "poutine-starlink: article.title  Vladimir Poutine -> Vladimir Putin  (person)" in result.stdout
    assert "lancement: article.p1  SpaceX kept  (organisation)" in result.stdout
    assert result.stdout.splitlines()[-1].endswith("of 2 threads")
    rows = json.loads(glossary_cli("check", str(feed), "--pair", "fr-en", "--json").stdout)
    assert {row["thread"] for row in rows} == {"poutine-starlink", "lancement"}


def test_check_takes_the_demo_thread_as_the_other_thread_commands_do() -> None:
    assert glossary_cli("check", "--demo", "--json").stdout == glossary_cli("check", str(DEMO), "--json").stdout
    assert "Falcon 9 rockets" in glossary_cli("check", "--demo").stdout
    missing = glossary_cli("check")
    assert (missing.code, missing.stderr) == (
        2,
        "translator: error: no thread file given (name a FILE, or pass --demo to try the demo thread)\n",
    )


def test_export_to_stdout(tmp_path: Path) -> None:
    result = run_cli("glossary", "export", "-", "--format", "csv", "--pair", "fr-en", cwd=tmp_path)
    assert result.code == 0, result.stderr
    assert result.stdout.startswith('"location","source","target"')
    assert "entries of fr-en" in result.stderr
    assert list(tmp_path.iterdir()) == []  # no file named "-"


def test_export_into_a_new_folder(tmp_path: Path) -> None:
    result = run_cli("glossary", "export", "out/fr-en.tbx", "--format", "tbx", "--pair", "fr-en", cwd=tmp_path)
    assert result.code == 0, result.stderr
    assert "<termEntry>" in (tmp_path / "out" / "fr-en.tbx").read_text(encoding="utf-8")


def test_help_of_the_main_command_stays_cheap() -> None:
    from tests.test_import_hygiene import modules_after

    loaded = modules_after("import cli.main as c; c.build_parser()")
    assert not {name for name in loaded if name.split(".")[0] in {"polib", "ahocorasick", "translate", "rich"}}


def test_a_plural_without_a_target_of_its_own_lists_the_singular_target() -> None:
    # French into German, made through English: German's file gives no plural, so the plural renders as the
    # singular target (it used to list the French plural as its own translation).
    result = glossary_cli("list", "--pair", "fr-de", "--category", "title")
    assert result.code == 0, result.stderr
    assert "président russe -> russischer Präsident  (plural: présidents russes -> russischer Präsident)" in (
        result.stdout
    )
    assert "présidents russes -> présidents russes" not in result.stdout
