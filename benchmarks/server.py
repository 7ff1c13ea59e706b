"""Measures `translator serve` under concurrent clients against two per-request baselines, in one run.

Four servers, each its own process on 127.0.0.1, on the bundled fr->en demo model (or `--model base`: the
base-size benchmark package of tools/build_bench_model.py, the shape of a real Argos model), no access log:
  ours:      `translator serve` as shipped (micro-batching: requests arriving together share one engine call);
  argos:     translation as LibreTranslate does it (`benchmarks/argos_server.py`): each request translated
             on its own by `argostranslate.translate`, one at a time, behind the same Starlette/uvicorn
             stack, with argostranslate's default settings (CTranslate2 spreads each call over every core);
  argos1:    the same with ARGOS_INTRA_THREADS=1, much faster on a small model and a busy machine: the
             per-request baseline the goals are judged against is the better of the two at each figure;
  batch1:    `translator serve --batch-size 1`: our pipeline with every request its own engine call, which
             isolates what micro-batching gives.
`ours` and `batch1` each have a fresh translation memory and every request is a distinct generated French
comment (`source=auto`, as a comment widget sends it), so nothing is reused. N clients (keep-alive
connections, a minimal HTTP/1.1 client on raw asyncio streams in this process) each send their requests
one after the other; for 1, 8 and 32 clients (--clients) we report requests/s, p50/p99 latency, the CPU time per
request of the server and of the clients, how busy the machine's cores were (ours and everyone else's)
and the load average: medians of rounds that rotate which server goes first (one is under load at a
time; an idle one takes no CPU). Nothing is pinned: servers, clients and whatever else runs share every
core, so wall-clock figures move with the machine's load while CPU time per request hardly does.
Last line: one JSON object of the figures.
Run: flock /tmp/bench.lock .venv/bin/python benchmarks/server.py [--clients 1,8,32] [--requests 16] [--rounds 3]
     [--model base|FILE.argosmodel] [--device cuda] [--workers N]   (a few minutes; with the base-size model on the CPU,
     --requests 4 --single 20 keep it to about ten)
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Coroutine
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from tests.conftest import subprocess_env  # noqa: E402
from tests.server.serving import Served, launch_process, launch_server  # noqa: E402

Figures = dict[str, float]


def comments(count: int, seed: int = 2024) -> list[str]:
    """Distinct French comments of one or two sentences from the demo grammar."""
    from demo_grammar import generate

    sentences = list(dict.fromkeys(example.source for example in generate("fr-en", count * 3, seed=seed)))
    texts = []
    for index in range(0, len(sentences) - 1, 2):
        texts.append(sentences[index] if index % 4 else f"{sentences[index]} {sentences[index + 1]}")
    if len(texts) < count:
        raise SystemExit(f"the grammar gave {len(texts)} distinct comments, {count} wanted")
    return texts[:count]


async def client(host: str, port: int, bodies: list[bytes], latencies: list[float]) -> None:
    """One keep-alive connection sending its requests one after the other (a minimal HTTP/1.1 client, so
    the load generator takes as little of the shared CPU as it can)."""
    reader, writer = await asyncio.open_connection(host, port)
    try:
        for body in bodies:
            head = (
                f"POST /translate HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\n"
                f"Content-Length: {len(body)}\r\n\r\n"
            ).encode()
            started = time.perf_counter()
            writer.write(head + body)
            status = await reader.readline()
            length = 0
            while (line := await reader.readline()) not in (b"\r\n", b""):
                name, _, value = line.decode().partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            answer = await reader.readexactly(length)
            latencies.append(time.perf_counter() - started)
            if b" 200 " not in status:
                raise SystemExit(f"the server answered {status!r}: {answer[:200]!r}")
    finally:
        writer.close()


async def load(url: str, texts: list[str], clients: int) -> Figures:
    """Send every text once, spread over `clients` concurrent connections; throughput and latencies."""
    host, port = url.removeprefix("http://").rsplit(":", 1)
    bodies = [json.dumps({"q": text, "source": "auto", "target": "en"}).encode() for text in texts]
    latencies: list[float] = []
    started = time.perf_counter()
    await asyncio.gather(*(client(host, int(port), bodies[n::clients], latencies) for n in range(clients)))
    elapsed = time.perf_counter() - started
    ordered = sorted(latencies)
    return {
        "requests": len(ordered),
        "requests_per_s": round(len(ordered) / elapsed, 1),
        "p50_ms": round(1000 * statistics.median(ordered), 1),
        "p99_ms": round(1000 * ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))], 1),
    }


def run_client_loop(work: Coroutine[Any, Any, Figures]) -> Figures:
    """Run the clients' coroutine, on uvloop when it is there (cheaper per request for the clients)."""
    try:
        import uvloop
    except ImportError:
        return asyncio.run(work)
    with asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:
        return runner.run(work)


