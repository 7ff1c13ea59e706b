"""TMX import and export of the translation memory, through translate-toolkit."""

from __future__ import annotations

from pathlib import Path

from translator.errors import TranslationMemoryError
from translator.files import open_input_file, write_atomic
from translator.languages import file_language
from translator.memory.store import TranslationMemory

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


MACHINE_NOTE = "origin: machine"
"""The note our export gives a machine translation: reading the file back, such a unit is not a person's."""


def write_tmx(memory: TranslationMemory, path: Path, source: str | None = None, target: str | None = None) -> int:
    """Export entries (human ones win over machine ones for the same source) as TMX; returns the count."""
    text, count = tmx_text(memory, source, target)
    write_atomic(path, text)
    return count


def tmx_text(memory: TranslationMemory, source: str | None = None, target: str | None = None) -> tuple[str, int]:
    """The TMX export of the memory (human entries win over machine ones for the same source; machine ones
    are noted `origin: machine`), and how many units it holds."""
    from translate.storage.tmx import tmxfile

    best: dict[tuple[str, str, str], tuple[str, str]] = {}
    for entry in memory.entries(source, target):
        key = (entry.source_lang, entry.target_lang, entry.source)
        if key not in best or entry.origin == "human":
            best[key] = (entry.target, entry.origin)
    store = tmxfile(sourcelanguage=source or "fr", targetlanguage=target or "en")
    for (source_lang, target_lang, text), (translation, origin) in best.items():
        store.addtranslation(text, source_lang, translation, target_lang, comment=f"origin: {origin}")
    return bytes(store).decode("utf-8"), len(best)


def read_tmx(path: Path) -> tuple[list[tuple[str, str, str, str]], int]:
    """(source language, target language, source, target) of every unit with two languages that is a
    person's translation, and how many units were left out as machine translations (noted `origin: machine`,
    as our export notes them: imported, a machine translation would pass for a reviewed one and win).
    Languages are read as Argos codes (`en-US` is `en`, `zh-Hant` is `zt`); InputError for an `xml:lang`
    that names no language."""
    from translate.storage.tmx import tmxfile

    with open_input_file(path) as handle:  # a regular file: a FIFO would hang the XML parser
        try:
            store = tmxfile(handle)
        except OSError as error:
            raise TranslationMemoryError(f"cannot read {path}: {error.strerror}", "check the path") from None
        except Exception as error:  # translate-toolkit raises lxml's errors for broken XML
            raise TranslationMemoryError(f"{path} is not a valid TMX file: {error}", "check the file") from None
    rows = []
    machine = 0
    for number, unit in enumerate(store.units, start=1):
        nodes = unit.getlanguageNodes()
        if len(nodes) < 2:
            continue
        tags = [str(node.get(XML_LANG) or "") for node in nodes[:2]]
        if not all(tags):
            continue
        source_lang, target_lang = (file_language(tag, f"{path}: xml:lang of unit {number}") for tag in tags)
        if unit.source and unit.target:
            if MACHINE_NOTE in unit.getnotes().splitlines():
                machine += 1
            else:
                rows.append((source_lang, target_lang, str(unit.source), str(unit.target)))
    return rows, machine
