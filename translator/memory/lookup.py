"""The translation memory as the pipeline consults it, in one layer: whole threads by input, then
blocks and sentences by text; every key is made by `translator.memory.keys`.

What comes back is what a fresh translation would give: a machine translation carries the glossary
terms it was made with, so a unit reused from the memory and one from the engine are the same.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from translator.memory.keys import thread_key
from translator.memory.store import CachedThread, Dependency, MemoryEntry, TranslationMemory

if TYPE_CHECKING:
    from translator.memory.kept import KeptThread


@dataclass(frozen=True, slots=True)
class Recalled:
    """A translation the memory holds for a text (a sentence or a whole block)."""

    target: str
    """The translation."""
    terms: tuple[str, ...] = ()
    """The glossary terms it carries, as `source -> target` (none for a human translation)."""
    human: bool = False
    """A person's translation (reused whatever the model) rather than a machine one."""


@dataclass(frozen=True, slots=True)
class Made:
    """A machine translation of a text, to remember."""

    target: str
    """The translation."""
    terms: tuple[str, ...] = ()
    """The glossary terms it carries."""


class MemoryLookup:
    """Lookups and stores of one run against a translation memory."""

    def __init__(self, store: TranslationMemory, fingerprint: str | None = None) -> None:
        """fingerprint: `keys.settings_fingerprint` of the run's settings, under which whole threads are
        kept and found; None keeps no whole thread (texts are still reused and remembered)."""
        self.store = store
        self.fingerprint = fingerprint

    def kept_threads(self, digests: Sequence[str | None]) -> list[tuple[KeptThread, tuple[Dependency, ...]] | None]:
        """Per input digest, the thread kept for it with the models and glossaries it was made with;
        None for an input not kept (or unreadable, or kept damaged: it is translated again)."""
        from translator.memory.kept import decode_kept

        if self.fingerprint is None:
            return [None] * len(digests)
        fingerprint = self.fingerprint
        keys = [thread_key(fingerprint, digest) if digest is not None else None for digest in digests]
        found = self.store.cached_threads(key for key in keys if key is not None)
        kept: list[tuple[KeptThread, tuple[Dependency, ...]] | None] = []
        for key in keys:
            cached = found.get(key) if key is not None else None
            try:
                kept.append((decode_kept(cached.payload), cached.dependencies) if cached is not None else None)
            except (ValueError, TypeError, zlib.error):
                kept.append(None)
        return kept

    def keep_threads(self, threads: Iterable[tuple[str, KeptThread, tuple[Dependency, ...]]]) -> int:
        """Keep translated threads by input digest with their pairs' dependencies; a thread whose units do
        not follow its blocks is not kept (it is translated again next time rather than kept inexact)."""
        from translator.memory.kept import encode_kept

        if self.fingerprint is None:
            return 0
        cached = []
        for digest, kept, dependencies in threads:
            try:
                payload = encode_kept(kept)
            except ValueError:
                continue
            cached.append(CachedThread(thread_key(self.fingerprint, digest), dependencies, payload))
        return self.store.store_threads(cached)

    def recall(
        self, texts: Iterable[str], source: str, target: str, model_id: str, glossary_version: str
    ) -> dict[str, Recalled]:
        """The reusable translation of each text the memory knows: a person's, else one made by this model
        with this glossary version."""
        found = self.store.lookup(texts, source, target, model_id, glossary_version)
        return {
            text: Recalled(entry.target, entry.terms or (), entry.origin == "human") for text, entry in found.items()
        }

    def remember(self, made: Mapping[str, Made], source: str, target: str, model_id: str, glossary_version: str) -> int:
        """Store machine translations of texts, with the terms they carry."""
        return self.store.store(
            MemoryEntry(source, target, text, item.target, "machine", model_id, glossary_version, item.terms)
            for text, item in made.items()
        )
