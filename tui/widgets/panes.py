"""The panes around the current block: source, translation (view and editor), info panel and status bar."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widgets import Static, TextArea

from translator.display import visible
from translator.models import TranslationUnit
from tui.highlight import TermHit, legend
from tui.messages import EditFinished


class SourcePane(Static):
    """The source text of the current block, terms highlighted."""


class TargetView(Static):
    """The translation of the current block when not editing, terms highlighted."""


class TargetEditor(TextArea):
    """Where the translation is edited: Esc leaves (keeping the edit), Ctrl+Enter or F2 approves and moves on."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "finish", "Leave editor", show=True),
        Binding("ctrl+enter,f2", "finish(True)", "Approve + next", show=True),
    ]

    block_id: str | None = None

    def load(self, unit: TranslationUnit) -> None:
        """Edit this unit's translation."""
        self.block_id = unit.block.id
        self.load_text(unit.target)
        self.move_cursor(self.document.end)

    def action_finish(self, approve: bool = False) -> None:
        if self.block_id is not None:
            self.post_message(EditFinished(self.block_id, self.text, approve))


class InfoPanel(Static):
    """Glossary hits (numbered for insertion), QA issues, the previous translation and the legend."""

    def show(self, unit: TranslationUnit | None, hits: list[TermHit], author: str) -> None:
        """Describe a unit."""
        if unit is None:
            self.update(Text("No block matches the filter."))
            return
        text = Text()
        block = unit.block
        text.append(f"{block.id}", style="bold")
        text.append(f" {block.kind}")
        if block.quoted_author:
            text.append(f" quoting {visible(block.quoted_author)}")
        if author:
            text.append(f" · {visible(author)}")
        confidence = f" {block.lang_confidence:.2f}" if block.lang_confidence is not None else ""
        text.append(f" · {unit.source_lang}{confidence} {block.lang_source or ''}")
        text.append(f" · {unit.origin}, {unit.status}\n", style="dim")
        if hits:
            text.append("Terms: ", style="bold")
            for number, hit in enumerate(hits[:9], start=1):
                text.append(f"{number} ", style="bold reverse")
                text.append(f"{visible(hit.match.text)} → {visible(hit.rendering)} ({hit.state})  ")
            text.append("\n")
        for issue in unit.issues:
            text.append("QA ", style="bold red")
            text.append(f"{issue.code}: {visible(issue.message)}\n")
        if unit.previous is not None:
            text.append("0 ", style="bold reverse")
            text.append("machine was: ", style="dim")
            text.append(visible(unit.previous) + "\n")
        text.append_text(legend())
        self.update(text)


class StatusBar(Static):
    """Progress, issues left, the language pair and whether there are unsaved changes."""

    def show(self, reviewed: int, total: int, issues: int, pair: str, modified: bool, shown: int | None) -> None:
        """Update the line."""
        text = Text()
        text.append(f" {pair} ", style="bold reverse")
        text.append(f" {reviewed}/{total} reviewed ")
        text.append(f" {issues} issues left ", style="bold red" if issues else "green")
        if shown is not None:
            text.append(f" filter: {shown} shown ", style="bold yellow")
        text.append(" ● modified " if modified else " saved ", style="bold yellow" if modified else "dim")
        self.update(text)
