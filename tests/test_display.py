"""Thread text shown on a terminal: control characters become visible escapes, everything else stays."""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from translator.display import INVISIBLE, date_text, visible, visible_line


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


@given(st.text())
def test_visible_line_is_one_line_of_no_control_character(text: str) -> None:
    shown = visible_line(text)
    assert len(shown.splitlines()) <= 1 and not INVISIBLE.search(shown)


@pytest.mark.parametrize(
    ("moment", "shown"),
    [
        (datetime(2024, 10, 28, 9, 26), "2024-10-28 09:26"),  # a day and a time
        (datetime(2024, 10, 28), "2024-10-28"),  # midnight: the source gave the day alone
        (datetime(2024, 10, 28, 0, 0, 30), "2024-10-28 00:00"),  # seconds past midnight: a real time
    ],
)
def test_date_text(moment: datetime, shown: str) -> None:
    assert date_text(moment) == shown
