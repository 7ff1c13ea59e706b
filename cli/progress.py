"""Progress bars on a terminal (rich, on stderr), and nothing when output goes to a file or pipe."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

ProgressFactory = Callable[[int], Callable[[int], None]]
"""Given a total, returns the callback to advance by an amount."""


@contextmanager
def byte_progress(description: str) -> Iterator[ProgressFactory | None]:
    """A progress bar over bytes when stderr is a terminal; None otherwise (quiet in pipes and CI)."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, DownloadColumn, Progress, TimeRemainingColumn, TransferSpeedColumn

    columns = (BarColumn(), DownloadColumn(), TransferSpeedColumn(), TimeRemainingColumn())
    with Progress(f"[bold]{description}", *columns, console=Console(stderr=True), transient=True) as progress:

        def factory(total: int) -> Callable[[int], None]:
            task = progress.add_task(description, total=total)
            return lambda amount: progress.advance(task, amount)

        yield factory


@contextmanager
def working(description: str) -> Iterator[None]:
    """A spinner saying what is being done, while it is, when stderr is a terminal (a long thread on a real
    model takes minutes); nothing otherwise. The description is shown as it is, never as markup."""
    if not sys.stderr.isatty():
        yield
        return
    from rich.console import Console
    from rich.text import Text

    from translator.display import visible

    with Console(stderr=True).status(Text(visible(description)), spinner="dots"):
        yield
