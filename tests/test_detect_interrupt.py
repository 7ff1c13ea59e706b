"""Ctrl-C while the language detector loads its profiles: the command ends with exit 130 and one line, and
nothing half-loaded stays behind for the next detection (langdetect published its factory before loading it,
and turned the interrupt into a "profile format error")."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any, cast

import pytest
from langdetect import detector_factory
from langdetect.detector_factory import DetectorFactory
from langdetect.utils.lang_profile import LangProfile

from tests.conftest import subprocess_env
from translator.detect import detector as detector_module
from translator.detect import model_cache
from translator.detect.detector import LanguageDetector

INTERRUPTED_LOAD = """
import sys
from langdetect.utils.lang_profile import LangProfile
made = []
real = LangProfile.__init__
def interrupted(self, *args, **kwargs):
    made.append(1)
    if len(made) == 10:  # Ctrl-C after a few profiles, as a person pressing it at start-up
        raise KeyboardInterrupt
    real(self, *args, **kwargs)
LangProfile.__init__ = interrupted
from cli.main import main
sys.exit(main(sys.argv[1:]))
"""


def test_ctrl_c_while_the_profiles_load_leaves_nothing_half_loaded(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(model_cache, "cache_dir", lambda: tmp_path)  # nothing decoded yet: the profiles load
    monkeypatch.setattr(detector_module._Profiles, "_instance", None)
    monkeypatch.setattr(detector_factory, "_factory", None)
    real = LangProfile.__init__
    made: list[int] = []

    def interrupted(self: LangProfile, *args: Any, **kwargs: Any) -> None:
        made.append(1)
        if len(made) == 10:
            raise KeyboardInterrupt
        real(self, *args, **kwargs)

    monkeypatch.setattr(LangProfile, "__init__", interrupted)
    with pytest.raises(KeyboardInterrupt):
        LanguageDetector(["fr", "en"])
    assert detector_module._Profiles._instance is None
    assert detector_factory._factory is None  # langdetect's own detect() would have used 9 profiles
    assert list(tmp_path.iterdir()) == []  # and no decoded copy of 9 profiles for the next process
    monkeypatch.setattr(LangProfile, "__init__", real)
    detector = LanguageDetector(["fr", "en", "de"])  # loaded again, whole
    # mypy still holds the `is None` asserted above; LanguageDetector() published the factory since
    factory = cast(DetectorFactory, detector_factory._factory)
    assert len(detector.profiles.languages) == len(factory.langlist) > 50
    assert detector.detect_text("Bonjour à tous, la fusée a décollé ce matin de Kourou.").lang == "fr"


@pytest.mark.parametrize("command", [["detect", "--demo"], ["translate-text", "Bonjour.", "--no-memory"]])
def test_the_command_ends_with_130_and_one_line(command: list[str], tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", INTERRUPTED_LOAD, *command],
        capture_output=True,
        text=True,
        env=subprocess_env(XDG_CACHE_HOME=str(tmp_path)),  # nothing decoded yet: the profiles load
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 130, done.stderr
    assert done.stderr == "translator: interrupted\n"
    assert done.stdout == ""
