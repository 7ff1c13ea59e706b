"""Translation memory: every segment translated once is reused, human translations always win.

SQLite in WAL mode, safe for several batch workers at once. An entry is keyed by source language,
target language, source text (`translator.memory.keys.text_key`) and origin. Machine entries remember
the model and glossary version that produced them, and the glossary terms they carry, and are only
reused while both are unchanged; human entries (imported from reviewed PO files or TMX) are reused
whatever the model. `translator.memory.lookup` is how the pipeline consults all this.

Whole translated threads are kept too (table `threads`), keyed by the hash of the input file and of
the settings, with the model and glossary version of each pair they used: a rerun over the same files
reuses them without reading, detecting or translating again. Storing a human entry drops the threads
of its pair, since a human translation changes what they would render.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import stat
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from translator.errors import TranslationMemoryError
from translator.memory.keys import text_key

MemoryOrigin = Literal["machine", "human"]

SCHEMA = (
    """
CREATE TABLE IF NOT EXISTS entries (
    source_lang TEXT NOT NULL,
    target_lang TEXT NOT NULL,
    source_key TEXT NOT NULL,
    origin TEXT NOT NULL CHECK (origin IN ('machine', 'human')),
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    model_id TEXT NOT NULL DEFAULT '',
    glossary_version TEXT NOT NULL DEFAULT '',
    created REAL NOT NULL,
    updated REAL NOT NULL,
    terms TEXT,
    PRIMARY KEY (source_lang, target_lang, source_key, origin)
)""",
    """
CREATE TABLE IF NOT EXISTS threads (
    key TEXT PRIMARY KEY,
    pairs TEXT NOT NULL,
    dependencies TEXT NOT NULL,
    document BLOB NOT NULL,
    created REAL NOT NULL
)""",
)
SCHEMA_VERSION = 3
# Version 3 added the glossary terms of machine entries (NULL in entries made before: not recorded).
ADDED_COLUMNS = {"terms": "ALTER TABLE entries ADD COLUMN terms TEXT"}
BUSY_SECONDS = 30
"""How long a connection waits for another process's write to finish."""
KEPT_THREAD_TOTALS = "SELECT COUNT(*), COALESCE(SUM(LENGTH(document)), 0) FROM threads"
"""How many threads are kept and the bytes they take (a WHERE clause may follow)."""


def default_memory_path() -> Path:
    """The memory in the user data dir (`~/.local/share/thread-translator/memory.sqlite` on Linux)."""
    from platformdirs import user_data_path

    return user_data_path("thread-translator") / "memory.sqlite"


@dataclass(frozen=True, slots=True)
class MemoryEntry:
    """One stored translation."""

    source_lang: str
    """Argos code of the source."""
    target_lang: str
    """Argos code of the target."""
    source: str
    """The source text as first stored."""
    target: str
    """Its translation."""
    origin: MemoryOrigin
    """`human` (reviewed) or `machine`."""
    model_id: str = ""
    """The model that produced a machine entry."""
    glossary_version: str = ""
    """The glossary state a machine entry was produced with."""
    terms: tuple[str, ...] | None = ()
    """The glossary terms a machine entry carries (`source -> target`); None when not recorded (entries
    made before terms were kept)."""


Dependency = tuple[str, str, str]
"""What a translated thread was made with, per pair: (`fr-en`, model id, glossary version); an empty
model id when the pair had no model."""


@dataclass(frozen=True, slots=True)
class CachedThread:
    """A whole translated thread kept in the memory."""

    key: str
    """Hash of the input file's bytes and of the settings that decide its translation."""
    dependencies: tuple[Dependency, ...]
    """Per pair used, the model and glossary version: the thread is reused only while they hold."""
    payload: bytes
    """The translated thread and its warnings, in the compact form of `translator.memory.kept`."""


@dataclass(frozen=True, slots=True)
class MemoryStats:
    """What the memory holds."""

    pairs: dict[str, dict[str, int]]
    """Per `fr-en` pair, the number of entries by origin."""
    path: Path
    """The database file."""
    threads: int = 0
    """Whole translated threads kept for reruns."""
    thread_bytes: int = 0
    """What the kept threads take in the file (compressed)."""


def _terms(stored: str | None) -> tuple[str, ...] | None:
    """The terms column read back (None: not recorded, or unreadable)."""
    if stored is None:
        return None
    try:
        terms = json.loads(stored)
    except ValueError:
        return None
    return tuple(str(term) for term in terms) if isinstance(terms, list) else None


