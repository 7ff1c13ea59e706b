"""Hostile inputs on disk for the tests of issue 16: damaged packages and memories, broken PO files, twin ids."""

from __future__ import annotations

import sqlite3
import zipfile
import zlib
from pathlib import Path

from tests.conftest import REPO
from translator.memory.store import MemoryEntry, TranslationMemory

DEMO_ARCHIVE = REPO / "translator" / "data" / "models" / "translate-fr_en-demo.argosmodel"


def broken_glossary(tmp: Path) -> Path:
    """An fr-en glossary whose 5th line opens a string it never closes."""
    path = tmp / "fr-en.po"
    header = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    path.write_text(header + 'msgid "SpaceX\nmsgstr "SpaceX"\n', encoding="utf-8")
    return path


def flipped_archive(folder: Path) -> Path:
    """A copy of a real package with one bit flipped inside compressed data, where inflating fails in
    zlib itself (before the CRC check that testzip() relies on could notice)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / DEMO_ARCHIVE.name
    data = bytearray(DEMO_ARCHIVE.read_bytes())
    with zipfile.ZipFile(DEMO_ARCHIVE) as archive:
        members = sorted((m for m in archive.infolist() if m.compress_size > 1000), key=lambda m: m.compress_size)
    for member in members:
        header = member.header_offset
        start = header + 30 + int.from_bytes(data[header + 26 : header + 28], "little")
        start += int.from_bytes(data[header + 28 : header + 30], "little")
        for offset in range(start + member.compress_size // 2, start + member.compress_size - 1, 7):
            data[offset] ^= 0x10
            path.write_bytes(data)
            with zipfile.ZipFile(path) as archive:
                try:
                    archive.read(member.filename)
                except zlib.error:
                    return path
                except zipfile.BadZipFile:
                    pass
            data[offset] ^= 0x10
    raise AssertionError("no single bit flip made zlib fail")


def read_only(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    folder.chmod(0o555)
    return folder


def package_folder(folder: Path) -> Path:
    """A folder holding one installed package (xx->yy)."""
    package = folder / "translate-xx_yy"
    (package / "model").mkdir(parents=True)
    (package / "model" / "model.bin").write_bytes(b"weights")
    (package / "metadata.json").write_text('{"from_code": "xx", "to_code": "yy", "package_version": "1"}')
    return folder


def damaged_memory(path: Path) -> Path:
    """A memory whose pages (all but the schema page) were overwritten, as by a failing disk."""
    memory = TranslationMemory(path)
    memory.store(MemoryEntry("fr", "en", f"phrase numéro {i} " * 8, f"sentence {i}", "human") for i in range(2000))
    memory.close()
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    data[page:] = b"\xa5" * (len(data) - page)
    path.write_bytes(data)
    return path


def written(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def reviewed_po(path: Path) -> Path:
    path.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: en\\n"\n'
        '"X-Source-Language: fr\\n"\n\nmsgctxt "article.p1"\nmsgid "La fusée décolle."\n'
        'msgstr "The rocket lifts off."\n',
        encoding="utf-8",
    )
    return path


PO_HEADER = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: en\\n"\n'
    '"X-Source-Language: fr\\n"\n\n'
)
UNTERMINATED = PO_HEADER + 'msgctxt "article.title"\nmsgid "SpaceX\nmsgstr "SpaceX"\n'
"""A review file whose entry opens a string it never closes (polib alone read it as `Space -> SpaceX`)."""
DUPLICATE = PO_HEADER + ('msgctxt "article.title"\nmsgid "La fusée."\nmsgstr "The rocket."\n\n' * 2)
"""A review file with one entry twice (it became a human translation)."""
WITH_NUL = PO_HEADER + 'msgctxt "article.p1"\nmsgid "La fusée décolle."\nmsgstr "The rocket\x00 lifts off."\n'
"""A reviewed file whose translation holds a NUL on line 9 (gettext would cut it to `The rocket`)."""


def twin_po(path: Path) -> Path:
    """The PO file `translate` writes from a JSON thread with two blocks sharing an id (msgfmt accepts it)."""
    from tests.formats.samples import twin_blocks
    from translator.formats.po import render_po

    return written(path, render_po(twin_blocks()))


def twin_json(path: Path) -> Path:
    """A translated JSON thread with two blocks sharing an id."""
    from tests.formats.samples import twin_blocks
    from translator.formats.json import render_json

    return written(path, render_json(twin_blocks()))


MEMORY_ENTRIES = (
    *(MemoryEntry("fr", "en", f"Phrase {i}.", f"Sentence {i}.", "human") for i in range(5)),
    # The sentence `reviewed_po` holds, translated otherwise: an import that went through would replace it.
    MemoryEntry("fr", "en", "La fusée décolle.", "The rocket takes off.", "human"),
)
"""The fr-en human translations `memory_with_entries` holds."""


def memory_with_entries(path: Path) -> Path:
    """A sound memory holding a few human translations (which a refused import must leave as they are)."""
    memory = TranslationMemory(path)
    memory.store(MEMORY_ENTRIES)
    memory.close()
    return path


def surrogate_json(path: Path) -> Path:
    """A translated JSON file whose translation holds an unpaired surrogate escape (`\\ud800`), as a faulty
    tool writes it: JSON reads it, no UTF-8 output or memory can hold it."""
    from tests.formats.samples import one_reviewed_block
    from translator.formats.json import render_json

    text = render_json(one_reviewed_block())
    return written(path, text.replace('"Thanks for the article."', '"Thanks \\ud800 for the article."', 1))
