"""Translate one thread file into output files: the per-file job behind `translate` and `batch`.

A job is a pure function of (input file, settings): the engine, glossaries and memory it uses are
built from the settings (once per process), so a job can run in a worker process or elsewhere.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import re
import threading
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from translator.errors import EngineError, TranslatorError

if TYPE_CHECKING:
    from concurrent.futures import Executor, Future, ThreadPoolExecutor

    from translator.detect.detector import LanguageDetector
    from translator.engine.base import Engine
    from translator.glossary.matching import Glossary
    from translator.memory.store import CachedThread, Dependency, TranslationMemory
    from translator.models import Thread, TranslatedThread
    from translator.pipeline import PipelineStats

FORMATS = ("po", "json", "md", "html", "xliff", "xliff2")
FILE_ENDINGS = {"xliff": "xlf", "xliff2": "xliff2.xlf"}
"""Formats whose file name does not end in their name: XLIFF is `.xlf` for CAT tools (2.0 says so too)."""
SLUG_EXTENSION = re.compile(r"\.(?:s?html?|php|aspx?|jsp|xml)$")
SLUG_JUNK = re.compile(r"[^a-z0-9]+")
# Bump when what a translated thread holds, or how it is made, changes without a version change.
THREAD_CACHE_FORMAT = 2


@dataclass(frozen=True, slots=True)
class JobSettings:
    """Everything that decides a job's output (and so whether a finished one can be reused)."""

    target: str
    """Target language."""
    source: str | None = None
    """Forced source language, or None for detection."""
    formats: tuple[str, ...] = ("po",)
    """Output formats among po, json, md, html, xliff (1.2), xliff2 (2.0)."""
    input_format: str | None = None
    """Reader to use (None: sniffed)."""
    languages: tuple[str, ...] | None = None
    """Candidate languages for detection (None: default)."""
    glossaries: tuple[str, ...] = ()
    """Explicit glossary files (their pair is read from their header)."""
    glossary_dir: str | None = None
    """Folder of `xx-yy.po` glossaries (None: the shipped ones)."""
    use_glossary: bool = True
    """Apply glossaries at all."""
    memory: str | None = None
    """Translation memory path (None: the default one)."""
    use_memory: bool = True
    """Reuse and feed the translation memory."""
    models_dirs: tuple[str, ...] = ()
    """Extra folders of Argos packages."""
    device: str = "cpu"
    """Engine device."""
    threads: int = 0
    """Engine CPU threads."""
    beam_size: int = 4
    """Engine beam width."""
    side_by_side: bool = False
    """Markdown/HTML: source and translation side by side."""

    def digest(self) -> str:
        """A stable hash of the settings that decide the output, for resuming batches (threads do not)."""
        decisive = asdict(self)
        del decisive["threads"]
        return hashlib.sha256(json.dumps(decisive, sort_keys=True).encode()).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class JobResult:
    """What one file's job produced."""

    input: str
    """The input path."""
    outputs: tuple[str, ...] = ()
    """Files written."""
    blocks: int = 0
    """Blocks in the thread."""
    sentences: int = 0
    """Sentences to translate."""
    from_memory: int = 0
    """Sentences or blocks reused from memory."""
    translated: int = 0
    """Distinct sentences sent to the engine."""
    issues: dict[str, int] = field(default_factory=dict)
    """QA issue counts by code."""
    warnings: tuple[str, ...] = ()
    """Reading warnings and missing models."""
    error: str | None = None
    """Why the job failed (None when it succeeded)."""
    digest: str | None = None
    """SHA-256 of the input bytes that were translated."""


