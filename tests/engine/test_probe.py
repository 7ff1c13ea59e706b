"""The placeholder probe: which form a model keeps (fake models and the real demo packages), and the memory
of answers by model id (reused, versioned, and a damaged or unwritable file only means probing again)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pytest

from tests.fakes import RewritingEngine
from translator.engine import Engine, ModelStore, build_engine
from translator.engine.links import LinkGuard
from translator.engine.probe import (
    CANDIDATE_STYLES,
    PROBE_VERSION,
    ProbeMemory,
    ProbeResult,
    default_memory_path,
    probe,
    probe_sentences,
)
from translator.engine.store import BUNDLED_DIR, install_package_file
from translator.placeholders import DEFAULT_STYLE, PlaceholderStyle

OURS, ASCII = CANDIDATE_STYLES


def through(engine: RewritingEngine, source: str = "fr") -> ProbeResult:
    return probe(lambda sentences: engine.translate_batch(sentences, source, "en"), source)


PROBES = [
    # copies everything: our form, every probe kept
    ({}, OURS, 6),
    # loses our form entirely but keeps the ASCII one
    ({"⟦T1⟧": "", "⟦T2⟧": ""}, ASCII, 6),
    # bends our form (a space inside): the ASCII one
    ({"⟦T": "⟦ T"}, ASCII, 6),
    # doubles the first placeholder of our form: the ASCII one
    ({"⟦T1⟧": "⟦T1⟧ ⟦T1⟧"}, ASCII, 6),
    # loses the second placeholder only (one probe of six has one): our form still, 5 kept
    ({"⟦T2⟧": ""}, OURS, 5),
    # keeps neither form: no masking; the count is the last form's
    ({"⟦T1⟧": "", "XLINK1X": ""}, None, 0),
]


@pytest.mark.parametrize(("rewrite", "style", "kept"), PROBES)
def test_the_probe_finds_the_form_the_model_keeps(
    rewrite: dict[str, str], style: PlaceholderStyle | None, kept: int
) -> None:
    assert through(RewritingEngine(rewrite)) == ProbeResult(style, kept, 6)


def test_probe_sentences_are_in_the_source_language_and_the_form_probed() -> None:
    assert probe_sentences("de", DEFAULT_STYLE)[0] == "Quelle: ⟦T1⟧"
    assert probe_sentences("fr", ASCII)[3] == "Merci à XLINK1X et XLINK2X !"
    # a language without its own sentences gets the English ones
    assert probe_sentences("ja", DEFAULT_STYLE) == probe_sentences("en", DEFAULT_STYLE)


class Counting:
    """A probe run that counts how often it is asked."""

    def __init__(self, result: ProbeResult) -> None:
        self.result = result
        self.runs = 0

    def __call__(self) -> ProbeResult:
        self.runs += 1
        return self.result


def test_answers_are_remembered_in_the_file_and_reused(tmp_path: Path) -> None:
    path = tmp_path / "cache" / "probes.json"
    run = Counting(ProbeResult(None, 0, 6))
    assert ProbeMemory(path).answer("model@1", run) == ProbeResult(None, 0, 6)
    assert ProbeMemory(path).answer("model@1", run) == ProbeResult(None, 0, 6)
    assert run.runs == 1
    stored = json.loads(path.read_text(encoding="utf-8"))
    assert stored == {f"model@1|{PROBE_VERSION}": {"style": None, "kept": 0, "probes": 6}}
    # another model is probed on its own; both answers stay
    other = Counting(ProbeResult(ASCII, 6, 6))
    assert ProbeMemory(path).answer("model@2", other) == ProbeResult(ASCII, 6, 6)
    assert other.runs == 1
    assert len(json.loads(path.read_text(encoding="utf-8"))) == 2


BAD_FILES = [
    "{ not json",  # damaged
    "[1, 2]",  # not an object
    json.dumps({f"model@1|{PROBE_VERSION}": {"style": ["??", "?"], "kept": 6, "probes": 6}}),  # a form no longer tried
    json.dumps({f"model@1|{PROBE_VERSION}": {"style": None, "kept": "6"}}),  # wrong types
    json.dumps({"model@1|older-probe": {"style": None, "kept": 0, "probes": 6}}),  # another probe's answer
]


@pytest.mark.parametrize("content", BAD_FILES)
def test_a_file_without_a_usable_answer_means_probing_again(tmp_path: Path, content: str) -> None:
    path = tmp_path / "probes.json"
    path.write_text(content, encoding="utf-8")
    run = Counting(ProbeResult(OURS, 6, 6))
    assert ProbeMemory(path).answer("model@1", run) == ProbeResult(OURS, 6, 6)
    assert run.runs == 1
    assert ProbeMemory(path).answer("model@1", run) == ProbeResult(OURS, 6, 6)
    assert run.runs == 1


def test_an_unwritable_cache_only_costs_a_probe(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    memory = ProbeMemory(blocker / "probes.json")  # its folder cannot be made
    run = Counting(ProbeResult(OURS, 6, 6))
    assert memory.answer("model@1", run) == ProbeResult(OURS, 6, 6)
    assert memory.answer("model@1", run) == ProbeResult(OURS, 6, 6)
    assert run.runs == 1  # remembered in the process all the same


class Recording:
    """Records what reaches the real engine under the link guard."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.calls: list[list[str]] = []

    def translate_batch(self, sentences: Sequence[str], source: str, target: str) -> list[str]:
        self.calls.append(list(sentences))
        return self.engine.translate_batch(sentences, source, target)

    def model_id(self, source: str, target: str) -> str:
        return self.engine.model_id(source, target)


def test_the_demo_package_keeps_our_form_and_the_answer_is_cached(tmp_path: Path) -> None:
    packages = tmp_path / "packages"
    install_package_file(BUNDLED_DIR / "translate-fr_en-demo.argosmodel", packages)
    engine = build_engine(store=ModelStore([packages], include_bundled=False))
    assert isinstance(engine, LinkGuard)
    answer = engine.protection("fr", "en")
    assert answer.style == DEFAULT_STYLE and 2 * answer.kept >= answer.probes
    stored = json.loads(default_memory_path().read_text(encoding="utf-8"))
    assert stored[f"translate-fr_en-demo@1.0|{PROBE_VERSION}"]["style"] == ["⟦T", "⟧"]
    # a new engine (a new run) reads the answer: the model sees the masked sentence only
    again = build_engine(store=ModelStore([packages], include_bundled=False))
    assert isinstance(again, LinkGuard)
    recording = Recording(again.engine)
    again.engine = recording
    sentence = "Le ministre a parlé de https://exemple.org/page hier."
    assert again.translate_batch([sentence], "fr", "en") == [
        "The minister spoke about https://exemple.org/page yesterday."
    ]
    assert recording.calls == [["Le ministre a parlé de ⟦T1⟧ hier."]]
