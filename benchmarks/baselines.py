"""The baselines every translation benchmark measures in the same run, and the models it measures them on.

The limit is raw CTranslate2 on pre-tokenized unique sentences with Argos's decoding settings, with the
better of two threadings for this machine: one batch per core (what our engine does) or one batch over
every core (CTranslate2's default). Contenders run in turn, round after round (`in_rounds`), the best
of each kept, so that a shared machine's changing load falls on all of them alike. argostranslate is
measured as users call it, one paragraph (or block) per `translate` call, in a child process (its
threading is read from the environment when it is imported): with its defaults, and with
`ARGOS_INTRA_THREADS=1`.

Models: the bundled fr->en demo package (1.2M parameters) and, when it has been built
(tools/build_bench_model.py) or given with --model, the base-size benchmark package (Marian transformer
base, about 48M parameters, the size of Argos's real packages).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from translator.engine.argos import cpu_cores  # noqa: E402
from translator.engine.store import BUNDLED_DIR, InstalledPackage, install_package_file  # noqa: E402

DEMO_MODEL = BUNDLED_DIR / "translate-fr_en-demo.argosmodel"


def models_to_measure(model: Path | None) -> list[tuple[str, Path]]:
    """(label, package file): the demo model, then the base-size one (--model, else the cached build)."""
    from build_bench_model import default_path

    models = [("demo", DEMO_MODEL)]
    if model is not None:
        if not model.is_file():
            raise SystemExit(f"--model {model}: no such package file (build one: python tools/build_bench_model.py)")
        models.append(("base", model))
    elif default_path().is_file():
        models.append(("base", default_path()))
    else:
        print(
            f"(no base-size model at {default_path()}: build it with tools/build_bench_model.py for real-size figures)"
        )
    return models


def install(archive: Path, folder: Path) -> InstalledPackage:
    """The package installed into a folder of its own (as users install theirs)."""
    return install_package_file(archive, folder)


def paragraphs_of(sentences: Sequence[str], least: int = 2, most: int = 5, seed: int = 7) -> list[list[str]]:
    """Sentences grouped into paragraphs of least..most sentences (fixed seed)."""
    import random

    rng = random.Random(seed)
    grouped, index = [], 0
    while index < len(sentences):
        size = rng.randint(least, most)
        grouped.append(list(sentences[index : index + size]))
        index += size
    return grouped


class Timed:
    """The best wall-clock rate and the least CPU time per item of one contender over several rounds."""

    def __init__(self, label: str, items: int, run: Callable[[], object]) -> None:
        self.label, self.items, self.run = label, items, run
        self.rate, self.cpu_ms = 0.0, float("inf")

    def once(self) -> None:
        wall, cpu = time.perf_counter(), time.process_time()
        self.run()
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        self.rate = max(self.rate, self.items / wall)
        self.cpu_ms = min(self.cpu_ms, 1000 * cpu / self.items)


def in_rounds(contenders: Sequence[Timed], rounds: int) -> None:
    """Run every contender once per round, in turn: on a shared machine the load changes from second to
    second, and round-robin gives each the same chances (best of the rounds kept)."""
    for _ in range(rounds):
        for contender in contenders:
            contender.once()


def raw_contenders(package: InstalledPackage, sentences: Sequence[str], device: str) -> list[Timed]:
    """Raw CTranslate2 on the unique sentences (tokenized beforehand) with each threading worth trying on
    this machine; the limit is the fastest of them."""
    import ctranslate2
    from argostranslate.package import Package

    tokenizer = Package(package.path).tokenizer
    unique = list(dict.fromkeys(s for s in sentences if s.strip()))
    tokens = sorted((tokenizer.encode(sentence) for sentence in unique), key=len)
    cores = cpu_cores()
    if device == "cpu":
        threadings = [("one batch per core", cores, 1, 512), ("one batch over every core", 1, cores, 2048)]
    else:
        threadings = [("one batch on the GPU", 1, 1, 4096)]
    contenders = []
    for label, inter, intra, batch_tokens in threadings:
        translator = ctranslate2.Translator(
            str(package.path / "model"), device=device, inter_threads=inter, intra_threads=intra
        )
        translator.translate_batch(tokens[:8], beam_size=4)  # first-call costs outside the timing

        def run(translator: Any = translator, batch_tokens: int = batch_tokens) -> object:
            return translator.translate_batch(
                tokens,
                beam_size=4,
                max_batch_size=batch_tokens,
                batch_type="tokens",
                replace_unknowns=True,
                length_penalty=0.2,
            )

        contenders.append(Timed(label, len(sentences), run))
    return contenders


def fastest(contenders: Sequence[Timed]) -> Timed:
    """The contender with the best rate."""
    return max(contenders, key=lambda contender: contender.rate)


ARGOS_CHILD = r"""
import json, sys, time
texts, source, target = json.load(open(sys.argv[1])), sys.argv[2], sys.argv[3]
import argostranslate.translate as argos
argos.translate(texts[0], source, target)  # load the model and the splitter outside the timing
started, cpu = time.perf_counter(), time.process_time()
for text in texts:
    argos.translate(text, source, target)
print(json.dumps({"seconds": time.perf_counter() - started, "cpu_seconds": time.process_time() - cpu}))
"""


def argos_rate(
    packages: Path, paragraphs: Sequence[Sequence[str]], pair: tuple[str, str], **env: str
) -> tuple[float, float]:
    """Sentences per second of `argostranslate.translate`, one call per paragraph, in a child process with
    the given environment (ARGOS_INTRA_THREADS=1...) and the packages of the given folder only; and its
    CPU milliseconds per sentence."""
    with tempfile.TemporaryDirectory(prefix="bench-argos-") as folder:
        job = Path(folder) / "job.json"
        job.write_text(json.dumps([" ".join(p) for p in paragraphs], ensure_ascii=False), encoding="utf-8")
        child_env = dict(
            os.environ,
            ARGOS_PACKAGES_DIR=str(packages),
            XDG_CACHE_HOME=str(Path(folder) / "cache"),
            XDG_CONFIG_HOME=str(Path(folder) / "config"),
            **env,
        )
        done = subprocess.run(
            [sys.executable, "-c", ARGOS_CHILD, str(job), *pair],
            env=child_env,
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            raise SystemExit(f"argostranslate baseline failed: {done.stderr.strip().splitlines()[-1:]}")
        timing = json.loads(done.stdout.strip().splitlines()[-1])
    count = sum(len(p) for p in paragraphs)
    return count / float(timing["seconds"]), 1000 * float(timing["cpu_seconds"]) / count


def compared(ours: float, limit: float, argos_default: float, argos_one_thread: float) -> dict[str, Any]:
    """Our rate as a share of the limit and as a ratio to each argostranslate baseline."""
    return {
        "ours_share_of_limit": round(ours / limit, 3),
        "ours_vs_argos_defaults": round(ours / argos_default, 1),
        "ours_vs_argos_one_intra_thread": round(ours / argos_one_thread, 1),
    }


def machine(device: str) -> dict[str, Any]:
    """What the figures were measured on."""
    return {"device": device, "cpu_cores": cpu_cores(), "load_average_1min": round(os.getloadavg()[0], 1)}


def check_device(device: str) -> None:
    """Stop with one line when the device cannot be used here."""
    from translator.engine.argos import usable_device
    from translator.errors import TranslatorError

    try:
        usable_device(device)  # type: ignore[arg-type]
    except TranslatorError as error:
        raise SystemExit(f"{error.message} ({error.hint})") from None