class Toolkit:
    """The engine, glossaries, detector and memory of one process, built once from the settings; the
    detector and the models load on first use, so a rerun served from the memory loads neither."""

    def __init__(self, settings: JobSettings) -> None:
        from translator.engine import EngineSettings, ModelStore, build_engine
        from translator.glossary.store import GlossaryStore
        from translator.memory.store import TranslationMemory

        self.engine_settings = EngineSettings(
            device=settings.device,  # type: ignore[arg-type]
            threads=settings.threads,
            beam_size=settings.beam_size,
        )
        self.store = ModelStore([Path(p) for p in settings.models_dirs])
        self.engine: Engine = build_engine(self.engine_settings, self.store)
        self.memory: TranslationMemory | None = (
            TranslationMemory(Path(settings.memory) if settings.memory else None) if settings.use_memory else None
        )
        self.settings = settings
        self.glossaries = (
            GlossaryStore(
                [Path(path) for path in settings.glossaries],
                Path(settings.glossary_dir) if settings.glossary_dir else None,
            )
            if settings.use_glossary
            else None
        )
        self._model_ids: dict[tuple[str, str], str] = {}
        self._detector: LanguageDetector | None = None
        self._lock = threading.Lock()

    @property
    def detector(self) -> LanguageDetector:
        """The language detector (its profiles load on first use, about a second)."""
        with self._lock:
            if self._detector is None:
                from translator.detect.detector import LanguageDetector

                self._detector = LanguageDetector(self.settings.languages, installed=self._installed_languages())
            return self._detector

    def _installed_languages(self) -> set[str] | None:
        """The languages of installed models, when detection candidates are not given (they join them)."""
        return None if self.settings.languages else self.store.languages()

    def glossary_for(self, source: str, target: str) -> Glossary | None:
        """The glossary of a pair (see GlossaryStore); None with --no-glossary."""
        return self.glossaries.get(source, target) if self.glossaries is not None else None

    def dependency(self, pair: str) -> Dependency:
        """What a pair translates with now: (pair, model id or "" without a model, glossary version)."""
        source, target = pair.split("-")
        with self._lock:
            if (source, target) not in self._model_ids:
                try:
                    self._model_ids[(source, target)] = self.engine.model_id(source, target)
                except EngineError:
                    self._model_ids[(source, target)] = ""
            model_id = self._model_ids[(source, target)]
        glossary = self.glossary_for(source, target)
        return (pair, model_id, glossary.version if glossary is not None else "")

    @functools.cached_property
    def thread_fingerprint(self) -> str:
        """A hash of everything besides the input and the pairs' dependencies that decides a translated
        thread: our version, the target, forced languages, detection candidates, engine settings."""
        from translator import __version__

        settings = self.settings
        decisive = {
            "cache": THREAD_CACHE_FORMAT,
            "version": __version__,
            "target": settings.target,
            "source": settings.source,
            "input_format": settings.input_format,
            # Default detection candidates include the languages of installed models.
            "candidates": settings.languages or sorted(self._installed_languages() or ()),
            "glossaries": [settings.use_glossary, settings.glossaries, settings.glossary_dir],
            "engine": [settings.device, settings.beam_size, self.engine_settings.protect_links],
        }
        return hashlib.sha256(json.dumps(decisive, sort_keys=True).encode()).hexdigest()

    def thread_key(self, input_digest: str) -> str:
        """The memory key of an input file (by the digest of its bytes) under these settings."""
        return hashlib.sha256(f"{self.thread_fingerprint}\0{input_digest}".encode()).hexdigest()


_process_toolkit: tuple[JobSettings, Toolkit] | None = None


def toolkit_for(settings: JobSettings) -> Toolkit:
    """This process's toolkit for the settings (built on first use: models load once per process)."""
    global _process_toolkit
    if _process_toolkit is None or _process_toolkit[0] != settings:
        _process_toolkit = (settings, Toolkit(settings))
    return _process_toolkit[1]


def output_paths(
    input_path: Path, out_dir: Path, relative: Path, settings: JobSettings, part: str | None = None
) -> dict[str, Path]:
    """Where each format of an input goes: OUT/relative/stem.<target>.<ext> (XLIFF: .xlf, .xliff2.xlf), or
    for one thread of a file of several, OUT/relative/stem.<part>.<target>.<ext> (`part_names`)."""
    stem = f"{relative.stem}.{part}" if part else relative.stem
    base = out_dir / relative.parent / f"{stem}.{settings.target}"
    return {fmt: base.with_name(f"{base.name}.{FILE_ENDINGS.get(fmt, fmt)}") for fmt in settings.formats}


