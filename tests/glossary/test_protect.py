"""Protect/restore around fake engines: placeholders in order, restored and capitalised, verified, with a
fallback that translates again and aligns the terms; and the round trip under an identity engine."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.fakes import RewritingEngine
from translator.errors import TranslatorError
from translator.glossary import Glossary, GlossaryTerm, protect, restore, translate_with_glossary
from translator.placeholders import DEFAULT_STYLE, PlaceholderStyle


def test_protect_masks_terms_in_order(glossary: Glossary) -> None:
    protected = protect("Vladimir Poutine et SpaceX", glossary)
    assert protected.text == "⟦T1⟧ et ⟦T2⟧"
    assert [slot.rendering for slot in protected.slots] == ["Vladimir Putin", "SpaceX"]
    assert "_" not in DEFAULT_STYLE.format(20)


def test_restore_capitalises_a_term_that_opens_the_sentence(glossary: Glossary) -> None:
    protected = protect("Son habilitation de sécurité", glossary)
    assert restore("⟦T1⟧ is revoked.", protected).text == "Security clearance is revoked."
    assert restore("His ⟦T1⟧.", protected).text == "His security clearance."
    assert restore("« ⟦T1⟧ »", protected).text == "« Security clearance »"


RESTORE_FAILURES = [
    # lost
    ("⟦T1⟧ met", "was lost"),
    # duplicated
    ("⟦T1⟧ met ⟦T2⟧ and ⟦T2⟧", "came back 2 times"),
    # mangled with spaces
    ("⟦T1⟧ met ⟦ T2 ⟧", "came back mangled"),
    # a placeholder that was never sent
    ("⟦T1⟧ met ⟦T2⟧ ⟦T3⟧", "unexpected placeholder ⟦T3⟧"),
    # half a placeholder left over
    ("⟦T1⟧ met ⟦T2⟧ ⟧", "left over"),
]


@pytest.mark.parametrize(("translated", "problem"), RESTORE_FAILURES)
def test_restore_detects_bad_placeholders_and_falls_back(glossary: Glossary, translated: str, problem: str) -> None:
    protected = protect("Poutine a rencontré SpaceX", glossary)
    unusable = restore(translated, protected)
    assert not unusable.usable and unusable.needs_review
    assert any(problem in text for text in unusable.problems)
    # With a retranslate callback: the sentence is translated without the mask and the terms aligned.
    calls: list[list[str]] = []

    def retranslate(sentences: list[str]) -> list[str]:
        calls.append(sentences)
        return ["Poutine met SpaceX", "Poutine", "SpaceX"]

    result = restore(translated, protected, retranslate)
    assert calls == [["Poutine a rencontré SpaceX", "Poutine", "SpaceX"]]
    assert result.usable and result.fallback and result.needs_review
    assert result.text == "Putin met SpaceX"
    assert [use.placement for use in result.terms] == ["aligned", "aligned"]


def test_one_engine_call_when_placeholders_survive(glossary: Glossary) -> None:
    engine = RewritingEngine({" a rencontré ": " met ", " à ": " in "})
    results = translate_with_glossary(
        ["Vladimir Poutine a rencontré SpaceX", "Rien ici", "Poutine à Kiev"], "fr", "en", engine, glossary
    )
    assert len(engine.calls) == 1
    assert [r.text for r in results] == ["Vladimir Putin met SpaceX", "Rien ici", "Putin in Kyiv"]
    assert not any(r.needs_review for r in results)


FALLBACK_CASES = [
    # the engine drops a placeholder; the plain translation keeps the source name
    ({"⟦T2⟧": ""}, "Putin met SpaceX"),
    # the engine duplicates a placeholder
    ({"⟦T1⟧": "⟦T1⟧ ⟦T1⟧"}, "Putin met SpaceX"),
    # the engine mangles a placeholder
    ({"⟦T1⟧": "[T1]"}, "Putin met SpaceX"),
]


@pytest.mark.parametrize(("damage", "expected"), FALLBACK_CASES)
def test_fallback_translates_again_without_the_mask(glossary: Glossary, damage: dict[str, str], expected: str) -> None:
    engine = RewritingEngine({**damage, " a rencontré ": " met "})
    results = translate_with_glossary(["Poutine a rencontré SpaceX", "Rien"], "fr", "en", engine, glossary)
    assert len(engine.calls) == 2
    # the second call: the failed sentence without placeholders, then its terms alone
    assert engine.calls[1] == ["Poutine a rencontré SpaceX", "Poutine", "SpaceX"]
    assert results[0].text == expected and results[0].fallback and results[0].needs_review
    assert results[1].text == "Rien" and not results[1].needs_review


def test_fallback_uses_the_engine_rendering_of_the_term_alone(glossary: Glossary) -> None:
    # Dropped placeholder; the unmasked translation says "Poutin", as the engine renders the name alone.
    engine = RewritingEngine({"⟦T1⟧": "", "Poutine": "Poutin", " a rencontré ": " met "})
    [result] = translate_with_glossary(["Poutine a rencontré SpaceX"], "fr", "en", engine, glossary)
    assert result.text == "Putin met SpaceX"


class ScriptedEngine:
    """Answers each sentence from a script."""

    def __init__(self, script: dict[str, str]) -> None:
        self.script = script

    def translate_batch(self, sentences: Sequence[str], source: str, target: str) -> list[str]:
        return [self.script[sentence] for sentence in sentences]


def test_a_term_that_cannot_be_placed_is_reported_not_dropped(glossary: Glossary) -> None:
    # The placeholder is lost, and the plain translation says neither Poutine nor how the engine renders it.
    engine = ScriptedEngine({"⟦T1⟧ parle": "He speaks", "Poutine parle": "The president speaks", "Poutine": "Pootin"})
    [result] = translate_with_glossary(["Poutine parle"], "fr", "en", engine, glossary)
    assert result.text == "The president speaks"
    assert result.fallback and result.needs_review
    assert [use.placed for use in result.terms] == [False]
    assert any("could not be placed" in problem for problem in result.problems)


def test_more_terms_than_slots_are_aligned(glossary: Glossary) -> None:
    sentence = " ".join(["SpaceX"] * 25)
    protected = protect(sentence, glossary)
    assert len(protected.slots) == 20 and len(protected.unmasked) == 5
    [result] = translate_with_glossary([sentence], "fr", "en", RewritingEngine(), glossary)
    assert result.text == sentence and not result.needs_review


def test_text_that_already_holds_placeholders_is_not_masked(glossary: Glossary) -> None:
    sentence = "⟦T1⟧ Poutine"
    assert protect(sentence, glossary).text == sentence
    [result] = translate_with_glossary([sentence], "fr", "en", RewritingEngine(), glossary)
    assert result.text == "⟦T1⟧ Putin"


def test_placeholder_style_is_configurable_and_validated(glossary: Glossary) -> None:
    style = PlaceholderStyle("XX", "XX")
    protected = protect("Poutine", glossary, style)
    assert protected.text == "XX1XX"
    assert restore("XX1XX", protected).text == "Putin"
    for prefix, suffix in [("T_", "_"), ("", "]"), ("T1", "")]:
        with pytest.raises(TranslatorError):
            PlaceholderStyle(prefix, suffix)


def test_engine_may_ask_for_its_placeholder_form(glossary: Glossary) -> None:
    engine = RewritingEngine()
    # an attribute the fake engine does not declare: the pipeline looks for it on any engine
    engine.placeholder_style = PlaceholderStyle("XX", "XX")  # type: ignore[attr-defined]
    translate_with_glossary(["Poutine"], "fr", "en", engine, glossary)
    assert engine.calls == [["XX1XX"]]


def test_a_glossary_serves_only_its_pair(glossary: Glossary) -> None:
    with pytest.raises(TranslatorError, match="fr-en"):
        translate_with_glossary(["x"], "de", "en", RewritingEngine(), glossary)


# Hypothesis: restore(protect(s)) == s under an identity engine, for do-not-translate terms.
KEEP_TERMS = ["SpaceX", "Starlink", "US Space Force", "NSSL", "NSSL Phase 3", "Crew Dragon", "US"]
KEEP_GLOSSARY = Glossary(
    [
        GlossaryTerm(term, term, "product", ("keep", "case-sensitive") if term == "US" else ("keep",))
        for term in KEEP_TERMS
    ],
    "fr",
    "en",
)
pieces = st.one_of(
    st.sampled_from(KEEP_TERMS),
    st.sampled_from(KEEP_TERMS).map(str.upper),
    st.sampled_from(KEEP_TERMS).map(str.lower),
    st.sampled_from([" ", "  ", "\u00a0", "l'", "d’", "aujourd'", ", ", ". ", "-", "⟦", "⟧", "T1", "3", "_"]),
    st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=6),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(pieces, max_size=30).map("".join))
def test_restore_of_protect_is_identity_under_an_identity_engine(sentence: str) -> None:
    protected = protect(sentence, KEEP_GLOSSARY)
    result = restore(protected.text, protected)
    assert result.text == sentence
    assert result.usable and not result.fallback
    [batched] = translate_with_glossary([sentence], "fr", "en", RewritingEngine(), KEEP_GLOSSARY)
    assert batched.text == sentence


DECLINED = Glossary(
    [
        GlossaryTerm("Kremlin", "Кремль", "organisation", ("check-only",), target_variants=("Кремля", "Кремле")),
        GlossaryTerm("Starlink", "Starlink", "product", ("keep",)),
    ],
    "en",
    "ru",
)


@pytest.mark.parametrize(
    ("translated", "kremlin", "review"),
    [
        ("В Кремле обсуждали ⟦T1⟧.", ("Кремле", "checked"), False),  # a form of it: found as MT wrote it
        ("В Kremlin обсуждали ⟦T1⟧.", ("Кремль", "unplaced"), True),  # none: the unit needs review
    ],
)
def test_a_check_only_term_is_left_to_mt_and_looked_for_after(
    translated: str, kremlin: tuple[str, str], review: bool
) -> None:
    protected = protect("The Kremlin discussed Starlink.", DECLINED)
    assert protected.text == "The Kremlin discussed ⟦T1⟧."  # the brand masked, the declined name left as it is
    result = restore(translated, protected)
    assert [(use.match.text, use.rendering, use.placement) for use in result.terms] == [
        ("Kremlin", *kremlin),
        ("Starlink", "Starlink", "masked"),
    ]
    assert result.text == translated.replace("⟦T1⟧", "Starlink")  # nothing put in for the check-only term
    assert result.needs_review is review
