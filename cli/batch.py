"""The `translator batch` command: many files, worker processes, resumable, a summary."""

from __future__ import annotations

import argparse
from pathlib import Path

from cli.diagnostics import ExitCode
from cli.options import JOB_COUNTS, add_translation_options, bounded_int, job_settings


def add_batch_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`batch`."""
    batch = commands.add_parser(
        "batch",
        help="translate files, folders and globs of threads into an output folder (resumable)",
        description="One output per input, mirroring the input tree. Rerunning after an interruption redoes "
        "only unfinished files. One bad file is reported and skipped; the exit code is 1 if any failed.",
    )
    batch.add_argument("inputs", nargs="+", metavar="INPUT", help="files, folders or glob patterns")
    batch.add_argument("-o", "--output", required=True, type=Path, metavar="OUTDIR", help="output folder")
    batch.add_argument(
        "--jobs",
        type=bounded_int(*JOB_COUNTS),
        default=1,
        help=f"worker processes, {JOB_COUNTS[0]} to {JOB_COUNTS[1]}, each loading the model once",
    )
    add_translation_options(batch)
    batch.set_defaults(handler=run_batch_command)


def run_batch_command(args: argparse.Namespace) -> int:
    """`translator batch`: many files, worker processes, resumable, summary table."""
    from cli.batch_view import BatchDisplay
    from translator.batch import expand_inputs, run_batch

    settings = job_settings(args, "po,json,md")
    items = expand_inputs(args.inputs, args.output)
    with BatchDisplay(len(items)) as display:
        summary = run_batch(items, args.output, settings, args.jobs, display.report)
    display.print_summary(summary)
    return ExitCode.FAILURE if summary.failed else ExitCode.DONE
