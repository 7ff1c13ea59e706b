"""Measures `translator batch` end to end against the limit and the naive loop a user writes today, in one run.

A corpus of generated French threads (article, comments, quotes repeated across comments, as real
threads have) from the demo grammar, translated fr->en with each model (the bundled demo; the base-size
benchmark model when built or given with --model, on a smaller corpus):
  cold:     our batch with an empty translation memory (a process: start-up and model loading included;
            and in one long-lived process, as a service runs it),
  limit:    raw CTranslate2 on the corpus's unique sentences, pre-tokenized, the better threading for this
            machine (benchmarks/baselines.py): translation alone, no reading, detection or writing,
  naive:    `argostranslate.translate` on every block, one call each, with its defaults and with
            ARGOS_INTRA_THREADS=1 (on the first --naive-threads threads),
and on the demo model only (the memory does not depend on the model):
  warm:     our batch again over the same corpus (memory warm, fresh output folder; median of 5 runs),
  peak memory of a batch process at 1x and 10x the corpus size (whether it stays flat).
Last line: one JSON object of the figures.
Run: .venv/bin/python benchmarks/pipeline.py [--model FILE.argosmodel] [--threads 300] [--naive-threads 3]
     [--base-threads 12] [--base-naive-threads 1]  (about 10 minutes with the base-size model on 2 cores)
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from baselines import argos_rate, compared, fastest, in_rounds, install, machine, models_to_measure, raw_contenders  # noqa: E402


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
    return work, packages, program_env(work, packages)


def program_env(work: Path, packages: Path) -> dict[str, str]:
    """The environment for `translator` processes using the packages in `packages`, cache under `work`."""
    env = dict(os.environ, ARGOS_PACKAGES_DIR=str(packages), XDG_CACHE_HOME=str(work / "cache"))
    # Measured as an installed program runs: with its modules compiled (pip compiles them on install).
    # Without this, a machine with PYTHONDONTWRITEBYTECODE set recompiles every module in every run.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "translator")], env=env, check=True)
    return env


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


def run_batch_process(command: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """Wall time, peak RSS (MB) and CPU seconds of one batch process (its own, not the largest of every
    child so far: the argostranslate baselines run in children too)."""
    started = time.perf_counter()
    with subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) as child:
        assert child.stderr is not None
        errors = child.stderr.read()
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"batch failed ({child.returncode}): {errors.decode(errors='replace').strip()}")
    return time.perf_counter() - started, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def in_process_rates(work: Path, packages: Path, corpus: Path, blocks: int, warm: bool) -> tuple[float, float]:
    """Cold (and warm, when asked) batch rates in this process, models and detector loaded beforehand (a
    service)."""
    from translator.batch import expand_inputs, run_batch
    from translator.jobs import JobSettings, toolkit_for

    settings = JobSettings(
        target="en", formats=("po",), memory=str(work / "tm-in-process"), models_dirs=(str(packages),)
    )
    toolkit_for(settings)
    items = expand_inputs([str(corpus)])
    started = time.perf_counter()
    run_batch(items, work / "in-process-1", settings)
    cold = blocks / (time.perf_counter() - started)
    if not warm:
        return cold, 0.0
    started = time.perf_counter()
    run_batch(items, work / "in-process-2", settings)
    return cold, blocks / (time.perf_counter() - started)


def corpus_blocks(paths: list[Path]) -> list[str]:
    """The text of every block of the threads, in order."""
    from translator.readers import read_thread

    return [block.text for path in paths for post in read_thread(path).thread.posts for block in post.blocks]


def translation_figures(
    work: Path, archive: Path, corpus: list[Path], naive_threads: int, env: dict[str, str], warm: bool
) -> dict[str, Any]:
    """Cold batch (a process, and in process), the limit and the naive baselines for one model."""
    from translator.segment import split_sentences

    packages = work / "packages"
    package = install(archive, packages)
    texts = corpus_blocks(corpus)
    blocks = len(texts)
    cold_seconds, cold_rss, cold_cpu = run_batch_process(
        batch_command(corpus[0].parent, work / "out1", work / "tm", packages), env
    )
    figures: dict[str, Any] = {"threads": len(corpus), "blocks": blocks, "peak_rss_mb_1x": round(cold_rss, 1)}
    if warm:
        # The median of five warm runs, each into a fresh output folder: one run of half a second is at the
        # mercy of whatever else the machine does in that half second.
        figures["warm_seconds"] = statistics.median(
            run_batch_process(batch_command(corpus[0].parent, work / f"out2-{n}", work / "tm", packages), env)[0]
            for n in range(5)
        )
    os.environ["ARGOS_PACKAGES_DIR"] = str(packages)
    os.environ["XDG_CACHE_HOME"] = env["XDG_CACHE_HOME"]
    in_process_cold, in_process_warm = in_process_rates(work, packages, corpus[0].parent, blocks, warm)
    sentences = [sentence for text in texts for sentence in split_sentences(text, "fr")]
    raw = raw_contenders(package, sentences, "cpu")
    in_rounds(raw, 2)
    limit, threading = fastest(raw).rate * blocks / len(sentences), fastest(raw).label
    naive = [[text] for text in corpus_blocks(corpus[:naive_threads])]
    argos_default, argos_default_cpu = argos_rate(packages, naive, ("fr", "en"))
    argos_one, argos_one_cpu = argos_rate(packages, naive, ("fr", "en"), ARGOS_INTRA_THREADS="1")
    cold = blocks / cold_seconds
    figures.update(
        {
            "unique_sentences": len(set(sentences)),
            "batch_cold_blocks_per_second": round(cold, 1),
            "in_process_cold_blocks_per_second": round(in_process_cold, 1),
            "limit_blocks_per_second": round(limit, 1),
            "limit_threading": threading,
            "naive_argos_defaults_blocks_per_second": round(argos_default, 2),
            "naive_argos_one_intra_thread_blocks_per_second": round(argos_one, 2),
            "naive_blocks": len(naive),
            "batch_cold": compared(cold, limit, argos_default, argos_one),
            # CPU time moves less with a shared machine's load than wall time does.
            "cpu_ms_per_block": {
                "batch_cold": round(1000 * cold_cpu / blocks, 2),
                "limit": round(fastest(raw).cpu_ms * len(sentences) / blocks, 2),
                "argos_defaults": round(argos_default_cpu, 2),
                "argos_one_intra_thread": round(argos_one_cpu, 2),
            },
            "in_process_cold": compared(in_process_cold, limit, argos_default, argos_one),
        }
    )
    if warm:
        figures["batch_warm_blocks_per_second"] = round(blocks / figures["warm_seconds"], 1)
        figures["warm_speedup_vs_cold"] = round(cold_seconds / figures["warm_seconds"], 1)
        figures["in_process_warm_blocks_per_second"] = round(in_process_warm, 1)
        figures["in_process_warm_speedup_vs_cold"] = round(in_process_warm / in_process_cold, 1)
    return figures


def print_model(label: str, figures: dict[str, Any]) -> None:
    batch, service = figures["batch_cold"], figures["in_process_cold"]
    print(f"{label} model: {figures['threads']} threads, {figures['blocks']} blocks, "
          f"{figures['unique_sentences']} unique sentences")  # fmt: skip
    print(f"  batch, memory cold (a process)     {figures['batch_cold_blocks_per_second']:8.1f} blocks/s  "
          f"({batch['ours_share_of_limit']:.0%} of the limit; {batch['ours_vs_argos_defaults']}x argostranslate "
          f"defaults, {batch['ours_vs_argos_one_intra_thread']}x with 1 intra thread)")  # fmt: skip
    print(f"  the same in one process            {figures['in_process_cold_blocks_per_second']:8.1f} blocks/s  "
          f"({service['ours_share_of_limit']:.0%} of the limit; {service['ours_vs_argos_defaults']}x, "
          f"{service['ours_vs_argos_one_intra_thread']}x)")  # fmt: skip
    print(f"  limit: raw CTranslate2             {figures['limit_blocks_per_second']:8.1f} blocks/s  "
          f"({figures['limit_threading']})")  # fmt: skip
    cpu = figures["cpu_ms_per_block"]
    print(f"  CPU ms per block: batch {cpu['batch_cold']} (start-up included), limit {cpu['limit']}, "
          f"argostranslate {cpu['argos_defaults']} (defaults), "
          f"{cpu['argos_one_intra_thread']} (1 intra thread)")  # fmt: skip
    naive_default = figures["naive_argos_defaults_blocks_per_second"]
    naive_one = figures["naive_argos_one_intra_thread_blocks_per_second"]
    print(f"  naive argostranslate, defaults     {naive_default:8.2f} blocks/s")
    print(f"  naive argostranslate, 1 intra      {naive_one:8.2f} blocks/s")
    if "batch_warm_blocks_per_second" in figures:
        warm, in_process = figures["warm_speedup_vs_cold"], figures["in_process_warm_speedup_vs_cold"]
        print(f"  batch, memory warm                 {figures['batch_warm_blocks_per_second']:8.1f} blocks/s  "
              f"({warm}x cold; in process {in_process}x)")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", type=Path, help="the base-size package file (default: the cached build)")
    parser.add_argument("--threads", type=int, default=300, help="threads in the 1x corpus (demo model)")
    parser.add_argument("--naive-threads", type=int, default=3, help="threads for the slow naive loops (demo)")
    parser.add_argument("--base-threads", type=int, default=12, help="threads in the base-size model's corpus")
    parser.add_argument("--base-naive-threads", type=int, default=1, help="threads for the naive loops (base)")
    args = parser.parse_args()

    models = models_to_measure(args.model)
    root = Path(tempfile.mkdtemp(prefix="bench-pipeline-"))
    figures: dict[str, Any] = {**machine("cpu"), "models": {}}
    for label, archive in models:
        work = root / label
        env = program_env(work, work / "packages")
        demo = label == "demo"
        count, naive_threads = (
            (args.threads, args.naive_threads) if demo else (args.base_threads, args.base_naive_threads)
        )
        corpus = make_threads(work / "corpus", count)
        figures["models"][label] = translation_figures(work, archive, corpus, naive_threads, env, warm=demo)
        if demo:
            make_threads(work / "corpus10", count * 10, seed=12)
            _, big_rss, _ = run_batch_process(
                batch_command(work / "corpus10", work / "out3", work / "tm10", work / "packages"), env
            )
            figures["models"][label]["peak_rss_mb_10x"] = round(big_rss, 1)
        print_model(label, figures["models"][label])
    demo_figures = figures["models"]["demo"]
    print(f"peak memory of a batch (demo): {demo_figures['peak_rss_mb_1x']} MB at 1x, "
          f"{demo_figures['peak_rss_mb_10x']} MB at 10x")  # fmt: skip
    print(f"measured on: CPU, {figures['cpu_cores']} cores, load {figures['load_average_1min']}")
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