def cpu_seconds(pid: int, thread: int | None = None) -> float:
    """CPU time (user + system) a process has used so far, every thread, or only `thread` (Linux)."""
    where = f"/proc/{pid}/task/{thread}/stat" if thread is not None else f"/proc/{pid}/stat"
    fields = Path(where).read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def process_tree(pid: int) -> list[int]:
    """The process and its descendants (Linux): a several-process server's CPU is its children's."""
    found, index = [pid], 0
    while index < len(found):
        for task in Path(f"/proc/{found[index]}/task").glob("*/children"):
            found.extend(int(child) for child in task.read_text().split())
        index += 1
    return found


def tree_cpu_seconds(pids: list[int]) -> tuple[float, float]:
    """CPU time so far of the processes (those still running), all threads and main threads only."""
    every = main = 0.0
    for pid in pids:
        try:
            every += cpu_seconds(pid)
            main += cpu_seconds(pid, thread=pid)
        except (FileNotFoundError, ProcessLookupError):
            continue
    return every, main


def machine_busy_seconds() -> float:
    """CPU time every core of the machine has spent busy so far, all processes together (Linux)."""
    fields = [int(value) for value in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = fields[3] + fields[4]  # idle and iowait
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def run_load(served: Served, texts: list[str], clients: int) -> Figures:
    """`load`, plus CPU time per request of the server and of the clients (it barely moves when other
    processes share the cores), the cores busy on average (ours and everyone else's) and the load average.
    The server's CPU is also split: its main thread runs the event loop (HTTP, JSON, routing, batching),
    the others the translation (the worker thread's pipeline and CTranslate2's threads)."""
    # A several-process server: the event loops are its children's main threads (its own only waits).
    pids = process_tree(served.process.pid)
    (server_before, loop_before), client_before = tree_cpu_seconds(pids), time.process_time()
    busy_before, started = machine_busy_seconds(), time.perf_counter()
    figures = run_client_loop(load(served.url, texts, clients))
    elapsed = time.perf_counter() - started
    server_after, loop_after = tree_cpu_seconds(pids)
    server, event_loop = server_after - server_before, loop_after - loop_before
    clients_cpu = time.process_time() - client_before
    busy = machine_busy_seconds() - busy_before
    figures["server_cpu_ms_per_request"] = round(1000 * server / len(texts), 2)
    figures["server_event_loop_cpu_ms_per_request"] = round(1000 * event_loop / len(texts), 2)
    figures["server_translation_cpu_ms_per_request"] = round(1000 * (server - event_loop) / len(texts), 2)
    figures["client_cpu_ms_per_request"] = round(1000 * clients_cpu / len(texts), 3)
    figures["server_cores"] = round(server / elapsed, 2)
    figures["machine_busy_cores"] = round(busy / elapsed, 2)
    figures["other_processes_cores"] = round(max(0.0, busy - server - clients_cpu) / elapsed, 2)
    figures["load_average"] = round(os.getloadavg()[0], 2)
    return figures


SERVERS = ("ours", "argos", "argos1", "batch1")
"""The servers, in the order of the first round (with `--workers N`, `oursNp` comes after `ours`)."""
ARGOS = ("argos", "argos1")
"""The per-request translation baselines (argostranslate's API, as LibreTranslate runs it)."""


def server_names(workers: int) -> tuple[str, ...]:
    """The servers measured: `oursNp` (ours with `--workers N`) too when N > 1."""
    return SERVERS if workers <= 1 else (SERVERS[0], processes_name(workers), *SERVERS[1:])


def processes_name(workers: int) -> str:
    return f"ours{workers}p"


def launch_all(folder: Path, model: Path, device: str, workers: int = 1) -> dict[str, Served]:
    """Start the servers together (they load their models at the same time) and wait for them: ours on
    `model` (a package file in a `--models-dir` folder, ahead of the bundled ones), argostranslate's with
    the same package installed; all on `device`."""
    import shutil

    from translator.engine.store import install_package_file

    packages = folder / "argos-packages"
    packages.mkdir()
    install_package_file(model, packages)
    ours_models = folder / "models"
    ours_models.mkdir()
    shutil.copy(model, ours_models)
    argos_env = subprocess_env(
        ARGOS_PACKAGES_DIR=str(packages), XDG_CACHE_HOME=str(folder / "argos-cache"), ARGOS_DEVICE_TYPE=device
    )
    argos = [sys.executable, str(ROOT / "benchmarks" / "argos_server.py")]
    ours = ("--no-access-log", "--models-dir", str(ours_models), "--device", device)
    waiting = {
        "ours": launch_server(*ours, "--memory", str(folder / "ours.sqlite")),
        "argos": launch_process(argos, argos_env),
        "argos1": launch_process(argos, {**argos_env, "ARGOS_INTRA_THREADS": "1"}),
        "batch1": launch_server(*ours, "--memory", str(folder / "batch1.sqlite"), "--batch-size", "1"),
    }
    if workers > 1:
        waiting[processes_name(workers)] = launch_server(
            *ours, "--memory", str(folder / "processes.sqlite"), "--workers", str(workers)
        )
    servers: dict[str, Served] = {}
    try:
        for name, wait in waiting.items():
            servers[name] = wait(300)
    except BaseException:
        for served in servers.values():
            served.stop()
        raise
    return servers


def median_figures(runs: list[Figures]) -> Figures:
    """Each figure's median over the rounds."""
    return {name: round(statistics.median(run[name] for run in runs), 3) for name in runs[0]}


Measured = dict[str, dict[str, Figures]]
"""Per server, per number of clients (as a string, for JSON), the median figures."""


def measure(texts: list[str], args: argparse.Namespace) -> Measured:
    """Every server at each number of clients, in rounds that rotate which server goes first, so a change
    of the machine's load over the run falls on all alike; medians over the rounds."""
    counts: list[int] = args.clients
    sizes = {count: args.single if count == 1 else count * args.requests for count in counts}
    names = server_names(args.workers)
    runs: dict[str, dict[str, list[Figures]]] = {name: {str(count): [] for count in counts} for name in names}
    per_round = sum(sizes.values())
    with tempfile.TemporaryDirectory() as folder:
        servers = launch_all(Path(folder), args.model, args.device, args.workers)
        try:
            for served in servers.values():
                # The first calls load the model and the detector: not timed.
                run_client_loop(load(served.url, texts[-8:], 1))
            for round_number in range(args.rounds):
                # Every round sends new texts, the same to every server.
                chunk = iter(texts[round_number * per_round : (round_number + 1) * per_round])
                parts = {count: [next(chunk) for _ in range(size)] for count, size in sizes.items()}
                shift = round_number % len(names)
                for name in names[shift:] + names[:shift]:
                    for count in counts:
                        runs[name][str(count)].append(run_load(servers[name], parts[count], count))
        finally:
            for served in servers.values():
                served.stop()
    return {name: {count: median_figures(found) for count, found in kinds.items()} for name, kinds in runs.items()}


def print_table(figures: Measured) -> None:
    """One line per server and number of clients."""
    for name, kinds in figures.items():
        for count, row in kinds.items():
            print(
                f"{name:6} {count:>3} client{'s' if count != '1' else ' '}: {row['requests_per_s']:7.1f} req/s  "
                f"p50 {row['p50_ms']:7.1f} ms  p99 {row['p99_ms']:7.1f} ms  server cpu "
                f"{row['server_cpu_ms_per_request']:6.2f} ms/req (event loop "
                f"{row['server_event_loop_cpu_ms_per_request']:5.2f}, translation "
                f"{row['server_translation_cpu_ms_per_request']:5.2f})  "
                f"client cpu {row['client_cpu_ms_per_request']:5.3f} ms/req  "
                f"cores busy: server {row['server_cores']:.2f}, everyone {row['machine_busy_cores']:.2f} "
                f"(others {row['other_processes_cores']:.2f})  load {row['load_average']:.1f}",
                flush=True,
            )


def summarize(figures: Measured, args: argparse.Namespace) -> dict[str, object]:
    """Ratios (ours over each baseline, at each number of clients), the goals at the most clients, and the
    latency arithmetic of a closed loop of N clients."""
    counts = [str(count) for count in args.clients]
    most, ours = counts[-1], figures["ours"]
    baselines = list(SERVERS[1:])

    def ratio(top: float, bottom: float) -> float:
        return round(top / bottom, 2)

    def best_argos(count: str, figure: str) -> float:
        # The per-request baseline is the better argos server at each figure.
        values = [figures[name][count][figure] for name in ARGOS]
        return max(values) if figure == "requests_per_s" else min(values)

    def versus(figure: str) -> dict[str, dict[str, float]]:
        return {
            count: {
                **{name: ratio(ours[count][figure], figures[name][count][figure]) for name in baselines},
                "best_argos": ratio(ours[count][figure], best_argos(count, figure)),
            }
            for count in counts
        }

    throughput_vs = versus("requests_per_s")
    single_p50 = ours["1"]["p50_ms"]
    p99_vs = {
        "own_single_p50": ratio(ours[most]["p99_ms"], single_p50),
        "best_argos_single_p50": ratio(ours[most]["p99_ms"], best_argos("1", "p50_ms")),
    }
    loads = [row["load_average"] for kinds in figures.values() for row in kinds.values()]
    goals = {
        f"throughput_4x_per_request_argos_at_{most}": throughput_vs[most]["best_argos"] >= 4,
        f"throughput_4x_batch1_at_{most}": throughput_vs[most]["batch1"] >= 4,
        f"p99_at_{most}_under_2x_own_single_p50": p99_vs["own_single_p50"] < 2,
    }
    processes: dict[str, object] = {}
    if args.workers > 1:
        # Ours in several processes: its throughput against the per-request baseline, and its p99 against
        # the single-client latency (its own, and the baseline's).
        name = processes_name(args.workers)
        several = figures[name]
        processes = {
            "server": name,
            "throughput_vs_best_argos": {
                count: ratio(several[count]["requests_per_s"], best_argos(count, "requests_per_s")) for count in counts
            },
            "p99_vs": {
                "own_single_p50": ratio(several[most]["p99_ms"], several["1"]["p50_ms"]),
                "best_argos_single_p50": ratio(several[most]["p99_ms"], best_argos("1", "p50_ms")),
            },
        }
        goals[f"{name}_throughput_4x_per_request_argos_at_{most}"] = (
            ratio(several[most]["requests_per_s"], best_argos(most, "requests_per_s")) >= 4
        )
        goals[f"{name}_p99_at_{most}_under_2x_own_single_p50"] = (
            ratio(several[most]["p99_ms"], several["1"]["p50_ms"]) < 2
        )
    return {
        "model": args.model.name,
        "device": args.device,
        "clients": args.clients,
        "rounds": args.rounds,
        "cores": os.cpu_count(),
        "servers": figures,
        "throughput_vs": throughput_vs,
        "server_cpu_per_request_vs": versus("server_cpu_ms_per_request"),
        "p99_vs": p99_vs,
        # Where our server's CPU goes under the most clients: the event loop (HTTP, JSON, batching) or the
        # translation (pipeline and engine).
        "event_loop_share_of_server_cpu": ratio(
            ours[most]["server_event_loop_cpu_ms_per_request"], ours[most]["server_cpu_ms_per_request"]
        ),
        "processes": processes,
        "goals_met": goals,
        # A closed loop of N clients: each waits for its answer before asking again, so the mean latency is
        # N / throughput, and p99 under 2x the single-client p50 needs at least this throughput.
        "mean_latency_at_most_clients_ms": round(1000 * int(most) / ours[most]["requests_per_s"], 1),
        "requests_per_s_needed_for_p99_goal": round(int(most) / (2 * single_p50 / 1000), 1),
        "load_average": {"min": min(loads), "median": statistics.median(loads), "max": max(loads)},
    }


def package_file(given: Path | None) -> Path:
    """The package the servers translate with: the bundled demo, a file, or `base` (the cached base-size
    benchmark build)."""
    from translator.engine.store import BUNDLED_DIR

    if given is None:
        return BUNDLED_DIR / "translate-fr_en-demo.argosmodel"
    if str(given) == "base":
        from build_bench_model import default_path

        given = default_path()
    if not given.is_file():
        raise SystemExit(f"--model {given}: no such package file (build one: python tools/build_bench_model.py)")
    return given


def client_counts(text: str) -> list[int]:
    """`1,8,32` -> [1, 8, 32] (sorted, each at least 1; 1 is always measured: the latencies compare to it)."""
    try:
        counts = sorted({1, *(int(part) for part in text.split(","))})
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r}: numbers separated by commas, e.g. 1,8,32") from None
    if counts[0] < 1:
        raise argparse.ArgumentTypeError(f"{text!r}: each number of clients must be at least 1")
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=client_counts, default=[1, 8, 32], help="client counts (default: 1,8,32)")
    parser.add_argument("--requests", type=int, default=16, help="requests per client and round (default: 16)")
    parser.add_argument("--single", type=int, default=50, help="requests of a 1-client run (default: 50)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds, medians taken (default: 3)")
    parser.add_argument(
        "--model",
        type=Path,
        help="a fr->en package file to serve (default: the bundled demo model; the base-size benchmark model: "
        "python tools/build_bench_model.py, then --model base)",
    )
    parser.add_argument(
        "--device",
        choices=("cpu", "cuda"),
        default="cpu",
        help="where every server runs its model (default: cpu; cuda: ours with --device cuda, argostranslate "
        "with ARGOS_DEVICE_TYPE=cuda)",
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=1,
        help="also measure ours with `serve --workers N` (server oursNp; default: 1, not measured)",
    )
    args = parser.parse_args()
    args.model = package_file(args.model)
    per_round = sum(args.single if count == 1 else count * args.requests for count in args.clients)
    texts = comments(args.rounds * per_round + 8)
    figures = measure(texts, args)
    print_table(figures)
    summary = summarize(figures, args)
    throughput, p99 = summary["throughput_vs"], summary["p99_vs"]
    assert isinstance(throughput, dict) and isinstance(p99, dict)
    for count, ratios in throughput.items():
        print(
            f"{count:>3} client{'s' if count != '1' else ' '}: ours {ratios['best_argos']}x the requests/s of the "
            f"better per-request argos server ({ratios['argos']}x argos with its defaults, {ratios['argos1']}x with one"
            f" thread), {ratios['batch1']}x --batch-size 1"
        )
    most = str(args.clients[-1])
    print(
        f"p99 at {most} clients: {p99['own_single_p50']}x our single-client p50; mean latency "
        f"{summary['mean_latency_at_most_clients_ms']} ms = {most} / throughput (p99 under 2x our single-client "
        f"p50 needs {summary['requests_per_s_needed_for_p99_goal']} req/s); event loop share of our server's CPU "
        f"{summary['event_loop_share_of_server_cpu']}; goals met: {summary['goals_met']}"
    )
    if summary["processes"]:
        print(f"ours in {args.workers} processes: {summary['processes']}")
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
