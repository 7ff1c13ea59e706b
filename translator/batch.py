"""Translate files, folders and globs of threads: worker processes, progress, resumable, a summary.

Resuming: OUTDIR/.translator-batch.json records each finished input with the hash of its bytes and of
the settings. A rerun skips inputs recorded as finished whose outputs are all there, and redoes the
rest; with the memory warm, redone work is mostly lookups (a file translated before with the same
settings, models and glossaries comes whole from the memory). Outputs are written atomically, so a
killed run leaves whole files or none.

Isolation: whatever goes wrong with one input (an input error, an unexpected exception, a worker
process that dies) is reported on that input's line and the run goes on with the others.
"""

from __future__ import annotations

import glob
import json
import math
import os
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from translator.errors import InputError
from translator.files import make_folder, write_atomic
from translator.jobs import (
    COMPRESSED_SUFFIXES,
    JobResult,
    JobSettings,
    file_digest,
    output_paths,
    output_writer,
    run_jobs,
    thread_stem,
)
from translator.stats import TranslationStats

if TYPE_CHECKING:
    from concurrent.futures import Executor, Future, ProcessPoolExecutor

MANIFEST = ".translator-batch.json"
# Files translated together share one engine call per language pair: bigger batches, faster decoding.
FILES_PER_JOB = 8
MANIFEST_SAVE_SECONDS = 1.0
THREAD_SUFFIXES = (
    ".txt",
    ".md",
    ".markdown",
    ".json",
    ".jsonl",
    ".ndjson",
    ".xml",
    ".rss",
    ".atom",
    ".rdf",
    ".html",
    ".htm",
    ".xhtml",
    ".mhtml",
    ".mht",
)
"""What a folder's thread files end in (a file named on the command line is taken whatever its name): text
dumps, our JSON and the exports of Reddit, Hacker News and Discourse (archive dumps as JSON Lines), Disqus
exports, feeds, saved pages; each also compressed (`comments.json.gz`, see COMPRESSED_SUFFIXES)."""
FOLDER_DOCUMENTS = frozenset(
    {"README", "LICENSE", "LICENCE", "CHANGELOG", "CHANGES", "CONTRIBUTING", "NOTICE", "AUTHORS"}
)
"""Names (without suffix, any case) of the files that document a folder rather than hold a thread: an
archive's README.md is not a thread. Named on the command line, such a file is taken like any other."""


def _is_folder_thread(path: Path, folder: Path) -> bool:
    """Whether a file found in a folder is one of its threads: a thread suffix, not the folder's documentation,
    and nothing hidden on the way (a `.git` or `.venv` inside an archive holds no threads)."""
    inner = path.with_suffix("") if path.suffix.lower() in COMPRESSED_SUFFIXES else path
    if inner.suffix.lower() not in THREAD_SUFFIXES or inner.stem.upper() in FOLDER_DOCUMENTS:
        return False
    return not any(part.startswith(".") for part in path.relative_to(folder).parts) and path.is_file()


@dataclass(frozen=True, slots=True)
class BatchInput:
    """One file to translate and where its outputs go, relative to the output folder."""

    path: Path
    """The input file."""
    relative: Path
    """Its path below the output folder (mirrors the input tree)."""


@dataclass
class BatchSummary:
    """What a batch did (filled in as inputs finish)."""

    ok: int = 0
    """Inputs translated and written."""
    failed: int = 0
    """Inputs that failed."""
    skipped: int = 0
    """Inputs already done by an earlier run."""
    totals: TranslationStats = field(default_factory=TranslationStats)
    """What translating the inputs took, added up."""
    failures: list[tuple[str, str]] = field(default_factory=list)
    """(input, why) of each failed input."""
    seconds: float = 0.0
    """Wall time of the run."""


