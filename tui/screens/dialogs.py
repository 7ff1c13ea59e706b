"""Modal screens: the help listing every binding, the unsaved-changes prompt, the journal set aside, and two
small forms."""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar, TypeVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from translator.display import visible
from tui.session import FILTER_SYNTAX

Answer = TypeVar("Answer")


class Dialog(ModalScreen[Answer]):
    """A modal screen that answers once: a key pressed twice quickly (Enter, `s`), or a key and a click, is
    read twice before the screen has gone; the second answer is dropped instead of dismissing again (which
    ran the action twice, or popped the screen below, or raised ScreenStackError with none left)."""

    answered: bool = False
    """The screen has answered (it is being dismissed)."""

    def answer(self, result: Answer) -> None:
        """Dismiss the screen with this result, unless it already answered or is not the one on top."""
        if self.answered or not self.is_current:
            return
        self.answered = True
        self.dismiss(result)


class HelpScreen(Dialog[None]):
    """Every key binding of the app, in a table; any of Esc, q or ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q,question_mark", "dismiss", "Close")]

    def __init__(self, rows: list[tuple[str, str]]) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        table = Table(box=None, show_header=False, padding=(0, 2, 0, 0), expand=True)
        table.add_column(style="bold", no_wrap=True)
        table.add_column(ratio=1)
        for keys, description in self.rows:
            table.add_row(keys, description)
        with VerticalScroll(id="help-body"):
            yield Static(Text("Keys (Esc, q or ? closes)", style="bold"))
            yield Static(table, id="help-keys")
            yield Static(Text(f"Filter syntax (/): {FILTER_SYNTAX}", style="dim"))

    def action_dismiss(self, result: None = None) -> None:  # type: ignore[override]
        self.answer(result)


class SetAsideJournal(Dialog[None]):
    """The file changed since the journal of unsaved edits was written: say so, say where the journal was
    kept, and show what it held (the edits were not applied)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,enter,q", "dismiss", "Close")]

    def __init__(self, path: Path, kept: Path, edits: list[dict[str, Any]]) -> None:
        super().__init__()
        self.path, self.kept, self.edits = path, kept, edits

    def compose(self) -> ComposeResult:
        table = Table(box=None, show_header=True, padding=(0, 2, 0, 0), expand=True)
        table.add_column("block", style="bold", no_wrap=True)
        table.add_column("status", no_wrap=True)
        table.add_column("translation in the journal", ratio=1)
        for edit in self.edits:
            table.add_row(*(Text(visible(str(edit.get(key) or ""))) for key in ("id", "status", "target")))
        with VerticalScroll(id="help-body"):
            yield Static(Text("Unsaved edits not applied (Esc closes)", style="bold"))
            yield Static(
                Text(
                    f"{self.path.name} changed since the journal of unsaved edits was written (it was made again?), "
                    f"so its {len(self.edits)} change(s) were not applied to it. The journal is kept in "
                    f"{self.kept}; what it held:"
                ),
                id="set-aside-message",
            )
            yield Static(table, id="help-keys")

    def action_dismiss(self, result: None = None) -> None:  # type: ignore[override]
        self.answer(result)


class ConfirmQuit(Dialog[str | None]):
    """Quitting with unsaved changes: save and quit, quit anyway, or stay."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "choose('cancel')", "Stay"),
        Binding("s", "choose('save')", "Save and quit"),
        Binding("d", "choose('discard')", "Quit without saving"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("There are unsaved changes.")
            with Horizontal(classes="buttons"):
                yield Button("Save and quit (s)", id="save", variant="primary")
                yield Button("Discard (d)", id="discard", variant="error")
                yield Button("Stay (Esc)", id="cancel")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_choose(event.button.id or "cancel")

    def action_choose(self, choice: str) -> None:
        self.answer(None if choice == "cancel" else choice)


class LanguageScreen(Dialog[str | None]):
    """Ask for the source language of the current block."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, current: str) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Source language of this block (a code such as fr, de, ru; Enter to apply):")
            yield Input(self.current, id="lang")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.answer(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.answer(None)


class GlossaryEntryScreen(Dialog[tuple[str, str] | None]):
    """Ask for a source term and its target, prefilled from the selection."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, pair: str, source: str, target: str) -> None:
        super().__init__()
        self.pair, self.source, self.target = pair, source, target

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Text(f"Add a term to the {self.pair} glossary (Enter in the last field saves):"))
            yield Input(self.source, placeholder="source term", id="term-source")
            yield Input(self.target, placeholder="target term", id="term-target")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if self.answered:
            return
        source = self.query_one("#term-source", Input).value.strip()
        target = self.query_one("#term-target", Input).value.strip()
        if event.input.id == "term-source" and not target:
            self.query_one("#term-target", Input).focus()
            return
        if not source or not target:
            # Enter with a field empty used to close the form silently, the term typed lost.
            self.notify("A glossary entry needs both terms (Esc cancels).", severity="warning", markup=False)
            self.query_one("#term-source" if not source else "#term-target", Input).focus()
            return
        self.answer((source, target))

    def action_cancel(self) -> None:
        self.answer(None)
