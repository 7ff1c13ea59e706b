"""Memory alternatives, inserting by number (list and editor), sentence alignment, approved work into the memory."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import ContentSwitcher

from tests.fakes import FakeEngine
from tests.tui.test_app import SIZE, current_id, make_app, sync
from translator.memory.lookup import MemoryLookup
from translator.memory.store import MemoryEntry, MemoryOrigin, TranslationMemory
from translator.pipeline import PipelineOptions, translate_thread
from translator.readers import read_thread
from tui.alternatives import aligned_spans
from tui.widgets import AlignedView, InfoPanel, TargetEditor

TWO = "c4.p1"
"""A demo block of two sentences (its fake translation has two as well)."""


@pytest.mark.parametrize(
    ("source", "target", "pairs"),
    [
        # two sentences on each side: aligned pair by pair
        ("Bonjour. Ça va ?", "Hello. How are you?", [("Bonjour.", "Hello."), ("Ça va ?", "How are you?")]),
        # one sentence: nothing to align, the whole block is shown
        ("Bonjour tout le monde.", "Hello everyone.", None),
        # counts differ: the whole block is shown
        ("Bonjour. Ça va ?", "Hello, how are you?", None),
        # no translation yet
        ("Bonjour. Ça va ?", "", None),
    ],
)
def test_aligned_spans(source: str, target: str, pairs: list[tuple[str, str]] | None) -> None:
    spans = aligned_spans(source, "fr", target, "en")
    found = None if spans is None else [(source[a:b], target[c:d]) for (a, b), (c, d) in spans]
    assert found == pairs


def memory_with(path: Path, source: str, *entries: tuple[str, MemoryOrigin, str]) -> Path:
    """A memory holding translations (text, origin, model) of one French source."""
    TranslationMemory(path).store(
        MemoryEntry("fr", "en", source, text, origin, model) for text, origin, model in entries
    )
    return path


@sync
async def test_memory_alternatives_are_numbered_after_terms(demo_po: Path, glossary_dir: Path, tmp_path: Path) -> None:
    app = make_app(demo_po, glossary_dir)
    async with app.run_test(size=SIZE):
        title = app.session.unit(current_id(app))
    memory = memory_with(
        tmp_path / "tm.sqlite",
        "  " + title.block.text + " ",  # normalised: the same source
        ("Ariane 6 puts three satellites in orbit", "human", ""),
        ("Ariane 6 places 3 satellites into orbit", "machine", "another-model"),
    )
    app = make_app(demo_po, glossary_dir, memory_path=memory)
    async with app.run_test(size=SIZE) as pilot:
        assert len(app.hits) == 1  # Ariane 6
        assert [(a.origin, a.text) for a in app.alternatives] == [
            ("memory, reviewed", "Ariane 6 puts three satellites in orbit"),
            ("memory, machine", "Ariane 6 places 3 satellites into orbit"),
        ]
        info = str(app.query_one(InfoPanel).render())
        assert "2 memory, reviewed: Ariane 6 puts three" in info and "3 memory, machine:" in info
        await pilot.press("2")  # an alternative replaces the translation
        unit = app.session.unit(current_id(app))
        assert unit.target == "Ariane 6 puts three satellites in orbit" and unit.previous == title.target
        # the machine text it replaced is an alternative now, so it can be put back
        assert app.alternatives[-1].origin == "earlier machine text"
        await pilot.press(str(len(app.hits) + len(app.alternatives)))
        assert app.session.unit(current_id(app)).target == title.target
        await pilot.press("9")
        assert app.session.unit(current_id(app)).target == title.target  # no item 9: nothing


@sync
async def test_memory_alternative_joined_by_sentence(demo_po: Path, glossary_dir: Path, tmp_path: Path) -> None:
    memory = TranslationMemory(tmp_path / "tm.sqlite")
    memory.store(
        [
            MemoryEntry("fr", "en", "Exactement !", "Precisely!", "human"),
            MemoryEntry("fr", "en", "Le programme Themis doit tester un premier étage réutilisable.", "T…", "machine"),
        ]
    )
    app = make_app(demo_po, glossary_dir, memory_path=memory.path)
    async with app.run_test(size=SIZE):
        app.go(TWO)
        assert [(a.origin, a.text) for a in app.alternatives] == [("memory by sentence, machine", "Precisely! T…")]


@sync
async def test_insert_at_the_cursor_while_editing(demo_po: Path, glossary_dir: Path, tmp_path: Path) -> None:
    app = make_app(demo_po, glossary_dir)
    async with app.run_test(size=SIZE) as pilot:
        rendering, machine = app.hits[0].rendering, app.session.unit(current_id(app)).target
        await pilot.press("e", "f7", "backspace", "escape")  # emptied: the machine text becomes alternative 2
        # Alt+1 (as kitty-protocol terminals send it): term 1 at the cursor
        await pilot.press("e", *"The ", "alt+1", *" rocket")
        editor = app.query_one(TargetEditor)
        assert editor.text == f"The {rendering} rocket"
        await pilot.press("ctrl+g", "1")  # Ctrl+G then a digit: the same, in every terminal
        assert editor.text == f"The {rendering} rocket{rendering}"
        await pilot.press("ctrl+g", "x")  # any other key cancels and types as usual
        assert editor.text.endswith(f"{rendering}x")
        await pilot.press("ctrl+g", "escape")  # Esc cancels without leaving the editor
        assert app.editing
        await pilot.press("shift+home", "alt+2")  # an alternative (the machine text) replaces the selection
        assert editor.text == machine
        await pilot.press("ctrl+g", "7")  # no such item: a warning, nothing typed
        assert editor.text == machine and app.editing
        await pilot.press("left", "1")  # a plain digit still types
        assert editor.text == machine[:-1] + "1" + machine[-1]


@sync
async def test_sentences_side_by_side(demo_po: Path, glossary_dir: Path) -> None:
    app = make_app(demo_po, glossary_dir)
    async with app.run_test(size=SIZE) as pilot:
        switcher = app.query_one("#pair-switcher", ContentSwitcher)
        assert switcher.current == "pair"  # the title is one sentence
        app.go(TWO)
        await pilot.pause()
        assert switcher.current == "aligned-scroll"
        rows = [(source.plain, target.plain) for source, target in app.query_one(AlignedView).rows]
        assert rows == [
            ("Exactement !", "EN: Exactement !"),
            ("Le programme Themis doit tester un premier étage réutilisable.", rows[1][1]),
        ]
        await pilot.press("e")  # the editor needs the whole block
        assert switcher.current == "pair"
        await pilot.press("escape")
        assert switcher.current == "aligned-scroll"
        await pilot.press("s")  # whole blocks on request
        assert switcher.current == "pair"
        await pilot.press("s")
        assert switcher.current == "aligned-scroll"


@sync
async def test_approved_work_feeds_the_memory(demo_po: Path, glossary_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "tm.sqlite"
    app = make_app(demo_po, glossary_dir, memory_path=path)
    async with app.run_test(size=SIZE) as pilot:
        app.go(TWO)
        await pilot.press("e", "f7", "backspace", *"Exactly! Themis must test a reusable first stage.", "f2")
        await pilot.press("e", "f7", "backspace", *"A draft, not approved.", "escape", "ctrl+s")
        assert app.session.remember_approved() == 0  # stored once
    memory = TranslationMemory(path)
    human = [entry for entry in memory.entries("fr", "en") if entry.origin == "human"]
    assert [(entry.source, entry.target) for entry in human] == [
        ("Exactement ! Le programme Themis doit tester un premier étage réutilisable.", human[0].target)
    ]
    assert human[0].target == "Exactly! Themis must test a reusable first stage."
    # the next translation of the thread reuses the reviewed text
    from tests.conftest import DEMO

    again = translate_thread(
        read_thread(DEMO).thread, PipelineOptions(target="en"), FakeEngine(), memory=MemoryLookup(memory)
    )
    unit = next(unit for unit in again.units if unit.block.id == TWO)
    assert (unit.target, unit.origin, unit.status) == (human[0].target, "memory", "reviewed")
