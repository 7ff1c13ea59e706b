"""The translation memory: reuse, human over machine, invalidation by model and glossary, concurrency."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from translator.errors import InputError, TranslationMemoryError
from translator.memory.keys import text_key
from translator.memory.store import CachedThread, MemoryEntry, TranslationMemory


@pytest.fixture
def memory(tmp_path: Path) -> TranslationMemory:
    return TranslationMemory(tmp_path / "tm.sqlite")


def machine(source: str, target: str, model: str = "m1", glossary: str = "g1") -> MemoryEntry:
    return MemoryEntry("fr", "en", source, target, "machine", model, glossary)


def human(source: str, target: str) -> MemoryEntry:
    return MemoryEntry("fr", "en", source, target, "human")


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("  Bonjour   à tous ", "Bonjour à tous"),  # whitespace collapsed
        ("e\u0301te\u0301", "été"),  # decomposed accents compose
        ("Bonjour", "Bonjour"),  # case kept: it changes the translation
    ],
)
def test_text_key(text: str, key: str) -> None:
    assert text_key(text) == key


def test_lookup_finds_by_normalized_source(memory: TranslationMemory) -> None:
    memory.store([machine("La fusée  décolle.", "The rocket takes off.")])
    found = memory.lookup(["La fusée décolle."], "fr", "en", "m1", "g1")
    assert found["La fusée décolle."].target == "The rocket takes off."


@pytest.mark.parametrize(
    ("model", "glossary", "reused"),
    [
        ("m1", "g1", True),  # same model and glossary: reused
        ("m2", "g1", False),  # a new model invalidates machine entries
        ("m1", "g2", False),  # so does a glossary change
    ],
)
def test_machine_entries_are_invalidated(memory: TranslationMemory, model: str, glossary: str, reused: bool) -> None:
    memory.store([machine("Oui.", "Yes.")])
    assert bool(memory.lookup(["Oui."], "fr", "en", model, glossary)) is reused


def test_human_beats_machine_and_survives_model_changes(memory: TranslationMemory) -> None:
    memory.store([machine("Non.", "No machine."), human("Non.", "No.")])
    assert memory.lookup(["Non."], "fr", "en", "m1", "g1")["Non."].target == "No."
    assert memory.lookup(["Non."], "fr", "en", "other", "other")["Non."].origin == "human"


def test_pairs_are_separate(memory: TranslationMemory) -> None:
    memory.store([machine("Oui.", "Yes.")])
    assert memory.lookup(["Oui."], "fr", "de", "m1", "g1") == {}


def test_update_replaces_the_target(memory: TranslationMemory) -> None:
    memory.store([human("Oui.", "Yes.")])
    memory.store([human("Oui.", "Yeah.")])
    assert [e.target for e in memory.entries()] == ["Yeah."]
    assert memory.stats().pairs == {"fr-en": {"human": 1}}


@pytest.mark.parametrize("trial", range(30))
def test_concurrent_writers(tmp_path: Path, trial: int) -> None:
    # Batch workers open the same memory at once, often a new one (switching a new file to WAL used to
    # fail at once with "database is locked" when another connection was opening it).
    path = tmp_path / "shared.sqlite"
    errors: list[BaseException] = []
    start = threading.Barrier(6)

    def worker(number: int) -> None:
        try:
            start.wait()
            own = TranslationMemory(path)
            for round_ in range(20):
                own.store([machine(f"Phrase {number}-{round_}.", f"Sentence {number}-{round_}.")])
            own.close()
        except BaseException as error:  # collected for the assertion below
            errors.append(error)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sum(TranslationMemory(path).stats().pairs["fr-en"].values()) == 120


def test_a_corrupt_database_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.sqlite"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(TranslationMemoryError, match="unusable"):
        TranslationMemory(path)
    assert path.read_bytes().startswith(b"this is not a database")


def test_wal_mode(memory: TranslationMemory) -> None:
    memory.store([human("Oui.", "Yes.")])
    connection = sqlite3.connect(memory.path)
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    connection.close()


def test_prune_threads_by_age_keeps_sentences(memory: TranslationMemory) -> None:
    memory.store([machine("Bonjour.", "Hello.")])
    memory.store_threads([CachedThread(f"k{n}", (("fr-en", "m1", "g1"),), bytes(1000)) for n in range(3)])
    with sqlite3.connect(memory.path) as connection:
        connection.execute("UPDATE threads SET created = created - 10 * 86400 WHERE key = 'k0'")
    assert memory.stats().threads == 3 and memory.stats().thread_bytes == 3000
    assert memory.prune_threads(older_than_days=5) == (1, 1000)
    assert set(memory.cached_threads(["k0", "k1", "k2"])) == {"k1", "k2"}
    assert memory.prune_threads() == (2, 2000)
    assert memory.stats().threads == 0
    assert memory.lookup(["Bonjour."], "fr", "en", "m1", "g1")


def test_compact_gives_the_space_back(memory: TranslationMemory) -> None:
    memory.store_threads([CachedThread(f"k{n}", (), bytes(range(256)) * 400) for n in range(50)])
    memory.close()
    big = memory.path.stat().st_size
    memory.prune_threads()
    assert memory.compact()
    memory.close()
    assert memory.path.stat().st_size < big / 5


def test_forget_human_removes_only_that_approval_and_its_pairs_kept_threads(memory: TranslationMemory) -> None:
    memory.store([human("Bonjour.", "Hello."), human("Merci.", "Thanks."), machine("Bonjour.", "Hi.")])
    memory.store_threads(
        [CachedThread("fr", (("fr-en", "m1", "g1"),), b"x"), CachedThread("de", (("de-en", "m", "g"),), b"y")]
    )
    # A different target is someone else's approval: it stays.
    assert memory.forget_human([human("Merci.", "Thank you.")]) == 0
    assert memory.forget_human([human("  Bonjour.  ", "Hello.")]) == 1
    remaining = {(entry.source, entry.origin) for entry in memory.entries("fr", "en")}
    assert remaining == {("Merci.", "human"), ("Bonjour.", "machine")}
    assert set(memory.cached_threads(["fr", "de"])) == {"de"}


def test_machine_entries_carry_their_glossary_terms(memory: TranslationMemory) -> None:
    terms = ("Poutine -> Putin", "Kremlin -> Kremlin")
    memory.store(
        [MemoryEntry("fr", "en", "Poutine au Kremlin.", "Putin at the Kremlin.", "machine", "m1", "g1", terms)]
    )
    assert memory.lookup(["Poutine au Kremlin."], "fr", "en", "m1", "g1")["Poutine au Kremlin."].terms == terms
    assert [entry.terms for entry in memory.entries()] == [terms]


def test_texts_sharing_a_key_are_all_found(memory: TranslationMemory) -> None:
    memory.store([machine("Oui  merci.", "Yes thanks.")])
    found = memory.lookup(["Oui merci.", " Oui merci. "], "fr", "en", "m1", "g1")
    assert set(found) == {"Oui merci.", " Oui merci. "}


V2_SCHEMA = """
CREATE TABLE entries (
    source_lang TEXT NOT NULL, target_lang TEXT NOT NULL, source_key TEXT NOT NULL,
    origin TEXT NOT NULL CHECK (origin IN ('machine', 'human')), source TEXT NOT NULL, target TEXT NOT NULL,
    model_id TEXT NOT NULL DEFAULT '', glossary_version TEXT NOT NULL DEFAULT '',
    created REAL NOT NULL, updated REAL NOT NULL,
    PRIMARY KEY (source_lang, target_lang, source_key, origin)
);
INSERT INTO entries VALUES
    ('fr', 'en', 'Avec glossaire.', 'machine', 'Avec glossaire.', 'With glossary.', 'm1', 'g1', 0, 0),
    ('fr', 'en', 'Sans glossaire.', 'machine', 'Sans glossaire.', 'No glossary.', 'm1', '', 0, 0),
    ('fr', 'en', 'Relu.', 'human', 'Relu.', 'Reviewed.', '', '', 0, 0);
