"""Translate files, folders and globs of threads: worker processes, progress, resumable, a summary.

Resuming: OUTDIR/.translator-batch.json records each finished input with the hash of its bytes and of
the settings. A rerun skips inputs recorded as finished whose outputs are all there, and redoes the
rest; with the memory warm, redone work is mostly lookups (a file translated before with the same
settings, models and glossaries comes whole from the memory). Outputs are written atomically, so a
killed run leaves whole files or none.
"""

from __future__ import annotations

import glob
import json
import math
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from translator.errors import InputError
from translator.files import make_folder, write_atomic
from translator.jobs import (
    JobResult,
    JobSettings,
    file_digest,
    output_paths,
    output_writer,
    run_jobs,
)

MANIFEST = ".translator-batch.json"
# Files translated together share one engine call per language pair: bigger batches, faster decoding.
FILES_PER_JOB = 8
MANIFEST_SAVE_SECONDS = 1.0
THREAD_SUFFIXES = (".txt", ".md", ".markdown", ".json", ".xml", ".rss", ".atom")


@dataclass(frozen=True, slots=True)
class BatchInput:
    """One file to translate and where its outputs go, relative to the output folder."""

    path: Path
    """The input file."""
    relative: Path
    """Its path below the output folder (mirrors the input tree)."""


@dataclass
class BatchSummary:
    """What a batch did."""

    ok: int = 0
    failed: int = 0
    skipped: int = 0
    blocks: int = 0
    sentences: int = 0
    from_memory: int = 0
    translated: int = 0
    issues: Counter[str] = field(default_factory=Counter)
    failures: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0


def expand_inputs(inputs: list[str], output_dir: Path | None = None) -> list[BatchInput]:
    """Files, folders (thread files inside, recursively) and globs, as a sorted list without repeats.
    Inside a folder, what lies in `output_dir` is skipped: outputs (JSON ones look like threads) are
    not inputs of the next run."""
    skipped = output_dir.resolve() if output_dir is not None else None
    found: dict[Path, BatchInput] = {}
    for item in inputs:
        matches = sorted(Path(p) for p in glob.glob(item, recursive=True)) if glob.has_magic(item) else [Path(item)]
        if not matches:
            raise InputError(f"{item}: nothing matches", "check the path or pattern")
        for match in matches:
            if match.is_dir():
                for path in sorted(match.rglob("*")):
                    if path.is_file() and path.suffix.lower() in THREAD_SUFFIXES and not path.name.startswith("."):
                        resolved = path.resolve()
                        if skipped is None or not resolved.is_relative_to(skipped):
                            found.setdefault(resolved, BatchInput(path, path.relative_to(match)))
            elif match.is_file():
                found.setdefault(match.resolve(), BatchInput(match, Path(match.name)))
            else:
                raise InputError(f"{match}: no such file or folder", "check the path")
    if not found:
        raise InputError("no thread file found in the inputs", f"thread files end in {', '.join(THREAD_SUFFIXES)}")
    return list(found.values())


