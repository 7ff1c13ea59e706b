"""Which glossary serves a language pair: the one rule, and a per-process store that reads each file once.

The glossary of a pair is an explicit file given for that pair (its pair read from its name or header),
else `source-target.po` in the glossary folder (default: the shipped one), else one made through English
from its languages' files (`source-en` and `target-en`: see `pivot`), else none. Every caller
(jobs, the review app, `translator glossary check`) asks a GlossaryStore, so they all agree and no file
is parsed twice; adding a term through the store refreshes that pair.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from pathlib import Path

from translator.errors import GlossaryError
from translator.glossary.document import GlossaryFile
from translator.glossary.editing import add_term
from translator.glossary.matching import Glossary
from translator.glossary.pivot import ENGLISH, through_english
from translator.glossary.terms import GlossaryTerm

INSTALLED_GLOSSARIES = Path("share", "thread-translator", "glossaries")
"""Where an install puts the shipped glossaries, below its data folder (pyproject's data-files)."""


def default_glossary_dir() -> Path:
    """The shipped glossaries: `glossaries/` beside the `translator` package in a source checkout (where
    maintainers edit them), else the copy an install put in `<prefix>/share/thread-translator/glossaries`
    (a user install: below the user base)."""
    import os
    import sysconfig

    import translator

    beside = Path(translator.__file__).resolve().parent.parent / "glossaries"
    if beside.is_dir():
        return beside
    for scheme in (sysconfig.get_default_scheme(), f"{os.name}_user"):
        installed = Path(sysconfig.get_path("data", scheme)) / INSTALLED_GLOSSARIES
        if installed.is_dir():
            return installed
    return beside


def glossary_path(source: str, target: str, folder: Path | None = None) -> Path:
    """Where the glossary of a pair lives in a folder (default: the shipped one): `FOLDER/source-target.po`."""
    return (folder or default_glossary_dir()) / f"{source}-{target}.po"


def load_glossary(path: Path) -> Glossary:
    """Read a glossary file for matching; raise GlossaryError when it is missing or invalid."""
    return Glossary.from_file(GlossaryFile.load(path))


class GlossaryStore:
    """The glossaries of one process, one per language pair, each read on first use and kept; thread-safe.

    Explicit files are read at once (a bad one is an error before any work starts); folder files when
    their pair is first asked for."""

    def __init__(self, files: Iterable[Path] = (), folder: Path | None = None) -> None:
        self.folder = folder or default_glossary_dir()
        """Where `source-target.po` files are looked for."""
        self._files: dict[tuple[str, str], Path] = {}
        self._glossaries: dict[tuple[str, str], Glossary | None] = {}
        """Each pair's own file, read (None: the pair has none)."""
        self._derived: dict[tuple[str, str], Glossary | None] = {}
        """What `get` answers for each pair asked: its file's glossary, or one made through English."""
        self._lock = threading.Lock()
        for path in files:
            glossary = load_glossary(path)
            pair = (glossary.source_lang, glossary.target_lang)
            if pair in self._files and self._files[pair] != path:
                raise GlossaryError(
                    f"two {glossary.pair} glossaries: {self._files[pair]} and {path}", "give one glossary file per pair"
                )
            self._files[pair] = path
            self._glossaries[pair] = glossary

    def path_for(self, source: str, target: str) -> Path:
        """The file that holds the glossary of a pair, or will once a term is added to it."""
        return self._files.get((source, target)) or glossary_path(source, target, self.folder)

    def get(self, source: str, target: str) -> Glossary | None:
        """The glossary of a pair: its file's, else one made through English from the files of its languages
        (see `pivot`), else None; raise GlossaryError when a file it reads is invalid."""
        with self._lock:
            if (source, target) not in self._derived:
                own = self._file_glossary(source, target)
                if own is None and target != ENGLISH:  # a pair into English has its file or nothing
                    target_side = self._file_glossary(target, ENGLISH)
                    source_side = self._file_glossary(source, ENGLISH) if source != ENGLISH else None
                    own = through_english(source_side, target_side, source, target)
                self._derived[(source, target)] = own
            return self._derived[(source, target)]

    def _file_glossary(self, source: str, target: str) -> Glossary | None:
        """The glossary of a pair's own file, or None when it has none (the lock is held)."""
        if (source, target) not in self._glossaries:
            path = self.path_for(source, target)
            self._glossaries[(source, target)] = load_glossary(path) if path.is_file() else None
        return self._glossaries[(source, target)]

    def refresh(self, source: str, target: str) -> Glossary | None:
        """Read the glossary of a pair again (its file changed); the glossaries made through English from it
        are made again too."""
        with self._lock:
            self._glossaries.pop((source, target), None)
            self._derived.clear()
        return self.get(source, target)

    def add_term(self, source: str, target: str, term: GlossaryTerm) -> GlossaryTerm:
        """Add a term to the pair's file (see `add_term`: validated, linted, saved atomically; the file is
        created when the pair has none yet) and refresh the pair; the term as added."""
        added = add_term(self.path_for(source, target), term, (source, target))
        self.refresh(source, target)
        return added
