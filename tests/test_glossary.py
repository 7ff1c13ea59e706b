"""Glossary matching, protect/restore around a fake engine, fallback, QA, and PO files kept byte for byte."""

from __future__ import annotations

import difflib
import shutil
import subprocess
import unicodedata
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.test_import_hygiene import modules_after
from translator.errors import GlossaryError
from translator.glossary.core import (
    DEFAULT_STYLE,
    INSTALLED_GLOSSARIES,
    Glossary,
    GlossaryFile,
    GlossaryTerm,
    PlaceholderStyle,
    check_terms,
    default_glossary_dir,
    find_glossary,
    parse_fields,
    protect,
    render_term,
    restore,
    translate_with_glossary,
)

HEADER = """# test glossary
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: en\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"
"X-Source-Language: fr\\n"
"""

ENTRIES = """
# Source: test.
#, keep
msgctxt "organisation"
msgid "SpaceX"
msgstr "SpaceX"

# Source: test.
#. variants: ULA
#, keep
msgctxt "organisation"
msgid "United Launch Alliance"
msgstr "United Launch Alliance"

# Source: test.
#, keep
msgctxt "organisation"
msgid "US Space Force"
msgstr "US Space Force"

# Source: test.
#, keep, case-sensitive
msgctxt "place"
msgid "US"
msgstr "US"

# Source: test.
#, keep
msgctxt "programme"
msgid "NSSL"
msgstr "NSSL"

# Source: test.
#, keep
msgctxt "programme"
msgid "NSSL Phase 3"
msgstr "NSSL Phase 3"

# Source: test.
msgctxt "person"
msgid "Vladimir Poutine"
msgstr "Vladimir Putin"

# Source: test.
#. forbidden: Poutine
#, case-sensitive
msgctxt "person"
msgid "Poutine"
msgstr "Putin"

# Source: test.
#. variants: Sergey Kirienko
msgctxt "person"
msgid "Sergueï Kirienko"
msgstr "Sergei Kiriyenko"

# Source: test.
msgctxt "title"
msgid "président russe"
msgid_plural "présidents russes"
msgstr[0] "Russian president"
msgstr[1] "Russian presidents"

# Source: test.
#. variants: ex-premier ministre
#. plural-variants: ex-premiers ministres
msgctxt "title"
msgid "ancien premier ministre"
msgid_plural "anciens premiers ministres"
msgstr[0] "former prime minister"
msgstr[1] "former prime ministers"

# Source: test.
msgctxt "title"
msgid "chef adjoint de l'administration présidentielle"
msgstr "deputy head of the presidential administration"

# Source: test.
msgctxt "title"
msgid "habilitation de sécurité"
msgstr "security clearance"

# Source: test.
#. variants: Sebastopol
msgctxt "place"
msgid "Sébastopol"
msgstr "Sevastopol"

# Source: test.
#. variants: Kyiv
#. forbidden: Kiev
msgctxt "place"
msgid "Kiev"
msgstr "Kyiv"

# Source: test.
#, keep
msgctxt "organisation"
msgid "Kremlin"
msgstr "Kremlin"

# Source: test: a word that must not match inside another.
msgctxt "product"
msgid "form"
msgstr "FORM"

# Source: test: the tail of aujourd'hui.
msgctxt "product"
msgid "hui"
msgstr "HUI"

# Source: test: two terms that overlap on "beta".
msgctxt "product"
msgid "alpha beta"
msgstr "AB"

# Source: test.
msgctxt "product"
msgid "beta gamma"
msgstr "BG"

# Source: test: an English wording never to write, whatever the source says.
#, forbidden
msgctxt "place"
msgid "Kharkov"
msgstr "Kharkiv"

# Source: test: not reviewed yet, so not applied.
#, fuzzy
msgctxt "product"
msgid "brouillon"
msgstr "draft"
"""
TEXT = HEADER + ENTRIES


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return Glossary.from_file(GlossaryFile(TEXT, Path("fr-en.po")))


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


class FakeEngine:
    """Uppercases nothing, translates nothing: returns what a test scripts, and counts calls."""

    def __init__(self, rewrite: dict[str, str] | None = None, mangle: str | None = None) -> None:
        self.calls: list[list[str]] = []
        self.rewrite = rewrite or {}
        self.mangle = mangle

    def translate_batch(self, sentences: Sequence[str], source: str, target: str) -> list[str]:
        self.calls.append(list(sentences))
        out = []
        for sentence in sentences:
            for old, new in self.rewrite.items():
                sentence = sentence.replace(old, new)
            out.append(sentence)
        return out


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
    engine = FakeEngine({" a rencontré ": " met ", " à ": " in "})
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
    engine = FakeEngine({**damage, " a rencontré ": " met "})
    results = translate_with_glossary(["Poutine a rencontré SpaceX", "Rien"], "fr", "en", engine, glossary)
    assert len(engine.calls) == 2
    # the second call: the failed sentence without placeholders, then its terms alone
    assert engine.calls[1] == ["Poutine a rencontré SpaceX", "Poutine", "SpaceX"]
    assert results[0].text == expected and results[0].fallback and results[0].needs_review
    assert results[1].text == "Rien" and not results[1].needs_review


def test_fallback_uses_the_engine_rendering_of_the_term_alone(glossary: Glossary) -> None:
    # Dropped placeholder; the unmasked translation says "Poutin", as the engine renders the name alone.
    engine = FakeEngine({"⟦T1⟧": "", "Poutine": "Poutin", " a rencontré ": " met "})
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
    [result] = translate_with_glossary([sentence], "fr", "en", FakeEngine(), glossary)
    assert result.text == sentence and not result.needs_review


