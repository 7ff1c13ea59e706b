#!/usr/bin/env bash
# The wheels benchmarks/gpu.sh installs on a GPU machine that has no network: what the project needs at run
# time for `translator serve` and argostranslate, less what a CUDA image with PyTorch already holds (numpy,
# lxml, sentencepiece, torch, transformers, uvloop...). Downloaded here, from the package registry, for
# the machine's Python (default 3.12) on x86-64 Linux; langdetect has no wheel, so one is built.
# Run: bash benchmarks/gpu_wheels.sh [DIR=.whl] [PYTHON_VERSION=3.12]    (about 51 MB; ignore DIR in git)
set -eu
dir=${1:-.whl}
version=${2:-3.12}
pip=${PIP:-.venv/bin/pip}
mkdir -p "$dir"
platforms=(--platform manylinux_2_28_x86_64 --platform manylinux_2_27_x86_64 --platform manylinux_2_17_x86_64
    --platform manylinux2014_x86_64 --platform manylinux1_x86_64 --platform any)
# The versions this checkout's virtual environment runs, so both machines run the same code.
installed() { "$pip" show "$1" | awk '/^Version:/ {print $2}'; }
packages=()
for name in argostranslate stanza minisbd sacremoses ctranslate2 py3langid starlette uvicorn httptools \
    python-multipart polib pyahocorasick platformdirs emoji lxml-html-clean pysbd sentencex; do
    packages+=("$name==$(installed "$name")")
done
"$pip" download -q --no-deps --only-binary=:all: --python-version "$version" --implementation cp \
    "${platforms[@]}" -d "$dir" "${packages[@]}"
"$pip" wheel -q --no-deps -w "$dir" "langdetect==$(installed langdetect)"
du -sh "$dir"
