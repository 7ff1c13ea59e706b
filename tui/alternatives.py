"""Other translations of the current block (translation memory, earlier machine text) and sentence alignment.

The memory is searched for the block's normalised source, whatever model made a machine entry (the
pipeline's `lookup` only returns machine entries of the current model), and sentence by sentence, so a
block whose sentences were each translated before gets a joined alternative too.
"""

from __future__ import annotations

import functools
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from translator.memory.keys import text_key
from translator.memory.store import MemoryEntry, TranslationMemory
from translator.models import TranslationUnit

LABELS = {"human": "memory, reviewed", "machine": "memory, machine"}


@dataclass(frozen=True, slots=True)
class Alternative:
    """A translation the reviewer may take instead of (or into) the current one."""

    text: str
    """The translation."""
    origin: str
    """Where it comes from, for the panel: `memory, reviewed`, `memory, machine`, `earlier machine text`..."""


@functools.lru_cache(maxsize=4096)
def sentences(text: str, lang: str) -> tuple[str, ...]:
    """The sentences of a text (cached: moving back and forth must not split again)."""
    from translator.segment import split_sentences

    return tuple(split_sentences(text, lang))


def sentence_spans(text: str, lang: str) -> list[tuple[int, int]] | None:
    """Where each sentence of a text starts and ends; None when a sentence cannot be found back in it."""
    spans, position = [], 0
    for sentence in sentences(text, lang):
        start = text.find(sentence, position)
        if start < 0:
            return None
        spans.append((start, start + len(sentence)))
        position = start + len(sentence)
    return spans


ALIGNED_MAX_CHARS = 5000
"""The longest block shown sentence by sentence: its table is drawn whole on every change around it (a
200 KB comment, 3,000 sentence pairs, took 15 s to show), and splitting it takes a while too; longer
blocks are shown whole, side by side, in panes that draw only the lines in view."""


def aligned_spans(
    source: str, source_lang: str, target: str, target_lang: str
) -> list[tuple[tuple[int, int], tuple[int, int]]] | None:
    """Sentence pairs (source span, target span) when both sides have the same number (two or more) of
    sentences; None otherwise (the whole block is shown side by side instead), and for a block longer than
    ALIGNED_MAX_CHARS on either side."""
    if not source.strip() or not target.strip():
        return None
    if max(len(source), len(target)) > ALIGNED_MAX_CHARS:
        return None
    source_spans = sentence_spans(source, source_lang)
    if source_spans is None or len(source_spans) < 2:
        return None
    target_spans = sentence_spans(target, target_lang)
    if target_spans is None or len(source_spans) != len(target_spans):
        return None
    return list(zip(source_spans, target_spans, strict=True))


class MemorySearch:
    """Reads the translation memory for alternatives (its own read connection, on the UI thread)."""

    def __init__(self, memory: TranslationMemory) -> None:
        self.memory = memory
        self._connection: sqlite3.Connection | None = None

    @property
    def path(self) -> Path:
        return self.memory.path

    def connection(self) -> sqlite3.Connection:
        if self._connection is None:
            self._connection = sqlite3.connect(f"file:{self.memory.path}?mode=ro", uri=True, timeout=5)
        return self._connection

    def entries(self, sources: list[str], source_lang: str, target_lang: str) -> dict[str, list[MemoryEntry]]:
        """Every entry (human first, newest first) for each normalised source."""
        keys = list(dict.fromkeys(text_key(source) for source in sources))
        found: dict[str, list[MemoryEntry]] = {}
        if not keys:
            return found
        marks = ",".join("?" * len(keys))
        rows = (
            self.connection()
            .execute(
                "SELECT source_key, origin, source, target, model_id, glossary_version FROM entries "
                f"WHERE source_lang = ? AND target_lang = ? AND source_key IN ({marks}) "
                "ORDER BY origin = 'human' DESC, updated DESC",
                [source_lang, target_lang, *keys],
            )
            .fetchall()
        )
        for key, origin, source, target, model_id, glossary_version in rows:
            found.setdefault(key, []).append(
                MemoryEntry(source_lang, target_lang, source, target, origin, model_id, glossary_version)
            )
        return found

    def alternatives(self, unit: TranslationUnit) -> list[Alternative]:
        """The memory's translations of a block: of the whole block, then joined sentence by sentence."""
        source, src, tgt = unit.block.text, unit.source_lang, unit.target_lang
        if not source.strip() or src in ("und", tgt):
            return []
        parts = list(sentences(source, src))
        try:
            found = self.entries([source, *parts], src, tgt)
        except sqlite3.Error:
            return []
        result = [Alternative(entry.target, LABELS[entry.origin]) for entry in found.get(text_key(source), [])]
        if len(parts) > 1:
            pieces = [found.get(text_key(part)) for part in parts]
            if all(pieces):
                chosen = [entries[0] for entries in pieces if entries]
                kind = "reviewed" if all(entry.origin == "human" for entry in chosen) else "machine"
                result.append(Alternative(" ".join(entry.target for entry in chosen), f"memory by sentence, {kind}"))
        return result

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None


def alternatives(unit: TranslationUnit, memory: MemorySearch | None) -> list[Alternative]:
    """Translations of the block other than its current one: the memory's, then the earlier machine text."""
    found = memory.alternatives(unit) if memory is not None else []
    if unit.previous:
        found.append(Alternative(unit.previous, "earlier machine text"))
    seen = {unit.target.strip()}
    unique = []
    for alternative in found:
        if alternative.text.strip() and alternative.text.strip() not in seen:
            seen.add(alternative.text.strip())
            unique.append(alternative)
    return unique
