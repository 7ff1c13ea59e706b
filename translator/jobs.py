"""Translate one thread file into output files: the per-file job behind `translate` and `batch`.

A job is a pure function of (input file, settings): the engine, glossaries and memory it uses are
built from the settings (once per process), so a job can run in a worker process or elsewhere. A file
that fails, however it fails, gets its own error result; the files beside it go on.
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
from typing import TYPE_CHECKING, TypeAlias

from translator.errors import InputError, TranslatorError
from translator.stats import TranslationStats

if TYPE_CHECKING:
    from concurrent.futures import Executor, Future, ThreadPoolExecutor

    from translator.detect.detector import LanguageDetector
    from translator.engine.base import Engine
    from translator.glossary.matching import Glossary
    from translator.memory.lookup import MemoryLookup
    from translator.memory.store import TranslationMemory
    from translator.models import Thread, ThreadFile, TranslatedThread
    from translator.pipeline import FileOutcome

FORMATS = ("po", "json", "md", "html", "xliff", "xliff2")
FILE_ENDINGS = {"xliff": "xlf", "xliff2": "xliff2.xlf"}
COMPRESSED_SUFFIXES = (".gz", ".bz2", ".xz")
"""How a thread file saved compressed ends (`comments.json.gz`); the readers open it uncompressed."""
"""Formats whose file name does not end in their name: XLIFF is `.xlf` for CAT tools (2.0 says so too)."""
SLUG_EXTENSION = re.compile(r"\.(?:s?html?|php|aspx?|jsp|xml)$")
SLUG_JUNK = re.compile(r"[^a-z0-9]+")


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
    set_langs: tuple[tuple[str, str], ...] = ()
    """Blocks whose language is set by hand, (block id, Argos code): detection and translation keep it."""
    thread: int | None = None
    """In a file of several threads, the one to translate (its number, from 1; see `choose_thread`)."""

    def digest(self) -> str:
        """A stable hash of the settings that decide the output, for resuming batches (threads do not)."""
        decisive = asdict(self)
        del decisive["threads"]
        for added_later in ("set_langs", "thread"):  # the digests of runs without them stay as they were
            if not decisive[added_later]:
                del decisive[added_later]
        return hashlib.sha256(json.dumps(decisive, sort_keys=True).encode()).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class JobResult:
    """What one file's job produced."""

    input: str
    """The input path."""
    outputs: tuple[str, ...] = ()
    """Files written."""
    stats: TranslationStats = field(default_factory=TranslationStats)
    """What translating it took, its threads added up (zero for a failed job)."""
    warnings: tuple[str, ...] = ()
    """Reading warnings and missing models."""
    error: str | None = None
    """Why the job failed (None when it succeeded)."""
    digest: str | None = None
    """SHA-256 of the input bytes that were translated."""


LoadedThread: TypeAlias = "ThreadFile"
"""A file read and its languages detected: its threads (one, or several) and its reading warnings."""


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

    @functools.cached_property
    def memory_lookup(self) -> MemoryLookup | None:
        """The memory as the pipeline consults it, whole threads kept under these settings' fingerprint."""
        if self.memory is None:
            return None
        from translator import __version__
        from translator.memory.keys import settings_fingerprint
        from translator.memory.lookup import MemoryLookup

        settings = self.settings
        decisive: dict[str, object] = {
            "version": __version__,
            "target": settings.target,
            "source": settings.source,
            "input_format": settings.input_format,
            # Default detection candidates include the languages of installed models.
            "candidates": settings.languages or sorted(self._installed_languages() or ()),
            "glossaries": [settings.use_glossary, settings.glossaries, settings.glossary_dir],
            "engine": [settings.device, settings.beam_size, self.engine_settings.protect_links],
        }
        if settings.set_langs:  # only then, so that the fingerprints of runs without it stay as they were
            decisive["set_langs"] = [list(pair) for pair in settings.set_langs]
        return MemoryLookup(self.memory, settings_fingerprint(decisive))

    def read(self, path: Path) -> ThreadFile:
        """Read a thread file and detect the languages of each thread it holds; any failure is this
        file's TranslatorError."""
        from translator.readers import read_threads

        try:
            thread_file = read_threads(path, self.settings.input_format)
            if self.settings.thread is not None:
                thread_file = one_thread(thread_file, self.settings.thread, path)
            return self.detected(thread_file)
        except TranslatorError:
            raise
        except Exception as error:  # one bad file must never stop the files beside it
            raise unexpected_failure(path, error) from None

    def detected(self, thread_file: ThreadFile) -> ThreadFile:
        """A file's threads with their languages detected."""
        from dataclasses import replace

        from translator.detect.detector import check_overrides, detect_languages, set_languages

        overrides = dict(self.settings.set_langs)
        check_overrides(overrides, thread_file.threads)
        threads = []
        for thread in thread_file.threads:
            # In a file of several threads, each takes the overrides of the blocks it holds.
            ids = {block.id for _, block in thread.blocks()}
            mine = {block_id: code for block_id, code in overrides.items() if block_id in ids}
            threads.append(detect_languages(set_languages(thread, mine), self.detector))
        return replace(thread_file, threads=tuple(threads))

    def load_threads(self, paths: Sequence[Path]) -> list[LoadedThread | TranslatorError]:
        """Read and detect each file, in this process (a cluster's toolkit does it on its workers); a file
        that cannot be read gets its error, the others go on."""
        loaded: list[LoadedThread | TranslatorError] = []
        for path in paths:
            try:
                loaded.append(self.read(path))
            except TranslatorError as error:
                loaded.append(error)
        return loaded


