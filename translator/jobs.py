"""Translate one thread file into output files: the per-file job behind `translate` and `batch`.

A job is a pure function of (input file, settings): the engine, glossaries and memory it uses are
built from the settings (once per process), so a job can run in a worker process or elsewhere.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from translator.errors import TranslatorError

if TYPE_CHECKING:
    from translator.engine import ArgosEngine
    from translator.glossary import Glossary
    from translator.memory import TranslationMemory
    from translator.models import TranslatedThread
    from translator.pipeline import PipelineStats

FORMATS = ("po", "json", "md", "html")


@dataclass(frozen=True, slots=True)
class JobSettings:
    """Everything that decides a job's output (and so whether a finished one can be reused)."""

    target: str
    """Target language."""
    source: str | None = None
    """Forced source language, or None for detection."""
    formats: tuple[str, ...] = ("po",)
    """Output formats among po, json, md, html."""
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


class Toolkit:
    """The engine, glossaries, detector and memory of one process, built once from the settings."""

    def __init__(self, settings: JobSettings) -> None:
        from translator.detect import LanguageDetector
        from translator.engine import ArgosEngine, EngineSettings
        from translator.memory import TranslationMemory
        from translator.models_store import ModelStore

        engine_settings = EngineSettings(device=settings.device, threads=settings.threads, beam_size=settings.beam_size)  # type: ignore[arg-type]
        self.engine: ArgosEngine = ArgosEngine(ModelStore([Path(p) for p in settings.models_dirs]), engine_settings)
        self.detector = LanguageDetector(settings.languages, installed=self.engine.store.languages())
        self.memory: TranslationMemory | None = (
            TranslationMemory(Path(settings.memory) if settings.memory else None) if settings.use_memory else None
        )
        self.settings = settings
        self._glossaries: dict[tuple[str, str], Glossary | None] = {}
        self._explicit: dict[tuple[str, str], Glossary] = {}
        self._lock = threading.Lock()
        if settings.use_glossary:
            from translator.glossary import load_glossary

            for path in settings.glossaries:
                glossary = load_glossary(Path(path))
                self._explicit[(glossary.source_lang, glossary.target_lang)] = glossary

    def glossary_for(self, source: str, target: str) -> Glossary | None:
        """The glossary of a pair: an explicit file, else `xx-yy.po` in the glossary folder, else none."""
        if not self.settings.use_glossary:
            return None
        with self._lock:
            if (source, target) not in self._glossaries:
                from translator.glossary import find_glossary

                folder = Path(self.settings.glossary_dir) if self.settings.glossary_dir else None
                explicit = self._explicit.get((source, target))
                self._glossaries[(source, target)] = explicit or find_glossary(source, target, folder)
            return self._glossaries[(source, target)]


_process_toolkit: tuple[JobSettings, Toolkit] | None = None


def toolkit_for(settings: JobSettings) -> Toolkit:
    """This process's toolkit for the settings (built on first use: models load once per process)."""
    global _process_toolkit
    if _process_toolkit is None or _process_toolkit[0] != settings:
        _process_toolkit = (settings, Toolkit(settings))
    return _process_toolkit[1]


def output_paths(input_path: Path, out_dir: Path, relative: Path, settings: JobSettings) -> dict[str, Path]:
    """Where each format of an input goes: OUT/relative/stem.<target>.<ext>."""
    base = out_dir / relative.parent / f"{relative.stem}.{settings.target}"
    return {fmt: base.with_name(f"{base.name}.{fmt}") for fmt in settings.formats}


def render(translated: TranslatedThread, fmt: str, side_by_side: bool) -> str:
    """One output format of a translated thread."""
    if fmt == "po":
        from translator.writers.po import render_po

        return render_po(translated)
    if fmt == "json":
        from translator.writers.json_translated import render_json

        return render_json(translated)
    if fmt == "md":
        from translator.writers.document import render_markdown

        return render_markdown(translated, side_by_side)
    if fmt == "html":
        from translator.writers.document import render_html

        return render_html(translated, side_by_side)
    raise TranslatorError(f"unknown output format {fmt!r}", f"use one of {', '.join(FORMATS)}")


Outcome = tuple["TranslatedThread", "PipelineStats", tuple[str, ...]]
"""A translated file: the result, its stats and its warnings."""


def translate_files(
    paths: list[Path], settings: JobSettings, toolkit: Toolkit | None = None
) -> list[Outcome | TranslatorError]:
    """Read, detect and translate thread files together (one engine call per language pair for all of
    them); per file, its outcome, or the error that stopped that file (the others go on)."""
    from translator.detect import detect_languages
    from translator.pipeline import PipelineOptions, translate_threads
    from translator.readers import read_thread

    toolkit = toolkit or toolkit_for(settings)
    outcomes: list[Outcome | TranslatorError | None] = []
    loaded = []
    for index, path in enumerate(paths):
        try:
            thread_file = read_thread(path, settings.input_format)
            loaded.append((index, detect_languages(thread_file.thread, toolkit.detector), thread_file.warnings))
            outcomes.append(None)
        except TranslatorError as error:
            outcomes.append(error)
    if loaded:
        options = PipelineOptions(target=settings.target, source=settings.source, use_memory=settings.use_memory)
        translated, stats = translate_threads(
            [thread for _, thread, _ in loaded], options, toolkit.engine, toolkit.glossary_for, toolkit.memory
        )
        for (index, _, reading_warnings), result, thread_stats in zip(loaded, translated, stats.threads, strict=True):
            warnings = (*reading_warnings, *(missing_model_warning(pair) for pair in thread_stats.missing_pairs))
            outcomes[index] = (result, thread_stats, warnings)
    return [outcome for outcome in outcomes if outcome is not None]


def translate_file(path: Path, settings: JobSettings, toolkit: Toolkit | None = None) -> Outcome:
    """Read, detect and translate one thread file; raise TranslatorError when it cannot be."""
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


def run_jobs(inputs: list[tuple[str, str]], out_dir: str, settings: JobSettings) -> list[JobResult]:
    """Translate several files (input path, relative output path) together: one engine call per language
    pair for all of them, then every format of each (atomic writes). A file that fails gets an error
    result; the others go on."""
    from translator.writers.atomic import write_atomic

    try:
        outcomes = translate_files([Path(path) for path, _ in inputs], settings)
    except TranslatorError as error:
        return [JobResult(path, error=str(error)) for path, _ in inputs]
    results = []
    for (path, relative), outcome in zip(inputs, outcomes, strict=True):
        if isinstance(outcome, TranslatorError):
            results.append(JobResult(path, error=str(outcome)))
            continue
        translated, stats, warnings = outcome
        try:
            written = []
            for fmt, target in output_paths(Path(path), Path(out_dir), Path(relative), settings).items():
                target.parent.mkdir(parents=True, exist_ok=True)
                write_atomic(target, render(translated, fmt, settings.side_by_side))
                written.append(str(target))
        except TranslatorError as error:
            results.append(JobResult(path, error=str(error)))
            continue
        except OSError as error:
            results.append(JobResult(path, error=f"{path}: {error.strerror or error}"))
            continue
        results.append(
            JobResult(
                input=path,
                outputs=tuple(written),
                blocks=stats.blocks,
                sentences=stats.sentences,
                from_memory=stats.from_memory,
                translated=stats.translated,
                issues=issue_counts(translated),
                warnings=warnings,
            )
        )
    return results
