"""The tree of `translator inspect` drawn in linear time is the tree rich draws, byte for byte: rich's own
Tree is the reference, on real threads and on generated labels of every shape (wrapping, folding, wide and
zero-width characters, tabs, styles changing inside a line), plain, in colour and in ASCII."""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import get_character_cell_size
from rich.console import Console
from rich.text import Text
from rich.tree import Tree

from cli.inspect_view import build_tree
from cli.linear_tree import ONE_CELL_EACH, LinearTree, wrap_one_cell_text
from tests.conftest import DEMO, SAMPLE
from translator.detect.detector import LanguageDetector, detect_languages
from translator.readers import read_thread

# Console's keyword arguments.
CONSOLES: dict[str, dict[str, Any]] = {
    # A pipe or a file: no colour, 80 columns.
    "plain": {},
    # A terminal in colour.
    "colour": {"force_terminal": True, "color_system": "truecolor"},
    # A terminal in 16 colours, narrow.
    "narrow": {"force_terminal": True, "color_system": "standard", "width": 33},
}


def drawn(renderable: object, width: int = 80, **options: Any) -> str:
    out = io.StringIO()
    Console(file=out, width=width, highlight=False, **options).print(renderable)
    return out.getvalue()


def ascii_drawn(renderable: object, width: int) -> bytes:
    """Drawn on a console that can only write ASCII (the guides become `+--`)."""
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="ascii", errors="replace")
    Console(file=stream, width=width, highlight=False).print(renderable)
    stream.flush()
    return raw.getvalue()


@pytest.mark.parametrize("path", [DEMO, SAMPLE], ids=["demo", "sample"])
@pytest.mark.parametrize("console", list(CONSOLES))
def test_real_threads_draw_as_rich_draws_them(path: Path, console: str) -> None:
    thread = detect_languages(read_thread(path).thread, LanguageDetector(("fr", "en", "de")))
    tree = build_tree(thread)
    options = dict(CONSOLES[console])
    width = int(options.pop("width", 80))
    assert drawn(LinearTree(tree), width, **options) == drawn(tree, width, **options)


texts = st.lists(
    st.sampled_from(
        [
            *"ab éЖ-.,!",  # one-cell letters and punctuation
            " ",  # runs of spaces, at the start, the end, everywhere
            "\u00a0",  # a no-break space: a space to the wrapper, not to the eye
            "\u202f",  # the narrow no-break space of French typography
            "漢",  # two cells wide
            "\u0301",  # a combining accent: no cell of its own
            "\u00ad",  # a soft hyphen: no cell
            "\t",  # a tab: rich expands it
            "😀",  # an emoji, two cells
            "\u200d",  # a zero-width joiner: joins what is around it
            "\x1b",  # a control character (kept as it is: visible() escapes them before the tree)
            "\n",  # a new line inside a label
            "x" * 25,  # a word longer than a narrow line: folded
            "⟦T1⟧",  # a glossary placeholder
        ]
    ),
    max_size=30,
).map("".join)
styles = st.sampled_from(["", "dim", "bold cyan", "italic", "magenta on black", "bold yellow"])


@st.composite
def labels(draw: st.DrawFn) -> Text:
    """A label as build_tree makes them (a style, then parts appended with styles of their own), or with
    a span starting inside a line."""
    label = Text(draw(texts), style=draw(styles))
    for _ in range(draw(st.integers(0, 2))):
        label.append(draw(texts), style=draw(styles))
    if draw(st.booleans()) and len(label) > 2:
        start = draw(st.integers(0, len(label) - 1))
        label.stylize(draw(styles) or "underline", start, draw(st.integers(start, len(label))))
    return label


@st.composite
def trees(draw: st.DrawFn) -> Tree:
    """A tree of up to 12 labelled nodes, nested up to 5 deep."""
    root = Tree(draw(labels()))
    nodes = [(root, 0)]
    for _ in range(draw(st.integers(0, 11))):
        parent, depth = draw(st.sampled_from([node for node in nodes if node[1] < 5]))
        nodes.append((parent.add(draw(labels())), depth + 1))
    return root


@settings(max_examples=150, deadline=None)
@given(tree=trees(), width=st.integers(1, 60), console=st.sampled_from(list(CONSOLES)))
def test_any_tree_draws_as_rich_draws_it(tree: Tree, width: int, console: str) -> None:
    options = {key: value for key, value in CONSOLES[console].items() if key != "width"}
    assert drawn(LinearTree(tree), width, **options) == drawn(tree, width, **options)


@settings(max_examples=30, deadline=None)
@given(tree=trees(), width=st.integers(1, 60))
def test_any_tree_draws_as_rich_draws_it_in_ascii(tree: Tree, width: int) -> None:
    assert ascii_drawn(LinearTree(tree), width) == ascii_drawn(tree, width)


def test_one_cell_characters_are_one_cell_each() -> None:
    """Each character the wrapper measures as one cell is one to rich, and is no mark or format character
    that could join its neighbour."""
    for character in ONE_CELL_EACH:
        assert get_character_cell_size(character) == 1, hex(ord(character))
        assert unicodedata.category(character) not in ("Mn", "Mc", "Me", "Cf", "Cc"), hex(ord(character))


@pytest.mark.parametrize(
    ("text", "width", "lines"),
    [
        # Fits: as it is.
        ("ab cd", 5, ["ab cd"]),
        # The space after a word may pass the edge, then is cropped.
        ("ab cd ef", 5, ["ab cd", "ef"]),
        # A word longer than the line is folded, the rest follows it.
        ("abcdefg hi", 3, ["abc", "def", "g ", "hi"]),
        # Leading spaces belong to the first word, folded with it.
        ("   ab cd", 4, ["   a", "b cd"]),
        # Spaces only: cropped to the width.
        ("      ", 3, ["   "]),
    ],
)
def test_wrap_one_cell_text(text: str, width: int, lines: list[str]) -> None:
    assert wrap_one_cell_text(text, width) == lines
    assert [line.plain for line in Text(text).wrap(Console(), width)] == lines
