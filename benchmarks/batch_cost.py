"""What one batch of the server's worker costs, by its size: the engine's call and the pipeline around it.

`translator serve` answers 32 waiting clients about one batch of 32 after they asked, so its p99 at 32
clients is bounded below by the cost of that batch, T(32), and the goal of p99 under twice the
single-client latency needs T(32) under about 2 T(1). This measures T(b) for b = 1, 8, 32 (--sizes) in
this process, without HTTP: `CoreAdapter.run` (the call the server's worker thread makes) on b distinct
French comments (`source=auto`, the benchmark server's requests), split into the engine's
`translate_batch` and the rest (detection, sentence splitting, glossary, memory, QA). A batch decodes
until its longest translation ends, so the translations' lengths are reported too: their mean and the
longest, in characters per source character (a model that does not stop, repeating itself, shows here as
a longest far above the mean). Baseline, measured in the same run: T(1), and the ratios T(b) / (b T(1))
(1.0: batching saves nothing; 1/b: b requests for the price of one).
Run: .venv/bin/python benchmarks/batch_cost.py [--sizes 1,8,32] [--model FILE|base] [--device cuda] [--repeat 8]
The last line printed is one JSON object of the figures.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "tools"))

from server import client_counts, comments, package_file  # noqa: E402


class TimedEngine:
    """The toolkit's engine with the time of each call and the lengths of what it gave kept."""

    def __init__(self, engine: object) -> None:
        self.engine = engine
        self.seconds = 0.0
        self.length_ratios: list[float] = []

    def translate_batch(self, sentences: Sequence[str], source: str, target: str) -> list[str]:
        started = time.perf_counter()
        translated: list[str] = self.engine.translate_batch(sentences, source, target)  # type: ignore[attr-defined]
        self.seconds += time.perf_counter() - started
        self.length_ratios.extend(
            len(out) / len(given) for given, out in zip(sentences, translated, strict=True) if given.strip()
        )
        return translated

    def __getattr__(self, name: str) -> object:
        return getattr(self.engine, name)


def measure(sizes: list[int], model: Path, device: str, repeat: int) -> dict[str, dict[str, float]]:
    """Per batch size: milliseconds per batch (total, engine, rest) and the translations' lengths."""
    from translator.jobs import JobSettings
    from translator.server.adapter import CoreAdapter, TextJob

    work = Path(tempfile.mkdtemp(prefix="batch-cost-"))
    models = work / "models"
    models.mkdir()
    (models / model.name).write_bytes(model.read_bytes())
    adapter = CoreAdapter(
        JobSettings(target="en", memory=str(work / "memory.sqlite"), models_dirs=(str(models),), device=device)
    )
    adapter.warm_up()
    timed = TimedEngine(adapter.toolkit.engine)
    adapter.toolkit.engine = timed  # type: ignore[assignment]
    texts = iter(comments(sum(size * (repeat + 1) for size in sizes) + 8))

    def batch(size: int) -> list[TextJob]:
        return [TextJob(((next(texts),),), None, "en") for _ in range(size)]

    adapter.run(batch(4))  # loads the model
    figures: dict[str, dict[str, float]] = {}
    for size in sizes:
        adapter.run(batch(size))  # a first call of a new shape may allocate
        totals, engines = [], []
        timed.length_ratios.clear()
        for _ in range(repeat):
            timed.seconds = 0.0
            started = time.perf_counter()
            adapter.run(batch(size))
            totals.append(time.perf_counter() - started)
            engines.append(timed.seconds)
        total, engine = statistics.median(totals), statistics.median(engines)
        figures[str(size)] = {
            "batch_ms": round(1000 * total, 2),
            "engine_ms": round(1000 * engine, 2),
            "rest_ms_per_request": round(1000 * (total - engine) / size, 3),
            "output_length_mean": round(statistics.mean(timed.length_ratios), 2),
            "output_length_longest": round(max(timed.length_ratios), 2),
        }
    single = figures["1"]["batch_ms"]  # `client_counts` always measures a batch of one
    for size in sizes:
        figures[str(size)]["vs_one_by_one"] = round(figures[str(size)]["batch_ms"] / (size * single), 3)
        figures[str(size)]["vs_single_batch"] = round(figures[str(size)]["batch_ms"] / single, 2)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=client_counts, default=[1, 8, 32], help="batch sizes (default: 1,8,32)")
    parser.add_argument("--model", type=Path, help="a fr->en package file, or `base` (default: the demo model)")
    parser.add_argument("--device", choices=("cpu", "cuda"), default="cpu", help="where the model runs")
    parser.add_argument("--repeat", type=int, default=8, help="batches per size, median taken (default: 8)")
    args = parser.parse_args()
    figures = measure(args.sizes, package_file(args.model), args.device, max(1, args.repeat))
    print(f"{'batch':>5} {'ms':>8} {'engine ms':>10} {'rest ms/req':>12} {'vs 1-by-1':>10} {'vs T(1)':>8} lengths")
    for size, row in figures.items():
        print(
            f"{size:>5} {row['batch_ms']:>8} {row['engine_ms']:>10} {row['rest_ms_per_request']:>12} "
            f"{row['vs_one_by_one']:>10} {row['vs_single_batch']:>8} "
            f"mean {row['output_length_mean']}, longest {row['output_length_longest']}"
        )
    largest = str(args.sizes[-1])
    ratio = figures[largest]["vs_single_batch"]
    print(
        f"T({largest}) = {ratio} T(1): p99 at {largest} clients under 2x the single-client latency needs this "
        f"under about 2 ({'possible' if ratio < 2 else 'not possible'} with batches of {largest} here)"
    )
    print(json.dumps({"device": args.device, "model": args.model and str(args.model), "sizes": figures}))


if __name__ == "__main__":
    main()
