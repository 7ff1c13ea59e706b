"""Finding, installing and removing Argos packages: validated, atomic, offline (local index only)."""

from __future__ import annotations

import functools
import hashlib
import http.server
import json
import threading
import zipfile
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import run_cli
from translator.engine.store import (
    ModelStore,
    argos_package_dirs,
    available_packages,
    index_url,
    install_from_index,
    install_package_file,
    remove_package,
)
from translator.errors import ModelStoreError

METADATA = {"package_version": "1.2", "argos_version": "1.0", "from_code": "xx", "to_code": "yy", "type": "translate"}


def make_package(
    path: Path, top: str = "translate-xx_yy", metadata: object = METADATA, extra: Mapping[str, bytes] | None = None
) -> Path:
    """A zip shaped like an Argos package (the model files are stand-ins: these tests never load them), with
    `extra` members (name: content) beside it."""
    with zipfile.ZipFile(path, "w") as archive:
        if metadata is not None:
            archive.writestr(f"{top}/metadata.json", json.dumps(metadata))
        archive.writestr(f"{top}/model/model.bin", b"weights")
        archive.writestr(f"{top}/sentencepiece.model", b"spm")
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return path


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"ARGOS_PACKAGES_DIR": "/p"}, ["/p"]),  # argostranslate's own variable wins
        ({"XDG_DATA_HOME": "/d"}, ["/d/argos-translate/packages"]),  # the XDG data dir
        ({"XDG_DATA_HOME": "/d", "ARGOS_TRANSLATE_PACKAGE_DIR": "/old"}, ["/d/argos-translate/packages", "/old"]),
    ],
)
def test_argos_package_dirs(env: dict[str, str], expected: list[str]) -> None:
    assert argos_package_dirs(env) == [Path(p) for p in expected]


def test_install_list_and_remove(tmp_path: Path) -> None:
    target = tmp_path / "packages"
    package = install_package_file(make_package(tmp_path / "p.argosmodel"), target)
    assert (package.pair, package.version, package.path) == ("xx-yy", "1.2", target / "translate-xx_yy")
    store = ModelStore([target], include_bundled=False)
    assert [p.pair for p in store.packages()] == ["xx-yy"]
    assert store.find("xx", "yy") is not None
    remove_package(store, "xx", "yy")
    assert store.packages() == []
    assert list(target.iterdir()) == []


def test_reinstall_replaces_the_old_copy(tmp_path: Path) -> None:
    target = tmp_path / "packages"
    install_package_file(make_package(tmp_path / "a.argosmodel"), target)
    newer = make_package(tmp_path / "b.argosmodel", metadata={**METADATA, "package_version": "2.0"})
    assert install_package_file(newer, target).version == "2.0"
    assert [p.name for p in target.iterdir()] == ["translate-xx_yy"]


def write_bytes(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def corrupt_zip(path: Path) -> Path:
    make_package(path)
    data = bytearray(path.read_bytes())
    data[60:80] = b"\xff" * 20  # damage the first member's compressed data
    path.write_bytes(bytes(data))
    return path


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda p: write_bytes(p, b"not a zip at all"), "not a zip archive"),  # a random file
        (corrupt_zip, "corrupt"),  # damaged bytes
        (lambda p: make_package(p, extra={"../evil.txt": b"x"}), "unsafe path"),  # escapes the folder
        (lambda p: make_package(p, extra={"/etc/evil": b"x"}), "unsafe path"),  # absolute path
        (lambda p: make_package(p, metadata=None), "no metadata.json"),  # no metadata
        (lambda p: make_package(p, extra={"other/readme": b"x"}), "must hold one package folder"),  # two folders
        (lambda p: make_package(p, metadata=[1, 2]), "not a JSON object"),  # metadata of the wrong shape
        (lambda p: make_package(p, metadata={"type": "translate"}), "no from_code/to_code"),  # incomplete
    ],
)
def test_bad_packages_are_rejected_and_leave_nothing(
    tmp_path: Path, build: Callable[[Path], Path], message: str
) -> None:
    archive = build(tmp_path / "bad.argosmodel")
    target = tmp_path / "packages"
    with pytest.raises(ModelStoreError, match=message):
        install_package_file(archive, target)
    assert not target.exists() or list(target.iterdir()) == []


def test_package_without_model_folder_is_rejected(tmp_path: Path) -> None:
    archive = tmp_path / "nomodel.argosmodel"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("translate-xx_yy/metadata.json", json.dumps(METADATA))
    with pytest.raises(ModelStoreError, match="no model/ folder"):
        install_package_file(archive, tmp_path / "packages")


def test_symlink_member_is_rejected(tmp_path: Path) -> None:
    archive = make_package(tmp_path / "link.argosmodel")
    with zipfile.ZipFile(archive, "a") as zipped:
        link = zipfile.ZipInfo("translate-xx_yy/model/link")
        link.external_attr = 0o120777 << 16
        zipped.writestr(link, "/etc/passwd")
    with pytest.raises(ModelStoreError, match="symbolic link"):
        install_package_file(archive, tmp_path / "packages")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a folder without writing a line per request to the test's output."""

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def local_index(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """An Argos-style package index served over HTTP on 127.0.0.1."""
    served = tmp_path / "served"
    served.mkdir()
    package = make_package(served / "translate-xx_yy-1_2.argosmodel")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(served)))
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    entry = {**METADATA, "code": "translate-xx_yy", "links": [base + package.name]}
    entry["sha256"] = hashlib.sha256(package.read_bytes()).hexdigest()
    (served / "index.json").write_text(json.dumps([entry, {"type": "sbd", "links": ["x"]}]))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield base, served
    finally:
        server.shutdown()
        server.server_close()


