"""Messages the review widgets send up to the app: small dataclasses named for what happened."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


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


@dataclass
class InsertRequested(Message):
    """The reviewer asked, from the editor, to insert item N of the panel (a term or an alternative)."""

    number: int
    """The item's number as shown in the panel (0 is the tenth)."""
