"""Build small offline Argos packages (fr->en, de->en, en->de) from our own grammars, then measure them."""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import demo_grammar
from onnx_sbd import build_sbd_onnx

ROOT = Path(__file__).resolve().parent.parent
NAMES = {"fr": "French", "en": "English", "de": "German"}
# Defaults measured on this project's 2-core machine with one torch thread.
DEFAULTS = {"fr-en": (30000, 350, 1800), "de-en": (20000, 170, 800), "en-de": (20000, 170, 800)}
PACKAGE_VERSION = "1.0"
REPORT = ROOT / "tools" / "DEMO_MODEL.md"


@dataclass(frozen=True)
class Shape:
    """The Marian model size."""

    d_model: int = 128
    layers: int = 2
    heads: int = 8
    ffn: int = 512
    max_positions: int = 512
    peak_lr: float = 3e-3
    batch_tokens: int = 2200
    warmup_steps: int = 50
    max_tokens: int = 160


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


# --- Corpus and SentencePiece ---------------------------------------------------------------------------------


def build_corpus(pair: str, count: int, seed: int) -> list[demo_grammar.Example]:
    """Grammar sentences plus a few copies of the demo-thread lines (the grammar generates most of them too)."""
    examples = demo_grammar.generate(pair, count, seed)
    demo = demo_grammar.demo_pairs(pair)
    rng = random.Random(seed)
    # The German packages also learn the thread's English sentences (a fixed list beyond their grammar).
    for _ in range(4 if pair == "fr-en" else 8):
        for src, tgt in demo:
            examples.insert(rng.randrange(len(examples)), demo_grammar.Example(src, tgt))
    return examples


def train_sentencepiece(examples: list[demo_grammar.Example], prefix: Path, vocab_size: int) -> Any:
    import sentencepiece as spm

    text = prefix.with_suffix(".txt")
    with text.open("w", encoding="utf-8") as out:
        for ex in examples:
            out.write(ex.source + "\n" + ex.target + "\n")
    spm.SentencePieceTrainer.train(
        input=str(text),
        model_prefix=str(prefix),
        vocab_size=vocab_size,
        model_type="unigram",
        character_coverage=1.0,
        byte_fallback=True,
        split_digits=True,
        normalization_rule_name="identity",
        user_defined_symbols=list(demo_grammar.PLACEHOLDERS),
        unk_id=0,
        eos_id=1,
        bos_id=-1,
        pad_id=-1,
        num_threads=1,
        minloglevel=2,
        hard_vocab_limit=False,
    )
    processor = spm.SentencePieceProcessor(model_file=str(prefix.with_suffix(".model")))
    pieces = [processor.id_to_piece(i) for i in range(processor.get_piece_size())]
    bad = [p for p in pieces if "_" in p]
    if bad:
        raise SystemExit(f"SentencePiece pieces contain '_' (argos would decode it as a space): {bad[:5]}")
    return processor


# --- Training -------------------------------------------------------------------------------------------------