def unexpected_failure(path: Path | str, error: BaseException) -> TranslatorError:
    """The one-line error of a file that failed in a way we did not foresee (a bug, or input beyond
    our limits): what happened, and that the other files went on."""
    detail = str(error).splitlines()[0][:200] if str(error) else ""
    return TranslatorError(
        f"{path}: failed unexpectedly ({type(error).__name__}{': ' + detail if detail else ''})",
        "the other files are not affected; please report this file",
    )


_process_toolkit: tuple[JobSettings, Toolkit] | None = None


def toolkit_for(settings: JobSettings) -> Toolkit:
    """This process's toolkit for the settings (built on first use: models load once per process)."""
    global _process_toolkit
    if _process_toolkit is None or _process_toolkit[0] != settings:
        _process_toolkit = (settings, Toolkit(settings))
    return _process_toolkit[1]


def thread_stem(path: Path) -> str:
    """A thread file's name without its suffix, nor the compression's: `x.json.gz` -> `x`, as `x.json`."""
    if path.suffix.lower() in COMPRESSED_SUFFIXES:
        path = path.with_suffix("")
    return path.stem


def output_paths(
    input_path: Path, out_dir: Path, relative: Path, settings: JobSettings, part: str | None = None
) -> dict[str, Path]:
    """Where each format of an input goes: OUT/relative/stem.<target>.<ext> (XLIFF: .xlf, .xliff2.xlf), or
    for one thread of a file of several, OUT/relative/stem.<part>.<target>.<ext> (`part_names`)."""
    stem = f"{thread_stem(relative)}.{part}" if part else thread_stem(relative)
    base = out_dir / relative.parent / f"{stem}.{settings.target}"
    return {fmt: base.with_name(f"{base.name}.{FILE_ENDINGS.get(fmt, fmt)}") for fmt in settings.formats}


def choose_thread(threads: Sequence[Thread], wanted: str, name: str) -> int:
    """The number (from 1) of the thread a user names in a file of several: its number, or the name its
    outputs take (`launch-delayed`, `item-03`); InputError naming the choices when none is meant."""
    names = part_names(threads) if len(threads) > 1 else []
    wanted = wanted.strip()
    if wanted.isdigit() and 1 <= int(wanted) <= len(threads):
        return int(wanted)
    if wanted in names:
        return names.index(wanted) + 1
    shown = ", ".join(part for part in names[:2] if part) + (", ..." if len(names) > 2 else "")
    choices = f"1 to {len(threads)}" + (f" or a name: {shown}" if shown else "")
    noun = "thread" if len(threads) == 1 else "threads"
    raise InputError(
        f"{name} holds {len(threads)} {noun}, none is {wanted!r}",
        f"pass --thread {choices} (`translator inspect` lists them)",
    )


def one_thread(thread_file: ThreadFile, number: int, path: Path) -> ThreadFile:
    """The file's thread of that number alone (InputError when the file holds fewer)."""
    from dataclasses import replace

    if not 1 <= number <= len(thread_file.threads):
        choose_thread(thread_file.threads, str(number), str(path))
    return replace(thread_file, threads=(thread_file.threads[number - 1],))


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


