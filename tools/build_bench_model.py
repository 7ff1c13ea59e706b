"""Build the base-size fr->en benchmark package (Marian transformer base, int8), cached outside the repository.

The bundled demo models are tiny (1.2M parameters), so a benchmark on them measures the code around the
model more than the model. This package has the shape of a real Argos model (d_model 512, 6+6 layers,
8 heads, FFN 2048, about 48M parameters, int8) and is trained briefly, with one torch thread and a fixed
seed, on the demo grammar: enough to stop at natural lengths, so that decoding costs what a real model's
does. It is a benchmark fixture, never a translator, and never committed: it goes to
`$XDG_CACHE_HOME/thread-translator/bench-models/` where `benchmarks/engine.py` and `benchmarks/pipeline.py`
look for it.

Run (about 40 minutes on the CPU, a minute or two with `--device cuda`; needs the `models` extra):
    nice -n 10 .venv/bin/python tools/build_bench_model.py [--seconds 2100] [--steps 600] [--device cuda] [--force]
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_demo_model import (
    PACKAGE_VERSION,
    Shape,
    build_corpus,
    convert,
    eval_sets,
    evaluate,
    log,
    metadata,
    package_dir,
    score,
    train_marian,
    train_sentencepiece,
    write_zip,
)

PAIR = "fr-en"
BASE = Shape(
    d_model=512, layers=6, heads=8, ffn=2048, max_positions=512, peak_lr=1.5e-3, batch_tokens=500, warmup_steps=20,
    max_tokens=48,
)  # fmt: skip
"""Marian transformer base, as Argos's real packages are. A post-norm model this deep needs a lower
learning rate than the demo's; small batches of sentences up to 48 pieces (most of the grammar's) give
more steps in the time budget, and a short warm-up leaves most of them at the peak rate."""
PACKAGE_NAME = "translate-fr_en-base-bench"


def default_path() -> Path:
    """Where the benchmark package is cached (the user cache folder, never the repository)."""
    from platformdirs import user_cache_path

    return user_cache_path("thread-translator") / "bench-models" / f"{PACKAGE_NAME}.argosmodel"


def bench_metadata() -> dict[str, Any]:
    meta = metadata(PAIR)
    meta.update(
        package_name=PACKAGE_NAME,
        code=PACKAGE_NAME,
        demo=False,
        benchmark=True,
        description="Base-size benchmark model (French -> English, Marian transformer base, int8) trained briefly "
        "on a synthetic grammar; for measuring speed only, not a translator.",
    )
    return meta


def length_stats(sets: dict[str, Any], result: dict[str, Any]) -> dict[str, Any]:
    """How output lengths compare with the references: the point of the brief training."""
    ratios = [
        len(out.split()) / max(1, len(ref.split()))
        for (_, ref, _), out in zip(sets["held"], result["held"], strict=True)
    ]
    return {
        "length_ratio_median": round(statistics.median(ratios), 2),
        "length_ratio_mean": round(statistics.fmean(ratios), 2),
        "over_twice_reference": sum(ratio > 2 for ratio in ratios),
        "outputs": len(ratios),
    }


def model_card(info: dict[str, Any], scores: dict[str, Any], lengths: dict[str, Any]) -> str:
    return "\n".join(
        [
            f"# {PACKAGE_NAME}",
            "",
            "A benchmark fixture with the shape of a real Argos package, trained briefly on the demo grammar "
            "(`tools/demo_grammar.py`) so that it stops at natural lengths. Not a translator.",
            "",
            f"- MarianMT transformer, d_model {BASE.d_model}, {BASE.layers}+{BASE.layers} layers, {BASE.heads} heads, "
            f"FFN {BASE.ffn}; {info['params']:,} parameters; CTranslate2 int8; vocabulary {info['vocab']}",
            f"- trained on {info['pairs']:,} generated pairs for {info['steps']} steps ({info['seconds']} s "
            f"{'on one CPU thread' if info['device'] == 'cpu' else 'on ' + info['device']}, seed {info['seed']}; "
            f"peak learning rate {info['peak_lr']}, {info['warmup_steps']} warm-up steps, batches of "
            f"{info['batch_tokens']} pieces)",
            f"- output length / reference length on {lengths['outputs']} held-out sentences: median "
            f"{lengths['length_ratio_median']}, mean {lengths['length_ratio_mean']}; over twice the reference: "
            f"{lengths['over_twice_reference']}",
            f"- held-out exact match {scores['held_exact']}/{scores['held_total']}; placeholder probes kept "
            f"{scores['placeholder_ok']}/{scores['placeholder_total']}",
            "",
            "Rebuild: `python tools/build_bench_model.py --force`.",
            "",
        ]
    )


def training_shape(args: argparse.Namespace) -> Shape:
    """BASE with the training settings the command line changes (the model's size stays)."""
    return replace(
        BASE,
        peak_lr=args.lr or BASE.peak_lr,
        warmup_steps=args.warmup or BASE.warmup_steps,
        batch_tokens=args.batch_tokens or BASE.batch_tokens,
    )


def build(args: argparse.Namespace) -> dict[str, Any]:
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as work_name:
        work = Path(work_name)
        log(f"{PAIR}: generating {args.pairs} pairs")
        examples = build_corpus(PAIR, args.pairs, args.seed)
        sp = train_sentencepiece(examples, work / "sp", args.vocab)
        log(f"SentencePiece {sp.get_piece_size()} pieces; training up to {args.steps} steps / {args.seconds} s")
        shape = training_shape(args)
        info = train_marian(examples, sp, shape, args.steps, args.seconds, args.seed, work / "hf", args.device)
        info["seed"], info["device"] = args.seed, args.device
        info["peak_lr"], info["batch_tokens"] = shape.peak_lr, shape.batch_tokens
        info["warmup_steps"] = max(shape.warmup_steps, args.steps // 20)  # as train_marian takes it
        log(f"trained {info['steps']} steps in {info['seconds']} s ({info['params']:,} parameters); converting")
        convert(work / "hf", sp, work / "ct2")
        shutil.rmtree(work / "hf")
        root = package_dir(PAIR, work, work / "sp.model", work / "ct2", bench_metadata())
        (root / "README.md").write_text(f"# {PACKAGE_NAME}\n\n(evaluation pending)\n")
        staged = work / f"{PACKAGE_NAME}.argosmodel"
        write_zip(root, staged)
        sets = eval_sets(PAIR, args.seed, {e.source for e in examples}, args.eval_count, args.eval_count)
        log("evaluating through argostranslate (offline)")
        result = evaluate([staged], PAIR, sets, [])
        if result["network_attempts"] or result["downloads"]:
            raise SystemExit(f"network use during evaluation: {result['network_attempts']} {result['downloads']}")
        scores = score(sets, result)
        lengths = length_stats(sets, result)
        (root / "README.md").write_text(model_card(info, scores, lengths), encoding="utf-8")
        write_zip(root, staged)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(staged), args.out)
    summary = {
        **info,
        **lengths,
        "held_exact": scores["held_exact"],
        "placeholder_ok": scores["placeholder_ok"],
        "placeholder_total": scores["placeholder_total"],
        "package_version": PACKAGE_VERSION,
        "size_mb": round(args.out.stat().st_size / 1e6, 1),
        "build_seconds": round(time.monotonic() - started, 1),
    }
    args.out.with_suffix(".json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    return summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=None, help="package file (default: the user cache folder)")
    parser.add_argument("--pairs", type=int, default=30000, help="generated training pairs")
    parser.add_argument("--seconds", type=float, default=2100, help="training time budget (wall clock)")
    parser.add_argument("--steps", type=int, default=600, help="training steps at most")
    parser.add_argument("--vocab", type=int, default=8000, help="SentencePiece vocabulary size")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--device", default="cpu", help="where torch trains: cpu (default) or cuda (a minute on a GPU, not 40)"
    )
    parser.add_argument("--lr", type=float, default=None, help=f"peak learning rate (default: {BASE.peak_lr})")
    parser.add_argument(
        "--warmup", type=int, default=None, help=f"warm-up steps (default: {BASE.warmup_steps}, or a 20th of --steps)"
    )
    parser.add_argument(
        "--batch-tokens", type=int, default=None, help=f"source pieces per batch (default: {BASE.batch_tokens})"
    )
    parser.add_argument("--eval-count", type=int, default=100, help="held-out sentences and placeholder probes")
    parser.add_argument("--force", action="store_true", help="rebuild even when the package is cached")
    args = parser.parse_args(argv)
    args.out = args.out or default_path()
    if args.out.exists() and not args.force:
        print(f"{args.out} exists (rebuild with --force)")
        return 0
    print(json.dumps(build(args)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
