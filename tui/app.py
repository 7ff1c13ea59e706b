"""The review app: walk a translated thread block by block, fix and approve translations, save safely."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, ClassVar, TypeVar

from rich.text import Text
from textual import on, work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.css.query import NoMatches
from textual.notifications import SeverityLevel
from textual.screen import ModalScreen, Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import ContentSwitcher, Footer, Input, Label, TextArea
from textual.worker import get_current_worker

from translator.display import visible
from translator.errors import TranslatorError
from translator.glossary import Glossary, GlossaryStore, GlossaryTerm
from translator.memory.store import TranslationMemory
from translator.models import Thread, TranslationUnit
from tui.alternatives import Alternative, MemorySearch, aligned_spans, alternatives
from tui.highlight import TermHit, numbered_terms, source_text, target_text, term_hits
from tui.messages import BlockChosen, EditFinished, InsertRequested, Retranslated, RetranslationFailed
from tui.screens import ConfirmQuit, GlossaryEntryScreen, HelpScreen, LanguageScreen, SetAsideJournal
from tui.session import FILTER_SYNTAX, Filter, ReviewSession
from tui.widgets import AlignedView, BlockList, InfoPanel, SourcePane, StatusBar, TargetEditor, TargetView

WidgetType = TypeVar("WidgetType", bound=Widget)

# Actions of the list mode, with their help line; the command palette offers them too.
COMMANDS: tuple[tuple[str, str, str], ...] = (
    ("approve", "Approve and move on", "approve the block (clears fuzzy), go to the next one to review"),
    ("needs_work", "Mark needs work", "make the block a draft again (fuzzy)"),
    ("edit", "Edit translation", "edit the translation of the block"),
    ("copy_source", "Copy source to target", "put the source text in the translation"),
    ("toggle_aligned", "Toggle sentence alignment", "show source and translation sentence by sentence, or whole"),
    ("next_draft", "Next draft", "go to the next block not yet approved"),
    ("next_issue", "Next with QA issue", "go to the next block with a QA issue"),
    ("undo", "Undo", "undo the last change of this block"),
    ("redo", "Redo", "redo the last undone change of this block"),
    ("retranslate", "Re-translate block", "translate the block again with the engine and glossary"),
    ("language", "Set block language", "override the source language of the block"),
    ("add_term", "Add glossary entry", "add a source/target pair to the glossary"),
    ("filter", "Search / filter", f"filter blocks: {FILTER_SYNTAX}"),
    ("save", "Save", "write the file now (atomically)"),
    ("toggle_theme", "Toggle light/dark theme", "switch between the light and dark themes"),
    ("help", "Help", "list every key"),
)


REVIEW_ACTIONS = frozenset(
    {name for name, _, _ in COMMANDS} | {"move", "insert_term", "clear_filter", "quit", "command_palette"}
)
"""The actions of the review's own keys."""


TYPING_JOURNAL_SECONDS = 2.0
"""How long what is typed in the editor may stay out of the journal: a session killed meanwhile loses at most
the last seconds of typing, not the whole edit."""
ENGINE_POLL_SECONDS = 0.05
"""How often a re-translation's worker looks whether the app is quitting while the engine works."""


