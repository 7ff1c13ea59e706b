"""The Argos engine on our real demo package: install, batched translation, parity with argostranslate,
copying of what it does not know, and clear errors; and the engine every caller builds (pivot, links)."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import run_cli, subprocess_env
from translator.engine import Engine, Pivot, build_engine
from translator.engine.argos import (
    ArgosEngine,
    Device,
    EngineSettings,
    batch_tokens,
    model_positions,
    split_tokens,
    usable_device,
)
from translator.engine.store import BUNDLED_DIR, ModelStore, install_package_file
from translator.errors import EngineError

FR_EN = BUNDLED_DIR / "translate-fr_en-demo.argosmodel"
SENTENCES = [
    "La fusée Ariane 6 a décollé mardi matin depuis la base de Kourou.",
    "Le prochain vol aura lieu en juin.",
    "L'agence prévoit quatre lancements cette année.",
    "Le ministre a confirmé la date hier.",
]


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled demo packages installed the way users install theirs."""
    folder = tmp_path_factory.mktemp("argos-packages")
    for archive in sorted(BUNDLED_DIR.glob("*.argosmodel")):
        install_package_file(archive, folder)
    return folder


@pytest.fixture(scope="module")
def argos(packages: Path) -> ArgosEngine:
    """The bare package runner."""
    return ArgosEngine(ModelStore([packages], include_bundled=False))


@pytest.fixture(scope="module")
def engine(packages: Path) -> Engine:
    """The engine callers get: pivoting and links masked around the package runner."""
    return build_engine(store=ModelStore([packages], include_bundled=False))


def test_the_demo_package_installs_and_is_found(packages: Path) -> None:
    store = ModelStore([packages], include_bundled=False)
    package = store.find("fr", "en")
    assert package is not None
    assert (package.path / "model" / "model.bin").is_file()
    assert (package.path / "sentencepiece.model").is_file()
    assert FR_EN.stat().st_size < 10 * 1024 * 1024


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("Le prochain vol aura lieu en juin.", "The next flight will take place in June."),  # plain sentence
        ("Le ministre a confirmé la date hier.", "The minister confirmed the date yesterday."),  # past tense
    ],
)
def test_translates_the_demo_domain(argos: ArgosEngine, engine: Engine, source: str, expected: str) -> None:
    assert argos.translate_batch([source], "fr", "en") == [expected]
    assert engine.translate_batch([source], "fr", "en") == [expected]


@pytest.mark.parametrize(
    "token",
    [
        "Zorblaxon",  # an unseen proper noun
        "4729",  # a number
        "https://exemple.org/page",  # a URL
    ],
)
def test_copies_what_it_does_not_know(engine: Engine, token: str) -> None:
    [translated] = engine.translate_batch([f"Le ministre a parlé de {token} hier."], "fr", "en")
    assert token in translated


def test_batch_keeps_order_and_dedups(argos: ArgosEngine) -> None:
    engine = argos
    doubled = [*SENTENCES, SENTENCES[0], "", "   "]
    out = engine.translate_batch(doubled, "fr", "en")
    assert len(out) == len(doubled)
    assert out[0] == out[len(SENTENCES)]
    assert out[-2:] == ["", ""]
    assert out[: len(SENTENCES)] == [engine.translate_batch([s], "fr", "en")[0] for s in SENTENCES]


def test_same_language_is_identity(argos: ArgosEngine, engine: Engine) -> None:
    assert argos.translate_batch(["Hello."], "en", "en") == ["Hello."]
    same = ["Hello https://example.org/a ⟦T1⟧.", "", "Mail a@b.org"]
    assert engine.translate_batch(same, "fr", "fr") == same


@pytest.mark.parametrize("which", ["argos", "engine"])
def test_missing_pair_names_the_install_command(which: str, request: pytest.FixtureRequest) -> None:
    engine: Engine = request.getfixturevalue(which)
    for call in (lambda: engine.translate_batch(["Bonjour."], "fr", "ja"), lambda: engine.model_id("fr", "ja")):
        with pytest.raises(EngineError, match="no translation model for fr->ja") as caught:
            call()
        assert caught.value.hint == "install one with: translator models install fr ja"


def test_engine_is_thread_safe(engine: Engine) -> None:
    from concurrent.futures import ThreadPoolExecutor

    expected = engine.translate_batch(SENTENCES, "fr", "en")
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda _: engine.translate_batch(SENTENCES, "fr", "en"), range(8)))
    assert all(result == expected for result in results)