def expand_inputs(inputs: list[str], output_dir: Path | None = None) -> list[BatchInput]:
    """Files, folders (thread files inside, recursively) and globs, as a sorted list without repeats.
    Inside a folder, what lies in `output_dir` is skipped: outputs (JSON ones look like threads) are
    not inputs of the next run."""
    skipped = output_dir.resolve() if output_dir is not None else None
    found: dict[Path, BatchInput] = {}
    for item in inputs:
        # A name that exists is taken as it is, even when it reads as a pattern (`thread [2024].txt`).
        pattern = glob.has_magic(item) and not os.path.lexists(item)
        matches = sorted(Path(p) for p in glob.glob(item, recursive=True)) if pattern else [Path(item)]
        if not matches:
            raise InputError(f"{item}: nothing matches", "check the path or pattern")
        # What a pattern matched keeps its place below the pattern's fixed part (`in/*/x.txt`: `a/x.txt`).
        root = _fixed_part(item) if pattern else None
        for match in matches:
            below = match.relative_to(root) if root is not None else None
            if match.is_dir():
                for path in sorted(match.rglob("*")):
                    if _is_folder_thread(path, match):
                        resolved = path.resolve()
                        if skipped is None or not resolved.is_relative_to(skipped):
                            relative = path.relative_to(match)
                            found.setdefault(resolved, BatchInput(path, below / relative if below else relative))
            elif match.is_file():
                found.setdefault(match.resolve(), BatchInput(match, below or Path(match.name)))
            else:
                raise InputError(f"{match}: no such file or folder", "check the path")
    if not found:
        endings = ", ".join(THREAD_SUFFIXES)
        raise InputError("no thread file found in the inputs", f"thread files end in {endings}, compressed too (.gz)")
    _refuse_shared_outputs(list(found.values()))
    return list(found.values())


def _fixed_part(pattern: str) -> Path:
    """The folder a glob pattern starts from: its parts before the first one with a wildcard."""
    parts = Path(pattern).parts
    fixed = next((index for index, part in enumerate(parts) if glob.has_magic(part)), len(parts))
    return Path(*parts[:fixed]) if fixed else Path()


def _refuse_shared_outputs(items: list[BatchInput]) -> None:
    """InputError when two inputs would write the same outputs (`a/x.txt` and `b/x.txt` named one by one,
    `x.txt` and `x.html` in one folder): the second would silently replace the first's."""
    seen: dict[Path, BatchInput] = {}
    for item in items:
        key = item.relative.parent / thread_stem(item.relative)
        first = seen.setdefault(key, item)
        if first is not item:
            raise InputError(
                f"{first.path} and {item.path} would both be written as {key}.LANG.* in the output folder",
                "give the folder that holds both, whose tree is mirrored, or translate them in separate batches",
            )


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
        # Sorted: the same inputs give the same record whichever worker finished first.
        record = {
            "settings": self.settings_digest,
            "done": dict(sorted(self.done.items())),
            **({"parts": dict(sorted(self.parts.items()))} if self.parts else {}),
        }
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


class JobRunner(Protocol):
    """What runs a chunk of files, (input, relative output) pairs, into an output folder: `jobs.run_jobs`
    (in a worker process with --jobs; it must then be importable by name)."""

    def __call__(
        self, inputs: list[tuple[str, str]], out_dir: str, settings: JobSettings, writer: Executor | None = None
    ) -> list[JobResult]: ...


def run_batch(
    items: list[BatchInput],
    out_dir: Path,
    settings: JobSettings,
    jobs: int = 1,
    report: Reporter | None = None,
    ray_address: str | None = None,
    *,
    job: JobRunner = run_jobs,
) -> BatchSummary:
    """Translate every input not already finished; one bad file is reported and the rest continue.
    `job` runs each chunk (in worker processes when `jobs` > 1). `ray_address` (`local`, `auto` or
    HOST:PORT): run on a Ray cluster instead of local processes, with `jobs` translation workers (0: one
    per `settings.threads` CPUs of the cluster)."""
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
            summary.totals += result.stats
        else:
            summary.failed += 1
            summary.failures.append((str(item.path), result.error))
        if report:
            report(item, result)

    chunks = [todo[start : start + FILES_PER_JOB] for start in range(0, len(todo), FILES_PER_JOB)]
    if ray_address is not None:
        from translator.cluster.batch import run_on_ray

        finished_chunks = run_on_ray(chunks, out_dir, settings, jobs, ray_address)
    elif jobs <= 1 or len(chunks) <= 1:
        finished_chunks = _run_serial(chunks, out_dir, settings, job)
    else:
        finished_chunks = _run_parallel(chunks, out_dir, settings, jobs, job)
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


def job_inputs(chunk: list[BatchInput]) -> list[tuple[str, str]]:
    """A chunk as `run_jobs` takes it: (input path, relative output path) per file."""
    return [(str(item.path), str(item.relative)) for item in chunk]


