"""The translation pipeline with a fake engine: planning, batching, dedup, memory, QA plumbing."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import DEMO, REPO
from tests.fakes import FakeEngine
from translator.glossary import GlossaryStore
from translator.memory.store import MemoryEntry, TranslationMemory
from translator.models import Thread
from translator.pipeline import PipelineOptions, translate_thread, translate_threads
from translator.readers import read_thread

MIXED = REPO / "tests" / "data" / "mixed-thread.txt"
TO_EN = PipelineOptions(target="en")


@pytest.fixture(scope="module")
def demo() -> Thread:
    return read_thread(DEMO).thread


def test_one_engine_call_per_language_pair(demo: Thread) -> None:
    engine = FakeEngine()
    translated = translate_thread(demo, TO_EN, engine)
    assert sorted((source, target) for source, target, _ in engine.calls) == [("de", "en"), ("fr", "en")]
    assert len(translated.units) == sum(len(post.blocks) for post in demo.posts)
    assert [unit.block.id for unit in translated.units] == [block.id for _, block in demo.blocks()]


@pytest.mark.parametrize(
    ("block_id", "origin", "target_prefix"),
    [
        ("article.p1", "machine", "EN: La fusée"),  # French paragraph translated
        ("c2.p1", "copied", "I agree"),  # already English: copied through
        ("c3.p2", "machine", "EN: Der nächste Start"),  # German goes through its own pair
        ("c5.q1", "machine", "EN: Der nächste Start"),  # the quote of it reads the same
    ],
)
def test_units_by_origin(demo: Thread, block_id: str, origin: str, target_prefix: str) -> None:
    unit = translate_thread(demo, TO_EN, FakeEngine()).unit_for(block_id)
    assert unit is not None
    assert (unit.origin, unit.status) == (origin, "draft")
    assert unit.target.startswith(target_prefix)


def test_repeated_quotes_are_translated_once_and_identically(demo: Thread) -> None:
    engine = FakeEngine()
    translated = translate_thread(demo, TO_EN, engine)
    sent = [sentence for _, _, sentences in engine.calls for sentence in sentences]
    assert len(sent) == len(set(sent))
    quoted, original = translated.unit_for("c2.q1"), translated.unit_for("c1.p2")
    assert quoted is not None and original is not None and quoted.target == original.target


def test_sentences_are_split_and_joined_back() -> None:
    thread = read_thread_text("La fusée décolle. Elle emporte trois satellites.")
    engine = FakeEngine()
    unit = translate_thread(thread, TO_EN, engine, glossary_for=None).units[0]
    assert engine.calls[0][2] == ["La fusée décolle.", "Elle emporte trois satellites."]
    assert unit.target == "EN: La fusée décolle. EN: Elle emporte trois satellites."


def read_thread_text(text: str) -> Thread:
    from translator.readers.text import read_text

    return read_text(text)


def test_undetermined_blocks_are_copied_and_flagged() -> None:
    thread = read_thread_text("Un article sur la fusée et son lancement réussi.\n\nhttps://example.org/x")
    unit = translate_thread(thread, TO_EN, FakeEngine()).units[1]
    assert (unit.origin, unit.target, unit.source_lang) == ("copied", "https://example.org/x", "und")
    assert [issue.code for issue in unit.issues] == ["no-language"]


def test_missing_model_leaves_blocks_untranslated_and_flagged(demo: Thread) -> None:
    engine = FakeEngine(pairs=frozenset({("fr", "en")}))
    translated, stats = translate_threads([demo], TO_EN, engine)
    unit = translated[0].unit_for("c3.p1")
    assert unit is not None and unit.target == ""
    assert [issue.code for issue in unit.issues] == ["no-model"]
    assert "translator models install de en" in unit.issues[0].message or "de en" in unit.issues[0].message
    assert stats.missing_pairs == ("de-en",)


def test_forced_source_language(demo: Thread) -> None:
    engine = FakeEngine()
    translate_thread(demo, PipelineOptions(target="en", source="fr"), engine)
    assert {source for source, _, _ in engine.calls} == {"fr"}


def test_many_threads_share_one_call_per_pair(demo: Thread) -> None:
    engine = FakeEngine()
    results, stats = translate_threads([demo, read_thread(MIXED).thread], TO_EN, engine)
    assert len(results) == 2
    assert len([call for call in engine.calls if call[0] == "fr"]) == 1
    assert stats.blocks == sum(len(r.units) for r in results)


def test_memory_is_fed_then_reused(demo: Thread, tmp_path: Path) -> None:
    memory = TranslationMemory(tmp_path / "tm.sqlite")
    first, first_stats = translate_threads([demo], TO_EN, FakeEngine(), memory=memory)
    engine = FakeEngine()
    second, second_stats = translate_threads([demo], TO_EN, engine, memory=memory)
    assert engine.calls == []
    assert first_stats.translated > 0 and first_stats.from_memory == 0
    assert second_stats.translated == 0 and second_stats.from_memory == second_stats.sentences > 0
    assert [u.target for u in second[0].units] == [u.target for u in first[0].units]
    assert {u.origin for u in second[0].units} <= {"memory", "copied"}


def test_a_new_model_invalidates_machine_memory(demo: Thread, tmp_path: Path) -> None:
    memory = TranslationMemory(tmp_path / "tm.sqlite")
    translate_thread(demo, TO_EN, FakeEngine(), memory=memory)
    engine = FakeEngine(version="fake-2")
    translate_thread(demo, TO_EN, engine, memory=memory)
    assert engine.calls


def test_human_block_translation_wins(demo: Thread, tmp_path: Path) -> None:
    memory = TranslationMemory(tmp_path / "tm.sqlite")
    block = next(b for _, b in demo.blocks() if b.id == "article.p4")
    memory.store([MemoryEntry("fr", "en", block.text, "The agency plans four launches this year.", "human")])
    unit = translate_thread(demo, TO_EN, FakeEngine(), memory=memory).unit_for("article.p4")
    assert unit is not None
    assert (unit.target, unit.origin, unit.status) == (
        "The agency plans four launches this year.",
        "memory",
        "reviewed",
    )


def test_glossary_terms_are_applied_and_recorded() -> None:
    thread = read_thread_text("Vladimir Poutine a parlé avec le porte-parole du Kremlin hier soir.")
    unit = translate_thread(thread, TO_EN, FakeEngine(), glossary_for=GlossaryStore().get).units[0]
    assert "Vladimir Putin" in unit.target
    assert any("Vladimir Putin" in term for term in unit.terms)


def test_real_sample_end_to_end_with_a_fake_engine(sample_path: Path) -> None:
    thread = read_thread(sample_path).thread
    engine = FakeEngine()
    translated = translate_thread(thread, TO_EN, engine, glossary_for=GlossaryStore().get)
    assert [u.block.id for u in translated.units] == [b.id for _, b in translated.thread.blocks()]
    assert len(engine.calls) == 1 and engine.calls[0][:2] == ("fr", "en")
    assert all(u.origin in ("machine", "copied") for u in translated.units)
    assert all(u.target for u in translated.units)
    quote = translated.unit_for("c7.q1")
    original = translated.unit_for("c1.p1")
    assert quote is not None and original is not None and quote.target == original.target
    codes = {issue.code for unit in translated.units for issue in unit.issues}
    assert "untranslated" not in codes
    assert translated.models == ("fr-en: fake-1:fr-en",)
