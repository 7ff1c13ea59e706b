"""Where glossaries live and which one serves a pair: the shipped files, an install's copy, the per-process store."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.test_import_hygiene import modules_after
from translator.glossary import INSTALLED_GLOSSARIES, default_glossary_dir

SHIPPED = sorted(default_glossary_dir().glob("*.po"))


def test_the_five_pairs_are_shipped() -> None:
    assert {path.stem for path in SHIPPED} >= {"fr-en", "ru-en", "uk-en", "de-en", "es-en"}


@pytest.mark.parametrize("path", SHIPPED, ids=lambda path: path.name)
def test_shipped_glossaries_pass_msgfmt_check(path: Path) -> None:
    msgfmt = shutil.which("msgfmt")
    assert msgfmt, "msgfmt is missing: install gettext (apt-get install -y gettext)"
    done = subprocess.run([msgfmt, "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True)
    assert done.returncode == 0 and done.stderr == "", done.stderr


@pytest.mark.parametrize("path", SHIPPED, ids=lambda path: path.name)
def test_shipped_glossaries_pass_lint(path: Path) -> None:
    from translator.glossary.lint import lint_file

    assert [str(issue) for issue in lint_file(path)] == []


def test_importing_the_glossary_stays_cheap() -> None:
    loaded = modules_after("import translator.glossary, cli.glossary")
    assert not {name for name in loaded if name.split(".")[0] in {"polib", "ahocorasick", "translate", "lxml"}}


def test_an_install_without_the_checkout_finds_its_copy_of_the_glossaries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sysconfig

    import translator

    site = tmp_path / "site-packages" / "translator"
    site.mkdir(parents=True)
    monkeypatch.setattr(translator, "__file__", str(site / "__init__.py"))
    monkeypatch.setattr(sysconfig, "get_path", lambda name, scheme: str(tmp_path / scheme))
    installed = tmp_path / "posix_user" / "share" / "thread-translator" / "glossaries"
    installed.mkdir(parents=True)
    assert default_glossary_dir() == installed  # a user install
    prefix = tmp_path / sysconfig.get_default_scheme() / "share" / "thread-translator" / "glossaries"
    prefix.mkdir(parents=True)
    assert default_glossary_dir() == prefix  # the environment's own install wins


def test_the_wheel_ships_every_glossary() -> None:
    import tomllib

    config = tomllib.loads((Path(__file__).parent.parent.parent / "pyproject.toml").read_text())
    data_files = config["tool"]["setuptools"]["data-files"]
    patterns = data_files["/".join(INSTALLED_GLOSSARIES.parts)]
    shipped = {path.name for pattern in patterns for path in Path(__file__).parent.parent.parent.glob(pattern)}
    assert {path.name for path in SHIPPED} <= shipped and "README.md" in shipped