def _drop_kept_threads(connection: sqlite3.Connection, pairs: Iterable[str]) -> None:
    """Delete the kept threads that used any of these pairs (`fr-en`): a human entry of the pair changed."""
    for pair in sorted(pairs):
        connection.execute("DELETE FROM threads WHERE pairs LIKE ?", (f"% {pair} %",))


def _use_wal(connection: sqlite3.Connection, patience: float = BUSY_SECONDS) -> None:
    """Put the database in WAL mode. Switching needs the file to itself and SQLite does not wait for
    that (no busy handler): batch workers opening the same new memory at once would fail. Retry."""
    deadline = time.monotonic() + patience
    while True:
        try:
            connection.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


def database_error(path: Path, doing: str, error: sqlite3.DatabaseError) -> TranslationMemoryError:
    """Our error for a failed read or write of the memory file, with what to do about it."""
    # SQLite reports a damaged file as a plain DatabaseError; locks, permissions and I/O as OperationalError.
    hint = (
        "the file is damaged: move it aside (a new memory starts empty), or pass --memory with another file"
        if not isinstance(error, sqlite3.OperationalError)
        else "check the file's permissions and free space, or pass --memory with another file"
    )
    return TranslationMemoryError(f"cannot {doing} the translation memory {path}: {error}", hint)


NOT_WRITABLE = ("readonly", "read-only", "unable to open")
"""Words of SQLite's errors when it may not write the file or its folder."""


def _unusable(path: Path, error: sqlite3.DatabaseError) -> TranslationMemoryError:
    return TranslationMemoryError(
        f"the translation memory {path} is unusable: {error}", "move it aside, or give --memory another file"
    )


def _refuse_other_than_a_file(path: Path) -> None:
    """TranslationMemoryError when the memory's path is a folder, a FIFO, a device (SQLite said only "unable to
    open database file", which reads like damage), or lies under a file."""
    from translator.files import NOT_A_FILE

    try:
        kind = stat.S_IFMT(path.stat().st_mode)
    except NotADirectoryError:
        raise TranslationMemoryError(
            f"cannot create the translation memory {path}: a file stands where its folder should be",
            "check the path, or give --memory another file",
        ) from None
    except OSError:
        return  # not there yet: made on first use
    if kind == stat.S_IFDIR:
        raise TranslationMemoryError(
            f"the translation memory {path} is a folder, not a file",
            f"give --memory a file, e.g. {path / 'memory.sqlite'}",
        )
    if kind != stat.S_IFREG:
        what, _ = NOT_A_FILE.get(kind, ("is not a regular file", ""))
        raise TranslationMemoryError(f"the translation memory {path} {what}", "give --memory a file")


