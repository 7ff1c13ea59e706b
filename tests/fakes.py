"""A fake engine for pipeline and UI tests: deterministic, records its calls, no model needed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from translator.errors import EngineError


@dataclass
class FakeEngine:
    """Translates by tagging each sentence (`EN: ...`); knows the given pairs only."""

    pairs: frozenset[tuple[str, str]] = frozenset({("fr", "en"), ("de", "en"), ("ru", "en"), ("uk", "en")})
    calls: list[tuple[str, str, list[str]]] = field(default_factory=list)
    version: str = "fake-1"

    def translate_batch(self, sentences: Sequence[str], source: str, target: str) -> list[str]:
        self.model_id(source, target)
        self.calls.append((source, target, list(sentences)))
        return [f"{target.upper()}: {sentence}" for sentence in sentences]

    def model_id(self, source: str, target: str) -> str:
        if (source, target) not in self.pairs:
            raise EngineError(f"no translation model for {source}->{target}", f"install one: {source} {target}")
        return f"{self.version}:{source}-{target}"


@dataclass
class RewritingEngine:
    """Gives each sentence back with the given replacements made (none: an identity engine); records the
    sentences of every call; serves every pair."""

    rewrite: dict[str, str] = field(default_factory=dict)
    calls: list[list[str]] = field(default_factory=list)

    def translate_batch(self, sentences: Sequence[str], source: str, target: str) -> list[str]:
        self.calls.append(list(sentences))
        out = []
        for sentence in sentences:
            for old, new in self.rewrite.items():
                sentence = sentence.replace(old, new)
            out.append(sentence)
        return out

    def model_id(self, source: str, target: str) -> str:
        return "rewriting"
