"""Fixtures for the review TUI: shipped glossaries to edit, and a file full of markup (the demo thread as
PO and JSON files comes from tests/conftest.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import FIXED_NOW, REPO
from translator.formats.po import render_po
from translator.models import Block, Post, Thread, TranslatedThread, TranslationUnit

INJECTION = "[bold]not bold[/bold] [red]x[/] \x1b[31mansi\x1b[0m [link=http://x]y[/link] $var {x}"


@pytest.fixture
def glossary_dir(tmp_path: Path) -> Path:
    """A copy of the shipped glossaries, so tests may add terms."""
    folder = tmp_path / "glossaries"
    shutil.copytree(REPO / "glossaries", folder)
    return folder


@pytest.fixture
def injection_po(tmp_path: Path) -> Path:
    """A PO file whose source, translation, author and reviewer's note are markup and escape sequences."""
    block = Block("article.p1", "paragraph", INJECTION, lang="fr", lang_confidence=1.0, lang_source="detected")
    post = Post("article", "article", "[b]Mallory[/b]", blocks=(block,))
    thread = Thread("", None, (post,), "text", lang="fr")
    unit = TranslationUnit(block, "article", "fr", "en", INJECTION + " EN", "machine", note="Note: " + INJECTION)
    path = tmp_path / "inject.po"
    path.write_text(render_po(TranslatedThread(thread, "en", (unit,)), now=FIXED_NOW), encoding="utf-8")
    return path
