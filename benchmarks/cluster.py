"""Measures what running `translator batch` on Ray costs against local worker processes, in one run.

The pipeline benchmark's corpus (generated French threads, benchmarks/pipeline.py) translated with the
bundled fr->en demo model, each run a fresh `translator` process with a cold memory:
  local:  `batch --jobs 2` (two worker processes),
  ray:    `batch --ray` (a local Ray runtime on this machine's CPUs: an actor per CPU, read/detect tasks),
  ratio:  ray time / local time (the goal: under 1.2 at 300 threads),
  start-up: the same two commands on a one-thread corpus; the difference is what starting Ray (runtime,
  actors, worker processes) costs a run,
  CPU: the CPU seconds each way uses, every process it starts included: unlike wall time, this does not
  depend on what else the machine runs (a shared machine favours the way with more processes).
Runs alternate local and ray, and each figure is the best of --repeats (the machine may be shared).
Last line: one JSON object of the figures.
Run: .venv/bin/python benchmarks/cluster.py [--threads 300] [--repeats 2]  (about 5 minutes on 2 cores)
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT / "benchmarks"))


def tree_cpu_seconds(root: int) -> dict[int, float]:
    """CPU seconds used so far by `root` and every process below it (Ray's runtime and workers too)."""
    tick = os.sysconf("SC_CLK_TCK")
    parents: dict[int, int] = {}
    used: dict[int, float] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue  # gone meanwhile
            parents[int(entry.name)] = int(fields[1])
            used[int(entry.name)] = (int(fields[11]) + int(fields[12])) / tick
    below, todo = {root}, [root]
    while todo:
        parent = todo.pop()
        for pid, ppid in parents.items():
            if ppid == parent and pid not in below:
                below.add(pid)
                todo.append(pid)
    return {pid: used[pid] for pid in below if pid in used}


def run_batch(inputs: Path, out: Path, memory: Path, env: dict[str, str], extra: list[str]) -> tuple[float, float]:
    """Wall time and CPU seconds of one `translator batch` process and everything it starts (sampled
    every 0.2 s, so a process living less than that may be missed: the figure is a floor)."""
    command = [sys.executable, "-m", "cli", "batch", str(inputs), "-o", str(out), "--memory", str(memory)]
    started = time.perf_counter()
    process = subprocess.Popen(
        [*command, "--format", "po", *extra], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    cpu: dict[int, float] = {}
    while process.poll() is None:
        for pid, seconds in tree_cpu_seconds(process.pid).items():
            cpu[pid] = max(cpu.get(pid, 0.0), seconds)
        time.sleep(0.2)
    assert process.returncode == 0, f"{command} failed"
    return time.perf_counter() - started, sum(cpu.values())


def best_times(inputs: Path, work: Path, env: dict[str, str], repeats: int, label: str) -> dict[str, float]:
    """Best wall time and least CPU of each way, alternating them; fresh output folder and memory every run."""
    ways = {"local": ["--jobs", "2"], "ray": ["--ray"]}
    runs: dict[str, list[tuple[float, float]]] = {way: [] for way in ways}
    for attempt in range(repeats):
        for way, extra in ways.items():
            folder = work / f"{label}-{way}-{attempt}"
            runs[way].append(run_batch(inputs, folder / "out", folder / "tm.sqlite", env, extra))
    best = {way: min(wall for wall, _ in measured) for way, measured in runs.items()}
    best.update({f"{way}_cpu": min(cpu for _, cpu in measured) for way, measured in runs.items()})
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--threads", type=int, default=300, help="threads in the corpus")
    parser.add_argument("--repeats", type=int, default=2, help="runs of each way; the best counts")
    args = parser.parse_args()

    from pipeline import batch_workspace, make_threads

    from translator.engine.argos import cpu_cores
    from translator.readers import read_thread

    work, _, env = batch_workspace("bench-cluster-")
    env.setdefault("RAY_AUTH_MODE", "disabled")  # a runtime of this machine alone, gone after the run
    corpus = make_threads(work / "corpus", args.threads)
    make_threads(work / "one", 1, seed=12)
    blocks = sum(len(post.blocks) for path in corpus for post in read_thread(path).thread.posts)

    load = round(os.getloadavg()[0], 1)
    startup = best_times(work / "one", work, env, args.repeats, "one")
    full = best_times(work / "corpus", work, env, args.repeats, "corpus")
    startup_cost = startup["ray"] - startup["local"]
    ratio = full["ray"] / full["local"]
    # A Ray node's rate once running: what each added node of this size brings.
    node_rate = blocks / max(full["ray"] - startup["ray"], 1e-9)
    figures = {
        "threads": len(corpus),
        "blocks": blocks,
        "cpus": cpu_cores(),
        "local_jobs2_seconds": round(full["local"], 2),
        "ray_seconds": round(full["ray"], 2),
        "ray_over_local": round(ratio, 3),
        "ray_overhead_percent": round((ratio - 1) * 100, 1),
        "one_thread_local_seconds": round(startup["local"], 2),
        "one_thread_ray_seconds": round(startup["ray"], 2),
        "ray_startup_seconds": round(startup_cost, 2),
        "ray_over_local_without_startup": round((full["ray"] - startup_cost) / full["local"], 3),
        "local_cpu_seconds": round(full["local_cpu"], 1),
        "ray_cpu_seconds": round(full["ray_cpu"], 1),
        "ray_over_local_cpu": round(full["ray_cpu"] / full["local_cpu"], 3),
        "load_average_at_start": load,
        "local_blocks_per_second": round(blocks / full["local"], 1),
        "ray_node_blocks_per_second": round(node_rate, 1),
    }
    print(f"corpus: {len(corpus)} threads, {blocks} blocks, {cpu_cores()} CPUs")
    print(f"local batch --jobs 2   {full['local']:7.1f} s  ({figures['local_blocks_per_second']} blocks/s)")
    overhead = figures["ray_overhead_percent"]
    print(f"batch --ray            {full['ray']:7.1f} s  ({ratio:.2f}x local, {overhead}% overhead)")
    one = f"one thread: {startup['ray']:.1f} s vs {startup['local']:.1f} s"
    print(f"start-up of --ray      {startup_cost:7.1f} s  ({one})")
    cpu = f"local {full['local_cpu']:.0f}, ray {full['ray_cpu']:.0f}"
    print(f"CPU seconds used       {cpu} (every process a run starts included)")
    print(f"a running Ray node of {cpu_cores()} CPUs: {node_rate:.0f} blocks/s")
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
