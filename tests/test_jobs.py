"""The per-file job: whole translated threads kept in the memory, reused on reruns, and dropped
whenever the input, the settings, a model, a glossary or a human translation says they are stale."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from tests.fakes import FakeEngine
from translator import jobs
from translator.errors import InputError
from translator.jobs import JobSettings, Toolkit, choose_thread, part_names, run_jobs, translate_files
from translator.memory.store import MemoryEntry
from translator.models import Thread, TranslatedThread
from translator.stats import TranslationStats

REPO = Path(__file__).resolve().parent.parent
THREAD = """# Le lancement est reporté

Le ministre a confirmé la date hier. Starlink fonctionne en Ukraine.

---

> Le ministre a confirmé la date hier.

Merci pour cette information. Le prochain vol aura lieu en juin.

---

Ein kurzer Kommentar auf Deutsch über den Start der Rakete.

---

Yes, the launch was delayed again.
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "glossaries").mkdir()
    shutil.copy(REPO / "glossaries" / "fr-en.po", tmp_path / "glossaries" / "fr-en.po")
    (tmp_path / "thread.md").write_text(THREAD, encoding="utf-8")
    return tmp_path


def toolkit(folder: Path, engine: FakeEngine, **changes: Any) -> Toolkit:
    """A toolkit as a new process builds it, with the fake engine in place of Argos."""
    values: dict[str, Any] = {
        "target": "en",
        "formats": ("po",),
        "languages": ("fr", "en", "de"),
        "glossary_dir": str(folder / "glossaries"),
        "memory": str(folder / "tm.sqlite"),
    }
    values.update(changes)
    kit = Toolkit(JobSettings(**values))
    kit.engine = engine
    return kit


def run(folder: Path, kit: Toolkit) -> tuple[TranslatedThread, TranslationStats, tuple[str, ...]]:
    [outcome] = translate_files([folder / "thread.md"], kit.settings, kit)
    assert not isinstance(outcome, Exception)
    [thread_outcome] = outcome  # a file of one thread
    return thread_outcome


def test_a_rerun_takes_the_whole_thread_from_the_memory(folder: Path) -> None:
    engine = FakeEngine()
    first, first_stats, first_warnings = run(folder, toolkit(folder, engine))
    assert engine.calls and first_stats.translated > 0
    calls = len(engine.calls)

    again = toolkit(folder, engine)
    second, stats, warnings = run(folder, again)
    assert len(engine.calls) == calls  # nothing sent to the engine
    assert again._detector is None  # nor detected again
    assert [unit.target for unit in second.units] == [unit.target for unit in first.units]
    assert [unit.terms for unit in second.units] == [unit.terms for unit in first.units]
    assert [unit.issues for unit in second.units] == [unit.issues for unit in first.units]
    assert second.thread == first.thread and second.models == first.models
    assert second == first  # the same units, origins included: same input, same output
    assert (stats.blocks, stats.copied, stats.translated) == (first_stats.blocks, first_stats.copied, 0)
    assert stats.from_memory == stats.sentences == first_stats.sentences
    assert stats.issues == first_stats.issues
    assert warnings == first_warnings


def test_a_changed_input_is_translated_again(folder: Path) -> None:
    engine = FakeEngine()
    run(folder, toolkit(folder, engine))
    (folder / "thread.md").write_text(THREAD + "\n---\n\nUn commentaire de plus sur le vol.\n", encoding="utf-8")
    calls = len(engine.calls)
    translated, _, _ = run(folder, toolkit(folder, engine))
    assert len(engine.calls) == calls + 1
    assert translated.units[-1].target == "EN: Un commentaire de plus sur le vol."


