"""Thread text shown on a terminal: control characters become visible escapes, everything else stays."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from translator.display import INVISIBLE, visible


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("\x1b[31mrouge", "\\x1b[31mrouge"),  # ANSI colour escape
        ("[bold]gras[/bold]", "[bold]gras[/bold]"),  # markup-looking text is left alone (shown literally)
        ("a\rb", "a\\rb"),  # carriage return would overwrite the line
        ("tab\there", "tab\there"),  # tabs are harmless
        ("\u202eevil", "\\u202eevil"),  # right-to-left override
        ("Kyiv – Київ", "Kyiv – Київ"),  # ordinary Unicode untouched
    ],
)
def test_visible(text: str, shown: str) -> None:
    assert visible(text) == shown


@given(st.text())
def test_visible_output_holds_no_control_characters(text: str) -> None:
    assert not INVISIBLE.search(visible(text))
