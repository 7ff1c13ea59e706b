"""The core stays cheap to import and never pulls the UI or the heavy translation stack."""

from __future__ import annotations

import json
import subprocess
import sys


def modules_after(statement: str) -> set[str]:
    code = f"import sys, json; {statement}; print(json.dumps(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(json.loads(done.stdout))


def test_core_does_not_import_the_ui_or_torch() -> None:
    loaded = modules_after("import translator, translator.readers, cli.main, translator.models")
    assert not {name for name in loaded if name.split(".")[0] in {"textual", "tui", "torch", "stanza", "spacy"}}


def test_help_does_not_load_heavy_libraries() -> None:
    loaded = modules_after("import cli.main as c; c.build_parser()")
    heavy = {"rich", "argostranslate", "ctranslate2", "langdetect", "polib", "textual", "torch", "ray"}
    assert not {name for name in loaded if name.split(".")[0] in heavy}
