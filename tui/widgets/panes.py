"""The panes around the current block: source, translation (view and editor), info panel and status bar."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import ClassVar

from rich import box
from rich.console import Console, ConsoleOptions, RenderResult
from rich.table import Table
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.selection import Selection
from textual.strip import Strip
from textual.widgets import Static, TextArea

from translator.detect.detector import is_low_confidence
from translator.display import visible
from translator.models import TranslationUnit
from tui.alternatives import Alternative
from tui.highlight import TermHit, legend
from tui.messages import EditFinished, InsertRequested


class TextPane(ScrollView):
    """A text shown wrapped to the pane's width and drawn a screen at a time (Line API): a Static in a
    scrolling container renders every line of its text each time anything around it changes, seconds for
    a 200 KB comment; here a new text or width costs one wrap, and each frame only the lines in view. Mouse
    selection works as in a Static (a selection across a wrap comes back with a newline there)."""

    ALLOW_SELECT = True

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.text = Text()
        """The whole text shown."""
        self._lines: list[Text] = []
        self._wrapped_for = -1
        """The width the lines were wrapped for (-1: not wrapped)."""
        self._narrow = False
        """Whether they were wrapped narrower, leaving room for the scrollbar."""
        self._strips: dict[int, Strip] = {}

    def update(self, text: Text | str) -> None:
        """Show this text from its start."""
        self.text = text if isinstance(text, Text) else Text(text)
        self._wrapped_for = -1
        self.scroll_to(0, 0, animate=False, immediate=True)
        self._wrap()
        self.refresh()

    def render(self) -> Text:
        """The whole text (for what asks a widget for its renderable; drawing goes line by line)."""
        return self.text

    def on_resize(self) -> None:
        self._wrap()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()  # the theme changed: lines are drawn again in its colours

    def _wrap(self) -> None:
        """Wrap the text to the width there is, leaving room for the scrollbar when it will show; again only
        when the width changes or the scrollbar comes or goes (not each time the pane grows a line taller)."""
        size = self.size
        if size.width <= 0:
            return
        if self._wrapped_for == size.width and (len(self._lines) > size.height) == self._narrow:
            return
        # More characters than cells in view: surely more lines than fit, so the scrollbar will show.
        narrow = len(self.text) > size.width * size.height
        lines = self._wrapped(size.width, narrow)
        if not narrow and len(lines) > size.height:
            narrow = True
            lines = self._wrapped(size.width, narrow)
        self._lines, self._wrapped_for, self._narrow = lines, size.width, narrow
        self._strips.clear()
        self.virtual_size = Size(size.width, len(lines))

    def _wrapped(self, width: int, narrow: bool) -> list[Text]:
        """The text's lines at this width (less the scrollbar's columns when narrow)."""
        if narrow:
            width = max(1, width - self.styles.scrollbar_size_vertical)
        lines = list(self.text.wrap(self.app.console, width))
        for line in lines:
            line.rstrip()  # the space a line was broken at is not drawn (as a Static does)
        return lines

    def render_line(self, y: int) -> Strip:
        if self._wrapped_for != self.size.width:
            self._wrap()  # a text given while the pane was hidden (no width to wrap it to then)
        scroll_x, scroll_y = self.scroll_offset
        number = scroll_y + y
        width = self.size.width
        style = self.rich_style
        if number >= len(self._lines):
            return Strip.blank(width, style)
        selection = self.text_selection
        strip = self._strips.get(number) if selection is None else None
        if strip is None:
            line = self._lines[number]
            if selection is not None and (span := selection.get_span(number)) is not None:
                start, end = span
                line = line.copy()
                line.stylize(
                    self.screen.get_component_rich_style("screen--selection"), start, len(line) if end == -1 else end
                )
            strip = Strip(line.render(self.app.console), line.cell_len).apply_style(style)
            if selection is None:
                self._strips[number] = strip
        return strip.crop_extend(scroll_x, scroll_x + width, style).apply_offsets(scroll_x, number)

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        return selection.extract("\n".join(line.plain for line in self._lines)), "\n"

    def selection_updated(self, selection: Selection | None) -> None:
        self.refresh()


class SourcePane(TextPane):
    """The source text of the current block, terms highlighted."""


class TargetView(TextPane):
    """The translation of the current block when not editing, terms highlighted."""


class SentencePairs:
    """A two-column table of sentence pairs whose divider falls under the divider of the pane titles."""

    def __init__(self, rows: list[tuple[Text, Text]]) -> None:
        self.rows = rows

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        table = Table(box=box.MINIMAL, show_header=False, show_lines=True, show_edge=False, padding=(0, 1))
        # The titles split the width in two halves (the left one ends with the divider); so does this table.
        table.add_column(width=max(1, width // 2 - 3))
        table.add_column(width=max(1, width - width // 2 - 2))
        for source, target in self.rows:
            table.add_row(source, target)
        yield table


class AlignedView(Static):
    """Source and translation sentence by sentence, one row per pair, when both have as many sentences."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: list[tuple[Text, Text]] = []
        """The pairs shown."""

    def show(self, source: Text, target: Text, spans: list[tuple[tuple[int, int], tuple[int, int]]]) -> None:
        """Draw the pairs: slices of the highlighted source and target texts."""
        sources = pieces(source, [span for span, _ in spans])
        targets = pieces(target, [span for _, span in spans])
        self.rows = list(zip(sources, targets, strict=True))
        self.update(SentencePairs(self.rows))


