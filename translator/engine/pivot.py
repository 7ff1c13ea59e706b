"""Pivoting: translate a pair no model serves directly through English, as two legs of the same engine.

The wrapper counterpart of argostranslate's CompositeTranslation: the wrapped engine's `model_id` says
whether it serves a pair (EngineError when not); when it does not, and both legs through the pivot
language are served, every sentence goes through both, each leg one batched call.
"""

from __future__ import annotations

from collections.abc import Sequence

from translator.engine.base import Engine
from translator.errors import EngineError

PIVOT_LANGUAGE = "en"
"""The language most packages translate from and into."""

Leg = tuple[str, str]


class Pivot:
    """An engine that pivots through a language when the wrapped engine has no direct model."""

    def __init__(self, engine: Engine, via: str = PIVOT_LANGUAGE) -> None:
        self.engine = engine
        self.via = via

    def route(self, source: str, target: str) -> tuple[Leg, ...]:
        """The pairs a translation goes through: the pair itself, else source->via->target; raise the
        wrapped engine's EngineError for the pair when neither is served."""
        try:
            self.engine.model_id(source, target)
            return ((source, target),)
        except EngineError as direct:
            if source == target or self.via in (source, target):
                raise
            legs = ((source, self.via), (self.via, target))
            try:
                for leg in legs:
                    self.engine.model_id(*leg)
            except EngineError:
                raise direct from None
            return legs

    def model_id(self, source: str, target: str) -> str:
        """The ids of the models of every leg, joined by `+`."""
        return "+".join(self.engine.model_id(*leg) for leg in self.route(source, target))

    def translate_batch(self, sentences: Sequence[str], source: str, target: str) -> list[str]:
        """Translate through every leg in turn, one batched call per leg."""
        if source == target:
            return self.engine.translate_batch(sentences, source, target)
        texts = list(sentences)
        for leg in self.route(source, target):
            texts = self.engine.translate_batch(texts, *leg)
        return texts
