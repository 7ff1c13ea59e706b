"""Entries as values: `#.` fields (wrapped lines joined), kinds and forms, language pairs."""

from __future__ import annotations

import pytest

from translator.errors import GlossaryError
from translator.glossary import GlossaryTerm, parse_pair
from translator.glossary.terms import parse_fields


def test_fields_join_wrapped_lines() -> None:
    # polib wraps long comments at 79 columns: a long field line continues on the next one
    wrapped = "variants: Владимира Путина | Владимиру Путину | Владимиром Путиным | Владимире\nПутине"
    fields, unknown = parse_fields(wrapped + "\nforbidden: Kiev\nsomething else")
    assert fields == {
        "variants": ("Владимира Путина", "Владимиру Путину", "Владимиром Путиным", "Владимире Путине"),
        "forbidden": ("Kiev",),
    }
    # a line after a short field, or on its own, is not a field: lint reports it
    assert unknown == ["something else"]
    assert parse_fields("a free note")[1] == ["a free note"]


PAIRS = [
    # the usual form
    ("fr-en", ("fr", "en")),
    # case and spaces around are forgiven
    (" RU-EN ", ("ru", "en")),
    # three-letter codes
    ("ast-eng", ("ast", "eng")),
]


@pytest.mark.parametrize(("text", "pair"), PAIRS)
def test_parse_pair(text: str, pair: tuple[str, str]) -> None:
    assert parse_pair(text) == pair


@pytest.mark.parametrize(
    "text",
    [
        "fren",  # no separator
        "fr_en",  # the wrong separator
        "fr-en-de",  # three languages
        "f-en",  # a code too short
    ],
)
def test_parse_pair_refuses_what_is_not_a_pair(text: str) -> None:
    with pytest.raises(GlossaryError, match="not a language pair"):
        parse_pair(text)


TERM_CASES = [
    # a plain entry: preferred, its source the only form
    (GlossaryTerm("Kiev", "Kyiv", variants=("Kyiv",)), "preferred", (("Kiev", False), ("Kyiv", False))),
    # keep wins over the other flags for the kind
    (GlossaryTerm("SpaceX", "SpaceX", flags=("case-sensitive", "keep")), "keep", (("SpaceX", False),)),
    # plural forms come after the singular ones, repeats once
    (
        GlossaryTerm("président", "president", source_plural="présidents", plural_variants=("présidents", "prez")),
        "preferred",
        (("président", False), ("présidents", True), ("prez", True)),
    ),
    # a forbidden wording
    (GlossaryTerm("Kharkov", "Kharkiv", flags=("forbidden",)), "forbidden", (("Kharkov", False),)),
]


@pytest.mark.parametrize(("term", "kind", "forms"), TERM_CASES)
def test_kind_and_source_forms(term: GlossaryTerm, kind: str, forms: tuple[tuple[str, bool], ...]) -> None:
    assert term.kind == kind
    assert term.source_forms() == forms


def test_plural_target_falls_back_to_the_singular() -> None:
    assert GlossaryTerm("a", "b", source_plural="as").target_for(plural=True) == "b"
    assert GlossaryTerm("a", "b", source_plural="as", target_plural="bs").target_for(plural=True) == "bs"