@pytest.mark.parametrize(
    "change",
    [
        {"target": "de"},
        {"use_glossary": False},
        {"beam_size": 2},
        {"languages": ("fr", "en")},
    ],
)
def test_other_settings_do_not_reuse_the_thread(folder: Path, change: dict[str, object]) -> None:
    engine = FakeEngine(pairs=frozenset({("fr", "en"), ("de", "en"), ("fr", "de"), ("en", "de")}))
    run(folder, toolkit(folder, engine))
    calls = len(engine.calls)
    kit = toolkit(folder, engine, **change)
    run(folder, kit)
    # Sentences may come from the sentence memory, but the thread was read and detected again.
    assert kit._detector is not None or len(engine.calls) > calls


def test_a_new_model_or_glossary_invalidates_the_thread(folder: Path) -> None:
    engine = FakeEngine()
    run(folder, toolkit(folder, engine))
    calls = len(engine.calls)

    engine.version = "fake-2"
    run(folder, toolkit(folder, engine))
    assert len(engine.calls) > calls
    calls = len(engine.calls)

    glossary = folder / "glossaries" / "fr-en.po"
    glossary.write_text(glossary.read_text(encoding="utf-8") + '\nmsgid "vol"\nmsgstr "flight"\n', encoding="utf-8")
    run(folder, toolkit(folder, engine))
    assert len(engine.calls) > calls


def test_a_model_installed_later_translates_the_blocks_it_could_not(folder: Path) -> None:
    without_german = FakeEngine(pairs=frozenset({("fr", "en")}))
    translated, stats, warnings = run(folder, toolkit(folder, without_german))
    assert stats.missing_pairs == ("de-en",) and any("de->en" in warning for warning in warnings)

    kept, kept_stats, kept_warnings = run(folder, toolkit(folder, without_german))
    assert kept_stats.missing_pairs == ("de-en",) and kept_warnings == warnings
    assert [unit.target for unit in kept.units] == [unit.target for unit in translated.units]

    with_german = FakeEngine()
    translated, stats, _ = run(folder, toolkit(folder, with_german))
    assert stats.missing_pairs == ()
    assert any(source == "de" for source, _, _ in with_german.calls)


def test_a_human_translation_drops_the_kept_threads_of_its_pair(folder: Path) -> None:
    engine = FakeEngine()
    kit = toolkit(folder, engine)
    run(folder, kit)
    assert kit.memory is not None and kit.memory.stats().threads == 1
    kit.memory.store([MemoryEntry("ru", "en", "Без связи.", "Unrelated.", "human")])
    assert kit.memory.stats().threads == 1  # another pair: kept
    source = "Merci pour cette information. Le prochain vol aura lieu en juin."
    kit.memory.store([MemoryEntry("fr", "en", source, "Thanks, reviewed by a person.", "human")])
    assert kit.memory.stats().threads == 0

    translated, _, _ = run(folder, toolkit(folder, engine))
    [unit] = [unit for unit in translated.units if unit.block.text == source]
    assert (unit.target, unit.status) == ("Thanks, reviewed by a person.", "reviewed")


def test_a_damaged_kept_thread_is_translated_again(folder: Path) -> None:
    engine = FakeEngine()
    first, _, _ = run(folder, toolkit(folder, engine))
    with sqlite3.connect(folder / "tm.sqlite") as connection:
        connection.execute("UPDATE threads SET document = ?", (b"not zlib",))
    translated, _, _ = run(folder, toolkit(folder, engine))
    assert [unit.target for unit in translated.units] == [unit.target for unit in first.units]


def test_without_memory_nothing_is_kept(folder: Path) -> None:
    engine = FakeEngine()
    run(folder, toolkit(folder, engine, use_memory=False))
    calls = len(engine.calls)
    run(folder, toolkit(folder, engine, use_memory=False))
    assert len(engine.calls) == 2 * calls
    assert not (folder / "tm.sqlite").exists()


FEED = REPO / "tests" / "data" / "readers" / "feed.rss"


