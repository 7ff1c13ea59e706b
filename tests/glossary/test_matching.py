"""Finding terms: whole words, case rules, longest match first, elision, folding, offsets on the real text."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

import pytest

from translator.glossary import Glossary, GlossaryStore, GlossaryTerm, render_term


def found(glossary: Glossary, text: str) -> list[tuple[str, str]]:
    return [(match.text, render_term(match)) for match in glossary.find_terms(text)]


MATCHING_CASES = [
    # whole words: "form" is not inside "format" nor "formulaire"
    ("le format du formulaire", []),
    ("un form ici", [("form", "FORM")]),
    # case-insensitive by default; a kept term is copied verbatim
    ("spacex et SpaceX", [("spacex", "spacex"), ("SpaceX", "SpaceX")]),
    # ALL CAPS source gives an ALL CAPS target
    ("VLADIMIR POUTINE A DIT", [("VLADIMIR POUTINE", "VLADIMIR PUTIN")]),
    # case-sensitive entry: "US" matches, "us" does not
    ("les agences US et nous us", [("US", "US")]),
    # the dish is not the person: lowercase poutine never matches the case-sensitive entry
    ("une poutine à Montréal", []),
    ("Poutine a parlé", [("Poutine", "Putin")]),
    # longest match first: the full name, not the surname
    ("Vladimir Poutine et Poutine", [("Vladimir Poutine", "Vladimir Putin"), ("Poutine", "Putin")]),
    # longest match first: "NSSL Phase 3" over "NSSL"; a longer number is another word
    ("la NSSL Phase 3 et la NSSL", [("NSSL Phase 3", "NSSL Phase 3"), ("NSSL", "NSSL")]),
    ("la NSSL Phase 30", [("NSSL", "NSSL")]),
    # equal-length overlap: the leftmost wins, deterministically
    ("alpha beta gamma", [("alpha beta", "AB")]),
    # French elision with both apostrophes
    ("de l'US Space Force", [("US Space Force", "US Space Force")]),
    ("d’United Launch Alliance", [("United Launch Alliance", "United Launch Alliance")]),
    ("qu'ULA a lancé", [("ULA", "ULA")]),
    # an apostrophe inside a word is not an elision: "hui" is not found in "aujourd'hui"
    ("aujourd'hui et aujourd’hui", []),
    # apostrophes inside a term: the curly one matches the straight one of the glossary
    (
        "le chef adjoint de l’administration présidentielle",
        [("chef adjoint de l’administration présidentielle", "deputy head of the presidential administration")],
    ),
    # plurals and plural variants render with msgstr[1]
    ("les présidents russes", [("présidents russes", "Russian presidents")]),
    ("deux ex-premiers ministres", [("ex-premiers ministres", "former prime ministers")]),
    ("l'ancien premier ministre", [("ancien premier ministre", "former prime minister")]),
    # variants render with the singular target
    ("Sergey Kirienko", [("Sergey Kirienko", "Sergei Kiriyenko")]),
    # a hyphen is a word boundary
    ("un média pro-Kremlin", [("Kremlin", "Kremlin")]),
    # a no-break space counts as a space
    ("Vladimir\u00a0Poutine", [("Vladimir\u00a0Poutine", "Vladimir Putin")]),
    # decomposed accents (NFD) match the composed glossary form; offsets stay on the real text
    (unicodedata.normalize("NFD", "à Sébastopol"), [(unicodedata.normalize("NFD", "Sébastopol"), "Sevastopol")]),
    # punctuation is compared exactly: a space is not a hyphen
    ("deux ex premiers ministres", []),
    # fuzzy entries are not applied
    ("un brouillon", []),
    # a forbidden entry is a target wording: never looked for in the source
    ("à Kharkov", []),
]


@pytest.mark.parametrize(("text", "expected"), MATCHING_CASES)
def test_matching(glossary: Glossary, text: str, expected: list[tuple[str, str]]) -> None:
    assert found(glossary, text) == expected


def test_offsets_point_into_the_original_text(glossary: Glossary) -> None:
    text = unicodedata.normalize("NFD", "Élu à Sébastopol, İstanbul et Kiev")
    for match in glossary.find_terms(text):
        assert text[match.start : match.end] == match.text


def test_elision_only_applies_to_languages_that_elide() -> None:
    term = GlossaryTerm("ясо", "meat", "product")
    # Ukrainian: the apostrophe of м'ясо is inside the word
    assert Glossary([term], "uk", "en").find_terms("м'ясо") == []
    assert Glossary([GlossaryTerm("US", "US", "place")], "fr", "en").find_terms("l'US")[0].text == "US"


def test_shipped_french_glossary_on_the_sample_thread(sample_path: Path) -> None:
    store = GlossaryStore()
    glossary = store.get("fr", "en")
    assert glossary is not None
    text = sample_path.read_text(encoding="utf-8")
    rendered = {(match.text, render_term(match)) for match in glossary.find_terms(text)}
    assert {
        ("Vladimir Poutine", "Vladimir Putin"),
        ("Poutine", "Putin"),
        ("Dmitri Peskov", "Dmitry Peskov"),
        ("Sergey Kirienko", "Sergei Kiriyenko"),
        ("Sébastopol", "Sevastopol"),
        ("Crimée", "Crimea"),
        ("Kiev", "Kyiv"),
        ("Taïwan", "Taiwan"),
        ("porte-parole du Kremlin", "Kremlin spokesman"),
        ("NSSL Phase 3", "NSSL Phase 3"),
        ("US Space Force", "US Space Force"),
        ("habilitation de sécurité nationale", "national security clearance"),
    } <= rendered
    assert store.get("xx", "en") is None


def test_the_version_changes_with_what_a_term_does_only() -> None:
    from translator.glossary import Glossary, GlossaryTerm

    def version(**fields: Any) -> str:
        return Glossary([GlossaryTerm("Kremlin", "Кремль", "organisation", **fields)], "en", "ru").version

    plain = version()
    assert version(notes="Source: a note.") == plain  # a note changes nothing the translation does
    assert version(target_variants=("Кремле",)) != plain  # forms the check accepts do
    assert version(flags=("check-only",)) != plain
    # (A glossary without target variants keeps the version it had before they existed: tests/golden pins it.)
