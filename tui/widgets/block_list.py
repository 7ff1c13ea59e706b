"""The thread as a list on the left: a header per post, one row per block with status icon and language badge."""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from translator.detect.detector import is_low_confidence
from translator.display import date_text, visible
from translator.models import Post, TranslationUnit
from tui.messages import BlockChosen

ICONS = {
    "reviewed": ("✓", "bold green"),
    "edited": ("✎", "bold yellow"),
    "issues": ("!", "bold red"),
    "draft": ("·", "dim"),
}
ROW_CHARS = 400
"""How much of a block's source its row holds: more than any list is wide, and a 200 KB comment is not copied
into its row (nor measured there) each time the row is drawn again."""
KIND_MARKS = {"title": "T", "subtitle": "t", "heading": "H", "quote": "❝", "source": "↗", "question": "?", "code": "⌨"}


def unit_state(unit: TranslationUnit) -> str:
    """`reviewed`, `edited` (changed by a person, not approved), `issues` or `draft`."""
    if unit.status == "reviewed":
        return "reviewed"
    if unit.origin == "human":
        return "edited"
    return "issues" if unit.issues else "draft"


def block_row(unit: TranslationUnit) -> Text:
    """The list row of a block: icon, language badge (`fr?` when its detection is unsure), kind mark, the start
    of the source (all as data)."""
    icon, style = ICONS[unit_state(unit)]
    row = Text(no_wrap=True, overflow="ellipsis")
    row.append(f"{icon} ", style=style)
    if is_low_confidence(unit.block):
        row.append(f"{unit.source_lang + '?':>3}", style="bold yellow")  # the language is a guess: look
    else:
        row.append(f"{unit.source_lang:>3}", style="reverse" if unit.block.lang_source == "manual" else "bold")
    indent = "   " if unit.block.kind == "quote" else " "
    row.append(f"{indent}{KIND_MARKS.get(unit.block.kind, ' ')} ", style="dim")
    row.append(visible(unit.block.text[:ROW_CHARS]).replace("\n", " "))
    return row


def post_row(post: Post | None, post_id: str) -> Text:
    """The header row of a post: id, author, date."""
    row = Text(no_wrap=True, overflow="ellipsis", style="bold")
    row.append(f"▾ {visible(post_id)}")
    if post is not None:
        row.append(f" · {visible(post.author or 'unknown')}")
        if post.date:
            row.append(f" · {date_text(post.date)}", style="dim")
    return row


class BlockList(OptionList):
    """Every block (of the current filter), grouped under its post; highlighting one makes it current."""

    def show(self, units: Iterable[TranslationUnit], posts: dict[str, Post], current: str | None = None) -> None:
        """Fill the list with these units (and their post headers), keeping `current` highlighted."""
        options: list[Option] = []
        last_post = None
        for unit in units:
            if unit.post_id != last_post:
                last_post = unit.post_id
                options.append(
                    Option(post_row(posts.get(unit.post_id), unit.post_id), id=f"post:{unit.post_id}", disabled=True)
                )
            options.append(Option(block_row(unit), id=unit.block.id))
        self.set_options(options)
        self.visible_ids = [option.id for option in options if option.id and not option.id.startswith("post:")]
        if current is not None and current in self.visible_ids:
            self.highlight_block(current)
        elif self.visible_ids:
            self.highlight_block(self.visible_ids[0])

    def highlight_block(self, block_id: str) -> None:
        """Make a block current."""
        self.highlighted = self.get_option_index(block_id)

    def refresh_block(self, unit: TranslationUnit) -> None:
        """Draw a block's row again after it changed."""
        if unit.block.id in self._id_to_option:
            self.replace_option_prompt(unit.block.id, block_row(unit))

    @property
    def current(self) -> str | None:
        """The highlighted block id."""
        option = self.highlighted_option
        return option.id if option is not None else None

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option.id and not event.option.id.startswith("post:"):
            self.post_message(BlockChosen(event.option.id))
