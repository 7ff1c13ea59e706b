"""Measures our Argos engine against argostranslate as users call it, and against raw CTranslate2, in one run.

On the bundled fr->en demo model and generated news sentences grouped into paragraphs:
  (a) `argostranslate.translate.translate` per paragraph (how users call it today),
  (b) our engine: one `translate_batch` over every sentence,
  (c) raw `ctranslate2.Translator.translate_batch` on pre-tokenized unique sentences, threaded like
      ours (the limit),
  (d) the same with CTranslate2's default threading (what one batch over every core gives).
Also `translator --help` start-up time and peak memory. Last line: one JSON object of the figures.
Run: .venv/bin/python benchmarks/engine.py [--sentences 3000] [--argos-sentences 300]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))


def paragraphs_of(sentences: list[str], seed: int = 7) -> list[list[str]]:
    rng = random.Random(seed)
    grouped, index = [], 0
    while index < len(sentences):
        size = rng.randint(2, 5)
        grouped.append(sentences[index : index + size])
        index += size
    return grouped


def startup_seconds() -> float:
    best = float("inf")
    for _ in range(5):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "cli", "--help"], capture_output=True, check=True)
        best = min(best, time.perf_counter() - started)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sentences", type=int, default=3000, help="sentences for (b) and (c)")
    parser.add_argument("--argos-sentences", type=int, default=300, help="sentences for (a), the slow baseline")
    args = parser.parse_args()

    from demo_grammar import generate

    from translator.engine.store import BUNDLED_DIR, ModelStore, install_package_file

    sentences = [example.source for example in generate("fr-en", args.sentences, seed=4242)]
    packages = Path(tempfile.mkdtemp(prefix="bench-argos-"))
    package = install_package_file(BUNDLED_DIR / "translate-fr_en-demo.argosmodel", packages)
    os.environ["ARGOS_PACKAGES_DIR"] = str(packages)

    from translator.engine import build_engine

    engine = build_engine(store=ModelStore([packages], include_bundled=False))
    engine.translate_batch(sentences[:10], "fr", "en")  # load the model outside the timing
    started = time.perf_counter()
    ours = engine.translate_batch(sentences, "fr", "en")
    ours_rate = len(sentences) / (time.perf_counter() - started)

    import ctranslate2
    from argostranslate.package import Package

    tokenizer = Package(package.path).tokenizer
    unique = list(dict.fromkeys(sentences))
    tokens = sorted((tokenizer.encode(s) for s in unique), key=len)
    from translator.engine.argos import cpu_cores

    def raw_rate_of(translator: ctranslate2.Translator, batch_tokens: int) -> float:
        translator.translate_batch(tokens[:10], beam_size=4)
        started = time.perf_counter()
        translator.translate_batch(
            tokens,
            beam_size=4,
            max_batch_size=batch_tokens,
            batch_type="tokens",
            replace_unknowns=True,
            length_penalty=0.2,
        )
        return len(sentences) / (time.perf_counter() - started)

    # (c) the same threading as ours (one batch per core), so (b)/(c) is our own overhead; (d) CTranslate2's
    # default threading (one batch at a time over every core), what we used before.
    model_path = str(package.path / "model")
    raw_rate = raw_rate_of(
        ctranslate2.Translator(model_path, device="cpu", inter_threads=cpu_cores(), intra_threads=1), 512
    )
    default_rate = raw_rate_of(ctranslate2.Translator(model_path, device="cpu"), 2048)

    import argostranslate.translate

    subset = paragraphs_of(sentences[: args.argos_sentences])
    argostranslate.translate.translate("Le ministre a confirmé la date hier.", "fr", "en")  # warm up
    started = time.perf_counter()
    for paragraph in subset:
        argostranslate.translate.translate(" ".join(paragraph), "fr", "en")
    argos_rate = sum(len(p) for p in subset) / (time.perf_counter() - started)

    figures = {
        "argos_sentences_per_second": round(argos_rate, 1),
        "ours_sentences_per_second": round(ours_rate, 1),
        "raw_ctranslate2_sentences_per_second": round(raw_rate, 1),
        "raw_ctranslate2_default_threads_sentences_per_second": round(default_rate, 1),
        "one_batch_per_core_vs_default_threads": round(raw_rate / default_rate, 2),
        "speedup_vs_argos": round(ours_rate / argos_rate, 1),
        "ours_vs_raw_ctranslate2": round(ours_rate / raw_rate, 3),
        "help_startup_seconds": round(startup_seconds(), 3),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "sentences_translated": len(ours),
    }
    print(f"(a) argostranslate per paragraph  {argos_rate:8.1f} sentences/s")
    print(f"(b) our engine, one batch         {ours_rate:8.1f} sentences/s  ({figures['speedup_vs_argos']}x (a))")
    share = figures["ours_vs_raw_ctranslate2"]
    print(f"(c) raw CTranslate2, our threads  {raw_rate:8.1f} sentences/s  ((b) is {share:.0%} of (c))")
    print(
        f"(d) raw CTranslate2, its default  {default_rate:8.1f} sentences/s  "
        f"(one batch per core is {figures['one_batch_per_core_vs_default_threads']}x (d))"
    )
    print(f"translator --help start-up        {figures['help_startup_seconds']:.3f} s")
    print(f"peak memory (this process, argostranslate loaded)  {figures['peak_rss_mb']} MB")
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
