"""Pivoting around a fake engine: direct when served, through English otherwise, the direct error when neither."""

from __future__ import annotations

import pytest

from tests.fakes import FakeEngine
from translator.engine import Pivot
from translator.errors import EngineError

PAIRS = frozenset({("fr", "en"), ("en", "de"), ("de", "en"), ("fr", "de")})


def test_direct_pair_is_one_leg() -> None:
    engine = FakeEngine(PAIRS)
    assert Pivot(engine).route("fr", "de") == (("fr", "de"),)
    assert Pivot(engine).translate_batch(["a"], "fr", "de") == ["DE: a"]
    assert Pivot(engine).model_id("fr", "de") == "fake-1:fr-de"


def test_missing_pair_goes_through_english_one_call_per_leg() -> None:
    engine = FakeEngine(PAIRS - {("fr", "de")})
    pivot = Pivot(engine)
    assert pivot.route("fr", "de") == (("fr", "en"), ("en", "de"))
    assert pivot.translate_batch(["a", "b"], "fr", "de") == ["DE: EN: a", "DE: EN: b"]
    assert [(source, target) for source, target, _ in engine.calls] == [("fr", "en"), ("en", "de")]
    assert pivot.model_id("fr", "de") == "fake-1:fr-en+fake-1:en-de"


@pytest.mark.parametrize(
    ("pairs", "source", "target"),
    [
        (PAIRS - {("fr", "de"), ("en", "de")}, "fr", "de"),  # the second leg is missing
        (PAIRS, "fr", "ja"),  # no leg at all
        (PAIRS, "ja", "en"),  # English is one side: nothing to pivot through
    ],
)
def test_no_route_raises_the_error_of_the_pair_itself(
    pairs: frozenset[tuple[str, str]], source: str, target: str
) -> None:
    pivot = Pivot(FakeEngine(pairs))
    for call in (lambda: pivot.model_id(source, target), lambda: pivot.translate_batch(["a"], source, target)):
        with pytest.raises(EngineError, match=f"no translation model for {source}->{target}"):
            call()


def test_same_language_is_left_to_the_engine() -> None:
    engine = FakeEngine(PAIRS | {("fr", "fr")})
    assert Pivot(engine).translate_batch(["a"], "fr", "fr") == ["FR: a"]