def test_install_from_a_local_http_index(local_index: tuple[str, Path], tmp_path: Path) -> None:
    base, _ = local_index
    assert [(p.from_code, p.to_code) for p in available_packages(base + "index.json")] == [("xx", "yy")]
    package = install_from_index("xx", "yy", tmp_path / "packages", url=base + "index.json")
    assert package.pair == "xx-yy"


def test_checksum_mismatch_is_refused(local_index: tuple[str, Path], tmp_path: Path) -> None:
    base, served = local_index
    index = json.loads((served / "index.json").read_text())
    index[0]["sha256"] = "0" * 64
    (served / "index.json").write_text(json.dumps(index))
    with pytest.raises(ModelStoreError, match="checksum mismatch"):
        install_from_index("xx", "yy", tmp_path / "packages", url=base + "index.json")
    assert not (tmp_path / "packages").exists()


def test_install_from_a_file_url_index(tmp_path: Path) -> None:
    package = make_package(tmp_path / "pkg.argosmodel")
    entry = {**METADATA, "links": [package.as_uri()]}
    (tmp_path / "index.json").write_text(json.dumps([entry]))
    installed = install_from_index("xx", "yy", tmp_path / "packages", url=(tmp_path / "index.json").as_uri())
    assert installed.version == "1.2"


def test_missing_pair_in_index_names_the_pair(local_index: tuple[str, Path], tmp_path: Path) -> None:
    base, _ = local_index
    with pytest.raises(ModelStoreError, match="no fr->de package"):
        install_from_index("fr", "de", tmp_path / "p", url=base + "index.json")


def test_cli_install_of_a_pair_the_index_lacks_asks_the_index_only(tmp_path: Path) -> None:
    # One line naming the pair, nothing installed, and no request but the index's (the netguard of run_cli
    # refuses any other address, which would be another line).
    served = tmp_path / "served"
    served.mkdir()
    (served / "index.json").write_text(json.dumps([{**METADATA, "links": ["http://example.invalid/x.argosmodel"]}]))
    requests: list[str] = []

    class Recording(http.server.SimpleHTTPRequestHandler):
        def do_GET(self) -> None:
            requests.append(self.path)
            super().do_GET()

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0),
        lambda *args: Recording(*args, directory=str(served)),
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        result = run_cli(
            "models", "install", "fr", "de", ARGOS_PACKAGE_INDEX=base, ARGOS_PACKAGES_DIR=str(tmp_path / "a")
        )
    finally:
        server.shutdown()
        server.server_close()
    assert result.code == 1
    assert result.stderr == (
        "translator: error: the package index has no fr->de package (see `translator models list --available`, "
        "or install a file: translator models install FILE.argosmodel)\n"
    )
    assert requests == ["/index.json"]
    assert not (tmp_path / "a").exists()


def test_index_url_honours_the_environment() -> None:
    assert index_url({"ARGOS_PACKAGE_INDEX": "file:///srv/argos/"}) == "file:///srv/argos/index.json"
    assert index_url({}).endswith("/index.json")


def test_cli_install_from_index_and_list(local_index: tuple[str, Path], tmp_path: Path) -> None:
    base, _ = local_index
    packages = tmp_path / "argos"
    installed = run_cli("models", "install", "xx", "yy", ARGOS_PACKAGE_INDEX=base, ARGOS_PACKAGES_DIR=str(packages))
    assert installed.code == 0, installed.stderr
    # what was done is a status line, on stderr as every command's; stdout is for data (the list)
    assert installed.stdout == "" and installed.stderr.startswith("Installed xx-yy (version ")
    assert (packages / "translate-xx_yy" / "metadata.json").is_file()
    listed = run_cli("models", "list", ARGOS_PACKAGES_DIR=str(packages))
    assert "xx-yy" in listed.stdout and "argos" in listed.stdout
    removed = run_cli("models", "remove", "xx", "yy", ARGOS_PACKAGES_DIR=str(packages))
    assert removed.code == 0 and not (packages / "translate-xx_yy").exists()
    assert removed.stdout == "" and removed.stderr.startswith("Removed xx-yy from ")


def test_cli_rejects_a_bad_package_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.argosmodel"
    bad.write_bytes(b"garbage")
    result = run_cli("models", "install", str(bad), ARGOS_PACKAGES_DIR=str(tmp_path / "argos"))
    assert result.code == 1
    assert "not a zip archive" in result.stderr and result.stderr.count("\n") == 1


def test_cli_unreachable_index_is_one_line(tmp_path: Path) -> None:
    result = run_cli("models", "install", "fr", "en", ARGOS_PACKAGE_INDEX="http://127.0.0.1:9/")
    assert result.code == 1
    assert "cannot download" in result.stderr and "Traceback" not in result.stderr


def test_cli_install_with_one_code_asks_for_a_pair(tmp_path: Path) -> None:
    result = run_cli("models", "install", "fr", ARGOS_PACKAGES_DIR=str(tmp_path / "argos"), cwd=tmp_path)
    assert result.code == 2
    assert result.stderr == (
        "translator: error: fr is one language: give a pair (FROM TO) or one package file "
        "(e.g. translator models install fr en)\n"
    )


def test_cli_remove_of_a_pair_not_installed_is_one_plain_line(tmp_path: Path) -> None:
    result = run_cli("models", "remove", "fr", "de", ARGOS_PACKAGES_DIR=str(tmp_path / "argos"))
    assert (result.code, result.stderr) == (
        1,
        "translator: error: no installed package for fr->de (see what is installed with `translator models "
        "list`; bundled demo models cannot be removed)\n",
    )