def part_names(threads: Sequence[Thread]) -> list[str | None]:
    """The name part of each thread's outputs: None for a file of one thread; for several, the slug of
    the thread's address where it has one (`.../2024/05/launch-delayed/` -> `launch-delayed`), else
    `item-03` (numbered from 1; also for slugs that repeat)."""
    if len(threads) <= 1:
        return [None] * len(threads)
    width = max(2, len(str(len(threads))))
    slugs = [_slug(thread.url) for thread in threads]
    repeated = {slug for slug, count in Counter(slugs).items() if count > 1}
    return [
        slug if slug and slug not in repeated else f"item-{number:0{width}d}"
        for number, slug in enumerate(slugs, start=1)
    ]


def _slug(url: str | None) -> str | None:
    """The last path segment of an address, as a safe file name part (ASCII letters, digits, dashes;
    accents dropped); none when a query names the item (`?p=88`: the path is only the section)."""
    import unicodedata
    from urllib.parse import unquote, urlsplit

    address = urlsplit(url.strip()) if url else None
    if address is None or address.query:
        return None
    segments = [segment for segment in unquote(address.path).split("/") if segment]
    if not segments:
        return None
    ascii_name = unicodedata.normalize("NFKD", SLUG_EXTENSION.sub("", segments[-1])).encode("ascii", "ignore")
    name = SLUG_JUNK.sub("-", ascii_name.decode().lower()).strip("-")
    return name[:60].strip("-") or None


def render(translated: TranslatedThread, fmt: str, side_by_side: bool) -> str:
    """One output format of a translated thread."""
    if fmt == "po":
        from translator.formats.po import render_po

        return render_po(translated)
    if fmt == "json":
        from translator.formats.json import render_json

        return render_json(translated)
    if fmt == "md":
        from translator.formats.document import render_markdown

        return render_markdown(translated, side_by_side)
    if fmt == "html":
        from translator.formats.document import render_html

        return render_html(translated, side_by_side)
    if fmt in ("xliff", "xliff2"):
        from translator.formats.xliff import render_xliff

        return render_xliff(translated, "xliff" if fmt == "xliff" else "xliff2")
    raise TranslatorError(f"unknown output format {fmt!r}", f"use one of {', '.join(FORMATS)}")


Outcome = tuple["TranslatedThread", "PipelineStats", tuple[str, ...]]
"""A translated thread: the result, its stats and its warnings."""
FileOutcome = tuple[Outcome, ...]
"""A translated file: the outcome of each thread it holds (a feed or a comment export holds several)."""


def file_digest(path: Path) -> str:
    """SHA-256 of a file's bytes."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def file_digests(paths: list[Path]) -> list[str | None]:
    """Each file's digest, None for a file that cannot be read (its reader will say why)."""
    digests: list[str | None] = []
    for path in paths:
        try:
            digests.append(file_digest(path))
        except OSError:
            digests.append(None)
    return digests