def pieces(text: Text, spans: Sequence[tuple[int, int]]) -> list[Text]:
    """The slices of a text at these spans (in order, not overlapping), in one pass: slicing a rich Text
    one span at a time copies the rest of it and walks all its styles each time (quadratic in a long
    comment: seconds for a few thousand sentences)."""
    if not spans:
        return []
    parts = text.divide(offset for span in spans for offset in span)
    return [parts[2 * number + 1] for number in range(len(spans))]


def _shown_in_editor() -> dict[str, str]:
    """Each character the editor cannot hold as itself, and the one it shows instead."""
    table = {chr(code): chr(0x2400 + code) for code in range(0x20) if chr(code) not in "\t\n"}  # ␛ ␇ ␍ ...
    table["\x7f"] = "\u2421"  # ␡
    # No picture exists for these: private-use characters (a box), one each, so they come back exactly.
    for code in (*range(0x80, 0xA0), *range(0x2028, 0x202F), *range(0x2066, 0x206A)):
        table[chr(code)] = chr(0xF700 + (code & 0xFF))
    return table


EDITOR_SHOWS = _shown_in_editor()
"""Control characters (an ANSI escape would act on the terminal), line separators other than `\n` (the
editor's document splits lines on them and writes them back as newlines) and bidi overrides, each shown in
the editor as a stand-in character and put back when the edit is kept, so opening the editor changes nothing."""
_SHOW = {ord(kept): shown for kept, shown in EDITOR_SHOWS.items()}
_KEEP = {ord(shown): kept for kept, shown in EDITOR_SHOWS.items()}


def editor_text(text: str) -> str:
    """A translation as the editor shows it."""
    return text.translate(_SHOW)


def stored_text(text: str) -> str:
    """What the editor shows, as the translation it stands for."""
    return text.translate(_KEEP)


LEAVING_KEYS = {
    "escape": (False, 0),
    "f2": (True, 0),
    "ctrl+enter": (True, 0),
    "tab": (False, 1),
    "shift+tab": (False, -1),
}
"""The keys that leave the editor, with what `TargetEditor.action_finish` is asked: approve, move by."""


class TargetEditor(TextArea):
    """Where the translation is edited: Esc leaves (keeping the edit), Ctrl+Enter or F2 approves and moves on,
    Tab and Shift+Tab keep the edit and edit the next or previous block;
    Ctrl+G then N inserts item N of the panel (a glossary term or an alternative) at the cursor. Alt+N does too,
    but only terminals speaking the kitty keyboard protocol send it: the others send ESC N, which Textual reads
    as the macOS Option characters (`¡`, `™`...), so it cannot be told from typing them.

    Leaving is said once: after Esc, F2 or Tab the editor takes no key until a block is loaded again, so a key
    pressed twice quickly (the second one read before the app closed the editor) cannot approve or move twice,
    nor type into a translation already kept."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "finish", "Leave", show=True),
        Binding("f2,ctrl+enter", "finish(True)", "Approve + next", show=True),
        Binding("tab", "finish(False, 1)", "Next block", show=True),
        Binding("shift+tab", "finish(False, -1)", "Prev block", show=False),
        Binding("ctrl+g", "arm_insert", "Insert N", show=True),
        *(Binding(f"alt+{number}", f"insert_item({number})", f"Insert {number}", show=False) for number in range(10)),
    ]

    block_id: str | None = None
    insert_armed: bool = False
    """Ctrl+G was pressed: the next digit inserts that item."""
    finished: bool = True
    """The reviewer left (the app was told); no key acts until the next `load`."""

    def load(self, unit: TranslationUnit) -> None:
        """Edit this unit's translation."""
        self.block_id = unit.block.id
        self.finished = False
        self.load_translation(unit.target)
        self.move_cursor(self.document.end)

    def load_translation(self, text: str) -> None:
        """Put a translation in the editor (control characters shown as stand-ins)."""
        self.load_text(editor_text(text))

    @property
    def translation(self) -> str:
        """The translation as typed (stand-ins put back)."""
        return stored_text(self.text)

    @property
    def selected_translation(self) -> str:
        """The selected part of the translation (stand-ins put back)."""
        return stored_text(self.selected_text)

    def action_finish(self, approve: bool = False, move: int = 0) -> None:
        if self.block_id is not None and not self.finished:
            self.finished = True
            self.post_message(EditFinished(self.block_id, self.translation, approve, move))

    def action_arm_insert(self) -> None:
        self.insert_armed = True
        self.notify("Insert which item of the panel? Press its number (Esc: none).", markup=False, timeout=3)

    def action_insert_item(self, number: int) -> None:
        self.post_message(InsertRequested(number))

    def insert_text(self, text: str) -> None:
        """Insert text at the cursor, replacing the selection."""
        start, end = sorted(self.selection)
        self.replace(editor_text(text), start, end, maintain_selection_offset=False)

    async def _on_key(self, event: events.Key) -> None:
        if self.finished:
            event.stop()
            event.prevent_default()
            return
        if self.insert_armed:
            self.insert_armed = False
            if event.character is not None and event.character.isdigit():
                event.stop()
                event.prevent_default()
                self.action_insert_item(int(event.character))
                return
            if event.key == "escape":
                event.stop()
                event.prevent_default()
                return
        if event.key in LEAVING_KEYS:
            # Here, not as a binding: a binding acts only once the key has bubbled up to the app, after this
            # editor has typed the keys pressed just after it (the x of F2 x would land in the approved text).
            event.stop()
            event.prevent_default()
            self.action_finish(*LEAVING_KEYS[event.key])
            return
        await super()._on_key(event)


