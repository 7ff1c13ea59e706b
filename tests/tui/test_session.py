"""The review state without UI: reading PO/JSON back, edits, undo/redo, QA, filters, journal, save and merge."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest

from tests.conftest import DEMO
from translator.glossary import GlossaryStore
from translator.memory.store import TranslationMemory
from translator.models import TranslatedThread
from translator.readers import read_thread
from tui.document import comment_lines, read_review_file
from tui.session import Filter, ReviewSession, journal_path


def test_po_without_source_rebuilds_the_thread(demo_po: Path, demo_translated: TranslatedThread) -> None:
    review = read_review_file(demo_po)
    rebuilt = review.translated
    assert [u.block.id for u in rebuilt.units] == [u.block.id for u in demo_translated.units]
    assert [p.id for p in rebuilt.thread.posts] == [p.id for p in demo_translated.thread.posts]
    for mine, theirs in zip(rebuilt.units, demo_translated.units, strict=True):
        assert (mine.block.text, mine.block.kind, mine.target) == (theirs.block.text, theirs.block.kind, theirs.target)
        assert (mine.source_lang, mine.origin, mine.status) == (theirs.source_lang, theirs.origin, theirs.status)
        assert mine.post_id == theirs.post_id
        assert mine.block.quoted_author == theirs.block.quoted_author
    authors = {p.id: p.author for p in demo_translated.thread.posts}
    assert {p.id: p.author for p in rebuilt.thread.posts} == authors


def test_po_with_source_uses_the_thread(demo_po: Path) -> None:
    thread = read_thread(DEMO).thread
    review = read_review_file(demo_po, thread)
    assert review.translated.thread is thread


def test_json_review_file(demo_json: Path, demo_translated: TranslatedThread) -> None:
    units = read_review_file(demo_json).translated.units
    assert [(u.block.id, u.target, u.status) for u in units] == [
        (u.block.id, u.target, u.status) for u in demo_translated.units
    ]


def test_wrapped_comment_lines_are_joined() -> None:
    # polib wraps long comments; a line without a known prefix continues the one before.
    assert comment_lines("qa no-model: no model for de->en (install\none)\nterms: a -> b") == [
        "qa no-model: no model for de->en (install one)",
        "terms: a -> b",
    ]


def test_edit_keeps_machine_text_and_undo_redo_per_block(demo_po: Path) -> None:
    session = ReviewSession(demo_po, glossaries=GlossaryStore().get)
    first, second = session.units[2].block.id, session.units[3].block.id
    machine = session.unit(first).target
    session.edit(first, "one")
    session.edit(first, "two")
    session.edit(second, "other block")
    assert session.unit(first).previous == machine
    assert session.unit(first).origin == "human"
    assert session.undo(first).target == "one"  # type: ignore[union-attr]
    assert session.unit(second).target == "other block"  # undo is per block
    assert session.undo(first).target == machine  # type: ignore[union-attr]
    assert session.undo(first) is None
    assert session.redo(first).target == "one"  # type: ignore[union-attr]
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
    cases = [
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


def test_a_file_with_no_entry_is_refused(tmp_path: Path) -> None:
    from translator.errors import InputError

    empty = tmp_path / "empty.po"
    empty.write_text('msgid ""\nmsgstr ""\n"Language: en\\n"\n', encoding="utf-8")
    with pytest.raises(InputError, match="holds no entry to review"):
        read_review_file(empty)


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
