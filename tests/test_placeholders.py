"""Placeholders shared by term and link masking: masking, numbering, verification, filling; round trips."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from translator.errors import TranslatorError
from translator.placeholders import DEFAULT_STYLE, PlaceholderStyle, fill, mask, placeholder_problems

STYLE = DEFAULT_STYLE


def test_mask_numbers_spans_in_order_from_first() -> None:
    assert mask("a SpaceX b Starlink c", [(2, 8), (11, 19)], STYLE) == "a ⟦T1⟧ b ⟦T2⟧ c"
    assert mask("see https://x.org now", [(4, 17)], STYLE, first=3) == "see ⟦T3⟧ now"
    assert mask("nothing", [], STYLE) == "nothing"


FIRST_FREE = [
    # no placeholder yet
    ("plain text", 1),
    # above the highest one held, whatever the order
    ("⟦T2⟧ and ⟦T1⟧", 3),
    # a bent placeholder is not a placeholder
    ("⟦ T4 ⟧", 1),
]


@pytest.mark.parametrize(("text", "first"), FIRST_FREE)
def test_first_free_number(text: str, first: int) -> None:
    assert STYLE.first_free(text) == first


PROBLEMS = [
    # every expected placeholder once: nothing wrong
    ("⟦T1⟧ met ⟦T2⟧", True, []),
    # lost
    ("⟦T1⟧ met", True, ["placeholder ⟦T2⟧ for 'B' was lost"]),
    # doubled
    ("⟦T1⟧ ⟦T1⟧ met ⟦T2⟧", True, ["placeholder ⟦T1⟧ for 'A' came back 2 times"]),
    # bent by the model
    ("⟦T1⟧ met ⟦ t2 ⟧", True, ["placeholder ⟦T2⟧ for 'B' came back mangled"]),
    # one nobody sent, for a caller that masks alone
    ("⟦T1⟧ met ⟦T2⟧ ⟦T3⟧", True, ["unexpected placeholder ⟦T3⟧"]),
    # the same, for a caller that shares the sentence with others (the link guard): not its business
    ("⟦T1⟧ met ⟦T2⟧ ⟦T3⟧", False, []),
    # half a placeholder left over
    ("⟦T1⟧ met ⟦T2⟧ ⟧", True, ["placeholder characters left over: a placeholder came back mangled"]),
]


@pytest.mark.parametrize(("translated", "exclusive", "problems"), PROBLEMS)
def test_placeholder_problems(translated: str, exclusive: bool, problems: list[str]) -> None:
    assert placeholder_problems(translated, {1: "'A'", 2: "'B'"}, STYLE, exclusive=exclusive) == problems


def test_fill_replaces_only_what_render_gives_and_passes_the_offset() -> None:
    seen: list[tuple[int, int]] = []

    def render(number: int, offset: int) -> str | None:
        seen.append((number, offset))
        return {1: "Putin", 3: ""}.get(number)

    assert fill("⟦T1⟧ met ⟦T2⟧⟦T3⟧.", STYLE, render) == "Putin met ⟦T2⟧."
    assert seen == [(1, 0), (2, 9), (3, 13)]


@pytest.mark.parametrize(("prefix", "suffix"), [("T_", "_"), ("", "]"), ("T1", ""), ("[ T", "]")])
def test_bad_forms_are_refused(prefix: str, suffix: str) -> None:
    with pytest.raises(TranslatorError, match="bad placeholder form"):
        PlaceholderStyle(prefix, suffix)


def test_looks_masked() -> None:
    assert STYLE.looks_masked("a ⟦ b") and STYLE.looks_masked("a ⟦ T 3 ⟧") and not STYLE.looks_masked("a T3 b")


@st.composite
def text_and_spans(draw: st.DrawFn) -> tuple[str, list[tuple[int, int]]]:
    # Digits and T next to the spans: a placeholder must not run into its neighbours.
    text = draw(st.text(st.sampled_from("ab T12.'\u00a0"), max_size=40))
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=8, unique=True)))
    spans = [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts) - 1, 2) if cuts[i] < cuts[i + 1]]
    return text, spans


@settings(max_examples=300, deadline=None)
@given(text_and_spans())
def test_fill_of_mask_gives_the_text_back(case: tuple[str, list[tuple[int, int]]]) -> None:
    text, spans = case
    assert not STYLE.looks_masked(text)
    masked = mask(text, spans, STYLE)
    originals = {number: text[start:end] for number, (start, end) in enumerate(spans, start=1)}
    assert placeholder_problems(masked, {n: repr(o) for n, o in originals.items()}, STYLE, exclusive=True) == []
    assert fill(masked, STYLE, lambda number, _: originals[number]) == text