PANEL_CHARS = 600
"""How much of an alternative or a note the info panel shows (it is drawn whole on every change)."""


def shortened(text: str, limit: int = PANEL_CHARS) -> str:
    """A text for the panel: made visible, cut after `limit` characters with what was left out said (an
    alternative is still used whole by its number)."""
    if len(text) <= limit:
        return visible(text)
    return f"{visible(text[:limit])}… ({len(text) - limit:,} more characters)"


class InfoPanel(Static):
    """Glossary hits (numbered for insertion), QA issues, the previous translation and the legend."""

    def show(
        self, unit: TranslationUnit | None, hits: list[TermHit], author: str, alternatives: Sequence[Alternative] = ()
    ) -> None:
        """Describe a unit; terms then alternatives are numbered 1-9, then 0, for insertion."""
        if unit is None:
            self.update(Text("No block matches the filter."))
            return
        text = Text()
        block = unit.block
        text.append(visible(block.id), style="bold")
        text.append(f" {block.kind}")
        if block.quoted_author:
            text.append(f" quoting {visible(block.quoted_author)}")
        if author:
            text.append(f" · {visible(author)}")
        # Rounded down, so that a block under the threshold (0.598 < 0.6) never reads as at it (0.60).
        confidence = f" {int(block.lang_confidence * 100) / 100:.2f}" if block.lang_confidence is not None else ""
        text.append(f" · {unit.source_lang}{confidence} {block.lang_source or ''}")
        text.append(f" · {unit.origin}, {unit.status}\n", style="dim")
        if is_low_confidence(block):
            text.append("Language unsure: ", style="bold yellow")
            text.append(f"is this {unit.source_lang}? l sets it, then t translates again\n")
        if unit.note:
            text.append("Note ", style="bold")
            text.append(shortened(unit.note) + "\n")
        said = Counter(f"{issue.code}: {visible(issue.message)}" for issue in unit.issues)
        for line, count in said.items():  # the same finding at two places of the block is one line
            text.append("QA ", style="bold red")
            text.append(f"{line}{f' (×{count})' if count > 1 else ''}\n")
        if hits:
            text.append("Terms: ", style="bold")
            for number, hit in enumerate(hits[:10], start=1):
                text.append(f"{number % 10}", style="bold reverse")
                text.append(f" {visible(hit.match.text)} → {visible(hit.rendering)} ({hit.state})  ")
            text.append("\n")
        for number, alternative in enumerate(alternatives[: max(0, 10 - len(hits))], start=len(hits) + 1):
            text.append(f"{number % 10}", style="bold reverse")
            text.append(f" {alternative.origin}: ", style="dim")
            text.append(shortened(alternative.text) + "\n")
        text.append_text(legend())
        self.update(text)


class StatusBar(Static):
    """Progress, issues left, the language pair and whether there are unsaved changes."""

    def show(self, reviewed: int, total: int, issues: int, pair: str, modified: bool, shown: int | None) -> None:
        """Update the line."""
        text = Text()
        text.append(f" {pair} ", style="bold reverse")
        text.append(f" {reviewed}/{total} reviewed ")
        text.append(f" {issues} issue{'' if issues == 1 else 's'} left ", style="bold red" if issues else "green")
        if shown is not None:
            text.append(f" filter: {shown} shown ", style="bold yellow")
        text.append(" ● modified " if modified else " saved ", style="bold yellow" if modified else "dim")
        self.update(text)