def translate_files(
    paths: list[Path], settings: JobSettings, toolkit: Toolkit | None = None, digests: list[str | None] | None = None
) -> list[FileOutcome | TranslatorError]:
    """Read, detect and translate thread files together (one engine call per language pair for all of
    them); per file, its outcome, or the error that stopped that file (the others go on). A file
    translated before with the same settings, models and glossaries comes whole from the memory
    (`digests`: the files' `file_digest`, when the caller has them)."""
    toolkit = toolkit or toolkit_for(settings)
    outcomes: list[FileOutcome | TranslatorError | None] = [None] * len(paths)
    keys = {}
    if toolkit.memory is not None:
        keys = _remembered_threads(digests or file_digests(paths), toolkit, toolkit.memory, outcomes)
    if all(outcome is not None for outcome in outcomes):
        return [outcome for outcome in outcomes if outcome is not None]
    # Only now: a rerun served from the memory needs neither the detector nor the pipeline.
    from translator.detect.detector import detect_languages
    from translator.pipeline import PipelineOptions, translate_threads
    from translator.readers import read_threads

    loaded: list[tuple[int, Thread, tuple[str, ...]]] = []
    for index, path in enumerate(paths):
        if outcomes[index] is not None:
            continue
        try:
            thread_file = read_threads(path, settings.input_format)
            detected = [detect_languages(thread, toolkit.detector) for thread in thread_file.threads]
            loaded.extend((index, thread, thread_file.warnings) for thread in detected)
        except TranslatorError as error:
            outcomes[index] = error
    if loaded:
        options = PipelineOptions(target=settings.target, source=settings.source, use_memory=settings.use_memory)
        translated, stats = translate_threads(
            [thread for _, thread, _ in loaded], options, toolkit.engine, toolkit.glossary_for, toolkit.memory
        )
        parts: dict[int, list[Outcome]] = {}
        for (index, _, reading_warnings), result, thread_stats in zip(loaded, translated, stats.threads, strict=True):
            warnings = (*reading_warnings, *(missing_model_warning(pair) for pair in thread_stats.missing_pairs))
            parts.setdefault(index, []).append((result, thread_stats, warnings))
        fresh = []
        for index, file_parts in parts.items():
            outcomes[index] = tuple(file_parts)
            if index in keys and len(file_parts) == 1:  # the memory keeps files of one thread (keyed by file)
                result, _, warnings = file_parts[0]
                kept = _thread_to_keep(keys[index], result, warnings, toolkit)
                if kept is not None:
                    fresh.append(kept)
        if toolkit.memory is not None and fresh:
            toolkit.memory.store_threads(fresh)
    return [outcome for outcome in outcomes if outcome is not None]


def _remembered_threads(
    digests: list[str | None],
    toolkit: Toolkit,
    memory: TranslationMemory,
    outcomes: list[FileOutcome | TranslatorError | None],
) -> dict[int, str]:
    """Fill in the outcomes of files the memory holds whole (still valid); return the memory keys of
    every readable file."""
    keys = {index: toolkit.thread_key(digest) for index, digest in enumerate(digests) if digest is not None}
    found = memory.cached_threads(keys.values())
    for index, key in keys.items():
        kept = found.get(key)
        if kept is not None and all(toolkit.dependency(pair) == (pair, *rest) for pair, *rest in kept.dependencies):
            outcome = _outcome_of_kept(kept)
            outcomes[index] = (outcome,) if outcome is not None else None
    return keys


def _thread_to_keep(
    key: str, translated: TranslatedThread, warnings: tuple[str, ...], toolkit: Toolkit
) -> CachedThread | None:
    from translator.memory.kept import encode_kept
    from translator.memory.store import CachedThread

    pairs = sorted({f"{unit.source_lang}-{unit.target_lang}" for unit in translated.units if unit.origin != "copied"})
    try:
        payload = encode_kept(translated, warnings)
    except ValueError:
        return None  # not one unit per block: translate it again next time rather than keep it inexact
    return CachedThread(key, tuple(toolkit.dependency(pair) for pair in pairs), payload)


def _outcome_of_kept(kept: CachedThread) -> Outcome | None:
    """A kept thread as this run's outcome: what the engine made now comes from the memory."""
    import zlib

    from translator.memory.kept import decode_kept
    from translator.pipeline import PipelineStats

    try:
        translated, warnings = decode_kept(kept.payload, reused=True)
    except (ValueError, TypeError, zlib.error):
        return None  # a damaged entry: translate the file again
    units = translated.units
    copied = sum(1 for unit in units if unit.origin == "copied")
    stats = PipelineStats(
        blocks=len(units),
        copied=copied,
        sentences=len(units) - copied,
        from_memory=sum(1 for unit in units if unit.origin in ("memory", "human")),
        missing_pairs=tuple(sorted(pair for pair, model_id, _ in kept.dependencies if not model_id)),
    )
    return translated, stats, warnings


def translate_file(path: Path, settings: JobSettings, toolkit: Toolkit | None = None) -> FileOutcome:
    """Read, detect and translate one thread file (each thread it holds); raise TranslatorError when it
    cannot be."""
    [outcome] = translate_files([path], settings, toolkit)
    if isinstance(outcome, TranslatorError):
        raise outcome
    return outcome


