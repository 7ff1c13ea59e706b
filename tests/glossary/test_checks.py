"""QA against the glossary: each term rendered once per occurrence, forbidden wordings, kept terms."""

from __future__ import annotations

from collections import Counter

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


def test_a_long_paragraph_gets_the_same_issues_as_its_pieces(glossary: Glossary) -> None:
    """Checking a 200 KB paragraph (linear now) finds each piece's issues as many times as there are pieces
    (which occurrence of a term is reported may differ: a rendering anywhere in the paragraph counts)."""
    source = "Vladimir Poutine parle avec SpaceX à Kiev. Poutine et Poutine. "
    target = "Vladimir Putin talks with Space X in Kiev. Putin and him. "
    repeats = 200_000 // len(source)
    one = Counter(issue.code for issue in check_terms(source, target, glossary))
    assert one == {"missing-term": 2, "not-kept": 1, "forbidden-term": 1}
    issues = check_terms(source * repeats, target * repeats, glossary)
    assert Counter(issue.code for issue in issues) == {code: count * repeats for code, count in one.items()}
    forbidden = [issue.offset for issue in issues if issue.code == "forbidden-term"]
    assert forbidden == [target.index("Kiev") + copy * len(target) for copy in range(repeats)]