class TranslationMemory:
    """A translation memory database; one connection per thread."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_memory_path()
        self._local = threading.local()
        _refuse_other_than_a_file(self.path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self._transaction() as connection:
                for statement in SCHEMA:
                    connection.execute(statement)
                columns = {row[1] for row in connection.execute("PRAGMA table_info(entries)")}
                for column, statement in ADDED_COLUMNS.items():
                    if column not in columns:
                        connection.execute(statement)
                # Written only when it differs: opening a memory must not write to it (a damaged one above all).
                if connection.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
                    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        except sqlite3.OperationalError as error:
            if not any(words in str(error) for words in NOT_WRITABLE):
                raise _unusable(self.path, error) from None
            # SQLite writes the file and, beside it, its -wal and -shm files: a read-only file or folder.
            raise TranslationMemoryError(
                f"cannot open the translation memory {self.path} for writing: {error}",
                "make the file and its folder writable, or give --memory another file",
            ) from None
        except sqlite3.DatabaseError as error:
            raise _unusable(self.path, error) from None
        except OSError as error:
            raise TranslationMemoryError(
                f"cannot create the folder of the translation memory {self.path}: {error.strerror}",
                "check the path and its permissions, or give --memory another file",
            ) from None

    def _connection(self) -> sqlite3.Connection:
        connection: sqlite3.Connection | None = getattr(self._local, "connection", None)
        if connection is None:
            connection = sqlite3.connect(self.path, timeout=BUSY_SECONDS, isolation_level=None)
            _use_wal(connection)
            connection.execute("PRAGMA synchronous = NORMAL")
            connection.execute(f"PRAGMA busy_timeout = {BUSY_SECONDS * 1000}")
            self._local.connection = connection
        return connection

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        connection = self._connection()
        try:
            connection.execute("BEGIN IMMEDIATE")
            yield connection
            connection.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                connection.execute("ROLLBACK")
            raise

    def close(self) -> None:
        """Close this thread's connection."""
        connection = getattr(self._local, "connection", None)
        if connection is not None:
            connection.close()
            self._local.connection = None

    def lookup(
        self,
        sources: Iterable[str],
        source_lang: str,
        target_lang: str,
        model_id: str,
        glossary_version: str,
    ) -> dict[str, MemoryEntry]:
        """Reusable translations of the given sources, keyed by source text: a human entry if there is
        one, else a machine entry made by the same model and glossary version (and, with a glossary,
        whose terms were recorded, so a reused translation carries them as a fresh one would)."""
        wanted: dict[str, list[str]] = {}
        for source in sources:
            wanted.setdefault(text_key(source), []).append(source)
        found: dict[str, MemoryEntry] = {}
        rows = self._select_in(
            "SELECT source_key, origin, source, target, model_id, glossary_version, terms FROM entries "
            "WHERE source_lang = ? AND target_lang = ? AND source_key IN ({marks})",
            [source_lang, target_lang],
            list(wanted),
        )
        for key, origin, source, target, entry_model, entry_glossary, terms in rows:
            recorded = _terms(terms)
            entry = MemoryEntry(source_lang, target_lang, source, target, origin, entry_model, entry_glossary, recorded)
            usable = origin == "human" or (
                entry_model == model_id
                and entry_glossary == glossary_version
                and (recorded is not None or not glossary_version)
            )
            for text in wanted[key]:
                current = found.get(text)
                if usable and (current is None or current.origin == "machine"):
                    found[text] = entry
        return found

    def _select_in(self, query: str, fixed: list[str], keys: list[str]) -> list[tuple[Any, ...]]:
        """The rows of `query` (its `{marks}` stand for the keys) for many keys, 500 at a time, within
        SQLite's bound on parameters; `fixed` are the parameters before the keys."""
        rows: list[tuple[Any, ...]] = []
        try:
            connection = self._connection()
            for start in range(0, len(keys), 500):
                chunk = keys[start : start + 500]
                rows += connection.execute(query.format(marks=",".join("?" * len(chunk))), [*fixed, *chunk])
        except sqlite3.DatabaseError as error:
            raise database_error(self.path, "read", error) from None
        return rows

    def store(self, entries: Iterable[MemoryEntry]) -> int:
        """Add or update entries in one transaction; returns how many were written."""
        now = time.time()
        rows = [
            (
                e.source_lang,
                e.target_lang,
                text_key(e.source),
                e.origin,
                e.source,
                e.target,
                e.model_id,
                e.glossary_version,
                now,
                now,
                json.dumps(list(e.terms), ensure_ascii=False) if e.terms is not None else None,
            )
            for e in entries
            if e.source.strip()
        ]
        if not rows:
            return 0
        human_pairs = {f"{row[0]}-{row[1]}" for row in rows if row[3] == "human"}
        try:
            with self._transaction() as connection:
                _drop_kept_threads(connection, human_pairs)
                connection.executemany(
                    "INSERT INTO entries (source_lang, target_lang, source_key, origin, source, target, model_id, "
                    "glossary_version, created, updated, terms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                    "ON CONFLICT (source_lang, target_lang, source_key, origin) DO UPDATE SET "
                    "target = excluded.target, model_id = excluded.model_id, "
                    "glossary_version = excluded.glossary_version, updated = excluded.updated, "
                    "terms = excluded.terms",
                    rows,
                )
        except sqlite3.DatabaseError as error:
            raise database_error(self.path, "write", error) from None
        return len(rows)

    def forget_human(self, entries: Iterable[MemoryEntry]) -> int:
        """Remove human entries a reviewer took back (same pair, source and target), with the kept threads
        of their pairs (they may hold them); how many were removed."""
        rows = [(e.source_lang, e.target_lang, text_key(e.source), e.target) for e in entries if e.source.strip()]
        if not rows:
            return 0
        try:
            with self._transaction() as connection:
                removed = 0
                for row in rows:
                    removed += connection.execute(
                        "DELETE FROM entries WHERE source_lang = ? AND target_lang = ? AND source_key = ? "
                        "AND origin = 'human' AND target = ?",
                        row,
                    ).rowcount
                _drop_kept_threads(connection, {f"{row[0]}-{row[1]}" for row in rows})
        except sqlite3.DatabaseError as error:
            raise database_error(self.path, "write", error) from None
        return removed

    def cached_threads(self, keys: Iterable[str]) -> dict[str, CachedThread]:
        """The kept threads among these keys (an entry whose record cannot be read is left out)."""
        found: dict[str, CachedThread] = {}
        rows = self._select_in(
            "SELECT key, dependencies, document FROM threads WHERE key IN ({marks})", [], list(dict.fromkeys(keys))
        )
        for key, dependencies, payload in rows:
            with contextlib.suppress(ValueError, TypeError):
                if not isinstance(payload, bytes):
                    raise TypeError("kept thread is not a blob")
                found[key] = CachedThread(
                    key, tuple((str(a), str(b), str(c)) for a, b, c in json.loads(dependencies)), payload
                )
        return found

    def store_threads(self, threads: Iterable[CachedThread]) -> int:
        """Keep translated threads (replacing any under the same key), in one transaction."""
        now = time.time()
        rows = [
            (
                thread.key,
                " " + " ".join(sorted({pair for pair, _, _ in thread.dependencies})) + " ",
                json.dumps(thread.dependencies),
                thread.payload,
                now,
            )
            for thread in threads
        ]
        if not rows:
            return 0
        try:
            with self._transaction() as connection:
                connection.executemany("INSERT OR REPLACE INTO threads VALUES (?, ?, ?, ?, ?)", rows)
        except sqlite3.DatabaseError as error:
            raise database_error(self.path, "write", error) from None
        return len(rows)

    def entries(self, source_lang: str | None = None, target_lang: str | None = None) -> Iterator[MemoryEntry]:
        """Every entry, optionally for one pair, in a stable order."""
        query = (
            "SELECT source_lang, target_lang, source, target, origin, model_id, glossary_version, terms FROM entries"
        )
        conditions, values = [], []
        if source_lang:
            conditions.append("source_lang = ?")
            values.append(source_lang)
        if target_lang:
            conditions.append("target_lang = ?")
            values.append(target_lang)
        if conditions:
            query += " WHERE " + " AND ".join(conditions)
        query += " ORDER BY source_lang, target_lang, source_key, origin"
        try:
            for source_lang, target_lang, source, target, origin, model, version, terms in self._connection().execute(
                query, values
            ):
                yield MemoryEntry(source_lang, target_lang, source, target, origin, model, version, _terms(terms))
        except sqlite3.DatabaseError as error:
            raise database_error(self.path, "read", error) from None

    def stats(self) -> MemoryStats:
        """Entry counts per pair and origin."""
        pairs: dict[str, dict[str, int]] = {}
        try:
            rows = self._connection().execute(
                "SELECT source_lang, target_lang, origin, COUNT(*) FROM entries GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"
            )
            for source_lang, target_lang, origin, count in rows:
                pairs.setdefault(f"{source_lang}-{target_lang}", {})[origin] = count
            threads, thread_bytes = self._connection().execute(KEPT_THREAD_TOTALS).fetchone()
        except sqlite3.DatabaseError as error:
            raise database_error(self.path, "read", error) from None
        return MemoryStats(pairs, self.path, threads, thread_bytes)

    def prune_threads(self, older_than_days: float | None = None) -> tuple[int, int]:
        """Drop kept whole threads: all of them, or those kept more than this many days ago. Sentence
        entries and human translations stay: translating the file again reuses them.
        Return how many were dropped and the bytes they took."""
        condition, values = (
            ("WHERE created < ?", [time.time() - older_than_days * 86400]) if older_than_days else ("", [])
        )
        try:
            with self._transaction() as connection:
                count, size = connection.execute(f"{KEPT_THREAD_TOTALS} {condition}", values).fetchone()
                connection.execute(f"DELETE FROM threads {condition}", values)
        except sqlite3.DatabaseError as error:
            raise database_error(self.path, "write", error) from None
        return count, size

    def compact(self) -> bool:
        """Rewrite the file without its free pages (what dropped entries left); False when another
        process is using the memory (the free pages are then reused by later writes)."""
        connection = self._connection()
        connection.execute("PRAGMA busy_timeout = 2000")
        try:
            connection.execute("VACUUM")
        except sqlite3.OperationalError:
            return False
        except sqlite3.DatabaseError as error:
            raise database_error(self.path, "compact", error) from None
        finally:
            connection.execute(f"PRAGMA busy_timeout = {BUSY_SECONDS * 1000}")
        return True
