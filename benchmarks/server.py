"""Measures `translator serve` under concurrent clients against a per-request baseline, in one run.

Both servers are `translator serve` on 127.0.0.1 with the bundled fr->en demo model, each with a fresh
translation memory (so nothing is reused: every request is a new comment) and no access log:
  ours:      micro-batching on (the defaults: requests arriving within 4 ms share one engine call);
  baseline:  `--batch-size 1`: every request is translated on its own as it comes (one pipeline and
             engine call per request, in the same worker thread, through the same HTTP stack).
N clients (keep-alive connections) each send `POST /translate` with a distinct generated French comment
(`source=auto`, as a comment widget sends it) one after the other; we report requests/s, the p50/p99
latency and the server's CPU time per request, for 1 client and for N: medians of rounds that alternate
which server goes first (only one is under load at a time). CPU time per request is the figure to trust
on a machine other work shares: wall-clock figures move with that work, CPU time hardly.
Last line: one JSON object of the figures.
Run: .venv/bin/python benchmarks/server.py [--clients 32] [--requests 16] [--rounds 3]  (about a minute)
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
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from tests.server.serving import Served, start_server  # noqa: E402


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


async def load(url: str, texts: list[str], clients: int) -> dict[str, float]:
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


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system, every thread) a process has used so far (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run_load(served: Served, texts: list[str], clients: int) -> dict[str, float]:
    """`load`, plus the server's CPU time per request: unlike wall time, it barely moves when other
    processes share the cores, so it shows the work each request costs on a busy machine too."""
    before = cpu_seconds(served.process.pid)
    figures = asyncio.run(load(served.url, texts, clients))
    figures["server_cpu_ms_per_request"] = round(1000 * (cpu_seconds(served.process.pid) - before) / len(texts), 2)
    return figures


SERVERS = {"ours": [], "baseline": ["--batch-size", "1"]}
"""The two servers: the defaults (micro-batching), and one translation per request."""


def median_figures(runs: list[dict[str, float]]) -> dict[str, float]:
    """Each figure's median over the rounds."""
    return {name: round(statistics.median(run[name] for run in runs), 2) for name in runs[0]}


def measure(texts: list[str], args: argparse.Namespace) -> dict[str, dict[str, dict[str, float]]]:
    """Both servers up at once (an idle one takes no CPU); rounds alternate which goes first, so a change
    of the machine's load over the run falls on both alike; medians over the rounds."""
    runs: dict[str, dict[str, list[dict[str, float]]]] = {name: {"single": [], "concurrent": []} for name in SERVERS}
    per_round = args.single + args.clients * args.requests
    with tempfile.TemporaryDirectory() as folder:
        servers: dict[str, Served] = {}
        try:
            for name, options in SERVERS.items():
                memory = str(Path(folder) / f"{name}.sqlite")
                servers[name] = start_server("--no-access-log", "--memory", memory, *options)
                asyncio.run(load(servers[name].url, texts[-8:], 1))  # the model's and the detector's first call
            for round_number in range(args.rounds):
                # Every round sends new texts, the same to both servers (each has its own memory).
                chunk = texts[round_number * per_round : (round_number + 1) * per_round]
                order = list(SERVERS) if round_number % 2 == 0 else list(reversed(SERVERS))
                for name in order:
                    runs[name]["single"].append(run_load(servers[name], chunk[: args.single], 1))
                    runs[name]["concurrent"].append(run_load(servers[name], chunk[args.single :], args.clients))
        finally:
            for served in servers.values():
                served.stop()
    figures = {name: {kind: median_figures(found) for kind, found in kinds.items()} for name, kinds in runs.items()}
    for name, kinds in figures.items():
        single, many = kinds["single"], kinds["concurrent"]
        print(
            f"{name:9} 1 client: {single['requests_per_s']:7.1f} req/s  p50 {single['p50_ms']:6.1f} ms  "
            f"p99 {single['p99_ms']:6.1f} ms  cpu {single['server_cpu_ms_per_request']:5.2f} ms/req | "
            f"{args.clients} clients: {many['requests_per_s']:7.1f} req/s  p50 {many['p50_ms']:6.1f} ms  "
            f"p99 {many['p99_ms']:6.1f} ms  cpu {many['server_cpu_ms_per_request']:5.2f} ms/req",
            flush=True,
        )
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=32, help="concurrent clients (default: 32)")
    parser.add_argument("--requests", type=int, default=16, help="requests per client and round (default: 16)")
    parser.add_argument("--single", type=int, default=50, help="requests of a 1-client run (default: 50)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds, medians taken (default: 3)")
    args = parser.parse_args()
    texts = comments(args.rounds * (args.single + args.clients * args.requests) + 8)
    figures = measure(texts, args)
    ours, baseline = figures["ours"], figures["baseline"]
    summary = {
        "clients": args.clients,
        "rounds": args.rounds,
        "ours": ours,
        "baseline": baseline,
        "throughput_vs_baseline": round(
            ours["concurrent"]["requests_per_s"] / baseline["concurrent"]["requests_per_s"], 2
        ),
        "p99_vs_own_single_client": round(ours["concurrent"]["p99_ms"] / ours["single"]["p50_ms"], 2),
        "cpu_per_request_vs_baseline": round(
            ours["concurrent"]["server_cpu_ms_per_request"] / baseline["concurrent"]["server_cpu_ms_per_request"], 2
        ),
        "load_average": round(os.getloadavg()[0], 1),
    }
    print(
        f"{args.clients} clients: ours {summary['throughput_vs_baseline']}x the baseline's requests/s; "
        f"p99 {summary['p99_vs_own_single_client']}x its own single-client latency (p50); server CPU per request "
        f"{summary['cpu_per_request_vs_baseline']}x the baseline's (load average {summary['load_average']})"
    )
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
