"""`translator review`: what the command hands the app (the app itself is tested in tests/tui/)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from cli.main import main
from tests.conftest import REPO
from translator.engine.store import BUNDLED_DIR


def test_review_takes_the_glossary_folder_and_models_folders_translate_takes(
    demo_po: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.app import ReviewApp

    glossaries = tmp_path / "glossaries"
    shutil.copytree(REPO / "glossaries", glossaries)
    models = tmp_path / "models"
    models.mkdir()
    shutil.copy(BUNDLED_DIR / "translate-de_en-demo.argosmodel", models / "translate-de_en.argosmodel")
    opened: list[ReviewApp] = []

    def run(app: ReviewApp, *args: Any, **kwargs: Any) -> None:
        opened.append(app)

    monkeypatch.setattr(ReviewApp, "run", run)
    monkeypatch.setattr("cli.review.interactive_terminal", lambda: True)  # pytest captures stdin and stdout
    code = main(["review", str(demo_po), "--glossary-dir", str(glossaries), "--models-dir", str(models)])
    assert code == 0
    [app] = opened
    assert app.glossaries.folder == glossaries
    # Re-translating (`t`) uses the packages of --models-dir, not only the usual folders.
    engine = app.get_engine()
    while not hasattr(engine, "package"):  # the Argos engine inside the link guard and the pivot
        engine = engine.engine
    assert engine.package("de", "en").origin == "models-dir"
