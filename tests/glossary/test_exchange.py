"""CSV and TBX exchange of glossary terms: what is exported is read back unchanged."""

from __future__ import annotations

import pytest

from translator.glossary.exchange import ExchangeFormat, export_terms, read_terms
from translator.glossary.terms import GlossaryTerm

TERMS = (
    # A backslash: translate-toolkit's CSV dialect doubled it on writing and nothing undid it on reading.
    GlossaryTerm("C:\\Programmes", "C:\\Program Files", "product", notes="a path \\ with a backslash"),
    # Quotes and a comma inside a field.
    GlossaryTerm('la "fusée", dite', 'the "rocket", so called', "product"),
    # A leading sign that spreadsheets read as a formula.
    GlossaryTerm("+1", "+1", "title", flags=("keep",)),
    # A term checked for its declined forms, never put in.
    GlossaryTerm("Kremlin", "Кремль", "organisation", ("check-only",), target_variants=("Кремля", "Кремле")),
)


@pytest.mark.parametrize("fmt", ["csv", "tbx"])
def test_exported_terms_are_read_back_unchanged(fmt: ExchangeFormat) -> None:
    text = export_terms(TERMS, "fr", "en", fmt)
    back = read_terms(text.encode("utf-8"), "fr", "en", fmt, f"terms.{fmt}")
    assert [(item.term.source, item.term.target, item.term.notes) for item in back] == [
        (term.source, term.target, term.notes) for term in TERMS
    ]
    assert [(item.term.flags, item.term.target_variants) for item in back] == [
        (term.flags, term.target_variants) for term in TERMS
    ]
