#!/usr/bin/env bash
# The GPU figures of `benchmarks/server.py`, in one unattended run on a machine with an NVIDIA GPU that
# may have no network and none of the project's dependencies (a lent benchmark machine):
#   1. wheels from WHEELS (a folder of .whl files made by benchmarks/gpu_wheels.sh, if given) installed into a
#      temporary folder;
#   2. a check that CTranslate2 translates on the GPU (the PyPI wheel of CTranslate2 4.x loads
#      libcublas.so.12; on a CUDA 13 machine it is pointed at libcublas.so.13, which has every cuBLAS
#      function it calls, and the check compares the GPU's translation with the CPU's);
#   3. benchmarks/server.py with --device cuda on the bundled demo model;
#   4. the base-size benchmark model built with `--device cuda` (needs torch and transformers there), unless
#      MODEL names a package file already built (tools/build_bench_model.py on any machine), and
#      benchmarks/server.py on it;
#   5. benchmarks/batch_cost.py on both models: what a batch of 1, 8, 32 costs the worker, engine and rest
#      apart, and how long the translations ran (the p99 at 32 clients is bounded below by T(32)).
# Ours is measured as shipped and in WORKERS processes (`serve --workers`, default 8).
# Each step has its own time limit and its log goes to OUT_DIR, so a step that fails leaves the others' figures.
# Run from the repository root: [MODEL=FILE] [WORKERS=N] bash benchmarks/gpu.sh [WHEELS] [OUT_DIR]
# (about 9 minutes on one H200; wheels already installed: PYTHONPATH names their folder and WHEELS is "")
set -u
wheels=${1:-}
out=${2:-${OUT:-/tmp/gpu-bench}}
mkdir -p "$out"
export PYTHONUNBUFFERED=1 PYTHONWARNINGS=ignore HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 TOKENIZERS_PARALLELISM=false
python=${PYTHON:-python3}
device=${DEVICE:-cuda}  # DEVICE=cpu QUICK=1: a dry run of this script on a machine without a GPU
if [ -n "${QUICK:-}" ]; then
    build_sizes=(--steps 2 --seconds 30 --pairs 2000 --eval-count 5) bench_sizes=(--clients 1,4 --requests 2 --single 4 --rounds 1)
else
    build_sizes=() bench_sizes=()
fi
say() { echo "[$(date -u +%T)] $*"; }

if [ -n "$wheels" ]; then
    say "installing $(ls "$wheels"/*.whl | wc -l) wheels from $wheels"
    "$python" -m pip install -q --no-index --no-deps --no-compile --no-cache-dir --upgrade --target /tmp/gpu-site \
        "$wheels"/*.whl || exit 1
    rm -rf /tmp/gpu-site/tests  # a wheel ships a top-level `tests` package; ours must win
    export PYTHONPATH=/tmp/gpu-site${PYTHONPATH:+:$PYTHONPATH}
fi
nvidia-smi --query-gpu=name,driver_version,memory.total,clocks.sm,clocks.max.sm --format=csv | tee "$out/gpu.txt"
nproc | sed 's/^/cpu cores: /' | tee -a "$out/gpu.txt"

translate_on() {  # translate_on DEVICE: the demo model's translation of two French sentences
    "$python" -m cli translate-text --no-memory --no-glossary --from fr --to en --device "$1" \
        "Le gouvernement a publié un rapport sur la sécurité. Les lecteurs ont laissé des commentaires."
}
if [ "$device" = cuda ] && [ -z "$(find /usr /opt -name 'libcublas.so.12*' 2>/dev/null | head -1)" ]; then
    cublas=$(find /usr /opt -name 'libcublas.so.13*' 2>/dev/null | head -1)
    if [ -n "$cublas" ]; then
        say "no libcublas.so.12 here: pointing it at $cublas"
        mkdir -p /tmp/gpu-shim && ln -sf "$cublas" /tmp/gpu-shim/libcublas.so.12
        export LD_LIBRARY_PATH=/tmp/gpu-shim:$(dirname "$cublas")${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
    fi
fi
if ! on_device=$(translate_on "$device" 2>"$out/check.err"); then
    cat "$out/check.err"; say "CTranslate2 cannot translate on $device"; exit 1
fi
on_cpu=$(translate_on cpu 2>>"$out/check.err")
printf '%s: %s\ncpu: %s\n' "$device" "$on_device" "$on_cpu" | tee "$out/check.txt"

workers=${WORKERS:-8}
# The demo model first: it decodes sentences of natural length, and on a GPU a small model's decoding
# step costs about what a large one's does (kernel launches, not arithmetic, at these batch sizes).
say "server benchmark, demo model, $device"
timeout 200 "$python" benchmarks/server.py --device "$device" --requests 8 --single 30 --workers "$workers" \
    "${bench_sizes[@]}" >"$out/server-demo.log" 2>&1
grep -v '^{' "$out/server-demo.log" | tail -24
say "batch cost, demo model, $device"
timeout 60 "$python" benchmarks/batch_cost.py --device "$device" >"$out/batch-demo.log" 2>&1
grep -v '^{' "$out/batch-demo.log" | tail -6

bench_model=${MODEL:-/tmp/gpu-bench-model/translate-fr_en-bench.argosmodel}
if [ -z "${MODEL:-}" ]; then
    say "building the base-size benchmark model on $device"
    # The CPU recipe's 600 steps of 500 pieces at 1.5e-3 took 28 s there and did not learn to write whole
    # sentences; a GPU affords larger batches and more steps, at a gentler rate with a longer warm-up.
    timeout 150 "$python" tools/build_bench_model.py --device "$device" --out "$bench_model" --force \
        --steps 2500 --seconds 90 --batch-tokens 2000 --lr 7e-4 --warmup 250 "${build_sizes[@]}" >"$out/build.log" 2>&1
    tail -1 "$out/build.log"
fi
if [ -f "$bench_model" ]; then
    say "server benchmark, base-size model, $device"
    timeout 150 "$python" benchmarks/server.py --device "$device" --model "$bench_model" --requests 6 --single 20 \
        --workers "$workers" "${bench_sizes[@]}" >"$out/server-base.log" 2>&1
    grep -v '^{' "$out/server-base.log" | tail -24
    say "batch cost, base-size model, $device"
    timeout 60 "$python" benchmarks/batch_cost.py --device "$device" --model "$bench_model" >"$out/batch-base.log" 2>&1
    grep -v '^{' "$out/batch-base.log" | tail -6
fi
say "done"
