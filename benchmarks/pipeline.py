"""Measures `translator batch` end to end against the naive loop a user writes today, in one run.

A corpus of generated French threads (article, comments, quotes repeated across comments, as real
threads have) from the demo grammar, translated with the bundled fr->en demo model:
  naive:  `argostranslate.translate.translate` on every block, one call each,
  cold:   our batch with an empty translation memory,
  warm:   our batch again over the same corpus (memory warm, fresh output folder; median of 5 runs).
Peak memory of a batch process at 1x and 10x the corpus size shows whether it stays flat.
Last line: one JSON object of the figures.
Run: .venv/bin/python benchmarks/pipeline.py [--threads 300] [--naive-threads 3]  (about 8 minutes on 2 cores)
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))


def make_threads(folder: Path, count: int, seed: int = 11) -> list[Path]:
    """Write `count` Markdown threads shaped like the real sample (../shared/samples: 11 posts, 82 blocks,
    about a fifth of them quotes): an article of 6-10 paragraphs, then 8-14 comments of 1-4 paragraphs,
    half of them opening with a paragraph quoted word for word from the article or an earlier comment."""
    from demo_grammar import generate

    rng = random.Random(seed)
    sentences = iter([example.source for example in generate("fr-en", count * 90, seed=seed)])

    def paragraph(least: int, most: int) -> str:
        return " ".join(next(sentences) for _ in range(rng.randint(least, most)))

    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        article = [paragraph(2, 4) for _ in range(rng.randint(6, 10))]
        quotable = list(article)
        comments: list[str] = []
        for _ in range(rng.randint(8, 14)):
            paragraphs = [paragraph(1, 3) for _ in range(rng.randint(1, 4))]
            quote = [f"> {rng.choice(quotable)}"] if rng.random() < 0.5 else []
            comments.append("\n\n".join(quote + paragraphs))
            quotable.extend(paragraphs)
        title = next(sentences)
        text = f"# {title}\n\n" + "\n\n".join(article) + "\n\n---\n\n" + "\n\n---\n\n".join(comments) + "\n"
        path = folder / f"thread-{number:04}.md"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def batch_workspace(prefix: str) -> tuple[Path, Path, dict[str, str]]:
    """A temp folder with the fr->en demo package installed in it, and the environment for `translator`
    processes that use it: (folder, packages folder, environment)."""
    from translator.engine.store import BUNDLED_DIR, install_package_file

    work = Path(tempfile.mkdtemp(prefix=prefix))
    packages = work / "packages"
    install_package_file(BUNDLED_DIR / "translate-fr_en-demo.argosmodel", packages)
    env = dict(os.environ, ARGOS_PACKAGES_DIR=str(packages), XDG_CACHE_HOME=str(work / "cache"))
    # Measured as an installed program runs: with its modules compiled (pip compiles them on install).
    # Without this, a machine with PYTHONDONTWRITEBYTECODE set recompiles every module in every run.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "translator")], env=env, check=True)
    return work, packages, env


def batch_command(inputs: Path, out: Path, memory: Path, packages: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "cli",
        "batch",
        str(inputs),
        "-o",
        str(out),
        "--memory",
        str(memory),
        "--models-dir",
        str(packages),
        "--format",
        "po",
    ]


def run_batch_process(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall time and peak RSS (MB) of one batch process."""
    started = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    subprocess.run(command, env=env, check=True, capture_output=True)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return time.perf_counter() - started, max(peak, before) / 1024