@pytest.mark.parametrize(
    ("urls", "expected"),
    [
        (["https://x.org/a/first-story.html"], [None]),  # one thread: no name part at all
        (  # slugs from the last path segment; no address, a query (`?p=7`) or a repeat: the number
            [
                "https://x.org/2024/05/Launch_Delayed/",
                "https://x.org/news/?p=7",
                None,
                "https://x.org/b/same",
                "https://y.org/same",
            ],
            ["launch-delayed", "item-02", "item-03", "item-04", "item-05"],
        ),
        # Accents dropped, an extension dropped; a path of dots only is no name.
        (["https://x.org/%C3%89t%C3%A9.php", "https://x.org/.."], ["ete", "item-02"]),
    ],
)
def test_part_names(urls: list[str | None], expected: list[str | None]) -> None:
    threads = [Thread(title="t", subtitle=None, posts=(), source_format="feed", url=url) for url in urls]
    assert part_names(threads) == expected


def test_a_feed_gives_one_output_per_item(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    kit = toolkit(folder, FakeEngine(), formats=("po", "json"), languages=("fr", "en"))
    monkeypatch.setattr(jobs, "_process_toolkit", (kit.settings, kit))
    out = folder / "out"
    [result] = run_jobs([(str(FEED), "news/feed.rss")], str(out), kit.settings)
    assert result.error is None, result.error
    names = sorted(path.name for path in (out / "news").iterdir())
    assert names == [
        f"feed.{part}.en.{ext}"
        for part in ("eclipse-partielle-samedi", "item-02", "satellite-meteo")
        for ext in ("json", "po")
    ]
    assert len(result.outputs) == 6 and result.stats.blocks == 7  # three titles and four paragraphs
    item = json.loads((out / "news" / "feed.item-02.en.json").read_text(encoding="utf-8"))
    assert item["title"] == "Les abeilles et le froid"
    assert item["posts"][0]["blocks"][1]["translation"]["text"].startswith("EN: ")
    # The memory keeps whole threads for files of one thread only; the sentences are reused all the same.
    again = toolkit(folder, FakeEngine(), formats=("po", "json"), languages=("fr", "en"))
    [outcome] = translate_files([FEED], again.settings, again)
    assert not isinstance(outcome, Exception) and len(outcome) == 3
    assert isinstance(again.engine, FakeEngine) and not again.engine.calls


def test_choose_thread_by_number_or_output_name() -> None:
    urls = ["https://x.org/2024/05/launch-delayed/", None, "https://x.org/bees"]
    threads = [Thread(title="t", subtitle=None, posts=(), source_format="feed", url=url) for url in urls]
    assert [choose_thread(threads, wanted, "feed.rss") for wanted in ("1", " 3 ", "item-02", "bees")] == [1, 3, 2, 3]
    for wanted in ("0", "4", "-1", "launch", "item-2", ""):
        with pytest.raises(InputError, match=r"feed.rss holds 3 threads, none is") as caught:
            choose_thread(threads, wanted, "feed.rss")
        assert "--thread 1 to 3 or a name: launch-delayed, item-02, ..." in str(caught.value.hint)


def test_one_thread_of_a_feed_is_translated_alone_and_not_kept_as_the_file(folder: Path) -> None:
    kit = toolkit(folder, FakeEngine(), languages=("fr", "en"), thread=2)
    [outcome] = translate_files([FEED], kit.settings, kit)
    assert not isinstance(outcome, Exception)
    [(translated, stats, _)] = outcome
    assert translated.thread.title == "Les abeilles et le froid" and stats.blocks == 2  # title, paragraph
    # The whole feed afterwards is the whole feed, not the one thread kept under the file's digest.
    whole = toolkit(folder, FakeEngine(), languages=("fr", "en"))
    [outcome] = translate_files([FEED], whole.settings, whole)
    assert not isinstance(outcome, Exception) and len(outcome) == 3
    assert JobSettings(target="en").digest() == JobSettings(target="en", thread=None).digest()
    assert JobSettings(target="en", thread=2).digest() != JobSettings(target="en").digest()
