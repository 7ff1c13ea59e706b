"""The review state without any UI: units, edits, undo/redo per block, QA, filters, journal, save and merge.

Every change is appended to a journal beside the file (`.NAME.review-journal`, one JSON line per change,
flushed and fsynced) before the UI shows it, so a crash or a kill never loses approved work: opening
the file again replays the journal. Saving writes the file atomically, then removes the journal.
The journal's first line records the hash of the file it applies to: when the file changed since (it
was translated again), the journal is not replayed onto it but renamed beside it and reported.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from translator.errors import EngineError, InputError, OutputError, TranslatorError
from translator.formats.review import ReviewFile, read_review_file, render_review
from translator.glossary import Glossary
from translator.memory.store import MemoryEntry, TranslationMemory
from translator.models import QaCode, QaIssue, Thread, TranslatedThread, TranslationUnit

if TYPE_CHECKING:
    from translator.engine.base import Engine

GlossaryLookup = Callable[[str, str], "Glossary | None"]
KEPT_ISSUES: frozenset[QaCode] = frozenset({"no-model", "source-changed", "not-reviewed"})
"""QA codes that come from the pipeline, not from the text: kept when QA runs again."""


def journal_path(path: Path) -> Path:
    """Where the journal of a review file lives."""
    return path.with_name(f".{path.name}.review-journal")


def set_aside_path(path: Path, now: datetime | None = None) -> Path:
    """A free name beside a review file for a journal that no longer applies to it."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    candidate = path.with_name(f"{path.name}.review-journal-{stamp}.jsonl")
    number = 1
    while candidate.exists():
        number += 1
        candidate = path.with_name(f"{path.name}.review-journal-{stamp}-{number}.jsonl")
    return candidate


def digest(path: Path) -> str | None:
    """A hash of a file's bytes (None when it is missing)."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except FileNotFoundError:
        return None


def unit_state(unit: TranslationUnit) -> dict[str, object]:
    """What a journal line records of a unit."""
    return {
        "id": unit.block.id,
        "source": unit.block.text,
        "target": unit.target,
        "status": unit.status,
        "origin": unit.origin,
        "previous": unit.previous,
        "source_lang": unit.source_lang,
    }


def apply_state(unit: TranslationUnit, state: dict[str, object]) -> TranslationUnit:
    """A unit with the journalled state on it."""
    lang = str(state.get("source_lang") or unit.source_lang)
    block = unit.block if lang == unit.block.lang else replace(unit.block, lang=lang, lang_source="manual")
    previous = state.get("previous")
    return replace(
        unit,
        block=block,
        source_lang=lang,
        target=str(state.get("target", unit.target)),
        status="reviewed" if state.get("status") == "reviewed" else "draft",
        origin=state.get("origin", unit.origin),  # type: ignore[arg-type]
        previous=str(previous) if previous is not None else None,
    )


def fold(text: str) -> str:
    """Text as the filter compares it: case, accents and other combining marks, and compatibility forms
    (ligatures, full-width letters) ignored, so `eveque` finds `Évêque` and `ёлка` finds `ЁЛКА`."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


FILTER_SYNTAX = "words status:draft|reviewed lang:de has:issues conf:low author:NAME post:ID"
"""What the filter box understands (shown in its placeholder and the help)."""
FILTER_KEYS = ("status", "is", "lang", "author", "has", "conf", "post")
STATUS_WORDS = {
    **dict.fromkeys(("draft", "todo", "fuzzy"), "draft"),
    **dict.fromkeys(("reviewed", "approved", "done"), "reviewed"),
}
"""The words `status:` takes, and the status each means."""


