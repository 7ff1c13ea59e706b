"""PO review files: the golden output, exact read-back, the one approval rule every reader shares, apply and
memory-import reading, and fields that cannot forge structure."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import polib
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import FIXED_NOW
from tests.formats.samples import as_po_holds_it, one_reviewed_block, replies, twin_blocks
from tests.golden_files import assert_golden
from tests.strategies import any_translated, approved_only_when_translated
from translator.errors import InputError
from translator.formats.po import (
    ReviewEntry,
    apply_review,
    escape_field,
    is_approved,
    read_po_review,
    render_po,
    reviewed_entries,
    unescape_field,
)
from translator.formats.po_syntax import PoEntry, parse_po
from translator.models import Block, Post, QaIssue, Thread, TranslatedThread, TranslationUnit

VOLATILE_HEADERS = re.compile(r'^"(POT-Creation-Date|PO-Revision-Date): .*\\n"$', re.MULTILINE)


def mask(text: str) -> str:
    return VOLATILE_HEADERS.sub(lambda m: f'"{m.group(1)}: (masked)\\n"', text)


def write(tmp_path: Path, translated: TranslatedThread, name: str = "t.po") -> Path:
    path = tmp_path / name
    path.write_text(render_po(translated, now=FIXED_NOW), encoding="utf-8")
    return path


def msgfmt_check(path: Path) -> subprocess.CompletedProcess[str]:
    assert shutil.which("msgfmt"), "msgfmt (gettext) is needed: .ci/run installs it"
    return subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True)


# ------------------------------------------------------------------------------------------------ writing


def test_po_golden(demo_translated: TranslatedThread) -> None:
    assert_golden("demo-thread.en.po", mask(render_po(demo_translated)))


def test_po_dates_are_masked_in_the_golden(demo_translated: TranslatedThread) -> None:
    assert "2025-01-01 00:00+0000" in render_po(demo_translated, now=FIXED_NOW)


def test_po_passes_msgfmt_check(demo_translated: TranslatedThread, tmp_path: Path) -> None:
    done = msgfmt_check(write(tmp_path, demo_translated))
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""


def test_po_entries_map_back_to_blocks(demo_translated: TranslatedThread) -> None:
    po = polib.pofile(render_po(demo_translated))
    assert [entry.msgctxt for entry in po] == [unit.block.id for unit in demo_translated.units]
    flags = {entry.msgctxt: entry.flags for entry in po}
    assert flags["article.p1"] == ["fuzzy"]  # machine output is a draft
    assert flags["c2.p1"] == ["fuzzy"]  # copied English text is a draft too: every draft is fuzzy
    assert po.metadata["Language"] == "en"
    entry = next(entry for entry in po if entry.msgctxt == "c2.q1")
    assert "quoting Marc Lefort, extent matched" in entry.comment
    assert "language fr" in entry.comment


entry_text = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=30)


@given(
    msgctxt=st.none() | entry_text,
    msgid=entry_text,
    msgstr=entry_text,
    comment=entry_text,
    fuzzy=st.booleans(),
    previous=st.none() | entry_text,
    wrapwidth=st.sampled_from([0, 0, 0, 78]),
)
def test_review_entries_render_as_polib_does(
    msgctxt: str | None, msgid: str, msgstr: str, comment: str, fuzzy: bool, previous: str | None, wrapwidth: int
) -> None:
    fields = {"msgctxt": msgctxt, "msgid": msgid, "msgstr": msgstr, "comment": comment, "previous_msgid": previous}
    ours, theirs = ReviewEntry(**fields), polib.POEntry(**fields)
    if fuzzy:
        ours.flags.append("fuzzy")
        theirs.flags.append("fuzzy")
    assert ours.__unicode__(wrapwidth) == theirs.__unicode__(wrapwidth)


def test_review_entries_read_back_through_polib(demo_translated: TranslatedThread) -> None:
    units = list(demo_translated.units)
    units[0] = replace(units[0], target='Line "one"\nline\ttwo\\ \x0bend\r\n')
    parsed = polib.pofile(render_po(replace(demo_translated, units=tuple(units))))
    assert parsed[0].msgstr == units[0].target
    assert [entry.msgid for entry in parsed] == [unit.block.text for unit in units]


# ------------------------------------------------------------------------------------------- read-back


@settings(max_examples=60, deadline=None)
@given(any_translated().map(approved_only_when_translated))
def test_read_of_write_is_identity_with_the_source(
    tmp_path_factory: pytest.TempPathFactory, x: TranslatedThread
) -> None:
    path = write(tmp_path_factory.mktemp("po"), x)
    if not x.units:
        with pytest.raises(InputError, match="holds no entry"):
            read_po_review(path, x.thread)
        return
    expected = as_po_holds_it(x)
    translated, _ = read_po_review(path, expected.thread)
    assert translated == expected


@settings(max_examples=60, deadline=None)
@given(any_translated().map(approved_only_when_translated))
def test_without_the_source_units_read_back_exactly(
    tmp_path_factory: pytest.TempPathFactory, x: TranslatedThread
) -> None:
    # Without the source thread, the PO file alone gives back every unit (block included); the thread is
    # rebuilt from the comments, and writing it again gives the same entries: a review loses nothing.
    if not x.units:
        return
    folder = tmp_path_factory.mktemp("po")
    translated, _ = read_po_review(write(folder, x))
    assert translated.units == as_po_holds_it(x).units
    assert (translated.models, translated.glossaries) == (x.models, x.glossaries)
    again = parse_po(render_po(translated, now=FIXED_NOW), "again").entries
    assert again == parse_po(render_po(x, now=FIXED_NOW), "first").entries


def test_the_demo_reads_back_exactly(demo_translated: TranslatedThread, tmp_path: Path) -> None:
    path = write(tmp_path, demo_translated)
    assert read_po_review(path, demo_translated.thread)[0] == demo_translated
    rebuilt = read_po_review(path)[0]
    assert rebuilt.units == demo_translated.units
    assert [(p.id, p.author, p.date) for p in rebuilt.thread.posts] == [
        (p.id, p.author, p.date) for p in demo_translated.thread.posts
    ]


# A post's date as the post line writes it: (date, as written). Midnight is a source that gave the day alone.
DATE_CASES = [
    (datetime(2024, 1, 2, 3, 4), "2024-01-02 03:04"),  # a day and a time
    (datetime(2024, 1, 2), "2024-01-02"),  # the day alone: no invented 00:00
    (None, None),  # no date
]


@pytest.mark.parametrize(("date", "written"), DATE_CASES)
@pytest.mark.parametrize("author", ["Jon", "2024-01-01", "2024-01-01 00:00", None])
def test_post_dates_and_authors_read_back(
    tmp_path: Path, date: datetime | None, written: str | None, author: str | None
) -> None:
    block = Block("c1.p1", "paragraph", "texte", lang="fr", lang_confidence=0.9, lang_source="detected")
    post = Post("c1", "comment", author, date=date, blocks=(block,))
    x = TranslatedThread(
        Thread("t", None, (post,), "json"), "en", (TranslationUnit(block, "c1", "fr", "en", "text", "machine"),)
    )
    path = write(tmp_path, x)
    post_line = next(line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("#. post c1"))
    assert post_line.endswith(f" · {written}") == (written is not None)
    (rebuilt,) = read_po_review(path)[0].thread.posts
    assert (rebuilt.author, rebuilt.date) == (author, date)


# A field escape case: (what, the value). Each must read back exactly and stay one field on one line.
FIELD_CASES = [
    ("a line break", "a\nqa forged: x"),
    ("the separator of the post line", "Jon · 2024-01-01 00:00"),
    ("the separator of terms", "a -> b; c -> d"),
    ("the marker of an empty field", '""'),
    ("the marker of an unknown author", "unknown author"),
    ("the marker of no list", "none"),
    ("an escape sequence typed as text", "\\x41 \\\\ \\u0041"),
    ("spaces at both ends, which tools strip", "  padded \t"),
    ("control and bidi characters", "\x1b[31m\u202eevil\x00"),
    ("line separators other than \\n", "a\u2028b\x85c\rd"),
    ("a date-shaped name", "2024-01-01 00:00"),
    ("a day-shaped name (a date without a time)", "2024-01-01"),
    ("the empty string", ""),
]


@pytest.mark.parametrize(("what", "value"), FIELD_CASES, ids=[case[0] for case in FIELD_CASES])
def test_field_escapes_read_back(what: str, value: str) -> None:
    for separators, token in (("", False), (";", False), ("·", False), ("", True)):
        escaped = escape_field(value, separators, token, reserved=("unknown author", "none"))
        assert unescape_field(escaped) == value, what
        assert "\n" not in escaped and escaped == escaped.strip() and escaped, what
        assert not set(separators) & set(escaped), what


def hostile_thread(value: str) -> TranslatedThread:
    """A thread with the value in every text field the PO file writes."""
    block = Block(
        "c1.q1", "quote", f"text {value}", quoted_author=value, lang="fr", lang_confidence=0.5, lang_source="detected"
    )
    post = Post("c1", "comment", value, role=value, date=datetime(2024, 1, 2, 3, 4), blocks=(block,))
    thread = Thread(value, value, (post,), "json", lang="fr", url=value, site=value)
    unit = TranslationUnit(
        block,
        "c1",
        "fr",
        "en",
        f"target {value}",
        "machine",
        terms=(value, f"{value} -> {value}"),
        # A code is one of QA_CODES (an unknown one is dropped on reading): the message carries the value.
        issues=(QaIssue("numbers", value),),
        previous=value,
        note=f"{value}\n{value}",
    )
    return TranslatedThread(thread, "en", (unit,), models=(value,), glossaries=(value, value))


@pytest.mark.parametrize(("what", "value"), FIELD_CASES, ids=[case[0] for case in FIELD_CASES])
def test_no_field_forges_po_structure(tmp_path: Path, what: str, value: str) -> None:
    x = hostile_thread(value)
    path = write(tmp_path, x)
    document = parse_po(path.read_text(encoding="utf-8"), str(path))
    (entry,) = document.entries  # one block, one entry: nothing added
    assert entry.flags == ("fuzzy",), what
    assert len(entry.comment.split("\n")) == 6, what  # post, block, language, terms, qa, previous
    assert set(document.header) == set(polib.pofile(render_po(hostile_thread("x"))).metadata), what
    assert document.header["Language"] == "en", what
    expected = as_po_holds_it(x)  # the value itself in every comment field, NUL included
    assert read_po_review(path, expected.thread)[0] == expected, what
    assert msgfmt_check(path).returncode == 0, what


# ------------------------------------------------------------------------------------------ approval rule

# (the entry's flags, its msgstr, approved?)
APPROVAL_CASES = [
    ((), "Hello", True),  # not fuzzy and translated: approved
    (("fuzzy",), "Hello", False),  # fuzzy: a draft, whoever wrote it
    ((), "", False),  # not fuzzy but untranslated: nothing was approved
    (("fuzzy",), "", False),  # fuzzy and empty
    (("c-format",), "Hello", True),  # other flags do not matter
]


@pytest.mark.parametrize(("flags", "msgstr", "approved"), APPROVAL_CASES)
def test_the_approval_rule(flags: tuple[str, ...], msgstr: str, approved: bool) -> None:
    assert is_approved(PoEntry("Bonjour", msgstr, flags=flags)) is approved


def test_review_apply_and_memory_import_agree(tmp_path: Path) -> None:
    # One entry per state; the review app, `apply` and `memory import` must say the same of each.
    post_blocks = [Block(f"article.p{n}", "paragraph", f"Phrase {n}.", lang="fr") for n in range(1, 6)]
    english = Block("article.p6", "paragraph", "Already English.", lang="en")
    thread = Thread("", None, (Post("article", "article", "A", blocks=(*post_blocks, english)),), "text", lang="fr")
    p1, p2, p3, p4, p5 = post_blocks
    units = (
        TranslationUnit(p1, "article", "fr", "en", "Sentence 1.", "machine"),  # machine draft
        TranslationUnit(p2, "article", "fr", "en", "Sentence 2.", "machine", status="reviewed"),  # approved as is
        TranslationUnit(p3, "article", "fr", "en", "Mine.", "human", status="reviewed", previous="Sentence 3."),
        TranslationUnit(p4, "article", "fr", "en", "", "machine", status="reviewed"),  # approved but empty
        TranslationUnit(p5, "article", "fr", "en", "Sentence 5.", "memory"),  # memory draft
        TranslationUnit(english, "article", "en", "en", english.text, "copied"),  # copied draft
    )
    path = write(tmp_path, TranslatedThread(thread, "en", units))
    review = {unit.block.id: unit.status for unit in read_po_review(path)[0].units}
    applied = {unit.block.id: unit.status for unit in apply_review(path, thread).units}
    imported = {source for _, _, source, _ in reviewed_entries(path)}
    assert review == applied
    assert review == {
        "article.p1": "draft",
        "article.p2": "reviewed",
        "article.p3": "reviewed",
        "article.p4": "draft",
        "article.p5": "draft",
        "article.p6": "draft",
    }
    assert imported == {"Phrase 2.", "Phrase 3."}


def test_an_entry_approved_in_another_editor(tmp_path: Path, demo_translated: TranslatedThread) -> None:
    # A reviewer removes the fuzzy flag in Poedit: every reader sees it approved, origin as written.
    path = write(tmp_path, demo_translated)
    po = polib.pofile(str(path))
    entry = next(e for e in po if e.msgctxt == "article.p3")
    entry.msgstr, entry.flags = "The head of the agency welcomed a success.", []
    entry.tcomment = "Welcomed, as the agency's own release says.\nAsk the desk."  # the reviewer's note
    po.save(str(path))
    reviewed = next(u for u in read_po_review(path)[0].units if u.block.id == "article.p3")
    applied = next(u for u in apply_review(path, demo_translated.thread).units if u.block.id == "article.p3")
    assert (reviewed.status, reviewed.origin) == (applied.status, applied.origin) == ("reviewed", "machine")
    assert reviewed.target == applied.target == entry.msgstr
    assert reviewed.note == applied.note == entry.tcomment
    # written again (the review app saving), the note is still a translator comment of that entry
    again = polib.pofile(render_po(read_po_review(path)[0]))
    assert next(e for e in again if e.msgctxt == "article.p3").tcomment == entry.tcomment
    assert ("fr", "en", entry.msgid, entry.msgstr) in reviewed_entries(path)


# --------------------------------------------------------------------------------------- apply and import


def test_apply_places_entries_on_the_thread(tmp_path: Path, demo_translated: TranslatedThread) -> None:
    thread = demo_translated.thread
    units = [u for u in demo_translated.units if u.block.id != "article.p2"]
    path = write(tmp_path, replace(demo_translated, units=tuple(units)))
    text = path.read_text(encoding="utf-8").replace('msgid "Un calendrier chargé"', 'msgid "Un calendrier"')
    path.write_text(text, encoding="utf-8")
    applied = {unit.block.id: unit for unit in apply_review(path, thread).units}
    assert [unit.block.id for unit in apply_review(path, thread).units] == [b.id for _, b in thread.blocks()]
    assert [issue.code for issue in applied["article.p2"].issues] == ["not-reviewed"]  # the PO lacks it
    assert "source-changed" in [issue.code for issue in applied["article.h1"].issues]
    assert applied["article.h1"].block.text == "Un calendrier chargé"  # the thread's text, not the PO's
    assert applied["article.title"].terms == ("Ariane 6 -> Ariane 6",)  # the comment's terms are kept


# (what the file holds, the error)
BAD_FILES = [
    ("", "holds no entry"),  # an empty file
    ('msgid ""\nmsgstr ""\n"Language: en\\n"\n', "holds no entry"),  # a header only
    ('msgid ""\nmsgstr ""\n"Language: en\\n"\n\nmsgid "SpaceX\nmsgstr "SpaceX"\n', ":5: the string has no closing"),
    (
        'msgid ""\nmsgstr ""\n"Language: en\\n"\n\nmsgctxt "a.p1"\nmsgid "x"\nmsgstr "y"\n\n'
        'msgctxt "a.p1"\nmsgid "x"\nmsgstr "z"\n',
        ":10: duplicate entry",
    ),
]


@pytest.mark.parametrize(("text", "error"), BAD_FILES)
def test_every_reader_refuses_a_bad_file(tmp_path: Path, text: str, error: str) -> None:
    path = tmp_path / "bad.po"
    path.write_text(text, encoding="utf-8")
    thread = Thread("", None, (Post("a", "article", None, blocks=(Block("a.p1", "paragraph", "x"),)),), "text")
    for read in (lambda: read_po_review(path), lambda: apply_review(path, thread), lambda: reviewed_entries(path)):
        with pytest.raises(InputError, match=re.escape(error)):
            read()


def test_one_block_on_two_entries_is_refused_by_review_and_apply(tmp_path: Path) -> None:
    twins = twin_blocks()
    path = write(tmp_path, twins)
    assert msgfmt_check(path).returncode == 0
    for read in (lambda: read_po_review(path), lambda: apply_review(path, twins.thread)):
        with pytest.raises(InputError, match=r"t\.po:\d+: block id 'c1\.p1' is on two entries \(also at line \d+\)"):
            read()


def test_memory_import_needs_a_language(tmp_path: Path) -> None:
    path = tmp_path / "x.po"
    path.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "a"\nmsgstr "b"\n')
    with pytest.raises(InputError, match="has no Language header"):
        reviewed_entries(path)


def test_po_comments_name_the_post_replied_to() -> None:
    po = polib.pofile(render_po(replies()))
    comments = {entry.msgctxt: entry.comment.splitlines()[:2] for entry in po}
    assert comments["c2.p1"] == ["post c2 · yanis · 2024-01-10 10:30", "reply to c1"]
    assert comments["c1.p1"][1].startswith("block c1.p1")  # a top-level comment has no reply line


# (what the file says, the (target, source) languages read; None: refused on that line)
PO_LANGUAGES = [
    (("Language: en", "Language: en_US"), ("en", "fr")),  # a POSIX locale
    (("Language: en", "Language: zh_TW"), ("zt", "fr")),  # traditional Chinese by its region
    (("X-Source-Language: fr", "X-Source-Language: pt-BR"), ("en", "pt")),  # a BCP 47 tag
    (("X-Source-Language: fr", "X-Source-Language: no"), ("en", "nb")),  # Norwegian's other name
    (("Language: en", "Language: xx-garbage"), None),  # not a language
    (("X-Source-Language: fr", "X-Source-Language: klingon"), None),  # a name, not a code
]


@pytest.mark.parametrize(("edit", "languages"), PO_LANGUAGES)
def test_header_languages_are_read_as_argos_codes(
    tmp_path: Path, edit: tuple[str, str], languages: tuple[str, str] | None
) -> None:
    path = tmp_path / "one.po"
    text = render_po(one_reviewed_block(), now=FIXED_NOW)
    path.write_text(text.replace("language fr -> en; ", "").replace(*edit), encoding="utf-8")
    if languages is None:
        with pytest.raises(InputError, match=r"one\.po:3: the header's [\w-]+: '.+' is not a language code"):
            read_po_review(path)
        return
    translated, _ = read_po_review(path)
    assert (translated.target_lang, translated.units[0].source_lang) == languages
    [(source, target, *_)] = reviewed_entries(path)
    assert (target, source) == languages


def test_an_entrys_language_line_is_checked_too(tmp_path: Path) -> None:
    path = tmp_path / "one.po"
    text = render_po(one_reviewed_block(), now=FIXED_NOW)
    path.write_text(text.replace("language fr -> en", "language fr -> en-garbage!"), encoding="utf-8")
    with pytest.raises(InputError, match=r"one\.po:24: the target language: 'en-garbage!' is not a language code"):
        read_po_review(path)


def test_a_nul_no_po_string_holds_is_written_as_a_replacement_character(tmp_path: Path) -> None:
    # Translated JSON or a memory entry may hold a NUL no reader lets into a thread: written raw, gettext
    # would cut the string at it and our reader refuses the file. The entry holds U+FFFD instead, and its
    # comment names the same block; ESC and DEL stay as they are.
    x = one_reviewed_block()
    (unit,) = x.units
    block = replace(unit.block, id="c1.p1\x00", text="Merci\x00 \x1b\x7f")
    x = replace(x, units=(replace(unit, block=block, target="Thanks\x00 for it."),))
    path = write(tmp_path, x)
    assert "\x00" not in path.read_text(encoding="utf-8")
    (entry,) = parse_po(path.read_text(encoding="utf-8"), str(path)).entries
    assert (entry.msgctxt, entry.msgid, entry.msgstr) == ("c1.p1\ufffd", "Merci\ufffd \x1b\x7f", "Thanks\ufffd for it.")
    assert "block c1.p1\ufffd (paragraph)" in entry.comment
    assert msgfmt_check(path).returncode == 0