def test_text_that_already_holds_placeholders_is_not_masked(glossary: Glossary) -> None:
    sentence = "⟦T1⟧ Poutine"
    assert protect(sentence, glossary).text == sentence
    [result] = translate_with_glossary([sentence], "fr", "en", FakeEngine(), glossary)
    assert result.text == "⟦T1⟧ Putin"


def test_placeholder_style_is_configurable_and_validated(glossary: Glossary) -> None:
    style = PlaceholderStyle("XX", "XX")
    protected = protect("Poutine", glossary, style)
    assert protected.text == "XX1XX"
    assert restore("XX1XX", protected).text == "Putin"
    for prefix, suffix in [("T_", "_"), ("", "]"), ("T1", "")]:
        with pytest.raises(GlossaryError):
            PlaceholderStyle(prefix, suffix)


def test_engine_may_ask_for_its_placeholder_form(glossary: Glossary) -> None:
    engine = FakeEngine()
    engine.placeholder_style = PlaceholderStyle("XX", "XX")  # type: ignore[attr-defined]
    translate_with_glossary(["Poutine"], "fr", "en", engine, glossary)
    assert engine.calls == [["XX1XX"]]


def test_a_glossary_serves_only_its_pair(glossary: Glossary) -> None:
    with pytest.raises(GlossaryError, match="fr-en"):
        translate_with_glossary(["x"], "de", "en", FakeEngine(), glossary)


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
    [batched] = translate_with_glossary([sentence], "fr", "en", FakeEngine(), KEEP_GLOSSARY)
    assert batched.text == sentence


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


# The PO document: byte-identical when nothing changed, minimal diffs when something did.
SHIPPED = sorted(default_glossary_dir().glob("*.po"))


def test_the_five_pairs_are_shipped() -> None:
    assert {path.stem for path in SHIPPED} >= {"fr-en", "ru-en", "uk-en", "de-en", "es-en"}


@pytest.mark.parametrize("path", SHIPPED, ids=lambda path: path.name)
def test_shipped_glossaries_pass_msgfmt_check(path: Path) -> None:
    msgfmt = shutil.which("msgfmt")
    assert msgfmt, "msgfmt is missing: install gettext (apt-get install -y gettext)"
    done = subprocess.run([msgfmt, "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True)
    assert done.returncode == 0 and done.stderr == "", done.stderr


@pytest.mark.parametrize("path", SHIPPED, ids=lambda path: path.name)
def test_shipped_glossaries_pass_lint(path: Path) -> None:
    from translator.glossary.lint import lint_file

    assert [str(issue) for issue in lint_file(path)] == []


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


def test_invalid_po_is_one_clear_error() -> None:
    with pytest.raises(GlossaryError, match="invalid PO file"):
        GlossaryFile('msgid "a"\nmsgstr "b"\nmsgid\n')


words = st.text(st.characters(categories=["L"], exclude_characters="ſſ"), min_size=1, max_size=8)
phrases = st.lists(words, min_size=1, max_size=3).map(" ".join)
terms = st.builds(
    GlossaryTerm,
    source=phrases,
    target=phrases,
    category=st.sampled_from(["person", "place", "title"]),
    flags=st.sampled_from([(), ("keep",), ("case-sensitive",), ("forbidden",)]),
    variants=st.lists(phrases, max_size=3).map(tuple),
    forbidden=st.lists(phrases, max_size=2).map(tuple),
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
        assert (term.target, term.flags, term.variants, term.forbidden, term.notes) == (
            target if original.kind != "keep" else term.target,
            original.flags,
            original.variants,
            original.forbidden,
            original.notes,
        )
    assert GlossaryFile(text).render() == text


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


def test_shipped_french_glossary_on_the_sample_thread(sample_path: Path) -> None:
    glossary = find_glossary("fr", "en")
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
    assert find_glossary("xx", "en") is None


def test_importing_the_glossary_stays_cheap() -> None:
    loaded = modules_after("import translator.glossary.core, cli.glossary")
    assert not {name for name in loaded if name.split(".")[0] in {"polib", "ahocorasick", "translate", "lxml"}}


def test_an_install_without_the_checkout_finds_its_copy_of_the_glossaries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sysconfig

    import translator

    site = tmp_path / "site-packages" / "translator"
    site.mkdir(parents=True)
    monkeypatch.setattr(translator, "__file__", str(site / "__init__.py"))
    monkeypatch.setattr(sysconfig, "get_path", lambda name, scheme: str(tmp_path / scheme))
    installed = tmp_path / "posix_user" / "share" / "thread-translator" / "glossaries"
    installed.mkdir(parents=True)
    assert default_glossary_dir() == installed  # a user install
    prefix = tmp_path / sysconfig.get_default_scheme() / "share" / "thread-translator" / "glossaries"
    prefix.mkdir(parents=True)
    assert default_glossary_dir() == prefix  # the environment's own install wins


def test_the_wheel_ships_every_glossary() -> None:
    import tomllib

    config = tomllib.loads((Path(__file__).parent.parent / "pyproject.toml").read_text())
    data_files = config["tool"]["setuptools"]["data-files"]
    patterns = data_files["/".join(INSTALLED_GLOSSARIES.parts)]
    shipped = {path.name for pattern in patterns for path in Path(__file__).parent.parent.glob(pattern)}
    assert {path.name for path in SHIPPED} <= shipped and "README.md" in shipped
