"""Placing terms in a translation: the one-use wording search (against a plain reference), capitalisation at
a sentence start, and alignment of terms into a translation made without placeholders."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from translator.glossary import Glossary
from translator.glossary.align import WordingSearch, align_terms, at_position, wording_pattern


def reference_first_free(pattern: re.Pattern[str], text: str, taken: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The rule, written the slow obvious way: the first hit that overlaps nothing taken."""
    for hit in pattern.finditer(text):
        if all(hit.end() <= start or hit.start() >= end for start, end in taken):
            return hit.span()
    return None


wordings = st.sampled_from(["ab", "a b", "b", "ab ab", "l'a", "B", "ba", "a-b"])


@settings(max_examples=300, deadline=None)
@given(
    st.text(st.sampled_from("ab '’-AB\u00a0"), max_size=60),
    st.lists(st.tuples(wordings, st.booleans(), st.booleans()), max_size=12),
)
def test_wording_search_agrees_with_the_reference(text: str, asks: list[tuple[str, bool, bool]]) -> None:
    search = WordingSearch(text)
    taken: list[tuple[int, int]] = []
    for wording, case_sensitive, take in asks:
        expected = reference_first_free(wording_pattern(wording, case_sensitive), text, taken)
        assert search.find(wording, case_sensitive) == expected
        if take and expected is not None:
            search.take(expected)
            taken.append(expected)


def plain_pattern(wording: str, case_sensitive: bool) -> re.Pattern[str]:
    """The wording rule written the obvious way: word boundaries as lookarounds at both ends."""
    body = "".join("['’ʼ‘]" if c in "'’ʼ‘" else r"\s+" if c.isspace() else re.escape(c) for c in wording)
    before = r"(?<!\w)" if wording[0].isalnum() else ""
    after = r"(?!\w)" if wording[-1].isalnum() else ""
    return re.compile(before + body + after, 0 if case_sensitive else re.IGNORECASE)


@settings(max_examples=300, deadline=None)
@given(
    st.text(st.sampled_from("aB'’ -\n"), min_size=1, max_size=6).filter(lambda w: w.strip() == w),
    st.text(st.sampled_from("aAbB'’ -\n\t_é"), max_size=40),
    st.booleans(),
)
def test_wording_pattern_matches_what_the_plain_rule_matches(wording: str, text: str, case_sensitive: bool) -> None:
    found = [hit.span() for hit in wording_pattern(wording, case_sensitive).finditer(text)]
    assert found == [hit.span() for hit in plain_pattern(wording, case_sensitive).finditer(text)]


PATTERNS = [
    # whole words only
    ("form", "format form", (7, 11)),
    # any apostrophe and any run of spaces
    ("l'ancien premier", "l’ancien \u00a0premier", (0, 17)),
    # punctuation at the ends needs no word boundary
    ("(ESA)", "x(ESA)y", (1, 6)),
]


@pytest.mark.parametrize(("wording", "text", "span"), PATTERNS)
def test_wording_pattern(wording: str, text: str, span: tuple[int, int]) -> None:
    assert WordingSearch(text).find(wording, case_sensitive=False) == span


def test_an_empty_wording_is_found_nowhere() -> None:
    assert WordingSearch("anything").find("", case_sensitive=True) is None


CAPITALISED = [
    # the sentence opens with the term
    ("⟦T1⟧ is revoked.", 0, "Security clearance"),
    # after a sentence end and openers
    ("Done. « ⟦T1⟧", 8, "Security clearance"),
    # inside a sentence
    ("His ⟦T1⟧.", 4, "security clearance"),
]


@pytest.mark.parametrize(("text", "offset", "rendering"), CAPITALISED)
def test_at_position(glossary: Glossary, text: str, offset: int, rendering: str) -> None:
    [match] = glossary.find_terms("habilitation de sécurité")
    assert at_position("security clearance", match, text, offset) == rendering


def test_kept_terms_are_never_capitalised(glossary: Glossary) -> None:
    [match] = glossary.find_terms("spacex")
    assert at_position("spacex", match, "spacex flies", 0) == "spacex"


ALIGN_CASES = [
    # the engine kept the source name: it becomes the target term
    ("Poutine et Kiev", "Poutine and Kiev", {}, "Putin and Kyiv"),
    # the engine's rendering of the term alone is found and replaced
    ("Poutine parle", "Pootin speaks", {"Poutine": "Pootin."}, "Putin speaks"),
    # each place is used once: two occurrences, two places
    ("Poutine et Poutine", "Poutine and Poutine", {}, "Putin and Putin"),
    # a term opening the translation is capitalised
    ("habilitation de sécurité", "habilitation de sécurité revoked", {}, "Security clearance revoked"),
]


@pytest.mark.parametrize(("source", "plain", "hints", "expected"), ALIGN_CASES)
def test_align_terms(glossary: Glossary, source: str, plain: str, hints: dict[str, str], expected: str) -> None:
    text, uses = align_terms(plain, glossary.find_terms(source), hints)
    assert text == expected
    assert all(use.placement == "aligned" for use in uses)


def test_a_term_found_nowhere_is_unplaced(glossary: Glossary) -> None:
    text, [use] = align_terms("The president speaks", glossary.find_terms("Poutine parle"), {})
    assert text == "The president speaks" and use.placement == "unplaced" and not use.placed


def test_a_long_translation_gets_the_same_placements_as_its_pieces(glossary: Glossary) -> None:
    """Alignment over a long text (linear now) places every term as it does piece by piece."""
    piece = "Poutine et Kiev, puis l'US Space Force et Poutine. "
    plain = "Poutine and Kiev, then the US Space Force and Poutine. "
    text, uses = align_terms(plain * 2000, glossary.find_terms(piece * 2000), {})
    one_text, one_uses = align_terms(plain, glossary.find_terms(piece), {})
    assert text == one_text * 2000
    assert [use.rendering for use in uses] == [use.rendering for use in one_uses] * 2000
