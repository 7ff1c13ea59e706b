"""The README opens with the two commands a fresh machine needs, and the Makefile has both targets."""

from __future__ import annotations

import re

from tests.conftest import REPO


def first_code_block(text: str) -> list[str]:
    """The lines of the README's first fenced code block."""
    found = re.search(r"```[a-z]*\n(.*?)```", text, re.DOTALL)
    assert found, "the README has no code block"
    return [line for line in found.group(1).splitlines() if line.strip()]


def test_readme_opens_with_make_demo_then_make_test() -> None:
    commands = [line.split("#", 1)[0].strip() for line in first_code_block((REPO / "README.md").read_text())]
    assert commands == ["make demo", "make test"]


def test_makefile_has_the_readme_targets() -> None:
    makefile = (REPO / "Makefile").read_text()
    targets = set(re.findall(r"^([a-z][\w-]*):", makefile, re.MULTILINE))
    assert {"demo", "test"} <= targets
    # The demo runs the main job on the bundled demo model and thread.
    assert "translate --demo" in makefile