def missing_model_warning(pair: str) -> str:
    """The warning for a language pair with no model."""
    source, target = pair.split("-")
    return (
        f"no model for {source}->{target}: those blocks are left untranslated "
        f"(install one with: translator models install {source} {target})"
    )


def issue_counts(translated: TranslatedThread) -> dict[str, int]:
    """QA issue counts by code."""
    return dict(Counter(issue.code for unit in translated.units for issue in unit.issues))


def run_jobs(
    inputs: list[tuple[str, str]], out_dir: str, settings: JobSettings, writer: Executor | None = None
) -> list[JobResult]:
    """Translate several files (input path, relative output path) together: one engine call per language
    pair for all of them, then every format of each (atomic writes, by `writer`'s threads when given,
    else by a few of its own). A file that fails gets an error result; the others go on."""
    paths = [Path(path) for path, _ in inputs]
    digests = file_digests(paths)
    try:
        outcomes = translate_files(paths, settings, digests=digests)
    except TranslatorError as error:
        return [JobResult(path, error=str(error)) for path, _ in inputs]
    with contextlib.nullcontext(writer) if writer is not None else output_writer() as pool:
        results, writes = _render_outputs(inputs, outcomes, digests, out_dir, settings, pool)
    for index, futures in enumerate(writes):
        for future in futures:
            failure = future.exception()
            if isinstance(failure, TranslatorError):
                results[index] = JobResult(results[index].input, error=str(failure))
            elif failure is not None:
                raise failure
    return results


def output_writer() -> ThreadPoolExecutor:
    """Threads that write output files while the next file renders: creating and syncing a file is
    mostly waiting on the disk, which would otherwise add up file after file."""
    from concurrent.futures import ThreadPoolExecutor

    return ThreadPoolExecutor(max_workers=4, thread_name_prefix="output-writer")


def _render_outputs(
    inputs: list[tuple[str, str]],
    outcomes: list[FileOutcome | TranslatorError],
    digests: list[str | None],
    out_dir: str,
    settings: JobSettings,
    writer: Executor,
) -> tuple[list[JobResult], list[list[Future[None]]]]:
    """Each file's result, and the writes of its outputs handed to `writer`."""
    from translator.files import write_atomic

    results: list[JobResult] = []
    writes: list[list[Future[None]]] = []
    folders: set[Path] = set()
    for (path, relative), outcome, digest in zip(inputs, outcomes, digests, strict=True):
        writes.append([])
        if isinstance(outcome, TranslatorError):
            results.append(JobResult(path, error=str(outcome)))
            continue
        try:
            written = []
            names = part_names([translated.thread for translated, _, _ in outcome])
            for (translated, _, _), part in zip(outcome, names, strict=True):
                for fmt, target in output_paths(Path(path), Path(out_dir), Path(relative), settings, part).items():
                    if target.parent not in folders:
                        target.parent.mkdir(parents=True, exist_ok=True)
                        folders.add(target.parent)
                    text = render(translated, fmt, settings.side_by_side)
                    writes[-1].append(writer.submit(write_atomic, target, text))
                    written.append(str(target))
        except TranslatorError as error:
            results.append(JobResult(path, error=str(error)))
            continue
        except OSError as error:
            results.append(JobResult(path, error=f"{path}: {error.strerror or error}"))
            continue
        issues: Counter[str] = Counter()
        for translated, _, _ in outcome:
            issues.update(issue_counts(translated))
        results.append(
            JobResult(
                input=path,
                outputs=tuple(written),
                blocks=sum(stats.blocks for _, stats, _ in outcome),
                sentences=sum(stats.sentences for _, stats, _ in outcome),
                from_memory=sum(stats.from_memory for _, stats, _ in outcome),
                translated=sum(stats.translated for _, stats, _ in outcome),
                issues=dict(issues),
                warnings=tuple(dict.fromkeys(warning for _, _, warnings in outcome for warning in warnings)),
                digest=digest,
            )
        )
    return results, writes
