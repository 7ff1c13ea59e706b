"""The one engine interface: every engine and every wrapper (link guard, pivot) translates through it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol


class Engine(Protocol):
    """Anything that translates batches of sentences between two languages."""

    def translate_batch(self, sentences: Sequence[str], source: str, target: str) -> list[str]:
        """One translation per sentence, in order."""
        ...

    def model_id(self, source: str, target: str) -> str:
        """What identifies the model(s) used for a pair, for memory invalidation; raise EngineError when
        the pair cannot be translated."""
        ...
