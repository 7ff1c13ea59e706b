"""How the review app looks, at 80x24 and 160x48 (pytest-textual-snapshot; update with --snapshot-update)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from translator.memory.store import MemoryEntry, TranslationMemory
from tui.app import ReviewApp


def make_app(path: Path, glossary_dir: Path, memory: Path | None = None) -> ReviewApp:
    return ReviewApp(path, glossary_dir=glossary_dir, autosave_seconds=0, journal=False, memory_path=memory)


@pytest.mark.parametrize("size", [(80, 24), (160, 48)], ids=["80x24", "160x48"])
def test_review_layout(snap_compare: Any, demo_po: Path, glossary_dir: Path, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(demo_po, glossary_dir), terminal_size=size, press=["j", "j"])


@pytest.mark.parametrize("size", [(80, 24), (160, 48)], ids=["80x24", "160x48"])
def test_editing_light_theme(snap_compare: Any, demo_po: Path, glossary_dir: Path, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(demo_po, glossary_dir), terminal_size=size, press=["ctrl+t", "a", "e"])


def test_markup_injection_looks(snap_compare: Any, injection_po: Path, glossary_dir: Path) -> None:
    assert snap_compare(make_app(injection_po, glossary_dir), terminal_size=(80, 24))


def test_help_screen(snap_compare: Any, demo_po: Path, glossary_dir: Path) -> None:
    assert snap_compare(make_app(demo_po, glossary_dir), terminal_size=(80, 24), press=["question_mark"])


@pytest.mark.parametrize("size", [(80, 24), (160, 48)], ids=["80x24", "160x48"])
def test_sentences_and_alternatives(
    snap_compare: Any, demo_po: Path, glossary_dir: Path, tmp_path: Path, size: tuple[int, int]
) -> None:
    source = "Exactement ! Le programme Themis doit tester un premier étage réutilisable."
    memory = TranslationMemory(tmp_path / "tm.sqlite")
    memory.store([MemoryEntry("fr", "en", source, "Exactly! Themis has to test a reusable first stage.", "human")])

    async def go(pilot: Any) -> None:
        pilot.app.go("c4.p1")
        await pilot.pause()

    app = make_app(demo_po, glossary_dir, memory.path)
    assert snap_compare(app, terminal_size=size, run_before=go)
