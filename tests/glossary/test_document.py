"""The PO document: byte-identical when nothing changed, minimal diffs when something did."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.glossary.entries import ENTRIES, HEADER, TEXT
from translator.errors import GlossaryError
from translator.glossary import GlossaryFile, GlossaryTerm, default_glossary_dir

SHIPPED = sorted(default_glossary_dir().glob("*.po"))


@pytest.mark.parametrize("path", SHIPPED, ids=lambda path: path.name)
def test_load_and_save_is_byte_identical(path: Path, tmp_path: Path) -> None:
    document = GlossaryFile.load(path)
    copy = tmp_path / path.name
    document.save(copy)
    assert copy.read_bytes() == path.read_bytes()


ODD_FILES = [
    # Windows line endings
    (HEADER + ENTRIES).replace("\n", "\r\n"),
    # no newline at the end
    (HEADER + ENTRIES).rstrip("\n"),
    # blank lines at the end, several between entries, an obsolete entry
    HEADER + ENTRIES.replace("\n\n", "\n\n\n", 3) + '\n#~ msgid "old"\n#~ msgstr "ancien"\n\n\n',
    # lines wrapped wider than polib would (Poedit "no wrap"): kept as they are
    HEADER + '\n# Source: test.\nmsgctxt "title"\nmsgid "' + "mot " * 30 + '"\nmsgstr "' + "word " * 30 + '"\n',
    # no header at all
    ENTRIES.lstrip("\n"),
]


@pytest.mark.parametrize("text", ODD_FILES)
def test_unusual_files_round_trip_byte_for_byte(text: str) -> None:
    assert GlossaryFile(text).render() == text


def diff_lines(before: str, after: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def test_an_edit_changes_only_its_entry() -> None:
    document = GlossaryFile(TEXT, Path("fr-en.po"))
    [entry] = document.find("Kiev")
    entry.msgstr = "Kyjiw"
    assert diff_lines(TEXT, document.render()) == ['-msgstr "Kyiv"', '+msgstr "Kyjiw"']


def test_add_goes_after_its_category_and_remove_restores_the_bytes() -> None:
    document = GlossaryFile(TEXT, Path("fr-en.po"))
    document.add(GlossaryTerm("Crimée", "Crimea", "place", notes="Source: test."))
    added = document.render()
    # only added lines: the entry and its blank separator (difflib may align the shared comment anywhere)
    assert sorted(diff_lines(TEXT, added)) == sorted(
        ["+", "+# Source: test.", '+msgctxt "place"', '+msgid "Crimée"', '+msgstr "Crimea"']
    )
    # after the last "place" entry (Kharkov), before the next entry (brouillon)
    assert added.index('msgid "Kharkov"') < added.index('msgid "Crimée"') < added.index('msgid "brouillon"')
    again = GlossaryFile(added, Path("fr-en.po"))
    again.remove("Crimée")
    assert again.render() == TEXT


def test_add_refuses_a_duplicate_and_remove_an_unknown_term() -> None:
    document = GlossaryFile(TEXT, Path("fr-en.po"))
    with pytest.raises(GlossaryError, match="already"):
        document.add(GlossaryTerm("Kiev", "Kyiv", "place"))
    with pytest.raises(GlossaryError, match="not in the glossary"):
        document.remove("Atlantis")


HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        # A keyword without its string.
        ('msgid "a"\nmsgstr "b"\nmsgid\n', r"<glossary>:3: msgid must be followed"),
        # An unterminated string: polib alone reads it as the term `SpaceX`.
        (HEADER + 'msgid "SpaceX\nmsgstr "SpaceX"\n', r"<glossary>:5: "),
        # The same entry twice: which one wins would be an accident.
        (HEADER + 'msgid "Kremlin"\nmsgstr "Kremlin"\n\nmsgid "Kremlin"\nmsgstr "the Kremlin"\n', r"<glossary>:8: "),
        # A charset Python does not know.
        ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=KLINGON\\n"\n', r"<glossary>:3: "),
    ],
)
def test_invalid_po_is_one_clear_error_naming_its_line(text: str, problem: str) -> None:
    with pytest.raises(GlossaryError, match=problem) as caught:
        GlossaryFile(text)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize("text", ["", "\n  \n"], ids=["empty", "blank"])
def test_an_empty_glossary_file_is_refused_not_taken_for_no_terms(tmp_path: Path, text: str) -> None:
    path = tmp_path / "fr-en.po"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(GlossaryError, match="is empty: no PO header, no entry"):
        GlossaryFile.load(path)
    assert path.read_text(encoding="utf-8") == text


def test_a_broken_glossary_file_is_refused_and_left_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "fr-en.po"
    broken = HEADER + 'msgid "SpaceX\nmsgstr "SpaceX"\n'
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(GlossaryError, match=r"fr-en.po:5: "):
        GlossaryFile.load(path)
    assert path.read_text(encoding="utf-8") == broken


words = st.text(st.characters(categories=["L"], exclude_characters="ſſ"), min_size=1, max_size=8)
phrases = st.lists(words, min_size=1, max_size=3).map(" ".join)
terms = st.builds(
    GlossaryTerm,
    source=phrases,
    target=phrases,
    category=st.sampled_from(["person", "place", "title"]),
    flags=st.sampled_from([(), ("keep",), ("case-sensitive",), ("forbidden",), ("check-only",)]),
    variants=st.lists(phrases, max_size=3).map(tuple),
    forbidden=st.lists(phrases, max_size=2).map(tuple),
    target_variants=st.lists(phrases, max_size=3).map(tuple),
    notes=st.lists(phrases, max_size=2).map("\n".join),
)


@settings(max_examples=50, deadline=None)
@given(st.lists(terms, max_size=6, unique_by=lambda term: (term.category, term.source)))
def test_terms_round_trip_through_po(generated: list[GlossaryTerm]) -> None:
    document = GlossaryFile.new("fr", "en")
    for term in generated:
        document.add(term)
    text = document.render()
    reread = GlossaryFile(text).terms()
    expected = {(t.category, t.source): t for t in generated}
    for term in reread:
        original = expected[(term.category, term.source)]
        target = original.source if original.kind == "keep" and not original.target else original.target
        assert (term.target, term.flags, term.variants, term.forbidden, term.target_variants, term.notes) == (
            target if original.kind != "keep" else term.target,
            original.flags,
            original.variants,
            original.forbidden,
            original.target_variants,
            original.notes,
        )
    assert GlossaryFile(text).render() == text