def test_pivot_through_english(packages: Path, argos: ArgosEngine, engine: Engine) -> None:
    store = ModelStore([packages], include_bundled=False)
    assert store.find("fr", "de") is None
    with pytest.raises(EngineError):
        argos.model_id("fr", "de")  # the package runner alone has no fr-de
    assert Pivot(argos).route("fr", "de") == (("fr", "en"), ("en", "de"))
    # the memory keys on these ids: the packages of every leg, then the link guard's mark
    assert engine.model_id("fr", "de") == f"{argos.model_id('fr', 'en')}+{argos.model_id('en', 'de')}+links"
    assert engine.model_id("fr", "en") == f"{argos.model_id('fr', 'en')}+links"
    [german] = engine.translate_batch(["Le prochain vol aura lieu en juin."], "fr", "de")
    [english] = engine.translate_batch(["Le prochain vol aura lieu en juin."], "fr", "en")
    assert german == engine.translate_batch([english], "en", "de")[0]
    assert german and german != english


PARITY_SCRIPT = """
import json, sys
import argostranslate.translate as t
sentences = json.loads(sys.argv[1])
print(json.dumps([t.translate(s, "fr", "en") for s in sentences]))
"""


def test_parity_with_argostranslate(packages: Path, engine: Engine) -> None:
    """Our batched engine gives what argostranslate gives, sentence by sentence (run offline-guarded)."""
    env = subprocess_env(ARGOS_PACKAGES_DIR=str(packages), ARGOS_DEVICE_TYPE="cpu")
    done = subprocess.run(
        [sys.executable, "-c", PARITY_SCRIPT, json.dumps(SENTENCES)],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    theirs = json.loads(done.stdout.strip().splitlines()[-1])
    assert engine.translate_batch(SENTENCES, "fr", "en") == theirs


def test_settings_are_honoured(packages: Path) -> None:
    greedy = ArgosEngine(ModelStore([packages], include_bundled=False), EngineSettings(beam_size=1, threads=1))
    assert greedy.translate_batch(["Le prochain vol aura lieu en juin."], "fr", "en")[0].startswith("The next")


def test_parallel_batches_change_nothing_but_speed(packages: Path) -> None:
    """Many small batches decoded by several threads at once give what one thread gives."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent / "tools"))
    from demo_grammar import generate

    sentences = [example.source for example in generate("fr-en", 120, seed=5)]
    store = ModelStore([packages], include_bundled=False)
    serial = ArgosEngine(store, EngineSettings(threads=1))
    parallel = ArgosEngine(store, EngineSettings(threads=3, max_batch_tokens=64))
    assert parallel.translate_batch(sentences, "fr", "en") == serial.translate_batch(sentences, "fr", "en")


def test_batch_tokens_gives_every_core_a_batch() -> None:
    sentences = [["▁a"] * 10] * 20  # 200 tokens
    assert batch_tokens(sentences, 1, 512) == 200
    assert batch_tokens(sentences, 4, 512) == 50
    assert batch_tokens(sentences, 4, 30) == 30
    assert batch_tokens([["▁a"] * 80, ["▁a"]], 4, 512) == 80  # never below the longest sentence


def test_translate_text_command() -> None:
    result = run_cli("translate-text", "Le prochain vol aura lieu en juin.", "--from", "fr", "--to", "en")
    assert result.code == 0, result.stderr
    assert result.stdout.strip() == "The next flight will take place in June."


def test_translate_text_detects_the_language() -> None:
    result = run_cli("translate-text", "Le ministre a confirmé la date hier.", "--to", "en")
    assert result.code == 0, result.stderr
    assert result.stdout.strip() == "The minister confirmed the date yesterday."


def test_translate_text_missing_model_is_one_line() -> None:
    result = run_cli("translate-text", "Bonjour.", "--from", "fr", "--to", "ja")
    assert result.code == 1
    assert result.stderr.strip() == (
        "translator: error: no translation model for fr->ja (install one with: translator models install fr ja)"
    )


@pytest.mark.parametrize(
    ("tokens", "most", "pieces"),
    [
        # Short enough: one piece, as it came.
        (["▁a", "▁b"], 5, [["▁a", "▁b"]]),
        # Cut after a clause's punctuation in the second half of the piece, even if a later word starts.
        (["▁a", "▁b", "▁c", ",", "▁d", "▁e", "▁f"], 5, [["▁a", "▁b", "▁c", ","], ["▁d", "▁e", "▁f"]]),
        # No punctuation: cut at the last word start that fits (never inside "▁de" "cide").
        (["▁a", "▁b", "▁c", "▁de", "cide", "▁f"], 4, [["▁a", "▁b", "▁c"], ["▁de", "cide", "▁f"]]),
        # Punctuation only in the first half is not worth a short piece: the last word start wins.
        (["▁a", ",", "▁b", "▁c", "▁d", "▁e"], 5, [["▁a", ",", "▁b", "▁c", "▁d"], ["▁e"]]),
        # One word longer than a piece: cut where the piece is full.
        (["▁x", "y", "z", "w", "v"], 2, [["▁x", "y"], ["z", "w"], ["v"]]),
        # A piece of one token at most.
        (["▁a", "▁b", "▁c"], 1, [["▁a"], ["▁b"], ["▁c"]]),
    ],
)
def test_split_tokens(tokens: list[str], most: int, pieces: list[list[str]]) -> None:
    assert split_tokens(tokens, most) == pieces
    assert [token for piece in pieces for token in piece] == tokens


def test_the_model_says_how_many_positions_it_has() -> None:
    """The demo models are built with 512 positions; their model.bin says so, and a file that is not a
    model says nothing."""
    with zipfile.ZipFile(FR_EN) as archive:
        header = archive.read("translate-fr_en-demo/model/model.bin")
    assert model_positions_of(header) == 512
    assert model_positions_of(b"not a model") is None


def model_positions_of(data: bytes) -> int | None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "model.bin"
        path.write_bytes(data)
        return model_positions(path)


def test_a_sentence_longer_than_the_model_takes_is_translated_whole(argos: ArgosEngine) -> None:
    """A 20 KB paragraph with no sentence punctuation (about 7,000 tokens; the model has 512 positions):
    it was a CTranslate2 RuntimeError. It is cut into pieces the model takes, each translated, joined in
    order; the usual sentence beside it is translated as before."""
    endless = " ".join(["la fusée décolle demain matin avec trois satellites vers orbite basse et le ministre"] * 250)
    assert len(endless) > 20_000
    short = SENTENCES[1]
    translated, alone = argos.translate_batch([endless, short], "fr", "en")
    assert alone == "The next flight will take place in June."
    model = argos._model(argos.package("fr", "en"))
    assert model.positions == 512
    pieces = split_tokens(model.encode_all([endless])[0], model.most_source_tokens)
    assert len(pieces) > 20
    assert max(len(piece) for piece in pieces) <= model.most_source_tokens < 512
    each = argos.translate_batch([model.argos_package.tokenizer.decode(piece).strip() for piece in pieces], "fr", "en")
    assert all(each)
    assert translated == " ".join(each)


def failing_count() -> int:
    raise RuntimeError("CUDA failed with error CUDA driver version is insufficient for CUDA runtime version")


@pytest.mark.parametrize(
    ("device", "count", "expected"),
    [
        ("cpu", lambda: 1, "cpu"),  # asked for the CPU: the GPU is not even looked at
        ("auto", lambda: 1, "cuda"),  # a GPU is there
        ("auto", lambda: 0, "cpu"),  # none: the CPU
        ("auto", failing_count, "cpu"),  # a CUDA runtime without a driver counts as none
        ("cuda", lambda: 2, "cuda"),  # asked for and there
        ("cuda", lambda: 0, None),  # asked for, none: the one-line error
        ("cuda", failing_count, None),  # asked for, no usable driver: the same error
    ],
)
def test_usable_device(monkeypatch: pytest.MonkeyPatch, device: Device, count: object, expected: str | None) -> None:
    import ctranslate2

    monkeypatch.setattr(ctranslate2, "get_cuda_device_count", count)
    if expected is None:
        with pytest.raises(EngineError, match="--device cuda: CTranslate2 sees no usable CUDA GPU") as caught:
            usable_device(device)
        assert caught.value.hint is not None and "--device cpu" in caught.value.hint
    else:
        assert usable_device(device) == expected


@pytest.mark.parametrize("command", ["translate-text", "translate"])
def test_device_cuda_is_one_line_where_there_is_no_gpu(command: str, tmp_path: Path) -> None:
    import ctranslate2

    try:
        has_gpu = ctranslate2.get_cuda_device_count() > 0
    except RuntimeError:
        has_gpu = False
    args = ["Le prochain vol aura lieu en juin.", "--from", "fr"] if command == "translate-text" else ["--demo"]
    if command == "translate":
        args += ["-o", str(tmp_path / "out.po"), "--no-memory"]
    result = run_cli(command, *args, "--device", "cuda")
    if has_gpu:  # a machine with a GPU translates on it
        assert result.code == 0, result.stderr
    else:
        assert result.code == 1
        assert result.stderr == (
            "translator: error: --device cuda: CTranslate2 sees no usable CUDA GPU on this machine "
            "(use --device cpu, or --device auto to use a GPU only where there is one)\n"
        )
        assert not (tmp_path / "out.po").exists()