def file_digest(path: Path) -> str:
    """SHA-256 of a file's bytes."""
    from translator.files import open_input_file

    digest = hashlib.sha256()
    with open_input_file(path) as handle:  # a regular file only: a FIFO must not hang us
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def file_digests(paths: list[Path]) -> list[str | None]:
    """Each file's digest, None for a file that cannot be read (its reader will say why)."""
    digests: list[str | None] = []
    for path in paths:
        try:
            digests.append(file_digest(path))
        except (OSError, TranslatorError):
            digests.append(None)
    return digests


def translate_files(
    paths: list[Path], settings: JobSettings, toolkit: Toolkit | None = None, digests: list[str | None] | None = None
) -> list[FileOutcome | TranslatorError]:
    """Read, detect and translate thread files together (one engine call per language pair for all of
    them); per file, the outcome of each thread it holds, or the error that stopped that file (the others
    go on). A file of one thread translated before with the same settings, models and glossaries comes
    whole from the memory (`digests`: the files' `file_digest`, when the caller has them)."""
    from translator.pipeline import PipelineOptions, ThreadSource, translate_sources

    kit = toolkit or toolkit_for(settings)
    if settings.thread is not None:
        # One thread of a file is not the file: it is never kept whole under the file's digest.
        digests = [None] * len(paths)
    elif digests is None:
        # The digest is the key of a kept thread: without the memory, the files are read once, by their reader.
        digests = file_digests(paths) if kit.memory_lookup is not None else [None] * len(paths)
    sources = [
        ThreadSource(digest, functools.partial(kit.read, path)) for path, digest in zip(paths, digests, strict=True)
    ]
    path_of = {id(source): path for source, path in zip(sources, paths, strict=True)}

    def read(wanted: Sequence[ThreadSource]) -> list[LoadedThread | TranslatorError]:
        # The files the memory does not hold, read together (on a cluster's workers for its toolkit).
        return kit.load_threads([path_of[id(source)] for source in wanted])

    options = PipelineOptions(target=settings.target, source=settings.source, use_memory=settings.use_memory)
    return translate_sources(sources, options, kit.engine, kit.glossary_for, kit.memory_lookup, read)


def translate_file(path: Path, settings: JobSettings, toolkit: Toolkit | None = None) -> FileOutcome:
    """Read, detect and translate one thread file (each thread it holds); raise TranslatorError when it
    cannot be."""
    [outcome] = translate_files([path], settings, toolkit)
    if isinstance(outcome, TranslatorError):
        raise outcome
    return outcome


def run_jobs(
    inputs: list[tuple[str, str]],
    out_dir: str,
    settings: JobSettings,
    writer: Executor | None = None,
    toolkit: Toolkit | None = None,
) -> list[JobResult]:
    """Translate several files (input path, relative output path) together: one engine call per language
    pair for all of them, then every format of each (atomic writes, by `writer`'s threads when given,
    else by a few of its own). A file that fails, however it fails, gets an error result; the others go on.
    `toolkit`: this process's one for the settings unless given (a cluster's driver gives its own)."""
    paths = [Path(path) for path, _ in inputs]
    digests = file_digests(paths)
    try:
        outcomes = translate_files(paths, settings, toolkit, digests=digests)
    except TranslatorError as error:
        return [JobResult(path, error=str(error)) for path, _ in inputs]
    except Exception as error:  # one bad file must never stop the files beside it
        if len(inputs) > 1:
            # Translated together, the files failed together: alone, only the one at fault fails.
            return [result for item in inputs for result in run_jobs([item], out_dir, settings, writer, toolkit)]
        return [JobResult(inputs[0][0], error=str(unexpected_failure(inputs[0][0], error)))]
    with contextlib.nullcontext(writer) if writer is not None else output_writer() as pool:
        results, writes = _render_outputs(inputs, outcomes, digests, out_dir, settings, pool)
    for index, futures in enumerate(writes):
        for future in futures:
            failure = future.exception()
            if isinstance(failure, TranslatorError):
                results[index] = JobResult(results[index].input, error=str(failure))
            elif failure is not None:
                why = str(unexpected_failure(inputs[index][0], failure))
                results[index] = JobResult(results[index].input, error=why)
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
        except Exception as error:  # one bad file must never stop the files beside it
            results.append(JobResult(path, error=str(unexpected_failure(path, error))))
            continue
        stats = sum((thread_stats for _, thread_stats, _ in outcome), TranslationStats())
        warnings = tuple(dict.fromkeys(warning for _, _, thread_warnings in outcome for warning in thread_warnings))
        results.append(JobResult(path, tuple(written), stats, warnings, digest=digest))
    return results, writes