def train_marian(
    examples: list[demo_grammar.Example],
    sp: Any,
    shape: Shape,
    steps: int,
    seconds: float,
    seed: int,
    out: Path,
    device: str = "cpu",
) -> dict[str, Any]:
    """Train a MarianMTModel on `device` (torch's name: cpu, cuda); <pad> is the last id and its embedding
    stays zero (CTranslate2's start)."""
    import torch
    from transformers import MarianConfig, MarianMTModel

    torch.set_num_threads(1)
    torch.manual_seed(seed)
    vocab = sp.get_piece_size()
    pad, eos = vocab, sp.piece_to_id("</s>")
    pairs = []
    for ex in examples:
        src = sp.encode(ex.source)
        tgt = [*sp.encode(ex.target), eos]
        if len(src) <= shape.max_tokens and len(tgt) <= shape.max_tokens:
            pairs.append((src, tgt))
    config = MarianConfig(
        vocab_size=vocab + 1,
        decoder_vocab_size=vocab + 1,
        d_model=shape.d_model,
        encoder_layers=shape.layers,
        decoder_layers=shape.layers,
        encoder_attention_heads=shape.heads,
        decoder_attention_heads=shape.heads,
        encoder_ffn_dim=shape.ffn,
        decoder_ffn_dim=shape.ffn,
        max_position_embeddings=shape.max_positions,
        activation_function="relu",
        dropout=0.0,
        attention_dropout=0.0,
        activation_dropout=0.0,
        pad_token_id=pad,
        eos_token_id=eos,
        decoder_start_token_id=pad,
        forced_eos_token_id=eos,
        share_encoder_decoder_embeddings=True,
        tie_word_embeddings=True,
        scale_embedding=True,
    )
    model = MarianMTModel(config).to(device)
    embeddings = model.get_input_embeddings().weight
    with torch.no_grad():
        embeddings[pad].zero_()
    params = sum(p.numel() for p in model.parameters())
    optimizer = torch.optim.AdamW(model.parameters(), lr=2e-3, betas=(0.9, 0.98), weight_decay=0.01)
    rng = random.Random(seed)
    batches = _batches(pairs, rng, tokens=shape.batch_tokens)
    warmup = max(shape.warmup_steps, steps // 20)
    log_every = max(10, min(200, steps // 10))
    start = time.monotonic()
    step, losses = 0, []
    model.train()
    while True:
        progress = max(step / steps, (time.monotonic() - start) / seconds)
        if progress >= 1.0:
            break
        if not batches:
            batches = _batches(pairs, rng, tokens=shape.batch_tokens)
        batch = batches.pop()
        lr = shape.peak_lr * min(1.0, (step + 1) / warmup) * max(0.02, 1.0 - progress)
        for group in optimizer.param_groups:
            group["lr"] = lr
        src, src_mask, dec_in, labels = (tensor.to(device) for tensor in _tensors(batch, pad, torch))
        logits = model(input_ids=src, attention_mask=src_mask, decoder_input_ids=dec_in).logits
        loss = torch.nn.functional.cross_entropy(
            logits.reshape(-1, logits.shape[-1]), labels.reshape(-1), ignore_index=-100, label_smoothing=0.05
        )
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        with torch.no_grad():
            embeddings[pad].zero_()
        losses.append(loss.item())
        step += 1
        if step % log_every == 0:
            recent = losses[-log_every:]
            log(f"  step {step} loss {sum(recent) / len(recent):.3f} lr {lr:.5f} {time.monotonic() - start:.0f}s")
    elapsed = time.monotonic() - start
    model.eval()
    model.to("cpu").save_pretrained(out)
    return {"steps": step, "seconds": round(elapsed, 1), "params": params, "pairs": len(pairs), "vocab": vocab}


def _batches(pairs: list[tuple[list[int], list[int]]], rng: random.Random, tokens: int) -> list[Any]:
    order = sorted(range(len(pairs)), key=lambda i: (len(pairs[i][0]), rng.random()))
    batches: list[Any] = []
    current: list[tuple[list[int], list[int]]] = []
    longest = 0
    for i in order:
        longest = max(longest, len(pairs[i][0]), len(pairs[i][1]))
        if current and longest * (len(current) + 1) > tokens:
            batches.append(current)
            current, longest = [], max(len(pairs[i][0]), len(pairs[i][1]))
        current.append(pairs[i])
    if current:
        batches.append(current)
    rng.shuffle(batches)
    return batches


def _tensors(batch: list[tuple[list[int], list[int]]], pad: int, torch: Any) -> tuple[Any, Any, Any, Any]:
    src_len = max(len(s) for s, _ in batch)
    tgt_len = max(len(t) for _, t in batch)
    src = torch.full((len(batch), src_len), pad, dtype=torch.long)
    dec_in = torch.full((len(batch), tgt_len), pad, dtype=torch.long)
    labels = torch.full((len(batch), tgt_len), -100, dtype=torch.long)
    for row, (s, t) in enumerate(batch):
        src[row, : len(s)] = torch.tensor(s)
        labels[row, : len(t)] = torch.tensor(t)
        dec_in[row, 1 : len(t)] = torch.tensor(t[:-1])
    return src, (src != pad).long(), dec_in, labels


# --- Conversion and packaging ---------------------------------------------------------------------------------


def convert(hf_dir: Path, sp: Any, out: Path, quantization: str | None = "int8") -> None:
    """CTranslate2 int8 model; the vocabulary is SentencePiece's pieces (the converter drops <pad>)."""
    from ctranslate2.converters import TransformersConverter

    vocab = {sp.id_to_piece(i): i for i in range(sp.get_piece_size())}
    vocab["<pad>"] = sp.get_piece_size()

    class _Tokenizer:
        eos_token = "</s>"
        unk_token = "<unk>"

        def get_vocab(self) -> dict[str, int]:
            return dict(vocab)

    class _Converter(TransformersConverter):  # type: ignore[misc]
        def load_tokenizer(self, tokenizer_class: Any, model_name_or_path: str, **kwargs: Any) -> Any:
            return _Tokenizer()

    _Converter(str(hf_dir)).convert(str(out), quantization=quantization, force=True)


def package_dir(pair: str, work: Path, sp_model: Path, ct2_dir: Path, meta: dict[str, Any] | None = None) -> Path:
    src = pair.split("-")[0]
    meta = meta or metadata(pair)
    name: str = meta["package_name"]
    root = work / name
    if root.exists():
        shutil.rmtree(root)
    root.mkdir()
    shutil.copytree(ct2_dir, root / "model")
    shutil.copy(sp_model, root / "sentencepiece.model")
    (root / "minisbd").mkdir()
    (root / "minisbd" / f"{src}.onnx").write_bytes(build_sbd_onnx(src))
    (root / "metadata.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n")
    return root


def metadata(pair: str) -> dict[str, Any]:
    src, tgt = pair.split("-")
    name = f"translate-{src}_{tgt}-demo"
    return {
        "package_name": name,
        "code": name,
        "type": "translate",
        "package_version": PACKAGE_VERSION,
        "argos_version": "1.11.0",
        "from_code": src,
        "from_name": NAMES[src],
        "to_code": tgt,
        "to_name": NAMES[tgt],
        "languages": [],
        "links": [],
        "dependencies": [],
        "target_prefix": "",
        "demo": True,
        "description": f"Tiny offline demo model ({NAMES[src]} -> {NAMES[tgt]}) trained on a synthetic grammar of "
        "space-launch news; not a general translator.",
        "license": "MIT",
    }


def write_zip(root: Path, target: Path) -> None:
    """A reproducible zip: sorted entries, fixed timestamps."""
    tmp = target.with_suffix(".tmp")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for path in sorted(root.rglob("*")):
            if path.is_file():
                info = zipfile.ZipInfo(f"{root.name}/{path.relative_to(root).as_posix()}", (1980, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                zf.writestr(info, path.read_bytes())
    tmp.replace(target)


# --- Evaluation through the real argostranslate path, offline -------------------------------------------------


def eval_sets(pair: str, seed: int, train_sources: set[str], count: int, probe_count: int = 400) -> dict[str, Any]:
    """Held-out sentences (a different seed, none seen in training), placeholder probes and demo lines."""
    held: list[demo_grammar.Example] = []
    probes: list[demo_grammar.Example] = []
    for ex in demo_grammar.generate(pair, count * 200, seed + 1000):
        if ex.source in train_sources:
            continue
        if len(held) < count:
            held.append(ex)
        if "⟦" in ex.source and len(probes) < probe_count:
            probes.append(ex)
        if len(held) >= count and len(probes) >= probe_count:
            break
    demo = demo_grammar.demo_pairs(pair)
    return {
        "held": [[e.source, e.target, list(e.copies)] for e in held],
        "held_frames": [e.frame for e in held],
        "probes": [[e.source, e.target, list(e.copies)] for e in probes],
        "demo": demo,
    }


EVAL_CHILD = r"""
import json, socket, sys
attempts = []
def _blocked(*args, **kwargs):
    attempts.append(repr(args[:2]))
    raise OSError("network disabled during evaluation")
socket.socket.connect = _blocked
socket.socket.connect_ex = _blocked
socket.create_connection = _blocked
socket.getaddrinfo = _blocked
job = json.load(open(sys.argv[1]))
import argostranslate.translate as tr
def run(src, tgt, text):
    return tr.translate(text, src, tgt)
out = {}
for name in ("held", "probes", "demo"):
    out[name] = [run(job["src"], job["tgt"], item[0]) for item in job[name]]
out["pivot"] = [[text, run(p[0], p[1], text)] for p in job.get("pivots", []) for text in p[2]]
out["network_attempts"] = attempts
json.dump(out, open(sys.argv[2], "w"), ensure_ascii=False)
"""


def evaluate(packages: list[Path], pair: str, sets: dict[str, Any], pivots: list[Any]) -> dict[str, Any]:
    """Install into a throwaway ARGOS_PACKAGES_DIR and translate with argostranslate, network blocked."""
    src, tgt = pair.split("-")
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        pkg_dir = tmp / "packages"
        pkg_dir.mkdir()
        for package in packages:
            with zipfile.ZipFile(package) as zf:
                zf.extractall(pkg_dir)
        job = {"src": src, "tgt": tgt, **sets, "pivots": pivots}
        (tmp / "job.json").write_text(json.dumps(job, ensure_ascii=False))
        (tmp / "child.py").write_text(EVAL_CHILD)
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(tmp),
            "XDG_DATA_HOME": str(tmp / "data"),
            "XDG_CACHE_HOME": str(tmp / "cache"),
            "XDG_CONFIG_HOME": str(tmp / "config"),
            "ARGOS_PACKAGES_DIR": str(pkg_dir),
            "ARGOS_DEVICE_TYPE": "cpu",
            "ARGOS_INTER_THREADS": "1",
            "ARGOS_INTRA_THREADS": "1",
            "OMP_NUM_THREADS": "1",
        }
        if "PYTHONPATH" in os.environ:  # packages installed beside the interpreter's (a benchmark machine's)
            env["PYTHONPATH"] = os.environ["PYTHONPATH"]
        cmd = [sys.executable, str(tmp / "child.py"), str(tmp / "job.json"), str(tmp / "out.json")]
        isolated = _netns_available()
        if isolated:
            cmd = ["unshare", "-n", *cmd]
        started = time.monotonic()
        subprocess.run(cmd, env=env, check=True)
        result: dict[str, Any] = json.loads((tmp / "out.json").read_text())
        result["seconds"] = round(time.monotonic() - started, 1)
        result["network_namespace"] = isolated
        # Anything MiniSBD or argos tried to fetch would have landed in the temp data/cache dirs.
        result["downloads"] = sorted(str(p.relative_to(tmp)) for p in tmp.rglob("*.onnx") if "packages" not in p.parts)
        return result


def _netns_available() -> bool:
    if shutil.which("unshare") is None:
        return False
    return subprocess.run(["unshare", "-n", "true"], capture_output=True).returncode == 0


def score(sets: dict[str, Any], result: dict[str, Any]) -> dict[str, Any]:
    held_ok = [out == tgt for (_, tgt, _), out in zip(sets["held"], result["held"], strict=True)]
    copy_total = copy_ok = 0
    kinds: dict[str, list[int]] = {}
    for (_src, tgt, copies), out in zip(sets["held"] + sets["probes"], result["held"] + result["probes"], strict=True):
        for item in set(copies):
            kind = _copy_kind(item)
            good = out.count(item) == tgt.count(item)
            copy_total += 1
            copy_ok += good
            kinds.setdefault(kind, [0, 0])
            kinds[kind][0] += good
            kinds[kind][1] += 1
    ph_total = ph_ok = 0
    per_index: dict[str, list[int]] = {}
    for (src, _tgt, _), out in zip(sets["probes"], result["probes"], strict=True):
        wanted = [p for p in demo_grammar.PLACEHOLDERS if p in src]
        ok = all(out.count(p) == src.count(p) for p in demo_grammar.PLACEHOLDERS)
        ph_total += 1
        ph_ok += ok
        for p in wanted:
            per_index.setdefault(p, [0, 0])
            per_index[p][0] += ok
            per_index[p][1] += 1
    demo_ok = [out == tgt for (_, tgt), out in zip(sets["demo"], result["demo"], strict=True)]
    prose = [ok for ok, frame in zip(held_ok, sets["held_frames"], strict=True) if frame != "list"]
    plain = [ok for ok, (_, _, copies) in zip(held_ok, sets["held"], strict=True) if not copies]
    return {
        "held_exact": sum(held_ok),
        "held_total": len(held_ok),
        "prose_exact": sum(prose),
        "prose_total": len(prose),
        "plain_exact": sum(plain),
        "plain_total": len(plain),
        "copy_ok": copy_ok,
        "copy_total": copy_total,
        "copy_kinds": kinds,
        "placeholder_ok": ph_ok,
        "placeholder_total": ph_total,
        "placeholder_indexes": len(per_index),
        "demo_ok": sum(demo_ok),
        "demo_total": len(demo_ok),
        "held_failures": [
            [s, t, o] for (s, t, _), o, ok in zip(sets["held"], result["held"], held_ok, strict=True) if not ok
        ],
        "demo_lines": [[s, t, o] for (s, t), o in zip(sets["demo"], result["demo"], strict=True)],
    }


def _copy_kind(item: str) -> str:
    if item.startswith("⟦"):
        return "placeholder"
    if "/" in item or item.startswith("www."):
        return "url"
    if item.replace(",", "").isdigit():
        return "number"
    return "name"


# --- Reports --------------------------------------------------------------------------------------------------


def model_card(pair: str, info: dict[str, Any], scores: dict[str, Any]) -> str:
    src, tgt = pair.split("-")
    pct = _pct
    shape = Shape()
    lines = [
        f"# translate-{src}_{tgt}-demo",
        "",
        f"A tiny {NAMES[src]} -> {NAMES[tgt]} model for the thread-translator demo and tests. It was trained from "
        "scratch on sentences generated by `tools/demo_grammar.py` (space-launch news: rockets, satellites, "
        "agencies, ministers, companies, numbers, dates) and translates that domain only.",
        "",
        "## Measured (through `argostranslate.translate`, network blocked)",
        "",
        f"- held-out generated sentences, exact match: {scores['held_exact']}/{scores['held_total']} "
        f"({pct(scores['held_exact'], scores['held_total'])}); without the copy-drill lists: "
        f"{scores['prose_exact']}/{scores['prose_total']} ({pct(scores['prose_exact'], scores['prose_total'])}); "
        f"sentences with nothing to copy: {scores['plain_exact']}/{scores['plain_total']}",
        f"- copied items (unseen names, numbers, URLs, placeholders): {scores['copy_ok']}/{scores['copy_total']} "
        f"({pct(scores['copy_ok'], scores['copy_total'])})",
        f"- placeholder probes with every `⟦Tn⟧` kept exactly once: {scores['placeholder_ok']}/"
        f"{scores['placeholder_total']} ({pct(scores['placeholder_ok'], scores['placeholder_total'])}), "
        f"indexes covered: {scores['placeholder_indexes']}/20",
        f"- demo-thread lines translated exactly: {scores['demo_ok']}/{scores['demo_total']}",
        "",
        "## Model",
        "",
        f"- MarianMT transformer, d_model {shape.d_model}, {shape.layers}+{shape.layers} layers, {shape.heads} heads, "
        f"FFN {shape.ffn}, {shape.max_positions} positions; {info['params']:,} parameters; "
        "CTranslate2 int8",
        f"- shared unigram SentencePiece vocabulary of {info['vocab']} pieces (`⟦T1⟧`..`⟦T20⟧` are single pieces, "
        "digits split, byte fallback)",
        f"- trained on {info['pairs']:,} generated pairs for {info['steps']} steps ({info['seconds']} s, one CPU "
        "thread)",
        "- sentence splitter: `minisbd/*.onnx`, a rule-based ONNX graph (no download; splits after . ! ? … "
        "followed by a space, not after an initial such as `R.`)",
        "",
        "Rebuild: `python tools/build_demo_model.py --pair all`.",
        "",
    ]
    return "\n".join(lines)


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:.1f}%" if b else "n/a"


def update_report(pair: str, text: str) -> None:
    start, end = f"<!-- results:{pair}:start -->", f"<!-- results:{pair}:end -->"
    doc = REPORT.read_text(encoding="utf-8") if REPORT.exists() else ""
    block = f"{start}\n{text.rstrip()}\n{end}"
    if start in doc and end in doc:
        before, rest = doc.split(start, 1)
        doc = before + block + rest.split(end, 1)[1]
    else:
        doc = doc.rstrip() + "\n\n" + block + "\n"
    REPORT.write_text(doc, encoding="utf-8")


def report_section(pair: str, info: dict[str, Any], scores: dict[str, Any], result: dict[str, Any]) -> str:
    src, tgt = pair.split("-")
    pct = _pct
    kinds = ", ".join(f"{k} {v[0]}/{v[1]}" for k, v in sorted(scores["copy_kinds"].items()))
    lines = [
        f"### {NAMES[src]} -> {NAMES[tgt]} (`translate-{src}_{tgt}-demo.argosmodel`)",
        "",
        f"- training: {info['pairs']:,} pairs, vocabulary {info['vocab']}, {info['params']:,} parameters, "
        f"{info['steps']} steps in {info['seconds']} s (one thread); whole build {info['build_seconds']} s; "
        f"package {info['size_kb']} KB",
        f"- held-out exact match: {scores['held_exact']}/{scores['held_total']} "
        f"({pct(scores['held_exact'], scores['held_total'])}); news sentences only (without the copy-drill "
        f"lists): {scores['prose_exact']}/{scores['prose_total']} ({pct(scores['prose_exact'], scores['prose_total'])})"
        f"; sentences with nothing to copy: {scores['plain_exact']}/{scores['plain_total']}",
        f"- copy accuracy: {scores['copy_ok']}/{scores['copy_total']} ({kinds})",
        f"- placeholder probes exact (each `⟦Tn⟧` once): {scores['placeholder_ok']}/{scores['placeholder_total']}, "
        f"{scores['placeholder_indexes']}/20 indexes",
        f"- demo lines exact: {scores['demo_ok']}/{scores['demo_total']}; network attempts during evaluation: "
        f"{len(result['network_attempts'])}; own network namespace: {result['network_namespace']}",
        "",
        "| source | expected | model output |",
        "| --- | --- | --- |",
    ]
    for s, t, o in scores["demo_lines"]:
        mark = "" if o == t else " **(differs)**"
        lines.append(f"| {s} | {t} | {o}{mark} |")
    if scores["held_failures"]:
        lines += ["", "Held-out misses:", ""]
        lines += [f"- `{s}` -> `{o}` (expected `{t}`)" for s, t, o in scores["held_failures"][:12]]
    if result.get("pivot"):
        lines += ["", "Pivot through English (argos CompositeTranslation):", ""]
        lines += [f"- {a} -> {b}" for a, b in result["pivot"]]
    return "\n".join(lines) + "\n"


# --- Main -----------------------------------------------------------------------------------------------------


def build(pair: str, args: argparse.Namespace, out_dir: Path) -> dict[str, Any]:
    default_pairs, default_seconds, default_steps = DEFAULTS[pair]
    count = args.pairs or default_pairs
    seconds = args.seconds or default_seconds
    steps = args.steps or default_steps
    started = time.monotonic()
    src, tgt = pair.split("-")
    log(f"{pair}: generating {count} pairs")
    with tempfile.TemporaryDirectory() as work_name:
        work = Path(work_name)
        if args.work is not None:
            work = args.work / pair
            shutil.rmtree(work, ignore_errors=True)
            work.mkdir(parents=True)
        examples = build_corpus(pair, count, args.seed)
        sp = train_sentencepiece(examples, work / "sp", args.vocab)
        log(f"{pair}: SentencePiece {sp.get_piece_size()} pieces; training up to {steps} steps / {seconds} s")
        info = train_marian(examples, sp, Shape(), steps, seconds, args.seed, work / "hf")
        log(f"{pair}: trained {info['steps']} steps in {info['seconds']} s; converting")
        convert(work / "hf", sp, work / "ct2")
        root = package_dir(pair, work, work / "sp.model", work / "ct2")
        target = out_dir / f"translate-{src}_{tgt}-demo.argosmodel"
        (root / "README.md").write_text(f"# translate-{src}_{tgt}-demo\n\n(evaluation pending)\n")
        write_zip(root, target)
        sets = eval_sets(pair, args.seed, {e.source for e in examples}, args.eval_count)
        packages = [target]
        pivots: list[Any] = []
        fr_en = out_dir / "translate-fr_en-demo.argosmodel"
        if pair == "en-de" and fr_en.exists():
            packages.append(fr_en)
            pivots = [["fr", "de", [s for s, _ in demo_grammar.DEMO_FR_EN]]]
        log(f"{pair}: evaluating through argostranslate (offline)")
        result = evaluate(packages, pair, sets, pivots)
        if result["network_attempts"] or result["downloads"]:
            raise SystemExit(f"network use during evaluation: {result['network_attempts']} {result['downloads']}")
        scores = score(sets, result)
        (root / "README.md").write_text(model_card(pair, info, scores), encoding="utf-8")
        write_zip(root, target)
        info["build_seconds"] = round(time.monotonic() - started, 1)
        info["size_kb"] = target.stat().st_size // 1024
        update_report(pair, report_section(pair, info, scores, result))
        log(
            f"{pair}: held-out {scores['held_exact']}/{scores['held_total']}, copies {scores['copy_ok']}/"
            f"{scores['copy_total']}, placeholders {scores['placeholder_ok']}/{scores['placeholder_total']}, "
            f"demo {scores['demo_ok']}/{scores['demo_total']}; {target} ({info['size_kb']} KB)"
        )
        for s, t, o in scores["demo_lines"]:
            if o != t:
                log(f"  demo miss: {s!r} -> {o!r} (want {t!r})")
        return {"info": info, "scores": scores}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pair", choices=["fr-en", "de-en", "en-de", "all"], default="all")
    parser.add_argument("--out", type=Path, default=ROOT / "translator" / "data" / "models")
    parser.add_argument("--pairs", type=int, default=0, help="generated training pairs (default per language pair)")
    parser.add_argument("--seconds", type=float, default=0, help="training time budget (default per pair)")
    parser.add_argument("--steps", type=int, default=0, help="training steps (default per pair)")
    parser.add_argument("--vocab", type=int, default=1000, help="SentencePiece vocabulary size")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--eval-count", type=int, default=200)
    parser.add_argument("--work", type=Path, default=None, help="keep intermediate files (corpus, HF model) here")
    parser.add_argument(
        "--evaluate-only", action="store_true", help="measure the packages already in --out, rebuild nothing"
    )
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    pairs = ["fr-en", "de-en", "en-de"] if args.pair == "all" else [args.pair]
    if args.evaluate_only:
        for pair in pairs:
            examples = build_corpus(pair, args.pairs or DEFAULTS[pair][0], args.seed)
            sets = eval_sets(pair, args.seed, {e.source for e in examples}, args.eval_count)
            src, tgt = pair.split("-")
            scores = score(sets, evaluate([args.out / f"translate-{src}_{tgt}-demo.argosmodel"], pair, sets, []))
            print(json.dumps({k: v for k, v in scores.items() if not isinstance(v, list)}, ensure_ascii=False))
            for s, t, o in scores["held_failures"]:
                print(f"  {s!r} -> {o!r} (want {t!r})")
        return 0
    for pair in pairs:
        build(pair, args, args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
