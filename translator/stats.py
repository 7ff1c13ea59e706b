"""What translating did, in one figure type that adds up: per thread, per file, per batch."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from translator.models import QaCode, TranslationUnit


@dataclass(frozen=True, slots=True)
class TranslationStats:
    """Counts of one translated thread, or the sum of several (`a + b`, `sum(stats, TranslationStats())`)."""

    blocks: int = 0
    """Blocks seen."""
    copied: int = 0
    """Blocks copied through (already in the target language, or no language)."""
    sentences: int = 0
    """Sentences to translate, repeats included (a block reused whole counts as one)."""
    from_memory: int = 0
    """Sentences (or whole blocks) reused from the memory."""
    translated: int = 0
    """Distinct sentences sent to the engine (a sentence several threads share counts for the first)."""
    issues: Mapping[QaCode, int] = field(default_factory=dict)
    """QA issues by code."""
    missing_pairs: tuple[str, ...] = ()
    """Language pairs (`de-en`) with no model: their blocks are left untranslated and flagged."""

    def __add__(self, other: TranslationStats) -> TranslationStats:
        if not isinstance(other, TranslationStats):
            return NotImplemented
        return TranslationStats(
            blocks=self.blocks + other.blocks,
            copied=self.copied + other.copied,
            sentences=self.sentences + other.sentences,
            from_memory=self.from_memory + other.from_memory,
            translated=self.translated + other.translated,
            issues=issue_counts((self.issues, other.issues)),
            missing_pairs=tuple(sorted({*self.missing_pairs, *other.missing_pairs})),
        )

    @property
    def issue_total(self) -> int:
        """QA issues of every code."""
        return sum(self.issues.values())


def issue_counts(counts: Iterable[Mapping[QaCode, int]]) -> dict[QaCode, int]:
    """Issue counts added up, most frequent first (ties by code)."""
    total: Counter[QaCode] = Counter()
    for count in counts:
        total.update(count)
    return dict(sorted(total.items(), key=lambda item: (-item[1], item[0])))


def unit_issue_counts(units: Iterable[TranslationUnit]) -> dict[QaCode, int]:
    """QA issue counts by code of some units."""
    return issue_counts([Counter(issue.code for unit in units for issue in unit.issues)])
