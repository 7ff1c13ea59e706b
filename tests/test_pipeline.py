"""The translation pipeline with a fake engine: planning, batching, dedup, memory, QA plumbing."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from tests.conftest import DEMO, REPO
from tests.fakes import FakeEngine
from translator.errors import TranslatorError
from translator.glossary import Glossary, GlossaryStore
from translator.memory.lookup import MemoryLookup
from translator.memory.store import MemoryEntry, TranslationMemory
from translator.models import Thread
from translator.pipeline import PipelineOptions, text_blocks, translate_thread, translate_threads
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

    [thread] = read_text(text).threads
    return thread


def test_undetermined_blocks_are_copied_and_flagged() -> None:
    thread = read_thread_text("Un article sur la fusée et son lancement réussi.\n\nhttps://example.org/x")
    unit = translate_thread(thread, TO_EN, FakeEngine()).units[1]
    assert (unit.origin, unit.target, unit.source_lang) == ("copied", "https://example.org/x", "und")
    assert [issue.code for issue in unit.issues] == ["no-language"]


def test_missing_model_leaves_blocks_untranslated_and_flagged(demo: Thread) -> None:
    engine = FakeEngine(pairs=frozenset({("fr", "en")}))
    translated, [stats] = translate_threads([demo], TO_EN, engine)
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
    assert [thread_stats.blocks for thread_stats in stats] == [len(r.units) for r in results]


def test_memory_is_fed_then_reused(demo: Thread, tmp_path: Path) -> None:
    memory = MemoryLookup(TranslationMemory(tmp_path / "tm.sqlite"))
    first, [first_stats] = translate_threads([demo], TO_EN, FakeEngine(), memory=memory)
    engine = FakeEngine()
    second, [second_stats] = translate_threads([demo], TO_EN, engine, memory=memory)
    assert engine.calls == []
    assert first_stats.translated > 0 and first_stats.from_memory == 0
    assert second_stats.translated == 0 and second_stats.from_memory == second_stats.sentences > 0
    # Machine output reused from the memory is the same unit as fresh output: the run's stats say
    # where it came from, the files do not.
    assert second[0].units == first[0].units


def test_a_new_model_invalidates_machine_memory(demo: Thread, tmp_path: Path) -> None:
    memory = MemoryLookup(TranslationMemory(tmp_path / "tm.sqlite"))
    translate_thread(demo, TO_EN, FakeEngine(), memory=memory)
    engine = FakeEngine(version="fake-2")
    translate_thread(demo, TO_EN, engine, memory=memory)
    assert engine.calls


def test_human_block_translation_wins(demo: Thread, tmp_path: Path) -> None:
    store = TranslationMemory(tmp_path / "tm.sqlite")
    block = next(b for _, b in demo.blocks() if b.id == "article.p4")
    store.store([MemoryEntry("fr", "en", block.text, "The agency plans four launches this year.", "human")])
    unit = translate_thread(demo, TO_EN, FakeEngine(), memory=MemoryLookup(store)).unit_for("article.p4")
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


@pytest.mark.parametrize(
    ("text", "paragraphs"),
    [
        ("Une phrase.", ["Une phrase."]),  # one line: one block
        ("Un.\nDeux.\n\nTrois.", ["Un. Deux.", "Trois."]),  # lines of a paragraph joined, blank lines split
        ("\n\n  Un.  \n\n\n\n Deux.\n", ["Un.", "Deux."]),  # runs of blank lines and margins do not count
        ("Un.\n \t \nDeux.", ["Un.", "Deux."]),  # a line of spaces is blank
        ("", []),  # nothing
        (" \n\n ", []),  # nothing but blanks
    ],
)
def test_text_blocks(text: str, paragraphs: list[str]) -> None:
    blocks = text_blocks(text)
    assert [block.text for block in blocks] == paragraphs
    assert [block.id for block in blocks] == [f"p{number}" for number in range(1, len(paragraphs) + 1)]


def shipped_glossary(source: str, target: str) -> Glossary | None:
    return GlossaryStore().get(source, target)


@pytest.mark.parametrize(
    "text",
    [
        # One sentence with terms: reused as a sentence.
        "Vladimir Poutine a parlé avec le porte-parole du Kremlin hier soir.",
        # Several sentences with terms: reused as a whole block.
        "Vladimir Poutine a parlé hier. Le Kremlin dément. SpaceX confirme.",
        # A quote of one sentence inside a longer paragraph: sentences from the memory, others fresh.
        "SpaceX confirme. Une phrase nouvelle sur la fusée.",
    ],
)
def test_a_block_from_the_memory_is_the_block_from_the_engine(text: str, tmp_path: Path) -> None:
    thread = read_thread_text(text)
    fresh = translate_thread(thread, TO_EN, FakeEngine(), shipped_glossary)
    assert any(unit.terms for unit in fresh.units)
    memory = MemoryLookup(TranslationMemory(tmp_path / "tm.sqlite"))
    # Earlier work leaves some of the text in the memory: the sentences of another paragraph.
    translate_thread(
        read_thread_text("Le Kremlin dément. SpaceX confirme."), TO_EN, FakeEngine(), shipped_glossary, memory
    )
    partly = translate_thread(thread, TO_EN, FakeEngine(), shipped_glossary, memory)
    engine = FakeEngine()
    again = translate_thread(thread, TO_EN, engine, shipped_glossary, memory)
    assert engine.calls == []  # all of it from the memory now
    assert partly.units == fresh.units
    assert again.units == fresh.units


def test_sources_give_one_outcome_per_thread_and_read_together(demo: Thread, tmp_path: Path) -> None:
    """A file of several threads gives an outcome per thread (its reading warnings on each); only files of
    one thread are kept whole; the files the memory does not hold are read in one call of the reader."""
    from dataclasses import replace

    from translator.errors import InputError
    from translator.models import ThreadFile
    from translator.pipeline import ThreadSource, read_each, translate_sources

    second = replace(demo, title="Deuxième", url="https://example.org/b")
    files = {
        "one": ThreadFile((demo,), "utf-8"),
        "feed": ThreadFile((demo, second), "utf-8", ("a reading warning",)),
    }

    def source(name: str) -> ThreadSource:
        def read() -> ThreadFile:
            if name not in files:
                raise InputError(f"{name} is empty")
            return files[name]

        return ThreadSource(f"digest-{name}", read)

    asked: list[list[str | None]] = []

    def read_together(wanted: Sequence[ThreadSource]) -> list[ThreadFile | TranslatorError]:
        asked.append([item.digest for item in wanted])
        return read_each(wanted)

    memory = MemoryLookup(TranslationMemory(tmp_path / "tm.sqlite"), "settings")
    sources = [source("one"), source("feed"), source("bad")]
    engine = FakeEngine()
    one, feed, bad = translate_sources(sources, TO_EN, engine, memory=memory, read=read_together)
    assert asked == [["digest-one", "digest-feed", "digest-bad"]]
    assert (
        isinstance(bad, InputError) and not isinstance(one, TranslatorError) and not isinstance(feed, TranslatorError)
    )
    assert [translated.thread.title for translated, _, _ in feed] == [demo.title, "Deuxième"]
    assert all(warnings == ("a reading warning",) for _, _, warnings in feed)
    # The second thread's sentences are the first's: sent once, counted once.
    assert feed[1][1].translated == 0 and feed[0][1].blocks == feed[1][1].blocks == one[0][1].blocks
    assert memory.store.stats().threads == 1  # the file of one thread only

    asked.clear()
    calls = len(engine.calls)
    again = translate_sources(sources, TO_EN, engine, memory=memory, read=read_together)
    assert asked == [["digest-feed", "digest-bad"]]  # the kept file is not read again
    assert len(engine.calls) == calls  # the feed's sentences come from the memory
    assert not isinstance(again[0], TranslatorError) and not isinstance(again[1], TranslatorError)
    [(kept, kept_stats, _)] = again[0]
    assert kept == one[0][0] and kept_stats.from_memory == kept_stats.sentences == one[0][1].sentences
    assert [translated for translated, _, _ in again[1]] == [translated for translated, _, _ in feed]


PROGRAM = 'print("Le lanceur a décollé ce matin depuis la base de Kourou")'


def program_thread(lang: str | None = None) -> Thread:
    """An English article showing a line of a program whose strings are French; `lang`: set by hand."""
    from translator.models import Block, Post

    blocks = (
        Block("article.p1", "paragraph", "The launcher took off this morning from the Kourou base."),
        Block(
            "article.code1",
            "code",
            PROGRAM,
            lang=lang,
            lang_confidence=1.0 if lang else None,
            lang_source="manual" if lang else None,
        ),
    )
    return Thread("", None, (Post("article", "article", None, blocks=blocks),), "html")


def test_a_program_is_kept_as_written_unless_a_person_sets_its_language() -> None:
    engine = FakeEngine()
    unit = translate_thread(program_thread(), TO_EN, engine).unit_for("article.code1")
    assert unit is not None
    # neither detected nor translated nor flagged: a program is not prose to review
    assert (unit.origin, unit.target, unit.source_lang, unit.issues) == ("copied", PROGRAM, "und", ())
    assert engine.calls == []
    unit = translate_thread(program_thread("fr"), TO_EN, FakeEngine()).unit_for("article.code1")
    assert unit is not None and (unit.origin, unit.target) == ("machine", f"EN: {PROGRAM}")


def test_a_file_of_which_nothing_could_be_translated_is_refused(demo: Thread) -> None:
    from translator.errors import EngineError
    from translator.models import ThreadFile
    from translator.pipeline import ThreadSource, translate_sources

    def outcome(engine: FakeEngine, thread: Thread = demo) -> object:
        [result] = translate_sources([ThreadSource(None, lambda: ThreadFile((thread,), "utf-8"))], TO_EN, engine)
        return result

    # Some of it translated: written, the pair without a model warned about.
    assert not isinstance(outcome(FakeEngine(pairs=frozenset({("fr", "en")}))), TranslatorError)
    # Nothing needed translating (all of it English already): not a failure, however few models there are.
    english = read_thread_text("The launch is delayed until June, the agency said yesterday.")
    assert not isinstance(outcome(FakeEngine(pairs=frozenset()), english), TranslatorError)
    # No model for any of its languages: refused, naming every missing pair and the one most of it needs.
    refused = outcome(FakeEngine(pairs=frozenset()))
    assert isinstance(refused, EngineError)
    assert refused.message == "nothing could be translated: no model for de->en, fr->en"
    assert refused.hint is not None and "translator models install fr en" in refused.hint
