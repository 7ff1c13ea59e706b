"""Messages the review widgets send up to the app: small dataclasses named for what happened."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from translator.models import TranslationUnit


@dataclass
class BlockChosen(Message):
    """The reviewer moved to a block in the list."""

    block_id: str
    """The block now current."""


@dataclass
class EditFinished(Message):
    """The reviewer left the translation editor."""

    block_id: str
    """The block edited."""
    text: str
    """The translation as typed."""
    approve: bool = False
    """Whether they left with the approve key (approve and move on)."""
    move: int = 0
    """Whether they left with Tab (1) or Shift+Tab (-1): edit the next or previous block."""


@dataclass
class InsertRequested(Message):
    """The reviewer asked, from the editor, to insert item N of the panel (a term or an alternative)."""

    number: int
    """The item's number as shown in the panel (0 is the tenth)."""


@dataclass
class Retranslated(Message):
    """A re-translation worker finished a block."""

    made: TranslationUnit
    """The block translated again."""
    asked: TranslationUnit
    """The unit as it was when the re-translation was asked for."""


@dataclass
class RetranslationFailed(Message):
    """A re-translation worker could not translate a block."""

    block_id: str
    """The block."""
    message: str
    """Why, for the reviewer."""