@dataclass(frozen=True, slots=True)
class Filter:
    """Which blocks the list shows: every condition given must hold."""

    text: str = ""
    """Words that must appear in the source, the translation or the block id (ignoring case and accents)."""
    status: str | None = None
    """`draft` or `reviewed`."""
    lang: str | None = None
    """Source language code."""
    has_issues: bool = False
    """Only blocks with QA issues."""
    author: str | None = None
    """Part of the post author's name."""
    below_confidence: float | None = None
    """Only blocks whose detected language has less confidence than this (`conf:low`: the detector's threshold)."""
    post: str | None = None
    """Only the blocks of this post (its id, as in the list's headers)."""
    unknown: tuple[str, ...] = ()
    """`key:value` parts not understood (a typo such as `status:drafts`), said to the reviewer; ignored."""

    @classmethod
    def parse(cls, query: str) -> Filter:
        """`status:draft lang:de has:issues conf:low author:jon post:c4 words...`."""
        from translator.detect.detector import LOW_CONFIDENCE

        words, found, unknown = [], {}, []
        for part in query.split():
            key, sep, value = part.partition(":")
            if sep and key.lower() in FILTER_KEYS and value:
                found[key.lower()] = value
            else:
                words.append(part)
        status = found.get("status") or found.get("is")
        if status is not None and status.lower() not in STATUS_WORDS:
            unknown.append(f"status:{status}")
        has = found.get("has")
        if has is not None and has.lower() not in ("issues", "issue", "qa"):
            unknown.append(f"has:{has}")
        below = None
        conf = found.get("conf")
        if conf is not None:
            try:
                below = LOW_CONFIDENCE if conf.lower() == "low" else float(conf.lstrip("<"))
            except ValueError:
                unknown.append(f"conf:{conf}")
        return cls(
            " ".join(words),
            STATUS_WORDS.get(status.lower()) if status else None,
            found.get("lang"),
            has is not None and f"has:{has}" not in unknown,
            found.get("author"),
            below,
            found.get("post"),
            tuple(unknown),
        )

    @property
    def active(self) -> bool:
        """Whether anything is filtered out."""
        return bool(
            self.text
            or self.status
            or self.lang
            or self.has_issues
            or self.author
            or self.below_confidence is not None
            or self.post
        )


@dataclass(frozen=True, slots=True)
class MergeReport:
    """What a save found when the file had changed on disk since it was read."""

    taken: tuple[str, ...] = ()
    """Blocks whose version on disk was taken (we had not touched them)."""
    conflicts: tuple[str, ...] = ()
    """Blocks changed both on disk and here: ours was kept."""


@dataclass
class BlockHistory:
    """Undo and redo stacks of one block."""

    undo: list[TranslationUnit] = field(default_factory=list)
    redo: list[TranslationUnit] = field(default_factory=list)