class Manifest:
    """The record of finished inputs in an output folder."""

    def __init__(self, out_dir: Path, settings: JobSettings) -> None:
        self.path = out_dir / MANIFEST
        self.settings = settings
        self.settings_digest = settings.digest()
        self.done: dict[str, str] = {}
        self.parts: dict[str, list[str]] = {}
        """The outputs of inputs holding several threads (one per thread), relative to the folder."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if data.get("settings") == self.settings_digest and isinstance(data.get("done"), dict):
                self.done = {str(k): str(v) for k, v in data["done"].items()}
                self.parts = {str(k): [str(p) for p in v] for k, v in (data.get("parts") or {}).items()}
        except (OSError, ValueError, AttributeError, TypeError):
            self.done, self.parts = {}, {}

    def finished(self, item: BatchInput, outputs: list[Path]) -> bool:
        """Whether an input was finished with these settings and its outputs are all there."""
        key = str(item.relative)
        outputs = [self.path.parent / part for part in self.parts[key]] if key in self.parts else outputs
        return key in self.done and self.done[key] == file_digest(item.path) and all(p.is_file() for p in outputs)

    def record(self, item: BatchInput, digest: str, outputs: tuple[str, ...] = ()) -> None:
        """Mark an input finished, by the digest of the bytes translated (kept until `save`); `outputs`
        are remembered when they are not the usual ones (a feed: one per item)."""
        key = str(item.relative)
        self.done[key] = digest
        usual = {str(path) for path in output_paths(item.path, self.path.parent, item.relative, self.settings).values()}
        if set(outputs) - usual:
            self.parts[key] = [str(Path(output).relative_to(self.path.parent)) for output in outputs]

    def save(self) -> None:
        """Write the record atomically."""
        record = {"settings": self.settings_digest, "done": self.done, **({"parts": self.parts} if self.parts else {})}
        write_atomic(self.path, json.dumps(record, indent=1) + "\n")


def remove_stale_temp_files(out_dir: Path) -> int:
    """Delete temp files a killed run left (`.NAME.XXXX.tmp`, from atomic writes); outputs are never touched."""
    removed = 0
    for path in out_dir.rglob(".*.tmp"):
        if path.is_file():
            path.unlink(missing_ok=True)
            removed += 1
    return removed


Reporter = Callable[[BatchInput, JobResult | None], None]
"""Told about each input: its result, or None when it was skipped as already done."""


def run_batch(
    items: list[BatchInput], out_dir: Path, settings: JobSettings, jobs: int = 1, report: Reporter | None = None
) -> BatchSummary:
    """Translate every input not already finished; one bad file is reported and the rest continue."""
    started = time.perf_counter()
    make_folder(out_dir)
    remove_stale_temp_files(out_dir)
    manifest = Manifest(out_dir, settings)
    summary = BatchSummary()
    todo = []
    for item in items:
        outputs = list(output_paths(item.path, out_dir, item.relative, settings).values())
        if manifest.finished(item, outputs):
            summary.skipped += 1
            if report:
                report(item, None)
        else:
            todo.append(item)

    def finish(item: BatchInput, result: JobResult) -> None:
        if result.error is None:
            if result.digest is not None:
                manifest.record(item, result.digest, result.outputs)
            summary.ok += 1
            summary.blocks += result.blocks
            summary.sentences += result.sentences
            summary.from_memory += result.from_memory
            summary.translated += result.translated
            summary.issues.update(result.issues)
        else:
            summary.failed += 1
            summary.failures.append((str(item.path), result.error))
        if report:
            report(item, result)

    chunks = [todo[start : start + FILES_PER_JOB] for start in range(0, len(todo), FILES_PER_JOB)]
    finished_chunks = (
        _run_serial(chunks, out_dir, settings)
        if jobs <= 1 or len(chunks) <= 1
        else _run_parallel(chunks, out_dir, settings, jobs)
    )
    # Files are recorded once their outputs are on disk; the record is saved after the first chunk, then
    # about once a second (a killed run redoes at most that much), and on the way out, Ctrl-C included.
    saved = -math.inf
    try:
        for finished_chunk in finished_chunks:
            for item, result in finished_chunk:
                finish(item, result)
            if time.monotonic() - saved >= MANIFEST_SAVE_SECONDS:
                manifest.save()
                saved = time.monotonic()
    finally:
        manifest.save()
    summary.seconds = time.perf_counter() - started
    return summary


def _job_inputs(chunk: list[BatchInput]) -> list[tuple[str, str]]:
    return [(str(item.path), str(item.relative)) for item in chunk]


def _run_serial(
    chunks: list[list[BatchInput]], out_dir: Path, settings: JobSettings
) -> Iterator[list[tuple[BatchInput, JobResult]]]:
    """Chunk after chunk in this process, its outputs written by one set of threads for the whole batch."""
    with output_writer() as writer:
        for chunk in chunks:
            yield list(zip(chunk, run_jobs(_job_inputs(chunk), str(out_dir), settings, writer), strict=True))


def _run_parallel(
    chunks: list[list[BatchInput]], out_dir: Path, settings: JobSettings, jobs: int
) -> Iterator[list[tuple[BatchInput, JobResult]]]:
    from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait

    from translator.engine.argos import cpu_cores

    # Each worker builds its toolkit (models, memory connection) once, on its first job; the workers
    # share the CPU threads rather than each taking every core.
    workers = min(jobs, len(chunks), cpu_cores())
    settings = replace(settings, threads=max(1, (settings.threads or cpu_cores()) // workers))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures: dict[Future[list[JobResult]], list[BatchInput]] = {
            pool.submit(run_jobs, _job_inputs(chunk), str(out_dir), settings): chunk for chunk in chunks
        }
        try:
            pending = set(futures)
            while pending:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    chunk = futures[future]
                    try:
                        results = future.result()
                    except Exception as error:  # a worker died: report its files, keep going
                        results = [JobResult(str(item.path), error=f"worker failed: {error}") for item in chunk]
                    yield list(zip(chunk, results, strict=True))
        except KeyboardInterrupt:
            for future in futures:
                future.cancel()
            raise
