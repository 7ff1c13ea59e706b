"""QA against the glossary: each term rendered once per occurrence, forbidden wordings, kept terms."""

from __future__ import annotations

import pytest

from translator.glossary import Glossary, check_terms

QA_CASES = [
    # everything right
    ("Poutine à Kiev", "Putin in Kyiv", []),
    # preferred term missing
    ("Poutine à Kiev", "Putin in the capital", ["missing-term"]),
    # forbidden wording present (and the preferred one missing)
    ("Poutine à Kiev", "Putin in Kiev", ["missing-term", "forbidden-term"]),
    # do-not-translate term changed
    ("SpaceX lance", "Space X launches", ["not-kept"]),
    # a term twice in the source needs to be there twice
    ("Poutine et Poutine", "Putin and him", ["missing-term"]),
    # the full name is not counted as the surname of another occurrence
    ("Vladimir Poutine et Poutine", "Vladimir Putin and Putin", []),
    ("Vladimir Poutine et Poutine", "Vladimir Putin", ["missing-term"]),
    # the person left untranslated is the forbidden "Poutine"
    ("Poutine parle", "Poutine speaks", ["missing-term", "forbidden-term"]),
    # the dish stays a dish
    ("une poutine", "a poutine", []),
    # a forbidden entry applies to every translation
    ("à Kharkiv", "in Kharkov", ["forbidden-term"]),
]


@pytest.mark.parametrize(("source", "target", "codes"), QA_CASES)
def test_check_terms(glossary: Glossary, source: str, target: str, codes: list[str]) -> None:
    assert [issue.code for issue in check_terms(source, target, glossary)] == codes
