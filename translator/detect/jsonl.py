"""Language detection over JSON Lines of arbitrary texts, streamed in constant memory.

Each input line is `{"id": ..., "text": ..., "thread": optional id}`; each output line is
`{"id": ..., "lang": ..., "confidence": ...}`, in input order. Lines sharing a `thread` id are one
thread for the priors. Memory stays flat whatever the number of lines: the first pass validates every
line, scores it once and spools the scores to a temporary file while summing each thread's language
distribution (memory grows with the number of distinct threads, not lines); the second pass reads the
spool back and decides each line with its thread's sum minus its own part. Nothing is written until the
whole input is known to be valid.
"""

from __future__ import annotations

import json
import pickle
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from translator.detect.detector import ContextSums, Detection, LanguageDetector, context_weight
from translator.errors import DetectionError
from translator.files import atomic_output, open_input_file

ProgressCallback = Callable[[int], None]
"""Called with the number of input bytes just processed."""


@dataclass(frozen=True, slots=True)
class JsonlLine:
    """One valid input line."""

    id: Any
    """The caller's id, echoed as given."""
    text: str
    """The text to detect."""
    thread: str | None
    """Thread id (as a string), when the line belongs to one."""
    size: int
    """Bytes of the line in the input, for progress."""
    blank: bool = False
    """An empty line: nothing to detect or write."""


def iter_lines(handle: IO[bytes], name: str) -> Iterator[JsonlLine]:
    """Valid lines of a JSONL stream; raise DetectionError naming the first bad line."""
    for number, raw in enumerate(handle, start=1):
        if not raw.strip():
            yield JsonlLine(None, "", None, len(raw), blank=True)
            continue
        where = f"{name}, line {number}"
        try:
            item = json.loads(raw)
        except (json.JSONDecodeError, UnicodeDecodeError) as error:
            reason = error.msg if isinstance(error, json.JSONDecodeError) else "not UTF-8"
            raise DetectionError(f"{where}: invalid JSON ({reason})", "fix or remove that line") from None
        if not isinstance(item, dict) or "id" not in item:
            raise DetectionError(f'{where}: expected an object with "id" and "text"', "fix or remove that line")
        text = item.get("text")
        if not isinstance(text, str):
            raise DetectionError(f'{where}: "text" must be a string', "fix or remove that line")
        thread = item.get("thread")
        if thread is not None and not isinstance(thread, str | int):
            raise DetectionError(f'{where}: "thread" must be a string or a number', "fix or remove that line")
        yield JsonlLine(item["id"], text, None if thread is None else str(thread), len(raw))


def detect_jsonl(
    source: Path,
    output: IO[str],
    detector: LanguageDetector,
    progress: ProgressCallback | None = None,
    name: str | None = None,
) -> int:
    """Detect every line of source into output; returns the number of lines written.
    `name` is how errors call the input (default: its path)."""
    name = name or str(source)
    sums = ContextSums(len(detector.candidates))
    with tempfile.TemporaryFile(prefix="translator-detect-") as spool:
        # Pass 1: validate, score each text once, decide the lines without a thread, sum each thread.
        with source.open("rb") as handle:
            for line in iter_lines(handle, name):
                if progress:
                    progress(line.size)
                if line.blank:
                    continue
                evidence = detector.evidence(line.text)
                posterior = detector.posterior(evidence)
                if line.thread is None:
                    pickle.dump((line.id, detector.decide_one(evidence, posterior, None, None)), spool)
                    continue
                sums.add(line.thread, posterior, context_weight(evidence))
                pickle.dump((line.id, (line.thread, evidence, posterior)), spool)
        # Pass 2: lines in a thread get the thread's sum less their own part as context.
        spool.seek(0)
        written = 0
        while True:
            try:
                line_id, result = pickle.load(spool)
            except EOFError:
                break
            if isinstance(result, Detection):
                detection = result
            else:
                thread_id, evidence, posterior = result
                context = sums.around(thread_id, posterior, context_weight(evidence))
                detection = detector.decide_one(evidence, posterior, None, context)
            record = {"id": line_id, "lang": detection.lang, "confidence": detection.confidence}
            output.write(json.dumps(record, ensure_ascii=False) + "\n")
            written += 1
            if progress:
                progress(0)
    return written


def run_detect_jsonl(
    source: Path | IO[bytes],
    destination: Path | IO[str],
    detector: LanguageDetector,
    progress_factory: Callable[[int], ProgressCallback] | None = None,
) -> int:
    """Detect from a path or a stream (the caller's standard input) into a path (atomic) or a text
    handle; returns lines written."""
    with ExitStack() as stack:
        if isinstance(source, Path):
            path, name = source, str(source)
            open_input_file(path).close()  # a regular file: one line for a folder, a FIFO, a device
        else:
            # Two passes need a file to re-read: spool the stream to a temporary one.
            spool = stack.enter_context(tempfile.NamedTemporaryFile(prefix="translator-", suffix=".jsonl"))
            shutil.copyfileobj(source, spool)
            spool.flush()
            path, name = Path(spool.name), "standard input"
        size = path.stat().st_size
        progress = progress_factory(size) if progress_factory else None
        if not isinstance(destination, Path):
            return detect_jsonl(path, destination, detector, progress, name)
        with atomic_output(destination) as temp:
            count = detect_jsonl(path, temp, detector, progress, name)
        return count
