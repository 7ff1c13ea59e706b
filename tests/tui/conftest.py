"""Fixtures for the review TUI: the demo thread translated by the fake engine, as PO and JSON files."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.conftest import DEMO, REPO
from tests.fakes import FakeEngine
from translator.formats.json import render_json
from translator.formats.po import render_po
from translator.glossary import GlossaryStore
from translator.models import Block, Post, Thread, TranslatedThread, TranslationUnit
from translator.pipeline import PipelineOptions, translate_thread
from translator.readers import read_thread

FIXED_NOW = datetime(2025, 1, 1, tzinfo=UTC)
INJECTION = "[bold]not bold[/bold] [red]x[/] \x1b[31mansi\x1b[0m [link=http://x]y[/link] $var {x}"


@pytest.fixture(scope="session")
def demo_translated() -> TranslatedThread:
    thread = read_thread(DEMO).thread
    return translate_thread(
        thread, PipelineOptions(target="en", use_memory=False), FakeEngine(), glossary_for=GlossaryStore().get
    )


@pytest.fixture
def glossary_dir(tmp_path: Path) -> Path:
    """A copy of the shipped glossaries, so tests may add terms."""
    folder = tmp_path / "glossaries"
    shutil.copytree(REPO / "glossaries", folder)
    return folder


@pytest.fixture
def demo_po(tmp_path: Path, demo_translated: TranslatedThread) -> Path:
    path = tmp_path / "demo.po"
    path.write_text(render_po(demo_translated, now=FIXED_NOW), encoding="utf-8")
    return path


@pytest.fixture
def demo_json(tmp_path: Path, demo_translated: TranslatedThread) -> Path:
    path = tmp_path / "demo.json"
    path.write_text(render_json(demo_translated), encoding="utf-8")
    return path


@pytest.fixture
def injection_po(tmp_path: Path) -> Path:
    """A PO file whose source, translation and author are markup and escape sequences."""
    block = Block("article.p1", "paragraph", INJECTION, lang="fr", lang_confidence=1.0, lang_source="detected")
    post = Post("article", "article", "[b]Mallory[/b]", blocks=(block,))
    thread = Thread("", None, (post,), "text", lang="fr")
    unit = TranslationUnit(block, "article", "fr", "en", INJECTION + " EN", "machine")
    path = tmp_path / "inject.po"
    path.write_text(render_po(TranslatedThread(thread, "en", (unit,)), now=FIXED_NOW), encoding="utf-8")
    return path
