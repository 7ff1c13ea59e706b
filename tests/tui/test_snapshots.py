"""How the review app looks, at 80x24 and 160x48 (pytest-textual-snapshot; update with --snapshot-update)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tui.app import ReviewApp


def make_app(path: Path, glossary_dir: Path) -> ReviewApp:
    return ReviewApp(path, glossary_dir=glossary_dir, autosave_seconds=0, journal=False)


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