"""


@pytest.mark.parametrize(
    ("source", "glossary", "reused"),
    [
        ("Avec glossaire.", "g1", False),  # made with a glossary, terms not recorded: translated again
        ("Sans glossaire.", "", True),  # made without a glossary: it carries no term anyway
        ("Relu.", "g1", True),  # a person's translation: reused whatever the glossary
    ],
)
def test_a_memory_from_before_terms_were_kept(tmp_path: Path, source: str, glossary: str, reused: bool) -> None:
    path = tmp_path / "old.sqlite"
    with sqlite3.connect(path) as connection:
        connection.executescript(V2_SCHEMA)
    memory = TranslationMemory(path)
    assert bool(memory.lookup([source], "fr", "en", "m1", glossary)) is reused
    memory.store([MemoryEntry("fr", "en", source, "Again.", "machine", "m1", glossary, ())])
    assert memory.lookup([source], "fr", "en", "m1", glossary)[source].target in ("Again.", "Reviewed.")


def tmx_of(source_lang: str, target_lang: str) -> str:
    """A TMX file of one human translation between these languages, as a CAT tool writes them."""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="t" creationtoolversion="1" '
        'segtype="sentence" o-tmf="t" adminlang="en" srclang="*all*" datatype="plaintext"/><body><tu>'
        f'<tuv xml:lang="{source_lang}"><seg>Bonjour.</seg></tuv><tuv xml:lang="{target_lang}"><seg>Hello.</seg></tuv>'
        "</tu></body></tmx>\n"
    )


@pytest.mark.parametrize(
    ("source_lang", "target_lang", "read"),
    [
        ("fr-FR", "EN-US", ("fr", "en")),  # regions, any case
        ("fr", "zh-Hant", ("fr", "zt")),  # the script decides (it was read as simplified `zh`)
        ("no", "en", ("nb", "en")),  # Norwegian's other name (it was stored as `no`, which no model has)
        ("klingon", "en", None),  # not a code: refused, not stored
    ],
)
def test_tmx_languages_are_argos_codes(
    tmp_path: Path, source_lang: str, target_lang: str, read: tuple[str, str] | None
) -> None:
    from translator.memory.tmx import read_tmx

    path = tmp_path / "in.tmx"
    path.write_text(tmx_of(source_lang, target_lang), encoding="utf-8")
    if read is None:
        with pytest.raises(InputError, match=r"in\.tmx: xml:lang of unit 1: 'klingon' is not a language code"):
            read_tmx(path)
        return
    rows, machine = read_tmx(path)
    assert (rows, machine) == ([(*read, "Bonjour.", "Hello.")], 0)