class ReviewApp(App[None]):
    """Review a PO or translated JSON file: source and translation side by side, keyboard first."""

    CSS_PATH = "app.tcss"
    TITLE = "translator review"
    ENABLE_COMMAND_PALETTE = True
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "move(1)", "Next", show=False),
        Binding("k", "move(-1)", "Prev", show=False),
        Binding("a", "approve", "Approve"),
        Binding("e", "edit", "Edit"),
        Binding("n", "next_draft", "Next draft"),
        Binding("i", "next_issue", "Next issue", show=False),
        Binding("w", "needs_work", "Needs work", show=False),
        Binding("c", "copy_source", "Copy src", show=False),
        Binding("s", "toggle_aligned", "Sentences", show=False),
        Binding("u", "undo", "Undo", show=False),
        Binding("r", "redo", "Redo", show=False),
        Binding("t", "retranslate", "Re-translate", show=False),
        Binding("l", "language", "Language", show=False),
        Binding("g", "add_term", "Add term", show=False),
        Binding("slash", "filter", "Filter"),
        Binding("escape", "clear_filter", "Clear filter", show=False),
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("ctrl+t", "toggle_theme", "Theme", show=False),
        Binding("question_mark", "help", "Help"),
        Binding("q", "quit", "Quit"),
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True),
        *(Binding(str(number), f"insert_term({number})", f"Insert term {number}", show=False) for number in range(10)),
    ]
    KEY_HELP: ClassVar[list[tuple[str, str]]] = [
        ("↓ j / ↑ k", "next / previous block (mouse: click a row)"),
        ("n / i", "next block to review (draft) / next block with a QA issue"),
        ("e or Enter", "edit the translation"),
        ("Esc (editor)", "leave the editor, keeping the edit"),
        ("F2 / Ctrl+Enter (editor)", "keep the edit, approve and move on (few terminals send Ctrl+Enter)"),
        ("Tab / Shift+Tab (editor)", "keep the edit and edit the next / previous block"),
        ("a", "approve (clears fuzzy) and move to the next block to review"),
        ("w", "mark needs work (fuzzy again)"),
        ("c", "copy the source into the translation"),
        ("1-9, 0", "use item N of the panel: a glossary term (added at the end) or an alternative (replaces)"),
        (
            "Ctrl+G N (editor)",
            "insert item N of the panel (term or alternative) at the cursor; Alt+N too where the "
            "terminal sends it (kitty protocol: most terminals send Alt+1 as ESC 1, which Textual reads as ¡)",
        ),
        ("s", "source and translation sentence by sentence / as whole blocks"),
        ("u / r", "undo / redo the last change of this block (if none, the last one made: after a, the approval)"),
        ("t", "re-translate the block (engine + glossary, in the background)"),
        ("l", "set the block's source language"),
        ("g", "add a glossary entry (editor selection prefills the target)"),
        ("/ , Esc", "search and filter / clear the filter"),
        ("Ctrl+S", "save now (also autosaved; a journal keeps every change, and the typing)"),
        ("Ctrl+T", "light / dark theme"),
        ("Ctrl+P", "command palette"),
        ("?", "this help"),
        ("q / Ctrl+Q", "quit (asks when there are unsaved changes)"),
    ]

    def __init__(
        self,
        path: Path,
        source: Thread | None = None,
        glossary_paths: Sequence[Path] = (),
        glossary_dir: Path | None = None,
        engine: Any = None,
        autosave_seconds: float = 60.0,
        journal: bool = True,
        memory_path: Path | None = None,
    ) -> None:
        super().__init__()
        self.glossaries = GlossaryStore(glossary_paths, glossary_dir)
        """The glossary of each pair: --glossary files, else the glossary folder."""
        self.memory_error: str | None = None
        memory = None
        if memory_path is not None:
            try:
                memory = TranslationMemory(memory_path)
            except TranslatorError as error:
                self.memory_error = str(error)
        self.memory_search = MemorySearch(memory) if memory is not None else None
        self.session = ReviewSession(path, source, self.glossaries.get, journal=journal, memory=memory)
        self.engine = engine
        self.autosave_seconds = autosave_seconds
        self.current: str | None = None
        self.query_filter = Filter()
        self.hits: list[TermHit] = []
        """Every glossary term found in the current block (coloured where it is)."""
        self.terms: list[TermHit] = []
        """The terms numbered in the panel: each once."""
        self.alternatives: list[Alternative] = []
        self.aligned = True
        """Show source and translation sentence by sentence when they have as many sentences."""
        self.editing = False
        self._typing_timer: Timer | None = None
        """Set while what is typed waits to be journalled."""
        self.busy: set[str] = set()

    # ------------------------------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        with Horizontal(id="main"):
            yield BlockList(id="blocks")
            with Vertical(id="right"):
                yield Input(placeholder=f"filter: {FILTER_SYNTAX}", id="filter")
                with Horizontal(id="titles"):
                    yield Label("Source", classes="pane-title", id="source-title")
                    yield Label("Translation", classes="pane-title", id="target-title")
                with ContentSwitcher(initial="pair", id="pair-switcher"):
                    with Horizontal(id="pair"):
                        yield SourcePane(id="source")
                        with ContentSwitcher(initial="target", id="target-switcher"):
                            yield TargetView(id="target")
                            yield TargetEditor(id="editor", soft_wrap=True, show_line_numbers=False)
                    with VerticalScroll(id="aligned-scroll"):
                        yield AlignedView(id="aligned")
                with VerticalScroll(id="info-scroll"):
                    yield InfoPanel(id="info")
        yield StatusBar(id="status")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#editor", TargetEditor).cursor_blink = False
        self.query_one("#filter", Input).display = False
        # Reopened, the review goes on where it stopped: at the first block not yet approved.
        first_draft = self.session.find_next(None, lambda unit: unit.status != "reviewed")
        self.blocks.show(self.session.units, self.session.posts, first_draft)
        self.blocks.focus()
        self.current = self.blocks.current
        self.show_current()
        if self.session.replayed:
            self.notify(
                f"Recovered {self.session.replayed} unsaved change(s) from the journal; Ctrl+S saves them.",
                title="Recovered",
                markup=False,
            )
        if self.session.set_aside is not None:
            self.push_screen(SetAsideJournal(self.session.path, self.session.set_aside, self.session.set_aside_edits))
        if self.session.read_only:
            self.notify(
                f"{self.session.path.name} is read-only: saving is refused until it is made writable "
                "(changes are kept in the journal meanwhile).",
                title="Read-only file",
                severity="warning",
                markup=False,
                timeout=15,
            )
        if self.memory_error:
            self.notify(self.memory_error, title="No translation memory", severity="warning", markup=False)
        if self.autosave_seconds > 0:
            self.set_interval(self.autosave_seconds, self.autosave)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """A notification whose words are data: never markup (a block id such as `[b]c1[/]`, an error quoting
        a thread's text), control characters made visible (an ANSI escape in a block id would act on the
        terminal). Widgets and dialogs notify through here too."""
        super().notify(visible(message), title=visible(title), severity=severity, timeout=timeout, markup=False)

    def on_main_screen(self, selector: str, expect_type: type[WidgetType]) -> WidgetType | None:
        """A widget of the main screen, whatever is on top of it (help, a question); None once the app
        is closing and its widgets are gone (a timer may fire then)."""
        try:
            return self.screen_stack[0].query_one(selector, expect_type)
        except (IndexError, NoMatches):
            return None

    @property
    def blocks(self) -> BlockList:
        return self.query_one("#blocks", BlockList)

    @property
    def editor(self) -> TargetEditor:
        return self.query_one("#editor", TargetEditor)

    # ------------------------------------------------------------------------------------------ display

    def current_unit(self) -> TranslationUnit | None:
        return self.session.unit(self.current) if self.current in self.session.index else None

    def show_current(self) -> None:
        """Show the current block in the panes and refresh the status bar."""
        unit = self.current_unit()
        spans = None
        if unit is None:
            self.hits, self.terms, self.alternatives = [], [], []
            self.query_one("#source", SourcePane).update("")
            self.query_one("#target", TargetView).update("")
        else:
            glossary = self.session.glossary(unit.source_lang)
            self.hits = term_hits(unit.block.text, unit.target, glossary)
            self.terms = numbered_terms(self.hits)
            self.alternatives = alternatives(unit, self.memory_search)
            source, target = source_text(unit.block.text, self.hits), target_text(unit.target, self.hits, glossary)
            self.query_one("#source", SourcePane).update(source)
            self.query_one("#target", TargetView).update(target)
            # Text, not markup: the language codes come from the file.
            self.query_one("#source-title", Label).update(Text(f"Source ({unit.source_lang})"))
            self.query_one("#target-title", Label).update(Text(f"Translation ({unit.target_lang}, {unit.status})"))
            if self.aligned and not self.editing:
                spans = aligned_spans(source.plain, unit.source_lang, target.plain, unit.target_lang)
            if spans is not None:
                self.query_one("#aligned", AlignedView).show(source, target, spans)
        self.query_one("#pair-switcher", ContentSwitcher).current = "pair" if spans is None else "aligned-scroll"
        author = self.session.author(unit) if unit else ""
        self.query_one("#info", InfoPanel).show(unit, self.terms, author, self.alternatives)
        self.update_status()

    def update_status(self) -> None:
        session = self.session
        if session.journal_error is not None:
            message, session.journal_error = session.journal_error, None
            self.notify(message, title="No journal", severity="warning", markup=False, timeout=15)
        shown = len(self.blocks.visible_ids) if self.query_filter.active else None
        self.query_one("#status", StatusBar).show(
            session.reviewed, len(session.units), session.issues_left, session.pair, session.modified, shown
        )

    def changed(self, unit: TranslationUnit | None) -> None:
        """A unit changed: redraw its row and, when it is current, the panes."""
        if unit is None:
            return
        self.blocks.refresh_block(unit)
        if unit.block.id == self.current:
            self.show_current()
        else:
            self.update_status()

    def go(self, block_id: str | None) -> None:
        """Make a block current (it must be in the list)."""
        if block_id is None:
            self.notify("No such block in the list.", severity="warning")
            return
        self.blocks.highlight_block(block_id)
        self.current = block_id
        self.show_current()

    @on(BlockChosen)
    def block_chosen(self, event: BlockChosen) -> None:
        if self.editing and self.editor.block_id != event.block_id:
            self.leave_editor(commit=True)
        elif event.block_id == self.current:
            return  # a move made here (go) already showed it: drawing a long comment twice costs seconds
        self.current = event.block_id
        self.show_current()

    @on(BlockList.OptionSelected)
    def block_selected(self, event: BlockList.OptionSelected) -> None:
        event.stop()
        self.action_edit()

    # ------------------------------------------------------------------------------------------ actions

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action not in REVIEW_ACTIONS:
            # Textual's own: Tab moves between a dialog's fields, but does not take the focus out of the editor.
            modal = isinstance(self.screen, ModalScreen)
            return modal or not (self.editing and action in ("focus_next", "focus_previous"))
        if isinstance(self.screen, ModalScreen):
            # A dialog or the help is up: of the review's keys only Ctrl+S acts (nor does the footer offer the
            # others; Ctrl+Q there would stack a second prompt on the quit prompt).
            return action == "save"
        # List-mode keys do nothing while the editor or the filter has focus (they type there).
        if action in ("quit", "save", "help", "toggle_theme", "command_palette", "clear_filter"):
            return True
        if self.editing or isinstance(self.focused, Input):
            return action in dict.fromkeys(name for name, _, _ in COMMANDS) and action not in ("edit", "filter")
        return True

    def action_move(self, step: int) -> None:
        ids = self.blocks.visible_ids
        if not ids:
            return
        position = ids.index(self.current) if self.current in ids else -1
        self.go(ids[max(0, min(len(ids) - 1, position + step))])

    def find(self, predicate: Any) -> str | None:
        visible = set(self.blocks.visible_ids)
        return self.session.find_next(self.current, lambda unit: unit.block.id in visible and predicate(unit))

    def action_next_draft(self) -> None:
        found = self.find(lambda unit: unit.status != "reviewed")
        if found is None:
            self.notify("Every block shown is approved.", markup=False)
        else:
            self.go(found)

    def action_next_issue(self) -> None:
        found = self.find(lambda unit: bool(unit.issues) and unit.status != "reviewed")
        if found is None:
            self.notify("No block left with a QA issue.", markup=False)
        else:
            self.go(found)

    def action_approve(self) -> None:
        if self.editing:
            self.leave_editor(commit=True)
        if self.current is None:
            return
        if self.session.unit(self.current).target == "":
            # An approved entry has a translation (the one rule every reader applies): this one would come back
            # as a draft.
            self.notify(
                "An empty translation cannot be approved: write one (e) or copy the source (c).",
                title="Not approved",
                severity="warning",
                markup=False,
            )
            return
        self.changed(self.session.approve(self.current))
        found = self.find(lambda unit: unit.status != "reviewed")
        if found is not None:
            self.go(found)

    def action_needs_work(self) -> None:
        if self.current is not None:
            self.changed(self.session.needs_work(self.current))

    def action_copy_source(self) -> None:
        if self.current is None:
            return
        if self.editing:
            self.editor.load_translation(self.session.unit(self.current).block.text)
            return
        self.changed(self.session.copy_source(self.current))

    def action_insert_term(self, number: int) -> None:
        """Use item N of the panel: a term is added (at the editor's cursor, else at the end); an alternative
        is inserted at the editor's cursor, else replaces the translation."""
        unit = self.current_unit()
        if unit is None:
            return
        index = (number - 1) % 10  # 0 is the tenth
        items: list[TermHit | Alternative] = []
        items.extend(self.terms)
        items.extend(self.alternatives)
        if index >= len(items):
            self.notify(f"There is no item {number} in the panel for this block.", severity="warning", markup=False)
            return
        item = items[index]
        text = item.rendering if isinstance(item, TermHit) else item.text
        if self.editing:
            self.editor.insert_text(text)
        elif isinstance(item, TermHit):
            self.changed(self.session.insert(unit.block.id, text))
        else:
            self.changed(self.session.edit(unit.block.id, text))

    @on(InsertRequested)
    def insert_requested(self, event: InsertRequested) -> None:
        event.stop()
        self.action_insert_term(event.number)

    def action_toggle_aligned(self) -> None:
        self.aligned = not self.aligned
        self.show_current()
        self.notify("Sentence by sentence" if self.aligned else "Whole blocks", markup=False, timeout=2)

    def action_undo(self) -> None:
        self._step_history(forward=False)

    def action_redo(self) -> None:
        self._step_history(forward=True)

    def _step_history(self, *, forward: bool) -> None:
        if self.current is None:
            return
        step = self.session.redo if forward else self.session.undo
        unit = step(self.current)
        if unit is None:
            # Nothing here (`a` moved on after approving): take back the last change made, where it was.
            elsewhere = self.session.last_changed(forward=forward)
            if elsewhere is None or (self.query_filter.active and elsewhere not in self.blocks.visible_ids):
                self.notify(f"Nothing to {'redo' if forward else 'undo'} in this block.", markup=False)
                return
            self.go(elsewhere)
            unit = step(elsewhere)
            self.notify(f"{'Redone' if forward else 'Undone'} in {elsewhere}.", markup=False, timeout=2)
        self.changed(unit)

    def action_toggle_theme(self) -> None:
        self.theme = "textual-light" if self.theme == "textual-dark" else "textual-dark"

    def action_help(self) -> None:
        self.push_screen(HelpScreen(self.KEY_HELP))

    # ------------------------------------------------------------------------------------------ editing

    def action_edit(self) -> None:
        unit = self.current_unit()
        if unit is None or self.editing:
            return
        self.editing = True
        self.editor.load(unit)
        self.query_one("#pair-switcher", ContentSwitcher).current = "pair"
        self.query_one("#target-switcher", ContentSwitcher).current = "editor"
        self.editor.focus()

    def leave_editor(self, commit: bool, text: str | None = None) -> TranslationUnit | None:
        """Close the editor, keeping what was typed (or `text`, what it held when the key to leave was
        pressed) when commit is true."""
        if not self.editing:
            return None
        self.editing = False
        self.editor.finished = True
        block_id = self.editor.block_id
        text = self.kept_text(block_id, self.editor.translation if text is None else text)
        self.query_one("#target-switcher", ContentSwitcher).current = "target"
        self.blocks.focus()
        if commit and block_id is not None:
            unit = self.session.edit(block_id, text)
            self.changed(unit)
            return unit
        self.show_current()
        return None

    def kept_text(self, block_id: str | None, text: str) -> str:
        """What an edit keeps of the editor's text: a stray Enter at the end is not kept (the source's own
        trailing whitespace is)."""
        if block_id in self.session.index and text.rstrip() != text:
            source = self.session.unit(block_id).block.text
            return text.rstrip() + source[len(source.rstrip()) :]
        return text

    @on(TextArea.Changed, "#editor")
    def typed(self) -> None:
        if self.editing and self._typing_timer is None:
            self._typing_timer = self.set_timer(TYPING_JOURNAL_SECONDS, self.journal_typing)

    def journal_typing(self) -> None:
        """Put what the editor holds in the journal, so that a killed session does not lose it."""
        self._typing_timer = None
        editor = self.on_main_screen("#editor", TargetEditor)
        if editor is None:
            return  # the app is closing and its widgets are gone: quitting saves or asks
        block_id = editor.block_id
        if self.editing and not editor.finished and block_id in self.session.index:
            self.session.journal_typing(block_id, self.kept_text(block_id, editor.translation))

    @on(EditFinished)
    def edit_finished(self, event: EditFinished) -> None:
        if not self.editing or event.block_id != self.editor.block_id:
            return  # the editor was closed meanwhile (a click on another block, Ctrl+S): nothing left to do
        self.leave_editor(commit=True, text=event.text)
        if event.approve:
            self.action_approve()
        elif event.move:
            ids = self.blocks.visible_ids
            position = ids.index(event.block_id) + event.move if event.block_id in ids else -1
            if 0 <= position < len(ids):
                self.go(ids[position])
            else:
                self.notify(f"No {'next' if event.move > 0 else 'previous'} block in the list.", markup=False)
            self.action_edit()

    # ---------------------------------------------------------------------------------- filter, search

    def action_filter(self) -> None:
        box = self.query_one("#filter", Input)
        box.display = True
        box.focus()

    @on(Input.Submitted, "#filter")
    def filter_submitted(self, event: Input.Submitted) -> None:
        query = Filter.parse(event.value)
        if query.unknown:
            self.notify(
                f"Not understood, ignored: {' '.join(query.unknown)}. The filter takes: {FILTER_SYNTAX}",
                title="Filter",
                severity="warning",
                markup=False,
                timeout=8,
            )
        self.apply_filter(query)
        if not event.value.strip():
            event.input.display = False
        self.blocks.focus()

    def apply_filter(self, query: Filter) -> None:
        self.query_filter = query
        units = [unit for unit in self.session.units if self.session.matches(unit, query)]
        self.blocks.show(units, self.session.posts, self.current)
        self.current = self.blocks.current
        self.show_current()

    def action_clear_filter(self) -> None:
        box = self.query_one("#filter", Input)
        if self.query_filter.active or box.display:
            box.value = ""
            box.display = False
            self.apply_filter(Filter())
            self.blocks.focus()

    # -------------------------------------------------------------------------------------------- saving

    def action_save(self) -> None:
        if self.editing:
            self.leave_editor(commit=True)
        self.save(quiet=False)

    def save(self, quiet: bool) -> bool:
        """Save the file; say what a merge with changes made on disk did. False when saving failed."""
        try:
            report = self.session.save()
        except TranslatorError as error:
            self.notify(str(error), title="Not saved", severity="error", markup=False)
            return False
        try:
            self.session.remember_approved()
        except TranslatorError as error:
            self.notify(str(error), title="Memory not updated", severity="warning", markup=False)
        if report.taken or report.conflicts:
            self.notify(
                f"The file changed on disk: took {len(report.taken)} block(s) from it; "
                f"{len(report.conflicts)} changed on both sides kept yours ({', '.join(report.conflicts[:5])}).",
                title="Merged",
                severity="warning",
                markup=False,
                timeout=10,
            )
            for unit in self.session.units:
                self.blocks.refresh_block(unit)
            self.show_current()
        elif not quiet:
            self.notify(f"Saved {self.session.path.name}.", markup=False)
        self.update_status()
        return True

    def autosave(self) -> None:
        # A read-only file was said at opening: no error every interval (Ctrl+S still says why).
        # Once the app is closing its widgets are gone, and quitting saves or asks.
        if self.on_main_screen("#blocks", BlockList) is None:
            return
        if self.session.modified and not self.editing and not self.session.read_only:
            self.save(quiet=True)

    async def action_quit(self) -> None:
        if self.editing:
            self.leave_editor(commit=True)
        if not self.session.modified:
            self.exit()
            return

        def chosen(choice: str | None) -> None:
            if choice == "save" and self.save(quiet=True):
                self.exit()
            elif choice == "discard":
                self.session.discard_journal()
                self.exit()

        self.push_screen(ConfirmQuit(), chosen)

    # ------------------------------------------------------------------------------- engine, glossary

    def get_engine(self) -> Any:
        """The engine (the Argos one, created on first use: it is slow to import)."""
        if self.engine is None:
            from translator.engine import build_engine

            self.engine = build_engine()
        return self.engine

    def action_retranslate(self) -> None:
        unit = self.current_unit()
        if unit is None:
            return
        if unit.source_lang in ("und", unit.target_lang):
            self.notify(f"This block is in {unit.source_lang}: nothing to translate.", markup=False)
            return
        if unit.block.id in self.busy:
            return
        self.busy.add(unit.block.id)
        self.notify(f"Re-translating {unit.block.id}…", markup=False, timeout=2)
        glossary = self.session.glossary(unit.source_lang)
        self.retranslate_block(unit, glossary)

    @work(thread=True, group="retranslate")
    def retranslate_block(self, unit: TranslationUnit, glossary: Glossary | None) -> None:
        """Translate one block in a thread (as `translate` would); the result goes back to the UI thread."""
        # The result goes up as a message, not through call_from_thread: quitting while the engine runs closes
        # the screens, and a callback run then queried widgets that were gone (NoMatches at exit); a message
        # posted to an app that has stopped is dropped.
        # The engine itself runs in a daemon thread the worker waits on: quitting cancels the worker, which
        # then returns at once; the engine's thread (a model may take seconds to load) ends with the process.
        # Waited on in the worker's own thread instead, it held the exit (the event loop joins its workers).
        outcome: list[Retranslated | RetranslationFailed] = []

        def translate() -> None:
            try:
                made = self.session.machine_translation(unit, self.get_engine(), glossary)
            except TranslatorError as error:
                outcome.append(RetranslationFailed(unit.block.id, str(error)))
            except Exception as error:  # the engine's own failure (CTranslate2, memory): said, not fatal
                outcome.append(RetranslationFailed(unit.block.id, f"the engine failed: {error!r}"))
            else:
                outcome.append(Retranslated(made, unit))

        engine_thread = threading.Thread(target=translate, name=f"retranslate {unit.block.id}", daemon=True)
        engine_thread.start()
        worker = get_current_worker()
        while engine_thread.is_alive():
            if worker.is_cancelled:
                return  # the app is quitting: nobody is left to tell
            engine_thread.join(ENGINE_POLL_SECONDS)
        if outcome:
            self.report(outcome[0])

    def report(self, message: Retranslated | RetranslationFailed) -> None:
        """Send a worker's result to the UI thread; nothing when the app has gone meanwhile."""
        with contextlib.suppress(RuntimeError):  # its event loop closed: nobody is left to tell
            self.post_message(message)

    @on(RetranslationFailed)
    def retranslate_failed(self, event: RetranslationFailed) -> None:
        self.busy.discard(event.block_id)
        if self.is_running:
            self.notify(event.message, title="Re-translation failed", severity="error", markup=False)

    @on(Retranslated)
    def retranslated(self, event: Retranslated) -> None:
        """The engine's new text for a block; not put over what the reviewer did to it meanwhile."""
        made, asked = event.made, event.asked
        block_id = made.block.id
        self.busy.discard(block_id)
        if not self.is_running or block_id not in self.session.index:
            return
        now = self.session.unit(block_id)
        typing = self.editing and self.editor.block_id == block_id and self.editor.translation != now.target
        if typing or (now.target, now.status, now.source_lang) != (asked.target, asked.status, asked.source_lang):
            self.notify(
                f"{block_id} changed while it was being re-translated: your version is kept (t translates it again).",
                title="Re-translation not applied",
                severity="warning",
                markup=False,
            )
            return
        if self.editing and self.editor.block_id == block_id:
            self.leave_editor(commit=True)
        self.changed(self.session.set_machine(block_id, made.target, made.terms, made.issues))
        self.notify(f"Re-translated {block_id}.", markup=False, timeout=2)

    def action_language(self) -> None:
        unit = self.current_unit()
        if unit is None:
            return

        def chosen(code: str | None) -> None:
            if not code or self.current is None:
                return
            from translator.languages import normalize_code

            try:
                lang = normalize_code(code)
            except TranslatorError as error:
                self.notify(str(error), severity="error", markup=False)
                return
            self.changed(self.session.set_language(self.current, lang))
            self.notify(f"{self.current} is now {lang}; press t to translate it again.", markup=False)

        self.push_screen(LanguageScreen(unit.source_lang), chosen)

    def action_add_term(self) -> None:
        unit = self.current_unit()
        if unit is None:
            return
        target = self.editor.selected_translation if self.editing else ""
        selected = self.screen.get_selected_text() if hasattr(self.screen, "get_selected_text") else None
        # A selection across a wrapped line comes back with a newline where the line was broken.
        source = " ".join((selected or "").split())
        if source and source not in " ".join(unit.block.text.split()):
            source = ""
        pair = f"{unit.source_lang}-{unit.target_lang}"

        def chosen(terms: tuple[str, str] | None) -> None:
            if terms is not None:
                self.add_glossary_term(unit.source_lang, unit.target_lang, *terms)

        self.push_screen(GlossaryEntryScreen(pair, source, target.strip()), chosen)

    def add_glossary_term(self, source_lang: str, target_lang: str, source: str, target: str) -> None:
        """Add a term to the pair's glossary (validated and linted as `glossary add` does, written
        atomically) and run QA again; a refusal is a notification."""
        try:
            term = self.glossaries.add_term(source_lang, target_lang, GlossaryTerm(source, target))
        except TranslatorError as error:
            self.notify(str(error), title="Glossary not changed", severity="error", markup=False)
            return
        path = self.glossaries.path_for(source_lang, target_lang)
        for block_id in self.session.recheck(source_lang):
            self.blocks.refresh_block(self.session.unit(block_id))
        self.show_current()
        self.notify(f"Added {term.source} → {term.target} to {path.name}.", markup=False)

    # ------------------------------------------------------------------------------------ command palette

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        for action, title, description in COMMANDS:
            yield SystemCommand(title, description, lambda action=action: self.run_action(action))