def _run_serial(
    chunks: list[list[BatchInput]], out_dir: Path, settings: JobSettings, job: JobRunner
) -> Iterator[list[tuple[BatchInput, JobResult]]]:
    """Chunk after chunk in this process, its outputs written by one set of threads for the whole batch."""
    with output_writer() as writer:
        for chunk in chunks:
            yield list(zip(chunk, job(job_inputs(chunk), str(out_dir), settings, writer), strict=True))


def _run_parallel(
    chunks: list[list[BatchInput]], out_dir: Path, settings: JobSettings, jobs: int, job: JobRunner
) -> Iterator[list[tuple[BatchInput, JobResult]]]:
    """Chunks in worker processes, a few in flight per worker. A worker that dies breaks its pool: the
    chunks then in flight are redone one file at a time, alone (so only the file at fault fails), and
    the rest go on in a fresh pool."""
    from translator.engine.argos import cpu_cores

    # Each worker builds its toolkit (models, memory connection) once, on its first job; the workers
    # share the CPU threads rather than each taking every core.
    workers = min(jobs, len(chunks), cpu_cores())
    settings = replace(settings, threads=max(1, (settings.threads or cpu_cores()) // workers))
    queue = deque(chunks)
    suspects: list[BatchInput] = []
    while queue:
        with worker_pool(workers) as pool:
            yield from run_chunks_in(
                queue, lambda chunk: pool.submit(job, job_inputs(chunk), str(out_dir), settings), 2 * workers, suspects
            )
    yield from _run_alone(suspects, out_dir, settings, job)


def run_chunks_in(
    queue: deque[list[BatchInput]],
    submit: Callable[[list[BatchInput]], Future[list[JobResult]]],
    in_flight: int,
    suspects: list[BatchInput] | None = None,
) -> Iterator[list[tuple[BatchInput, JobResult]]]:
    """The chunks of `queue` handed to `submit` (an executor's), at most `in_flight` at a time, their
    results as they finish; the files of a chunk whose job failed fail, the others go on; Ctrl-C cancels
    what has not started. A chunk whose executor broke (its worker process died) goes to `suspects`
    when given: nothing more is submitted, and what is left stays in `queue` for a fresh executor."""
    from concurrent.futures import FIRST_COMPLETED, BrokenExecutor, wait

    running: dict[Future[list[JobResult]], list[BatchInput]] = {}
    broken = False
    try:
        while running or (queue and not broken):
            while queue and not broken and len(running) < in_flight:
                try:
                    running[submit(queue[0])] = queue[0]
                except BrokenExecutor:
                    if suspects is None:
                        raise
                    broken = True  # it broke before we saw a result say so: the chunk waits for a fresh one
                    break
                queue.popleft()
            if not running:
                break
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in done:
                chunk = running.pop(future)  # its results are handed on, not kept
                try:
                    results = future.result()
                except BrokenExecutor as error:
                    if suspects is None:
                        results = _failed(chunk, error)
                    else:
                        broken = True
                        suspects.extend(chunk)
                        continue
                except Exception as error:  # the job itself failed: report its files, keep going
                    results = _failed(chunk, error)
                yield list(zip(chunk, results, strict=True))
    except KeyboardInterrupt:
        for future in running:
            future.cancel()
        raise


def _failed(chunk: list[BatchInput], error: BaseException) -> list[JobResult]:
    """The results of a chunk whose job raised: each of its files failed, saying why."""
    return [JobResult(str(item.path), error=f"worker failed: {error}") for item in chunk]


def worker_pool(workers: int) -> ProcessPoolExecutor:
    """Worker processes forked from a fresh server process, never from this one: a caller that has loaded
    a model (its native threads) cannot be forked safely, and a worker then crashes on its first job."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("forkserver"))


def _run_alone(
    items: list[BatchInput], out_dir: Path, settings: JobSettings, job: JobRunner
) -> Iterator[list[tuple[BatchInput, JobResult]]]:
    """Each file alone in one worker process (a new one after a worker dies)."""
    from concurrent.futures.process import BrokenProcessPool

    pool: ProcessPoolExecutor | None = None
    try:
        for item in items:
            pool = pool or worker_pool(1)
            try:
                [result] = pool.submit(job, job_inputs([item]), str(out_dir), settings).result()
            except BrokenProcessPool:
                pool.shutdown()
                pool = None
                why = "the worker process translating it died (it crashed or was killed, e.g. for memory)"
                result = JobResult(str(item.path), error=f"{item.path}: {why}")
            except Exception as error:
                [result] = _failed([item], error)
            yield [(item, result)]
    finally:
        if pool is not None:
            pool.shutdown()
