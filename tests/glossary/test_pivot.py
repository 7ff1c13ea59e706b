"""Glossaries of pairs without a file, made through English from the X-en files of their languages."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.fakes import FakeEngine
from translator.glossary import Glossary, GlossaryStore, GlossaryTerm
from translator.glossary.pivot import through_english
from translator.glossary.terms import FLAG_CASE_SENSITIVE, FLAG_FORBIDDEN, FLAG_FUZZY, FLAG_KEEP

FRENCH = Glossary(
    [
        GlossaryTerm("Starlink", "Starlink", "product", (FLAG_KEEP,)),
        GlossaryTerm("Falcon 9", "Falcon 9", "product", (FLAG_KEEP,)),
        GlossaryTerm("Kremlin", "Kremlin", "organisation", (FLAG_KEEP,)),
        GlossaryTerm("Xi Jinping", "Xi Jinping", "person", (FLAG_KEEP,)),
        GlossaryTerm("Vladimir Poutine", "Vladimir Putin", "person", (FLAG_CASE_SENSITIVE,), variants=("V. Poutine",)),
        GlossaryTerm("président russe", "Russian president", "title", source_plural="présidents russes"),
        GlossaryTerm("PDG", "CEO", "title"),  # no counterpart: left out
        GlossaryTerm("Crimée", "Crimea", "place", (FLAG_FUZZY,)),  # needs work: not applied anywhere
        GlossaryTerm("Kiev", "Kyiv", "place", (FLAG_FORBIDDEN,)),  # an English wording to avoid: English only
    ],
    "fr",
    "en",
)
GERMAN = Glossary(
    [
        GlossaryTerm("Starlink", "Starlink", "product", (FLAG_KEEP,)),
        GlossaryTerm("Kreml", "Kremlin", "organisation"),
        GlossaryTerm("Wladimir Putin", "Vladimir Putin", "person"),
        GlossaryTerm("Putin", "Vladimir Putin", "person"),  # a second German wording: the first is taken
        GlossaryTerm("russischer Präsident", "Russian president", "title", source_plural="russische Präsidenten"),
        GlossaryTerm("Krim", "Crimea", "place"),
    ],
    "de",
    "en",
)
RUSSIAN = Glossary(
    [
        GlossaryTerm("Starlink", "Starlink", "product", (FLAG_KEEP,)),
        GlossaryTerm("Кремль", "Kremlin", "organisation"),
        GlossaryTerm("Владимир Путин", "Vladimir Putin", "person"),
    ],
    "ru",
    "en",
)


def rows(glossary: Glossary | None) -> list[tuple[str, str, str]]:
    assert glossary is not None
    return [(term.source, term.target, term.kind) for term in glossary.terms]


def test_a_pair_of_two_languages_takes_the_terms_they_agree_on_through_english() -> None:
    glossary = through_english(FRENCH, GERMAN, "fr", "de")
    assert glossary is not None and glossary.pair == "fr-de" and glossary.path is None
    assert rows(glossary) == [
        ("Starlink", "Starlink", "keep"),  # kept by both
        ("Falcon 9", "Falcon 9", "keep"),  # a product German does not name: kept
        ("Kremlin", "Kreml", "preferred"),  # kept in French, written otherwise in German
        ("Xi Jinping", "Xi Jinping", "keep"),  # German is written in Latin letters: the name stands
        ("Vladimir Poutine", "Wladimir Putin", "preferred"),
        # No "président russe": German declines its adjectives, and one fixed form would be wrong in most
        # sentences; no PDG (German says nothing of it), nor the fuzzy and forbidden entries.
    ]
    putin = glossary.terms[4]
    assert putin.case_sensitive and putin.variants == ("V. Poutine",)  # the source side's forms and rules
    assert [match.text for match in glossary.find_terms("Selon V. Poutine, le Kremlin")] == ["V. Poutine", "Kremlin"]


def test_a_target_that_declines_names_takes_kept_brands_only() -> None:
    # Russian declines names and nouns (Кремля, Путина): one fixed form would be wrong; a name in Latin
    # letters would be too.
    assert rows(through_english(FRENCH, RUSSIAN, "fr", "ru")) == [
        ("Starlink", "Starlink", "keep"),
        ("Falcon 9", "Falcon 9", "keep"),
    ]


def test_a_target_that_declines_nothing_takes_titles_too() -> None:
    spanish = Glossary(
        [GlossaryTerm("presidente ruso", "Russian president", "title", source_plural="presidentes rusos")], "es", "en"
    )
    made = through_english(FRENCH, spanish, "fr", "es")
    assert made is not None
    [title] = [term for term in made.terms if term.category == "title"]
    assert (title.source, title.target, title.source_plural, title.target_plural) == (
        "président russe",
        "presidente ruso",
        "présidents russes",
        "presidentes rusos",
    )


def test_english_into_a_language_reads_its_file_backwards() -> None:
    glossary = through_english(None, GERMAN, "en", "de")
    assert rows(glossary) == [
        ("Starlink", "Starlink", "keep"),
        ("Kremlin", "Kreml", "preferred"),
        ("Vladimir Putin", "Wladimir Putin", "preferred"),  # the first German wording of it
        ("Crimea", "Krim", "preferred"),
    ]
    assert rows(through_english(None, RUSSIAN, "en", "ru")) == [("Starlink", "Starlink", "keep")]


@pytest.mark.parametrize(
    ("source", "target", "source_side", "target_side"),
    [
        ("fr", "en", FRENCH, None),  # into English: a pair's own file or nothing
        ("fr", "pl", FRENCH, None),  # no file for the target's language
        ("pl", "de", None, GERMAN),  # none for the source's
        ("de", "de", GERMAN, GERMAN),
    ],
)
def test_no_glossary_where_no_file_says_anything(
    source: str, target: str, source_side: Glossary | None, target_side: Glossary | None
) -> None:
    assert through_english(source_side, target_side, source, target) is None


def test_the_store_serves_a_pair_without_a_file_through_english_and_its_own_file_first(tmp_path: Path) -> None:
    from translator.glossary.document import GlossaryFile

    folder = tmp_path / "glossaries"
    folder.mkdir()
    for name in ("fr-en.po", "de-en.po"):
        (folder / name).write_bytes((REPO / "glossaries" / name).read_bytes())
    store = GlossaryStore(folder=folder)
    made = store.get("fr", "de")
    assert made is not None and made.pair == "fr-de"
    assert ("Kremlin", "Kreml", "preferred") in rows(made)
    assert store.get("fr", "de") is made  # made once
    assert store.get("pl", "de") is None

    # A change to a file it was made from makes it again (its version changes: no memory reuse).
    store.add_term("fr", "en", GlossaryTerm("Cap Canaveral", "Cape Canaveral", "place", notes="Source: test."))
    store.add_term("de", "en", GlossaryTerm("Kap Canaveral", "Cape Canaveral", "place", notes="Source: test."))
    again = store.get("fr", "de")
    assert again is not None and again.version != made.version
    assert ("Cap Canaveral", "Kap Canaveral", "preferred") in rows(again)

    # The pair's own file, once there, is its glossary: nothing else is mixed in.
    store.add_term("fr", "de", GlossaryTerm("fusée", "Rakete", notes="Source: test."))
    own = store.get("fr", "de")
    assert own is not None and own.path == folder / "fr-de.po" and rows(own) == [("fusée", "Rakete", "preferred")]
    assert GlossaryFile.load(folder / "fr-de.po").pair() == ("fr", "de")


def test_translating_into_german_applies_the_glossary_made_through_english() -> None:
    from translator.pipeline import PipelineOptions, translate_thread
    from translator.readers.text import read_text

    [thread] = read_text("Le Kremlin a répondu à Vladimir Poutine au sujet de Starlink hier soir.").threads
    translated = translate_thread(
        thread,
        PipelineOptions(target="de", source="fr"),
        FakeEngine(pairs=frozenset({("fr", "de")})),
        GlossaryStore().get,
    )
    [unit] = translated.units
    assert "Kreml" in unit.target and "Wladimir Putin" in unit.target and "Starlink" in unit.target
    assert set(unit.terms) >= {"Kremlin -> Kreml", "Vladimir Poutine -> Wladimir Putin", "Starlink -> Starlink"}
    assert not unit.issues


RUSSIAN_FORMS = Glossary(
    [
        GlossaryTerm("Кремль", "Kremlin", "organisation", variants=("Кремля", "Кремлю", "Кремле")),
        GlossaryTerm("Владимир Путин", "Vladimir Putin", "person", variants=("Владимира Путина", "Владимиру Путину")),
        GlossaryTerm("Крым", "Crimea", "place"),  # no forms listed: nothing to look for, left out
    ],
    "ru",
    "en",
)


def test_a_term_the_target_declines_is_checked_for_its_forms_not_put_in() -> None:
    made = through_english(None, RUSSIAN_FORMS, "en", "ru")
    assert made is not None
    assert [(t.source, t.target, t.check_only, t.target_variants) for t in made.terms] == [
        ("Kremlin", "Кремль", True, ("Кремля", "Кремлю", "Кремле")),
        ("Vladimir Putin", "Владимир Путин", True, ("Владимира Путина", "Владимиру Путину")),
    ]
    composed = through_english(FRENCH, RUSSIAN_FORMS, "fr", "ru")
    assert composed is not None
    assert [(t.source, t.target, t.check_only) for t in composed.terms if t.kind != "keep"] == [
        ("Kremlin", "Кремль", True),
        ("Vladimir Poutine", "Владимир Путин", True),
    ]


@pytest.mark.parametrize(
    ("translation", "found", "issues"),
    [
        # MT declined the name as the sentence needs: the check finds the form, nothing was forced in.
        ("Владимир Путин выступил в Кремле.", {"Vladimir Putin -> Владимир Путин", "Kremlin -> Кремле"}, []),
        # MT left one in English: flagged, with the forms a reviewer may write.
        ("Владимир Путин выступил в Kremlin.", {"Vladimir Putin -> Владимир Путин"}, ["missing-term"]),
    ],
)
def test_check_only_terms_go_through_mt_untouched_and_are_looked_for_after(
    translation: str, found: set[str], issues: list[str]
) -> None:
    from tests.fakes import RewritingEngine
    from translator.pipeline import PipelineOptions, translate_thread
    from translator.readers.text import read_text

    source = "Vladimir Putin spoke at the Kremlin."
    made = through_english(None, RUSSIAN_FORMS, "en", "ru")
    engine = RewritingEngine({source: translation})
    [thread] = read_text(source).threads
    translated = translate_thread(thread, PipelineOptions(target="ru", source="en"), engine, lambda s, t: made)
    [unit] = translated.units
    assert engine.calls[0] == [source]  # no placeholder: MT saw the terms as they are
    assert unit.target == translation
    assert set(unit.terms) == found
    assert [issue.code for issue in unit.issues if issue.code.endswith("term")] == issues
    if issues:
        [issue] = [issue for issue in unit.issues if issue.code == "missing-term"]
        assert "'Kremlin' should be rendered 'Кремль' or a form of it (Кремля, Кремлю, Кремле)" in issue.message
