"""The review state without UI: edits, undo/redo, QA, filters, journal (replayed, or set aside when the file
changed), save and merge."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import polib
import pytest

from tests.conftest import FIXED_NOW
from translator.errors import InputError
from translator.formats.po import read_po_review, render_po
from translator.formats.xliff import VERSION_FIELD, read_xliff, render_xliff
from translator.glossary import GlossaryStore
from translator.memory.store import TranslationMemory
from translator.models import TranslatedThread, TranslationUnit
from tui.session import Filter, ReviewSession, fold, journal_path


def test_edit_keeps_machine_text_and_undo_redo_per_block(demo_po: Path) -> None:
    session = ReviewSession(demo_po, glossaries=GlossaryStore().get)
    first, second = session.units[2].block.id, session.units[3].block.id
    machine = session.unit(first).target
    session.edit(first, "one")
    session.edit(first, "two")
    session.edit(second, "other block")
    assert session.unit(first).previous == machine
    assert session.unit(first).origin == "human"
    undone = session.undo(first)
    assert undone is not None and undone.target == "one"
    assert session.unit(second).target == "other block"  # undo is per block
    undone = session.undo(first)
    assert undone is not None and undone.target == machine
    assert session.undo(first) is None
    redone = session.redo(first)
    assert redone is not None and redone.target == "one"
    assert first in session.dirty


def test_approve_clears_fuzzy_and_edits_record_previous(demo_po: Path) -> None:
    session = ReviewSession(demo_po, glossaries=GlossaryStore().get)
    block_id = session.units[2].block.id
    machine = session.unit(block_id).target
    session.edit(block_id, "A reviewed sentence about Ariane 6.")
    session.approve(block_id)
    session.save()
    entry = next(e for e in polib.pofile(str(demo_po)) if e.msgctxt == block_id)
    assert "fuzzy" not in entry.flags
    assert entry.msgstr == "A reviewed sentence about Ariane 6."
    assert f"machine translation was: {machine}" in " ".join(entry.comment.split("\n"))
    assert not journal_path(demo_po).exists()
    assert not session.modified


def test_qa_runs_again_after_an_edit(demo_po: Path) -> None:
    session = ReviewSession(demo_po, glossaries=GlossaryStore().get)
    block_id = next(u.block.id for u in session.units if "Ariane 6" in u.block.text and u.block.kind == "paragraph")
    unit = session.edit(block_id, "The rocket took off.")
    assert {issue.code for issue in unit.issues} >= {"not-kept", "numbers"}


def test_filter_parsing_and_matching(demo_po: Path) -> None:
    session = ReviewSession(demo_po, journal=False)
    session.approve(session.units[0].block.id)
    session.edit(session.units[2].block.id, "")  # an empty translation is a QA issue
    cases: list[tuple[str, Callable[[TranslationUnit], bool]]] = [
        # (query, expected predicate on every kept unit)
        ("lang:de", lambda u: u.source_lang == "de"),
        ("status:reviewed", lambda u: u.status == "reviewed"),
        ("has:issues", lambda u: bool(u.issues)),
        ("Ariane", lambda u: "ariane" in (u.block.text + u.target).lower()),
    ]
    for query, predicate in cases:
        kept = [u for u in session.units if session.matches(u, Filter.parse(query))]
        assert kept, query
        assert all(predicate(u) for u in kept), query
    assert Filter.parse("is:approved author:klaus word") == Filter("word", "reviewed", None, False, "klaus")
    assert Filter.parse("conf:low post:c4") == Filter(below_confidence=0.6, post="c4")
    assert Filter.parse("conf:<0.9 has:isues").below_confidence == 0.9
    assert Filter.parse("status:drafts has:isues conf:x").unknown == ("status:drafts", "has:isues", "conf:x")
    assert not Filter.parse("status:drafts").active  # a typo filters nothing out


@pytest.mark.parametrize(
    ("query", "text", "found"),
    [
        ("eveque", "L'Évêque a parlé.", True),  # accents and case ignored
        ("ÉVÊQUE", "un eveque", True),  # both ways
        ("ёлка", "ЁЛКА в парке", True),  # Cyrillic case and the diaeresis of ё
        ("елка", "Ёлка", True),  # ё written without its dots, as Russian often is
        ("strasse", "Die Straße", True),  # casefold, not lower: ß is ss
        ("ﬁn", "la fin", True),  # a ligature is its letters (NFKD)
        ("Ａriane", "ariane", True),  # full-width letters too
        ("cafe", "cafe\u0301 noir", True),  # a combining accent typed apart
        ("eveque", "l'évêché", False),  # still whole letters: another word is not found
    ],
)
def test_filter_words_ignore_case_accents_and_combining_marks(
    demo_po: Path, query: str, text: str, found: bool
) -> None:
    session = ReviewSession(demo_po, journal=False)
    unit = session.units[0]
    unit = replace(unit, block=replace(unit.block, text=text), target="")
    assert session.matches(unit, Filter.parse(query)) is found
    assert fold(query) in fold(text) if found else fold(query) not in fold(text)


def test_journal_replays_unsaved_work(demo_po: Path) -> None:
    session = ReviewSession(demo_po)
    block_id = session.units[1].block.id
    session.edit(block_id, "Not saved yet")
    session.approve(block_id)
    # The process dies here: no save. The next session replays the journal.
    again = ReviewSession(demo_po)
    assert again.replayed == 1
    assert again.unit(block_id).target == "Not saved yet"
    assert again.unit(block_id).status == "reviewed"
    assert again.modified


def test_journal_with_a_cut_last_line(demo_po: Path) -> None:
    session = ReviewSession(demo_po)
    session.approve(session.units[0].block.id)
    with open(journal_path(demo_po), "a", encoding="utf-8") as handle:
        handle.write('{"id": "article.p1", "tar')
    assert ReviewSession(demo_po).unit(session.units[0].block.id).status == "reviewed"


def test_journal_of_a_file_made_again_is_set_aside(demo_po: Path, demo_translated: TranslatedThread) -> None:
    session = ReviewSession(demo_po)
    block_id = session.units[1].block.id
    session.edit(block_id, "Unsaved work")
    session.approve(block_id)
    # The process dies; the file is translated again before the review is reopened.
    units = list(demo_translated.units)
    units[1] = replace(units[1], target="A new machine translation")
    demo_po.write_text(render_po(replace(demo_translated, units=tuple(units)), now=FIXED_NOW), encoding="utf-8")
    again = ReviewSession(demo_po)
    assert again.replayed == 0
    assert again.unit(block_id).target == "A new machine translation"  # nothing put on the new file
    assert again.set_aside is not None and again.set_aside.parent == demo_po.parent
    assert [(edit["id"], edit["target"], edit["status"]) for edit in again.set_aside_edits] == [
        (block_id, "Unsaved work", "draft"),
        (block_id, "Unsaved work", "reviewed"),
    ]
    assert not journal_path(demo_po).exists()
    kept = [json.loads(line) for line in again.set_aside.read_text(encoding="utf-8").splitlines()]
    assert kept[1:] == again.set_aside_edits  # the journal itself, under its new name
    # The next change starts a journal for the new file, replayed as usual.
    again.approve(block_id)
    assert ReviewSession(demo_po).replayed == 1


def test_a_journal_holding_no_edit_is_dropped(demo_po: Path) -> None:
    journal_path(demo_po).write_text('{"journal": 1, "file_sha256": "something else"}\n', encoding="utf-8")
    session = ReviewSession(demo_po)
    assert session.set_aside is None and not journal_path(demo_po).exists()


def test_journal_lines_hold_any_line_separator(demo_po: Path) -> None:
    # JSON keeps U+2028 and U+0085 as they are: only "\n" ends a journal line.
    session = ReviewSession(demo_po)
    block_id = session.units[0].block.id
    session.edit(block_id, "one\u2028two\x85three")
    assert ReviewSession(demo_po).unit(block_id).target == "one\u2028two\x85three"


def test_save_merges_changes_made_on_disk(demo_po: Path) -> None:
    mine = ReviewSession(demo_po, journal=False)
    theirs = ReviewSession(demo_po, journal=False)
    a, b, c = (mine.units[i].block.id for i in (1, 2, 3))
    theirs.edit(a, "theirs A")
    theirs.edit(c, "theirs C")
    theirs.save()
    mine.edit(b, "mine B")
    mine.edit(c, "mine C")
    report = mine.save()
    assert report.taken == (a,)
    assert report.conflicts == (c,)
    final = ReviewSession(demo_po, journal=False)
    assert [final.unit(x).target for x in (a, b, c)] == ["theirs A", "mine B", "mine C"]


def test_needs_work_takes_the_approval_back_from_the_memory(demo_po: Path, tmp_path: Path) -> None:
    memory = TranslationMemory(tmp_path / "tm.sqlite")

    def human_targets() -> dict[str, str]:
        return {entry.source: entry.target for entry in memory.entries("fr", "en") if entry.origin == "human"}

    session = ReviewSession(demo_po, memory=memory)
    first, second = [unit.block.id for unit in session.units if unit.source_lang == "fr" and unit.target][:2]
    session.edit(first, "Reviewed text.")
    session.approve(first)
    session.approve(second)
    session.save()
    assert session.remember_approved() == 2
    assert human_targets()[session.unit(first).block.text] == "Reviewed text."
    # Taken back in the same session...
    session.needs_work(first)
    session.save()
    session.remember_approved()
    assert session.unit(first).block.text not in human_targets()
    assert session.unit(second).block.text in human_targets()
    # ...and in a later one, for a block approved in the file as opened.
    later = ReviewSession(demo_po, memory=memory)
    later.needs_work(second)
    later.save()
    later.remember_approved()
    assert human_targets() == {}


def test_an_xliff_file_is_reviewed_and_saved_as_xliff(tmp_path: Path, demo_translated: TranslatedThread) -> None:
    path = tmp_path / "demo.xliff2.xlf"
    path.write_text(render_xliff(demo_translated, "xliff2", now=FIXED_NOW), encoding="utf-8")
    session = ReviewSession(path, journal=False)
    block_id = session.units[2].block.id
    session.edit(block_id, "A reviewed sentence about Ariane 6.")
    session.approve(block_id)
    session.save()
    unit = next(u for u in read_po_review(path)[0].units if u.block.id == block_id)
    assert (unit.target, unit.status, unit.origin) == ("A reviewed sentence about Ariane 6.", "reviewed", "human")
    assert read_xliff(path).header[VERSION_FIELD] == "2.0"


def test_a_journal_line_cut_inside_a_character_is_skipped(demo_po: Path) -> None:
    session = ReviewSession(demo_po)
    first, second = session.units[0].block.id, session.units[1].block.id
    session.approve(first)
    # The kill cut the last line in the middle of a two-byte character.
    line = json.dumps({"id": second, "source": session.unit(second).block.text, "target": "é"}, ensure_ascii=False)
    with open(journal_path(demo_po), "ab") as handle:
        handle.write(line.encode("utf-8")[: line.encode("utf-8").index("é".encode()) + 1])
    again = ReviewSession(demo_po)
    assert again.unit(first).status == "reviewed" and again.replayed == 1


def test_an_unreadable_journal_is_one_error(demo_po: Path) -> None:
    journal_path(demo_po).mkdir()  # not a file: cannot be read
    with pytest.raises(InputError, match="cannot read the journal of unsaved changes"):
        ReviewSession(demo_po)


def test_what_is_being_typed_is_journalled_without_being_an_edit(demo_po: Path) -> None:
    session = ReviewSession(demo_po)
    block_id = session.units[1].block.id
    before = session.unit(block_id)
    session.journal_typing(block_id, "Half a sent")
    session.journal_typing(block_id, "Half a sentence typed")
    # nothing changed yet: no undo step, not modified
    assert session.unit(block_id) == before and not session.modified and session.undo(block_id) is None
    # The process dies while the editor is open: the next session has the latest text as an unsaved edit.
    again = ReviewSession(demo_po)
    assert again.replayed == 1
    unit = again.unit(block_id)
    assert (unit.target, unit.origin, unit.status) == ("Half a sentence typed", "human", "draft")
    assert unit.previous == before.target  # the machine text it replaces is kept, as an edit keeps it
    assert again.modified