def in_process_rates(work: Path, packages: Path, blocks: int) -> tuple[float, float]:
    """Cold and warm batch rates in this process, models and detector loaded beforehand (a service)."""
    from translator.batch import expand_inputs, run_batch
    from translator.jobs import JobSettings, toolkit_for

    settings = JobSettings(
        target="en", formats=("po",), memory=str(work / "tm-in-process"), models_dirs=(str(packages),)
    )
    toolkit_for(settings)
    items = expand_inputs([str(work / "corpus")])
    started = time.perf_counter()
    run_batch(items, work / "in-process-1", settings)
    cold = blocks / (time.perf_counter() - started)
    started = time.perf_counter()
    run_batch(items, work / "in-process-2", settings)
    return cold, blocks / (time.perf_counter() - started)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--threads", type=int, default=300, help="threads in the 1x corpus")
    parser.add_argument("--naive-threads", type=int, default=3, help="threads for the slow naive loop")
    args = parser.parse_args()

    from translator.readers import read_thread

    work, packages, env = batch_workspace("bench-pipeline-")
    corpus = make_threads(work / "corpus", args.threads)
    blocks = sum(len(post.blocks) for path in corpus for post in read_thread(path).thread.posts)

    cold_seconds, cold_rss = run_batch_process(
        batch_command(work / "corpus", work / "out1", work / "tm", packages), env
    )
    # The median of five warm runs, each into a fresh output folder: one run of half a second is at the
    # mercy of whatever else the machine does in that half second.
    warm_seconds = statistics.median(
        run_batch_process(batch_command(work / "corpus", work / f"out2-{n}", work / "tm", packages), env)[0]
        for n in range(5)
    )

    make_threads(work / "corpus10", args.threads * 10, seed=12)
    _, big_rss = run_batch_process(batch_command(work / "corpus10", work / "out3", work / "tm10", packages), env)

    os.environ["ARGOS_PACKAGES_DIR"] = str(packages)
    os.environ["XDG_CACHE_HOME"] = str(work / "cache")
    in_process_cold, in_process_warm = in_process_rates(work, packages, blocks)

    import argostranslate.translate

    naive_blocks = 0
    argostranslate.translate.translate("Le ministre a confirmé la date hier.", "fr", "en")
    started = time.perf_counter()
    for path in corpus[: args.naive_threads]:
        for post in read_thread(path).thread.posts:
            for block in post.blocks:
                argostranslate.translate.translate(block.text, "fr", "en")
                naive_blocks += 1
    naive_rate = naive_blocks / (time.perf_counter() - started)
    cold_rate, warm_rate = blocks / cold_seconds, blocks / warm_seconds

    figures = {
        "threads": len(corpus),
        "blocks": blocks,
        "naive_blocks_per_second": round(naive_rate, 1),
        "batch_cold_blocks_per_second": round(cold_rate, 1),
        "batch_warm_blocks_per_second": round(warm_rate, 1),
        "cold_speedup_vs_naive": round(cold_rate / naive_rate, 1),
        "warm_speedup_vs_cold": round(warm_rate / cold_rate, 1),
        "in_process_cold_blocks_per_second": round(in_process_cold, 1),
        "in_process_warm_blocks_per_second": round(in_process_warm, 1),
        "in_process_cold_speedup_vs_naive": round(in_process_cold / naive_rate, 1),
        "in_process_warm_speedup_vs_cold": round(in_process_warm / in_process_cold, 1),
        "peak_rss_mb_1x": round(cold_rss, 1),
        "peak_rss_mb_10x": round(big_rss, 1),
    }
    print(f"naive argostranslate per block   {naive_rate:8.1f} blocks/s")
    print(f"batch, memory cold               {cold_rate:8.1f} blocks/s  ({figures['cold_speedup_vs_naive']}x naive)")
    print(f"batch, memory warm               {warm_rate:8.1f} blocks/s  ({figures['warm_speedup_vs_cold']}x cold)")
    print(f"peak memory of a batch: {figures['peak_rss_mb_1x']} MB at 1x, {figures['peak_rss_mb_10x']} MB at 10x")
    print("(batch figures include process start-up and model loading; in one long-lived process:)")
    print(
        f"in process: cold {in_process_cold:.1f} blocks/s ({figures['in_process_cold_speedup_vs_naive']}x naive), "
        f"warm {in_process_warm:.1f} blocks/s ({figures['in_process_warm_speedup_vs_cold']}x cold)"
    )
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
