"""Where glossaries live and which one serves a pair: the shipped files, an install's copy, the per-process store."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.test_import_hygiene import modules_after
from translator.errors import GlossaryError
from translator.glossary import INSTALLED_GLOSSARIES, Glossary, GlossaryStore, GlossaryTerm, default_glossary_dir

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


HEADER_ONLY = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: {target}\\n"
"X-Source-Language: {source}\\n"

# Source: test.
msgctxt "place"
msgid "{term}"
msgstr "{rendering}"
"""


def write_glossary(path: Path, source: str, target: str, term: str, rendering: str) -> Path:
    path.write_text(HEADER_ONLY.format(source=source, target=target, term=term, rendering=rendering), encoding="utf-8")
    return path


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "glossaries"
    folder.mkdir()
    write_glossary(folder / "fr-en.po", "fr", "en", "Kiev", "Kyiv")
    return folder


def test_a_pair_is_served_from_the_folder_and_read_once(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from translator.glossary import store as store_module

    reads: list[Path] = []
    real_load = store_module.load_glossary

    def recording_load(path: Path) -> Glossary:
        reads.append(path)
        return real_load(path)

    monkeypatch.setattr(store_module, "load_glossary", recording_load)
    store = GlossaryStore(folder=folder)
    first = store.get("fr", "en")
    assert first is not None and first.pair == "fr-en"
    assert store.get("fr", "en") is first  # no second parse
    assert store.get("de", "en") is None and store.get("de", "en") is None
    assert reads == [folder / "fr-en.po"]


def test_an_explicit_file_serves_its_pair_from_its_header(folder: Path, tmp_path: Path) -> None:
    mine = write_glossary(tmp_path / "mine.po", "fr", "en", "Kiev", "Kyjiw")
    store = GlossaryStore([mine], folder)
    glossary = store.get("fr", "en")
    assert glossary is not None and glossary.path == mine
    assert store.path_for("fr", "en") == mine
    assert store.path_for("de", "en") == folder / "de-en.po"


def test_two_explicit_files_for_one_pair_are_refused(tmp_path: Path) -> None:
    one = write_glossary(tmp_path / "one.po", "fr", "en", "Kiev", "Kyiv")
    two = write_glossary(tmp_path / "two.po", "fr", "en", "Kiev", "Kyjiw")
    with pytest.raises(GlossaryError, match="two fr-en glossaries"):
        GlossaryStore([one, two])


def test_a_broken_explicit_file_is_an_error_at_once(tmp_path: Path) -> None:
    broken = tmp_path / "broken.po"
    broken.write_text('msgid "a"\nmsgstr "b"\nmsgid\n', encoding="utf-8")
    with pytest.raises(GlossaryError, match=r"broken.po:3: msgid must be followed by a \"string\""):
        GlossaryStore([broken])


def test_adding_a_term_refreshes_the_pair(folder: Path) -> None:
    store = GlossaryStore(folder=folder)
    before = store.get("fr", "en")
    assert before is not None and not before.find_terms("à Lyon")
    store.add_term("fr", "en", GlossaryTerm("Lyon", "Lyons", "place", notes="Source: test."))
    after = store.get("fr", "en")
    assert after is not None and [match.text for match in after.find_terms("à Lyon")] == ["Lyon"]
    assert 'msgid "Lyon"' in (folder / "fr-en.po").read_text(encoding="utf-8")


def test_adding_to_a_pair_without_a_file_creates_it(folder: Path) -> None:
    store = GlossaryStore(folder=folder)
    assert store.get("de", "en") is None
    store.add_term("de", "en", GlossaryTerm("Raumfahrt", "spaceflight"))
    glossary = store.get("de", "en")
    assert glossary is not None and glossary.pair == "de-en" and glossary.find_terms("die Raumfahrt")
