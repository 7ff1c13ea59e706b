"""add_term: the one way a term is added, by `glossary add` and the review app alike: validated, linted, atomic."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.glossary.entries import TEXT
from translator.errors import GlossaryError
from translator.glossary import GlossaryFile, GlossaryTerm, add_term, checked_term

REFUSED = [
    # nothing to add
    (GlossaryTerm("  ", "x"), "the source term is empty"),
    # a kept term with another target
    (GlossaryTerm("Starlink", "Starling", flags=("keep",)), "not translated"),
    # a kept term whose plural is translated
    (GlossaryTerm("Falcon", "", flags=("keep",), source_plural="Falcons", target_plural="Faucons"), "not translated"),
    # a preferred term needs a target
    (GlossaryTerm("Lyon", " "), "no target term for 'Lyon'"),
]


@pytest.mark.parametrize(("term", "message"), REFUSED)
def test_invalid_terms_are_refused(term: GlossaryTerm, message: str) -> None:
    with pytest.raises(GlossaryError, match=message):
        checked_term(term)


ACCEPTED = [
    # trimmed
    (
        GlossaryTerm(" Lyon ", " Lyons ", "place", notes=" Source: x. "),
        GlossaryTerm("Lyon", "Lyons", "place", notes="Source: x."),
    ),
    # a kept term's target is its source
    (GlossaryTerm("Starlink", "", flags=("keep",)), GlossaryTerm("Starlink", "Starlink", flags=("keep",))),
    # a forbidden wording may have no replacement
    (GlossaryTerm("Kharkov", "", flags=("forbidden",)), GlossaryTerm("Kharkov", "", flags=("forbidden",))),
]


@pytest.mark.parametrize(("term", "checked"), ACCEPTED)
def test_valid_terms_are_normalised(term: GlossaryTerm, checked: GlossaryTerm) -> None:
    assert checked_term(term) == checked


@pytest.fixture
def glossary_file(tmp_path: Path) -> Path:
    path = tmp_path / "fr-en.po"
    path.write_text(TEXT, encoding="utf-8")
    return path


LINT_REFUSALS = [
    # the same form rendered two ways
    (GlossaryTerm("kiev", "Kiew", "title"), "not added: conflicting entries"),
    # the same entry twice
    (GlossaryTerm("Kiev", "Kyiv", "place"), "already in the glossary"),
    # a form that can never match
    (GlossaryTerm("⟦x⟧", "y", "product"), "can never match"),
    # a wording forbidden here that another entry has as its target
    (GlossaryTerm("Kyiv", "", "place", flags=("forbidden",)), "not added: conflicting entries"),
]


@pytest.mark.parametrize(("term", "message"), LINT_REFUSALS)
def test_a_term_that_would_break_the_glossary_leaves_the_file_unchanged(
    glossary_file: Path, term: GlossaryTerm, message: str
) -> None:
    before = glossary_file.read_bytes()
    with pytest.raises(GlossaryError, match=message):
        add_term(glossary_file, term)
    assert glossary_file.read_bytes() == before


def test_a_good_term_is_saved_after_its_category(glossary_file: Path) -> None:
    added = add_term(glossary_file, GlossaryTerm("Crimée ", "Crimea", "place", notes="Source: test."))
    assert added.source == "Crimée"
    text = glossary_file.read_text(encoding="utf-8")
    assert text.index('msgid "Kharkov"') < text.index('msgid "Crimée"') < text.index('msgid "brouillon"')
    assert [term.source for term in GlossaryFile.load(glossary_file).terms()][-2:] == ["Crimée", "brouillon"]


def test_a_new_file_needs_a_pair_and_a_folder(tmp_path: Path) -> None:
    with pytest.raises(GlossaryError, match="name a new file SRC-TGT"):
        add_term(tmp_path / "terms.po", GlossaryTerm("Lyon", "Lyons"))
    with pytest.raises(GlossaryError, match="no folder"):
        add_term(tmp_path / "missing" / "fr-en.po", GlossaryTerm("Lyon", "Lyons"))
    add_term(tmp_path / "terms.po", GlossaryTerm("Lyon", "Lyons"), ("fr", "en"))
    assert GlossaryFile.load(tmp_path / "terms.po").pair() == ("fr", "en")
