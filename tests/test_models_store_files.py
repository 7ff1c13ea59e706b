"""Package files in a --models-dir folder: used as they are (checked and extracted once into the cache, as
`models install` would), listed, and a damaged one skipped with a warning naming it and the fix."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.test_models_store import METADATA, corrupt_zip, make_package, write_bytes
from translator.engine.store import BUNDLED_DIR, ModelStore, package_files_cache_dir, remove_package
from translator.errors import ModelStoreError


def test_a_package_file_in_a_models_folder_is_used_and_extracted_once(tmp_path: Path) -> None:
    folder = tmp_path / "downloads"
    folder.mkdir()
    archive = make_package(folder / "translate-xx_yy-1_2.argosmodel")
    [package] = ModelStore([folder], include_bundled=False).packages()
    assert (package.pair, package.version, package.origin, package.archive) == ("xx-yy", "1.2", "models-dir", archive)
    assert package.path.is_relative_to(package_files_cache_dir())
    assert (package.path / "model" / "model.bin").read_bytes() == b"weights"
    # a second process finds the same extraction instead of extracting again
    marker = package.path / "model" / "seen"
    marker.write_text("x")
    [again] = ModelStore([folder], include_bundled=False).packages()
    assert again.path == package.path and marker.exists()
    # a changed file is extracted anew, and the copy of the old one goes
    make_package(archive, metadata={**METADATA, "package_version": "2.0"})
    os.utime(archive, ns=(1, 1))
    [newer] = ModelStore([folder], include_bundled=False).packages()
    assert newer.version == "2.0" and not package.path.exists()


def test_package_folders_come_before_package_files_of_the_same_folder(tmp_path: Path) -> None:
    folder = tmp_path / "models"
    make_package(folder.parent / "tmp.argosmodel")
    shutil.unpack_archive(folder.parent / "tmp.argosmodel", folder, "zip")
    make_package(folder / "other.argosmodel", top="translate-xx_yy-b", metadata={**METADATA, "package_version": "9"})
    store = ModelStore([folder], include_bundled=False)
    assert [(p.version, p.archive is None) for p in store.packages()] == [("1.2", True), ("9", False)]
    found = store.find("xx", "yy")
    assert found is not None and found.version == "1.2"


DAMAGED = [
    (lambda p: write_bytes(p, b"not a zip at all"), "not a zip archive"),  # a random file
    (corrupt_zip, "corrupt"),  # damaged bytes
    (lambda p: make_package(p, extra={"../evil.txt": b"x"}), "unsafe path"),  # escapes the folder
    (lambda p: make_package(p, metadata=None), "no metadata.json"),  # no metadata
    (lambda p: make_package(p, metadata={**METADATA, "type": "sbd"}), "not a translation model"),  # wrong kind
]


@pytest.mark.parametrize(("build", "problem"), DAMAGED)
def test_a_damaged_package_file_is_skipped_and_named(
    tmp_path: Path, build: Callable[[Path], Path], problem: str
) -> None:
    folder = tmp_path / "downloads"
    folder.mkdir()
    make_package(folder / "good.argosmodel")
    bad = build(folder / "bad.argosmodel")
    store = ModelStore([folder], include_bundled=False)
    assert [p.archive for p in store.packages()] == [folder / "good.argosmodel"]
    [skipped] = store.skipped()
    assert skipped.path == bad and problem in skipped.problem
    assert "translator models install" in skipped.hint
    # remembered as damaged: the next store says the same without extracting anything
    assert [s.problem for s in ModelStore([folder], include_bundled=False).skipped()] == [skipped.problem]
    assert not [p for p in package_files_cache_dir().glob(".extract-*")]


def test_a_package_from_a_file_is_removed_by_removing_the_file(tmp_path: Path) -> None:
    folder = tmp_path / "downloads"
    folder.mkdir()
    archive = make_package(folder / "x.argosmodel")
    with pytest.raises(ModelStoreError, match=f"comes from the package file {archive}"):
        remove_package(ModelStore([folder], include_bundled=False), "xx", "yy")
    assert archive.exists()


def test_cli_lists_package_files_and_warns_about_damaged_ones(tmp_path: Path) -> None:
    folder = tmp_path / "downloads"
    folder.mkdir()
    shutil.copy(BUNDLED_DIR / "translate-de_en-demo.argosmodel", folder / "translate-de_en.argosmodel")
    (folder / "broken.argosmodel").write_bytes(b"truncated download")
    listed = run_cli("models", "list", "--models-dir", str(folder), COLUMNS="400")
    assert listed.code == 0, listed.stderr
    [row] = [line for line in listed.stdout.splitlines() if "de-en" in line and "models-dir" in line]
    assert str(folder / "translate-de_en.argosmodel") in row
    [warning] = listed.stderr.splitlines()
    assert warning.startswith(f"translator: warning: skipped {folder / 'broken.argosmodel'}: ")
    assert "not a zip archive" in warning and "translator models install" in warning


def test_cli_translates_with_a_package_file_and_warns_once(tmp_path: Path) -> None:
    folder = tmp_path / "downloads"
    folder.mkdir()
    shutil.copy(BUNDLED_DIR / "translate-fr_en-demo.argosmodel", folder / "fr-en.argosmodel")
    (folder / "broken.argosmodel").write_bytes(b"")
    done = run_cli("translate-text", "Le prochain vol aura lieu en juin.", "--from", "fr", "--models-dir", str(folder))
    assert done.code == 0, done.stderr
    assert "The next flight will take place in June." in done.stdout
    assert done.stderr.count("skipped") == 1 and "broken.argosmodel" in done.stderr
    # a thread too, through the batch job settings
    out = tmp_path / "out.po"
    done = run_cli("translate", "--demo", "-o", str(out), "--no-memory", "--models-dir", str(folder))
    assert done.code == 0, done.stderr
    assert done.stderr.count("skipped") == 1 and "broken.argosmodel" in done.stderr


def test_cli_list_shows_a_long_path_whole_at_80_columns(tmp_path: Path) -> None:
    folder = tmp_path / "a-models-folder-with-a-name-long-enough-to-pass-the-column" / "below-it"
    folder.mkdir(parents=True)
    shutil.copy(BUNDLED_DIR / "translate-de_en-demo.argosmodel", folder / "translate-de_en.argosmodel")
    listed = run_cli("models", "list", "--models-dir", str(folder), COLUMNS="80")
    assert listed.code == 0, listed.stderr
    assert "…" not in listed.stdout
    # Folded onto several lines of its cell, the path is all there.
    cells = [line.split("│")[-2].strip() for line in listed.stdout.splitlines() if line.count("│") == 6]
    assert str(folder / "translate-de_en.argosmodel") in "".join(cells)
