"""Measures our engine against the limit (raw CTranslate2) and against argostranslate, per model, in one run.

For each model (the bundled fr->en demo; the base-size benchmark model when built or given with --model),
on generated news sentences (about 5% hold a URL, as the grammar writes them) grouped into paragraphs:
  ours:   the engine every caller builds (link guard, pivot, Argos runner), one `translate_batch` over
          every sentence, the placeholder probe answered beforehand (once per model, as in real use),
          and how many sentences with links got every link back verbatim;
  limit:  raw CTranslate2 on the pre-tokenized unique sentences with the better threading for this
          machine (benchmarks/baselines.py); ours and the limit run in turn, --rounds times, best kept;
  argos:  `argostranslate.translate` per paragraph in a child process, with its defaults and with
          ARGOS_INTRA_THREADS=1.
Ours is reported as a share of the limit and as a ratio to each argostranslate baseline; the goal is
within 15% of the limit on the base-size model. CPU milliseconds per sentence are given too: on a shared
machine they move less with the load than the rates do. Also `translator --help` start-up time and peak memory.
Last line: one JSON object of the figures.
Run: .venv/bin/python benchmarks/engine.py [--model FILE.argosmodel] [--sentences 3000] [--base-sentences 600]
     [--argos-sentences 300] [--base-argos-sentences 120] [--rounds 3] [--device cpu]
(about 4 minutes with the base-size model on an idle 2-core machine)
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from baselines import (
    Timed,
    argos_rate,
    check_device,
    compared,
    fastest,
    in_rounds,
    install,
    machine,
    models_to_measure,
    paragraphs_of,
    raw_contenders,
)


def startup_seconds() -> float:
    best = float("inf")
    for _ in range(5):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "cli", "--help"], capture_output=True, check=True)
        best = min(best, time.perf_counter() - started)
    return best


def measure(archive: Path, sentences: list[str], argos_count: int, device: str, rounds: int) -> dict[str, Any]:
    """Ours, the limit and both argostranslate baselines on one model."""
    from translator.engine import EngineSettings, LinkGuard, ModelStore, build_engine
    from translator.engine.links import LINK

    packages = Path(tempfile.mkdtemp(prefix="bench-engine-"))
    package = install(archive, packages)
    engine = build_engine(EngineSettings(device=device), ModelStore([packages], include_bundled=False))  # type: ignore[arg-type]
    engine.translate_batch(sentences[:10], "fr", "en")  # load the model outside the timing
    assert isinstance(engine, LinkGuard)
    probed = engine.protection("fr", "en")
    translated: list[str] = []
    ours = Timed(
        "ours",
        len(sentences),
        lambda: translated.__setitem__(slice(None), engine.translate_batch(sentences, "fr", "en")),
    )
    raw = raw_contenders(package, sentences, device)
    in_rounds([ours, *raw], rounds)
    limit = fastest(raw)
    subset = paragraphs_of(sentences[:argos_count])
    argos_default, argos_default_cpu = argos_rate(packages, subset, ("fr", "en"), ARGOS_DEVICE_TYPE=device)
    argos_one, argos_one_cpu = argos_rate(
        packages, subset, ("fr", "en"), ARGOS_DEVICE_TYPE=device, ARGOS_INTRA_THREADS="1"
    )
    return {
        "sentences": len(sentences),
        "sentences_with_links": sum(bool(LINK.search(s)) for s in sentences),
        "links_kept_verbatim": links_kept(sentences, translated),
        "links_masked_with": probed.style.format(1) if probed.style else "nothing (the model keeps no placeholder)",
        "probe_kept": f"{probed.kept}/{probed.probes}",
        "mean_output_words": round(sum(len(t.split()) for t in translated) / len(translated), 1),
        "ours_sentences_per_second": round(ours.rate, 1),
        "limit_sentences_per_second": round(limit.rate, 1),
        "limit_threading": limit.label,
        "raw_ctranslate2_sentences_per_second": {contender.label: round(contender.rate, 1) for contender in raw},
        "argos_defaults_sentences_per_second": round(argos_default, 2),
        "argos_one_intra_thread_sentences_per_second": round(argos_one, 2),
        "argos_sentences": sum(len(p) for p in subset),
        **compared(ours.rate, limit.rate, argos_default, argos_one),
        "cpu_ms_per_sentence": {
            "ours": round(ours.cpu_ms, 2),
            "limit": round(limit.cpu_ms, 2),
            "argos_defaults": round(argos_default_cpu, 2),
            "argos_one_intra_thread": round(argos_one_cpu, 2),
        },
    }


def links_kept(sentences: list[str], translated: list[str]) -> str:
    """How many sentences with links came back with every link unchanged, of how many have links."""
    from translator.engine.links import LINK

    linked = [(source, text) for source, text in zip(sentences, translated, strict=True) if LINK.search(source)]
    kept = sum(all(hit.group() in text for hit in LINK.finditer(source)) for source, text in linked)
    return f"{kept}/{len(linked)}"


def print_model(label: str, figures: dict[str, Any]) -> None:
    print(f"{label} model: {figures['sentences']} sentences ({figures['sentences_with_links']} with links, masked "
          f"with {figures['links_masked_with']}; probe kept {figures['probe_kept']}; links back verbatim in "
          f"{figures['links_kept_verbatim']})")  # fmt: skip
    print(f"  ours, one batch                    {figures['ours_sentences_per_second']:8.1f} sentences/s  "
          f"({figures['ours_share_of_limit']:.0%} of the limit)")  # fmt: skip
    print(f"  limit: raw CTranslate2             {figures['limit_sentences_per_second']:8.1f} sentences/s  "
          f"({figures['limit_threading']})")  # fmt: skip
    threadings = ", ".join(f"{label} {rate}" for label, rate in figures["raw_ctranslate2_sentences_per_second"].items())
    print(f"  raw CTranslate2 by threading: {threadings} sentences/s")
    print(f"  argostranslate, defaults           {figures['argos_defaults_sentences_per_second']:8.2f} sentences/s  "
          f"(ours {figures['ours_vs_argos_defaults']}x)")  # fmt: skip
    print(f"  argostranslate, 1 intra thread     {figures['argos_one_intra_thread_sentences_per_second']:8.2f} "
          f"sentences/s  (ours {figures['ours_vs_argos_one_intra_thread']}x)")  # fmt: skip
    cpu = figures["cpu_ms_per_sentence"]
    print(f"  CPU ms per sentence: ours {cpu['ours']}, limit {cpu['limit']}, argostranslate {cpu['argos_defaults']} "
          f"(defaults), {cpu['argos_one_intra_thread']} (1 intra thread)")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", type=Path, help="the base-size package file (default: the cached build)")
    parser.add_argument("--sentences", type=int, default=3000, help="sentences for the demo model")
    parser.add_argument("--base-sentences", type=int, default=600, help="sentences for the base-size model")
    parser.add_argument("--argos-sentences", type=int, default=300, help="of those, for argostranslate (demo)")
    parser.add_argument("--base-argos-sentences", type=int, default=120, help="for argostranslate (base-size)")
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds of ours and the limit, in turn (best kept)")
    parser.add_argument("--device", choices=("cpu", "cuda"), default="cpu")
    args = parser.parse_args()
    check_device(args.device)

    from demo_grammar import generate

    models = models_to_measure(args.model)
    # The probe answers go to a cache of this run: each model is probed once, outside the timing.
    os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="bench-cache-")
    sentences = [example.source for example in generate("fr-en", max(args.sentences, args.base_sentences), seed=4242)]
    figures: dict[str, Any] = {**machine(args.device), "models": {}}
    for label, archive in models:
        count, argos_count = (
            (args.sentences, args.argos_sentences)
            if label == "demo"
            else (args.base_sentences, args.base_argos_sentences)
        )
        figures["models"][label] = measure(archive, sentences[:count], argos_count, args.device, args.rounds)
        print_model(label, figures["models"][label])
    figures["help_startup_seconds"] = round(startup_seconds(), 3)
    figures["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    print(f"measured on: {args.device.upper()}, {figures['cpu_cores']} cores, load {figures['load_average_1min']}")
    print(
        f"translator --help start-up  {figures['help_startup_seconds']:.3f} s; peak memory {figures['peak_rss_mb']} MB"
    )
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
