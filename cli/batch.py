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
        default=None,
        help=f"worker processes, {JOB_COUNTS[0]} to {JOB_COUNTS[1]}, each loading the model once (default 1; "
        "with --ray: as many as the cluster's CPUs hold)",
    )
    batch.add_argument(
        "--ray",
        nargs="?",
        const="local",
        type=ray_address,
        metavar="ADDRESS",
        help="run on Ray: `local` (default) starts it on this machine's cores, `auto` or HOST:PORT joins "
        "a running cluster (needs the cluster extra)",
    )
    add_translation_options(batch)
    batch.set_defaults(handler=run_batch_command)


def ray_address(text: str) -> str:
    """An argparse type: `local`, `auto` or HOST:PORT (anything else is a usage error)."""
    from translator.cluster.runtime import parse_address
    from translator.errors import ClusterError

    try:
        return parse_address(text)
    except ClusterError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def run_batch_command(args: argparse.Namespace) -> int:
    """`translator batch`: many files, worker processes, resumable, summary table."""
    from cli.batch_view import BatchDisplay
    from translator.batch import expand_inputs, run_batch

    if args.ray is not None:
        from translator.cluster.runtime import check_cluster

        check_cluster(args.ray)  # before anything starts: a missing extra or a wrong address is one line
    settings = job_settings(args, "po,json,md")
    items = expand_inputs(args.inputs, args.output)
    jobs = args.jobs or (0 if args.ray is not None else 1)
    try:
        with BatchDisplay(len(items)) as display:
            summary = run_batch(items, args.output, settings, jobs, display.report, args.ray)
    except KeyboardInterrupt as interrupted:
        interrupted.hint = "the finished files are kept: run the same command again to do the rest"  # type: ignore[attr-defined]
        raise
    display.print_summary(summary)
    return ExitCode.FAILURE if summary.failed else ExitCode.DONE