class ReviewSession:
    """A review file being reviewed: the current units and everything done to them."""

    def __init__(
        self,
        path: Path,
        source: Thread | None = None,
        glossaries: GlossaryLookup | None = None,
        journal: bool = True,
        memory: TranslationMemory | None = None,
    ) -> None:
        self.path = path
        self.memory = memory
        self.remembered: dict[str, tuple[str, str, str]] = {}
        """Per block, the (source language, source, target) last stored in the memory by this session."""
        self.source = source
        self.review: ReviewFile = read_review_file(path, source)
        self.glossary_lookup = glossaries or (lambda _source, _target: None)
        self.units: list[TranslationUnit] = list(self.review.translated.units)
        self.index = {unit.block.id: number for number, unit in enumerate(self.units)}
        self.saved: dict[str, TranslationUnit] = {unit.block.id: unit for unit in self.units}
        self.approved_at_open = {
            unit.block.id: (unit.source_lang, unit.block.text, unit.target)
            for unit in self.units
            if unit.status == "reviewed"
        }
        """Per block approved in the file as opened, what the memory may hold for it from earlier reviews."""
        self.history: dict[str, BlockHistory] = {}
        self.change_log: list[str] = []
        """The blocks in the order they were changed (or redone): where the last change to undo is."""
        self.undo_log: list[str] = []
        """The blocks in the order changes were undone: where the last change to redo is."""
        self.dirty: set[str] = set()
        self.disk_digest = digest(path)
        self.journal_enabled = journal
        self.journal = journal_path(path)
        self.journal_error: str | None = None
        """Why the journal could not be written (set once; the app says so): changes then live in memory only."""
        self.posts = {post.id: post for post in self.review.translated.thread.posts}
        self.set_aside: Path | None = None
        """Where the journal of an earlier session went, when the file had changed since it was written."""
        self.set_aside_edits: list[dict[str, Any]] = []
        """What that journal held: one unit state per change, in order."""
        self.replayed = self._replay() if journal else 0

    # ------------------------------------------------------------------------------------------ reading

    @property
    def target_lang(self) -> str:
        """The language translated into."""
        return self.review.translated.target_lang

    @property
    def source_langs(self) -> list[str]:
        """Source languages present, most frequent first."""
        counts: dict[str, int] = {}
        for unit in self.units:
            counts[unit.source_lang] = counts.get(unit.source_lang, 0) + 1
        return sorted(counts, key=lambda lang: -counts[lang])

    @property
    def pair(self) -> str:
        """`fr-en` (or `fr,de-en` for a mixed thread)."""
        langs = [lang for lang in self.source_langs if lang not in ("und", self.target_lang)] or ["und"]
        return f"{','.join(langs)}-{self.target_lang}"

    def unit(self, block_id: str) -> TranslationUnit:
        """The current unit of a block."""
        return self.units[self.index[block_id]]

    def glossary(self, source: str, target: str | None = None) -> Glossary | None:
        """The glossary of a pair, from the lookup given (a GlossaryStore's `get`: read once, refreshed
        when a term is added through it)."""
        return self.glossary_lookup(source, target or self.target_lang)

    @property
    def reviewed(self) -> int:
        """How many units are approved."""
        return sum(unit.status == "reviewed" for unit in self.units)

    @property
    def issues_left(self) -> int:
        """How many units not yet approved have QA issues."""
        return sum(bool(unit.issues) and unit.status != "reviewed" for unit in self.units)

    @property
    def modified(self) -> bool:
        """Whether there are changes not saved to the file."""
        return bool(self.dirty)

    def author(self, unit: TranslationUnit) -> str:
        """The author of a unit's post."""
        post = self.posts.get(unit.post_id)
        return (post.author if post else None) or ""

    def matches(self, unit: TranslationUnit, query: Filter) -> bool:
        """Whether the filter keeps a unit."""
        if query.status and unit.status != query.status:
            return False
        if query.lang and unit.source_lang != query.lang:
            return False
        if query.has_issues and not unit.issues:
            return False
        if query.author and fold(query.author) not in fold(self.author(unit)):
            return False
        if query.post and unit.post_id != query.post:
            return False
        if query.below_confidence is not None:
            from translator.detect.detector import is_low_confidence

            if not is_low_confidence(unit.block, query.below_confidence):
                return False
        if query.text:
            haystack = fold(f"{unit.block.text}\n{unit.target}\n{unit.block.id}")
            return all(fold(word) in haystack for word in query.text.split())
        return True

    def find_next(
        self, block_id: str | None, predicate: Callable[[TranslationUnit], bool], step: int = 1
    ) -> str | None:
        """The next block (wrapping around) after block_id that satisfies predicate."""
        count = len(self.units)
        start = self.index.get(block_id, -1) if block_id is not None else -1
        for offset in range(1, count + 1):
            unit = self.units[(start + offset * step) % count]
            if predicate(unit):
                return unit.block.id
        return None

    def qa(self, unit: TranslationUnit) -> tuple[QaIssue, ...]:
        """The QA issues of a unit as it stands (pipeline-only findings kept)."""
        from translator.qa import check_unit

        kept = tuple(issue for issue in unit.issues if issue.code in KEPT_ISSUES and issue.code != "no-model")
        if unit.origin == "copied" or unit.source_lang in ("und", unit.target_lang):
            return kept
        found = check_unit(unit.block.text, unit.target, self.glossary(unit.source_lang))
        return kept + tuple(found)

    # ----------------------------------------------------------------------------------------- changing

    def _set(self, new: TranslationUnit, record: bool = True) -> TranslationUnit:
        block_id = new.block.id
        old = self.unit(block_id)
        if new == old:
            return old
        if record:
            history = self.history.setdefault(block_id, BlockHistory())
            history.undo.append(old)
            history.redo.clear()
            self.change_log.append(block_id)
        self.units[self.index[block_id]] = new
        if new == self.saved.get(block_id):
            self.dirty.discard(block_id)
        else:
            self.dirty.add(block_id)
        self._journal(new)
        return new

    def edit(self, block_id: str, text: str) -> TranslationUnit:
        """Set the translation of a block; the first change of a machine text keeps it as `previous`."""
        unit = self.unit(block_id)
        if text == unit.target:
            return unit
        return self._set(self._edited(unit, text))

    def _edited(self, unit: TranslationUnit, text: str) -> TranslationUnit:
        previous = unit.previous
        if previous is None and unit.origin in ("machine", "memory") and unit.target:
            previous = unit.target
        new = replace(unit, target=text, origin="human", status="draft", previous=previous)
        return replace(new, issues=self.qa(new))

    def journal_typing(self, block_id: str, text: str) -> None:
        """Keep in the journal what is being typed in the editor, not yet an edit (no undo step, nothing
        changed here): a session killed meanwhile comes back with it as an unsaved edit. Leaving the editor
        makes the edit, whose line comes after and wins."""
        unit = self.unit(block_id)
        if text != unit.target:
            self._journal(self._edited(unit, text))

    def approve(self, block_id: str) -> TranslationUnit:
        """Mark a block reviewed (its PO entry loses `fuzzy`)."""
        unit = self.unit(block_id)
        origin = "human" if unit.origin == "copied" else unit.origin
        return self._set(replace(unit, status="reviewed", origin=origin, issues=self.qa(unit)))

    def needs_work(self, block_id: str) -> TranslationUnit:
        """Mark a block as needing work (a draft again: `fuzzy`)."""
        unit = self.unit(block_id)
        return self._set(replace(unit, status="draft"))

    def copy_source(self, block_id: str) -> TranslationUnit:
        """Put the source text in the translation."""
        return self.edit(block_id, self.unit(block_id).block.text)

    def insert(self, block_id: str, text: str, offset: int | None = None) -> TranslationUnit:
        """Insert text in the translation at offset (default: the end, after a space)."""
        target = self.unit(block_id).target
        if offset is None:
            joined = f"{target} {text}" if target and not target.endswith(" ") else target + text
            return self.edit(block_id, joined)
        return self.edit(block_id, target[:offset] + text + target[offset:])

    def set_language(self, block_id: str, lang: str) -> TranslationUnit:
        """Override the source language of a block (re-translation uses it)."""
        unit = self.unit(block_id)
        block = replace(unit.block, lang=lang, lang_source="manual", lang_confidence=1.0)
        new = replace(unit, block=block, source_lang=lang)
        return self._set(replace(new, issues=self.qa(new)))

    def machine_translation(self, unit: TranslationUnit, engine: Engine, glossary: Glossary | None) -> TranslationUnit:
        """A unit's block translated again on the pipeline's path (memory, glossary, QA), as `translate`
        would translate it; it blocks (run it in a worker thread). EngineError when the pair has no model."""
        from translator.memory.lookup import MemoryLookup
        from translator.pipeline import PipelineOptions, translate_blocks

        block = replace(unit.block, lang=unit.source_lang)
        options = PipelineOptions(target=unit.target_lang, source=unit.source_lang)
        memory = MemoryLookup(self.memory) if self.memory is not None else None
        [made], _ = translate_blocks([block], options, engine, lambda _source, _target: glossary, memory)
        missing = next((issue for issue in made.issues if issue.code == "no-model"), None)
        if missing is not None:
            raise EngineError(missing.message)
        return made

    def set_machine(
        self, block_id: str, text: str, terms: tuple[str, ...] = (), issues: tuple[QaIssue, ...] | None = None
    ) -> TranslationUnit:
        """A fresh machine translation of a block (a draft; the text it replaces becomes `previous`), with
        the terms it carries and the pipeline's QA of it (None: checked here)."""
        unit = self.unit(block_id)
        previous = unit.previous if unit.previous is not None else (unit.target or None)
        new = replace(unit, target=text, origin="machine", status="draft", previous=previous, terms=terms)
        if new.previous == text:
            new = replace(new, previous=None)
        if issues is None:
            return self._set(replace(new, issues=self.qa(new)))
        kept = tuple(issue for issue in unit.issues if issue.code in KEPT_ISSUES and issue.code != "no-model")
        return self._set(replace(new, issues=kept + issues))

    def recheck(self, source_lang: str | None = None) -> list[str]:
        """Run QA again on every unit (of one source language); the blocks whose issues changed."""
        changed = []
        for number, unit in enumerate(self.units):
            if source_lang is not None and unit.source_lang != source_lang:
                continue
            issues = self.qa(unit)
            if issues != unit.issues:
                self.units[number] = replace(unit, issues=issues)
                changed.append(unit.block.id)
        return changed

    def undo(self, block_id: str) -> TranslationUnit | None:
        """Undo the last change of a block (None when there is none)."""
        return self._step(block_id, forward=False)

    def redo(self, block_id: str) -> TranslationUnit | None:
        """Redo the last undone change of a block (None when there is none)."""
        return self._step(block_id, forward=True)

    def _step(self, block_id: str, *, forward: bool) -> TranslationUnit | None:
        """Go one change back (or forward again) in a block's history; the unit left is kept for the way back."""
        history = self.history.get(block_id)
        if history is None:
            return None
        taken, kept = (history.redo, history.undo) if forward else (history.undo, history.redo)
        if not taken:
            return None
        kept.append(self.unit(block_id))
        (self.change_log if forward else self.undo_log).append(block_id)
        return self._set(taken.pop(), record=False)

    def last_changed(self, *, forward: bool = False) -> str | None:
        """The block of the last change that can be undone (forward: redone), None when there is none."""
        log = self.undo_log if forward else self.change_log
        while log:
            history = self.history.get(log[-1])
            if history is not None and (history.redo if forward else history.undo):
                return log[-1]
            log.pop()  # undone or redone since: look further back
        return None

    # ------------------------------------------------------------------------------------------ journal

    def _journal(self, unit: TranslationUnit) -> None:
        if not self.journal_enabled:
            return
        line = json.dumps(unit_state(unit), ensure_ascii=False) + "\n"
        if not self.journal.exists():
            # The file this journal applies to: a later session replays it only onto the same bytes.
            line = json.dumps({"journal": 1, "file_sha256": self.disk_digest}) + "\n" + line
        try:
            with open(self.journal, "a", encoding="utf-8") as handle:
                handle.write(line)
                handle.flush()
                os.fsync(handle.fileno())
        except OSError as error:
            # A read-only folder, a full disk: the change stands (in memory), the reviewer is told once.
            self.journal_enabled = False
            self.journal_error = (
                f"cannot write the journal {self.journal}: {error.strerror or error}; "
                "changes are not kept if the app is killed: save often (Ctrl+S)"
            )

    def _replay(self) -> int:
        """Apply the journal of an earlier session that did not save; how many blocks it changed."""
        try:
            # Lines end with "\n" only: a text may hold other line separators (U+2028...), which JSON keeps.
            lines = self.journal.read_bytes().split(b"\n")
        except FileNotFoundError:
            return 0
        except OSError as error:
            raise InputError(
                f"cannot read the journal of unsaved changes {self.journal}: {error.strerror or error}",
                "move it out of the way to open the file without it",
            ) from None
        states = []
        for line in lines:
            try:
                state = json.loads(line.decode("utf-8"))
            except ValueError:
                continue  # a line cut by the kill (maybe inside a character)
            if isinstance(state, dict):
                states.append(state)
        header = states[0] if states and "journal" in states[0] else None
        edits = [state for state in states if "id" in state]
        if header is not None and header.get("file_sha256") != self.disk_digest:
            self._set_journal_aside(edits)
            return 0
        changed: set[str] = set()
        for state in edits:
            block_id = state.get("id")
            if block_id not in self.index or self.unit(block_id).block.text != state.get("source"):
                continue
            unit = apply_state(self.unit(block_id), state)
            self.units[self.index[block_id]] = replace(unit, issues=self.qa(unit))
            changed.add(block_id)
        self.dirty |= {block_id for block_id in changed if self.unit(block_id) != self.saved[block_id]}
        return len(changed)

    def _set_journal_aside(self, edits: list[dict[str, Any]]) -> None:
        """The file changed since the journal was written: replaying it could put edits on the wrong text.
        Keep it beside the file under a new name (nothing to keep when it holds no edit)."""
        if not edits:
            self.journal.unlink(missing_ok=True)
            return
        target = set_aside_path(self.path)
        os.replace(self.journal, target)
        self.set_aside, self.set_aside_edits = target, edits

    # ------------------------------------------------------------------------------------------- saving

    def translated(self, units: Iterable[TranslationUnit] | None = None) -> TranslatedThread:
        """The translated thread as it stands."""
        return replace(self.review.translated, units=tuple(self.units if units is None else units))

    def changed_on_disk(self) -> bool:
        """Whether the file changed since it was read or saved."""
        return digest(self.path) != self.disk_digest

    @property
    def read_only(self) -> bool:
        """Whether the file is marked read-only (no write permission: for root, no write bit at all). An
        atomic save renames a new file over it, which the folder allows, so this is checked first."""
        try:
            mode = self.path.stat().st_mode
        except OSError:
            return False
        return not os.access(self.path, os.W_OK) or not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)

    def save(self) -> MergeReport:
        """Write the file atomically, merging what changed on disk meanwhile; then drop the journal.
        OutputError, nothing written, when the file is read-only."""
        from translator.files import write_atomic

        if self.read_only:
            raise OutputError(
                f"{self.path} is read-only: not saved (your changes are kept in the journal)",
                f"make it writable (chmod u+w {self.path}) and save again",
            )
        report = MergeReport()
        if self.changed_on_disk() and self.path.exists():
            try:
                report = self._merge_from_disk()
            except TranslatorError as error:
                # Someone else's file now: never overwritten unread. The journal keeps the work meanwhile.
                raise OutputError(
                    f"{self.path.name} changed on disk since it was opened and cannot be read any more ({error}); "
                    "not saved, your changes are kept in the journal",
                    "fix or restore that file, or delete it to write yours, then save again",
                ) from None
        text = render_review(self.review, self.translated())
        write_atomic(self.path, text)
        self.disk_digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        self.saved = {unit.block.id: unit for unit in self.units}
        self.dirty.clear()
        with contextlib.suppress(FileNotFoundError):
            self.journal.unlink()
        return report

    def _merge_from_disk(self) -> MergeReport:
        """Take the disk version of every block we did not change; keep ours where both changed."""
        theirs = {unit.block.id: unit for unit in read_review_file(self.path, self.source).translated.units}
        taken, conflicts = [], []
        for block_id, disk in theirs.items():
            if block_id not in self.index or disk.block.text != self.unit(block_id).block.text:
                continue
            base = self.saved.get(block_id)
            same = base is not None and (disk.target, disk.status) == (base.target, base.status)
            if same:
                continue
            if block_id in self.dirty:
                conflicts.append(block_id)
            else:
                self.units[self.index[block_id]] = disk
                taken.append(block_id)
        return MergeReport(tuple(taken), tuple(conflicts))

    def remember_approved(self) -> int:
        """Store approved units not yet stored as human entries of the translation memory, so the next
        `translator translate` reuses them; take back the human entries of blocks marked as needing work
        (approved in this session or in the file as opened). How many were stored."""
        if self.memory is None:
            return 0
        pending = {}
        retracted = []
        for unit in self.units:
            state = (unit.source_lang, unit.block.text, unit.target)
            if unit.status != "reviewed":
                # Needs work again: the memory must not keep offering what the reviewer took back.
                for taken_back in (
                    self.remembered.pop(unit.block.id, None),
                    self.approved_at_open.pop(unit.block.id, None),
                ):
                    if taken_back is not None:
                        retracted.append(taken_back)
                continue
            if not unit.target.strip() or unit.source_lang in ("und", unit.target_lang):
                continue
            if self.remembered.get(unit.block.id) != state:
                pending[unit.block.id] = state
        if retracted:
            self.memory.forget_human(self._human_entries(retracted))
        stored_count = self.memory.store(self._human_entries(pending.values()))
        self.remembered.update(pending)
        return stored_count

    def _human_entries(self, states: Iterable[tuple[str, str, str]]) -> list[MemoryEntry]:
        return [MemoryEntry(lang, self.target_lang, source, target, "human") for lang, source, target in states]

    def discard_journal(self) -> None:
        """Forget unsaved changes for good (quit without saving)."""
        with contextlib.suppress(FileNotFoundError):
            self.journal.unlink()
