# Two commands on a fresh machine: `make demo` and `make test`.
SHELL := /bin/bash
.SHELLFLAGS := -eo pipefail -c
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# torch is pinned and installed first: that version has a small CPU build on this machine's disk,
# and anything looser lets pip pull a multi-GB CUDA build to satisfy stanza (argostranslate's dependency).
TORCH := torch==2.13.0
QUIET_PIP := sed '/is ignored: it is neither/d'
PY_DIRS := $(wildcard translator cli tui tests benchmarks tools)

.PHONY: demo test lint typecheck pytest clean

$(STAMP): pyproject.toml Makefile
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check $(TORCH) 2>&1 | $(QUIET_PIP)
	$(PY) -m pip install -q --disable-pip-version-check -e '.[dev,server,cluster]' $(TORCH) 2>&1 | $(QUIET_PIP)
	$(PY) -c 'import torch, translator'
	touch $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/translator translate --demo --to en --format po,json,md -o demo-output
	@echo
	@echo "Read the translation:   demo-output/demo-thread.en.md"
	@echo "Review it:              $(VENV)/bin/translator review demo-output/demo-thread.en.po --source translator/data/demo-thread.txt"
	@echo "                        (or open the PO file in Poedit, Lokalize, or any PO editor)"
	@echo "Then rebuild from it:   $(VENV)/bin/translator apply demo-output/demo-thread.en.po translator/data/demo-thread.txt --format md"

lint: $(STAMP)
	$(VENV)/bin/ruff check $(PY_DIRS)
	$(VENV)/bin/ruff format --check $(PY_DIRS)

typecheck: $(STAMP)
	$(VENV)/bin/mypy

pytest: $(STAMP)
	$(VENV)/bin/pytest -q

test: lint typecheck pytest

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache
