"""How `translator batch` reports: a rich progress bar on a terminal, plain log lines otherwise, a summary table."""

from __future__ import annotations

import sys
import time
from types import TracebackType
from typing import Any

from cli.options import counted
from translator.batch import BatchInput, BatchSummary
from translator.display import visible
from translator.jobs import JobResult
from translator.stats import TranslationStats


def stats_line(stats: TranslationStats) -> str:
    """What translating took, in one line: the same words for `translate`, `batch` and `translate-text`."""
    return (
        f"{counted(stats.blocks, 'block')} ({stats.copied} copied), {counted(stats.sentences, 'sentence')}: "
        f"{stats.translated} translated, {stats.from_memory} from memory; "
        f"{counted(stats.issue_total, 'QA issue')} to review"
    )


class BatchDisplay:
    """Progress while a batch runs (files, blocks, sentences/s, ETA), then a summary."""

    def __init__(self, total_files: int) -> None:
        self.total = total_files
        self.started = time.perf_counter()
        self.sentences = 0
        self.interactive = sys.stderr.isatty()
        self._progress: Any = None
        self._task: Any = None

    def __enter__(self) -> BatchDisplay:
        if self.interactive:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self._progress = Progress(
                TextColumn("[bold]translating"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("files · {task.fields[blocks]} blocks · {task.fields[rate]} sentences/s"),
                TimeRemainingColumn(),
                console=Console(stderr=True),
            )
            self._progress.start()
            self._task = self._progress.add_task("batch", total=self.total, blocks=0, rate="-")
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        if self._progress is not None:
            self._progress.stop()

    def report(self, item: BatchInput, result: JobResult | None) -> None:
        """One input finished (or was skipped as already done)."""
        if result is not None:
            self.sentences += result.stats.sentences
        elapsed = max(time.perf_counter() - self.started, 1e-9)
        if self._progress is not None:
            blocks = self._progress.tasks[0].fields["blocks"] + (result.stats.blocks if result else 0)
            self._progress.update(self._task, advance=1, blocks=blocks, rate=f"{self.sentences / elapsed:.0f}")
            if result is not None and result.error:
                self._progress.console.print(f"failed {failure(str(item.path), result.error)}", markup=False)
            return
        if result is None:
            print(f"skip {visible(str(item.path))} (already done)", file=sys.stderr)
        elif result.error:
            print(f"fail {failure(str(item.path), result.error)}", file=sys.stderr)
        else:
            print(
                f"ok   {visible(str(item.path))}: {stats_line(result.stats)}",
                file=sys.stderr,
            )
        for warning in result.warnings if result else ():
            print(f"     warning: {visible(warning)}", file=sys.stderr)

    def print_summary(self, summary: BatchSummary) -> None:
        """The closing table: files, blocks, cached vs translated, QA issues, time."""
        from rich.console import Console
        from rich.table import Table

        table = Table(title="Batch summary", show_header=False)
        table.add_row("files", f"{summary.ok} ok, {summary.failed} failed, {summary.skipped} already done")
        totals = summary.totals
        table.add_row("blocks", f"{totals.blocks} ({totals.copied} copied)")
        table.add_row(
            "sentences", f"{totals.sentences}: {totals.translated} translated, {totals.from_memory} from memory"
        )
        issues = ", ".join(f"{code} {count}" for code, count in totals.issues.items()) or "none"
        table.add_row("QA issues", visible(issues))
        table.add_row("time", f"{summary.seconds:.1f} s")
        console = Console(stderr=True, highlight=False)
        console.print(table)
        for path, error in summary.failures:
            # One line each however long (soft wrap), so a log can be searched for a file's failure.
            console.print(f"failed: {failure(path, error)}", markup=False, soft_wrap=True)


def failure(path: str, error: str) -> str:
    """`PATH: why`, shown literally; the path once, though most errors already start with it ("PATH: not
    UTF-8", "PATH is empty")."""
    return visible(error if error.startswith((f"{path}: ", f"{path} ")) else f"{path}: {error}")
