"""The core stays cheap to import and never pulls the UI or the heavy translation stack."""

from __future__ import annotations

import json
import re
import subprocess
import sys

from tests.conftest import REPO

UI_PACKAGES = {"textual", "rich", "tui"}
"""What the core must never load: the terminal UI and its rendering library."""
SERVER_STACK = {"starlette", "uvicorn", "anyio", "httptools", "uvloop", "python_multipart"}
"""What only `translator serve` loads (the optional `server` extra), from translator/server/ alone."""

WALK_EVERY_CORE_MODULE = """
import importlib, pkgutil, translator
for module in pkgutil.walk_packages(translator.__path__, "translator."):
    importlib.import_module(module.name)
"""


def modules_after(statement: str) -> set[str]:
    code = f"import sys, json\n{statement}\nprint(json.dumps(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO)
    return set(json.loads(done.stdout))


def test_no_core_module_loads_the_ui() -> None:
    loaded = modules_after(WALK_EVERY_CORE_MODULE)
    core_modules = {name for name in loaded if name.startswith("translator.")}
    assert len(core_modules) > 20, "the walk imported the core's modules"  # the walk really walked
    assert not {name for name in loaded if name.split(".")[0] in UI_PACKAGES}


def test_no_core_module_names_the_ui_package() -> None:
    # A run-time import by name (importlib, __import__) would escape the walk above.
    names_tui = re.compile(r"\btui\b")
    offenders = [
        str(path.relative_to(REPO))
        for path in sorted((REPO / "translator").rglob("*.py"))
        if names_tui.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_core_does_not_import_the_ui_or_torch() -> None:
    loaded = modules_after("import translator, translator.readers, cli.main, translator.models")
    assert not {name for name in loaded if name.split(".")[0] in {"textual", "tui", "torch", "stanza", "spacy"}}


def test_help_does_not_load_heavy_libraries() -> None:
    loaded = modules_after("import cli.main as c; c.build_parser()")
    heavy = {"rich", "argostranslate", "ctranslate2", "langdetect", "polib", "textual", "torch", "ray"}
    heavy |= SERVER_STACK
    assert not {name for name in loaded if name.split(".")[0] in heavy}


def test_only_the_server_package_loads_the_http_stack() -> None:
    walk = WALK_EVERY_CORE_MODULE.replace(
        "importlib.import_module(module.name)",
        "None if module.name.startswith('translator.server') else importlib.import_module(module.name)",
    )
    loaded = modules_after(walk)
    assert "translator.jobs" in loaded and "translator.server.app" not in loaded  # the walk really walked
    assert not {name for name in loaded if name.split(".")[0] in SERVER_STACK}
