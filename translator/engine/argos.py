"""The offline Argos engine: runs the installed Argos package of a language pair, nothing else.

Pivoting and link masking are wrappers around it (translator.engine.pivot, translator.engine.links),
put together by `translator.engine.build_engine`. ArgosEngine runs packages with CTranslate2 directly:
all sentences of a call go to one `translate_batch` (unique sentences only, sorted by length, batched
by tokens, one batch per CPU core at a time), with Argos's own decoding settings (beam 4,
`replace_unknowns`, `length_penalty=0.2`, the package `target_prefix`), so the output is the one
`argostranslate.translate` gives, many times faster. It never imports `argostranslate.translate`
(stanza, spaCy, torch: seconds and hundreds of MB) and never downloads.
"""

from __future__ import annotations

import math
import os
import struct
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, BinaryIO, Literal

from translator.engine.store import InstalledPackage, ModelStore
from translator.errors import EngineError

Device = Literal["cpu", "cuda", "auto"]


def cpu_cores() -> int:
    """The CPU cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def batch_tokens(tokenized: Sequence[Sequence[str]], parallel_batches: int, most: int) -> int:
    """Tokens per batch: `most`, or less so that a small request still gives every core a batch."""
    longest = max((len(tokens) for tokens in tokenized), default=1)
    share = math.ceil(sum(len(tokens) for tokens in tokenized) / max(parallel_batches, 1))
    return max(longest, min(most, share))


ARGOS_DECODING_LENGTH = 256
"""Target tokens a translation may have: CTranslate2's default `max_decoding_length`, which Argos keeps."""
TRANSLATION_GROWTH = 1.5
"""How much longer than its source a translation may run, in tokens: a sentence is cut into pieces of
at most ARGOS_DECODING_LENGTH / TRANSLATION_GROWTH tokens, so that no piece's translation is cut short."""
UNKNOWN_POSITIONS = 1024
"""Positions assumed when the model file does not say (CTranslate2's default `max_input_length`)."""
PUNCTUATION_ENDS = tuple(",;:)]}»\"'…-–—.!?")
"""A token ending with one of these closes a clause: the best place to cut a long sentence."""


def model_positions(model_bin: Path) -> int | None:
    """The positions a CTranslate2 model has (its position-encoding table's rows, encoder and decoder
    alike), read from the header of `model.bin` without loading it; None when the file does not say
    (positions computed at run time, or a format this reader does not know)."""
    try:
        with model_bin.open("rb") as stream:
            return _positions_in(stream)
    except (OSError, struct.error, UnicodeDecodeError):
        return None


def _positions_in(stream: BinaryIO) -> int | None:
    def number(form: str) -> int:
        value: int = struct.unpack(form, stream.read(struct.calcsize(form)))[0]
        return value

    def text() -> str:
        return stream.read(number("<H"))[:-1].decode("utf-8")

    # The layout CTranslate2 writes (ctranslate2.specs.model_spec `_serialize`, binary version 4 and on):
    # version, spec name, revision, then each variable's name, rank, shape, type, size and bytes.
    if not 4 <= number("<I") <= 6:
        return None
    text()
    number("<I")
    rows = []
    for _ in range(number("<I")):
        name = text()
        shape = [number("<I") for _ in range(number("<B"))]
        number("<B")
        stream.seek(number("<I"), os.SEEK_CUR)
        if name.endswith("position_encodings/encodings") and shape:
            rows.append(shape[0])
    return min(rows, default=None)


def split_tokens(tokens: list[str], most: int) -> list[list[str]]:
    """A token sequence cut into pieces of at most `most` tokens, each cut after a clause's punctuation
    where the second half of a piece has one, else at the start of a word, else where the piece is full."""
    pieces = []
    start = 0
    while len(tokens) - start > most:
        full = start + most
        starts_word = [cut for cut in range(full, start + most // 2, -1) if tokens[cut].startswith("▁")]
        after_clause = [cut for cut in starts_word if tokens[cut - 1].endswith(PUNCTUATION_ENDS)]
        cut = (after_clause or starts_word or [full])[0]
        pieces.append(tokens[start:cut])
        start = cut
    pieces.append(tokens[start:])
    return pieces


def usable_device(device: Device) -> Literal["cpu", "cuda"]:
    """Where models will run: `auto` is cuda when CTranslate2 sees a GPU, else cpu; raise EngineError
    for cuda without a GPU that CTranslate2 can use (one line, before any model is loaded)."""
    if device == "cpu":
        return "cpu"
    import ctranslate2

    try:
        gpus = ctranslate2.get_cuda_device_count()
    except RuntimeError:  # a CUDA runtime without a usable driver
        gpus = 0
    if gpus > 0:
        return "cuda"
    if device == "auto":
        return "cpu"
    raise EngineError(
        "--device cuda: CTranslate2 sees no usable CUDA GPU on this machine",
        "use --device cpu, or --device auto to use a GPU only where there is one",
    )


@dataclass(frozen=True, slots=True)
class EngineSettings:
    """How the Argos engine runs its models."""

    device: Device = "cpu"
    """`cpu`, `cuda`, or `auto` (cuda when CTranslate2 sees a GPU)."""
    threads: int = 0
    """CPU threads (0: every core this process may use). On the CPU each thread decodes its own batch:
    measured 2-3x the throughput of one batch spread over the same cores (benchmarks/engine.py)."""
    beam_size: int = 4
    """Beam width; Argos uses 4."""
    max_batch_tokens: int = 512
    """Source tokens per CTranslate2 batch at most on the CPU (fewer when that leaves a core idle; a GPU
    takes 8x as many); results do not depend on it. 512 was the fastest on the demo model with one
    batch per core."""
    compute_type: str = "auto"
    """CTranslate2 compute type (`auto` picks what the model and device support)."""
    protect_links: bool = True
    """Mask URLs and e-mail addresses with placeholders so the model cannot bend them (the LinkGuard
    wrapper that `build_engine` puts around this engine, in the placeholder form the model keeps, probed
    once per model; verified after, a sentence whose placeholders do not come back is translated again
    unmasked; a model that keeps no form is given only the text between the links)."""


class _LoadedModel:
    """A package's CTranslate2 translator and tokenizer, loaded once."""

    def __init__(self, package: InstalledPackage, settings: EngineSettings) -> None:
        import ctranslate2
        from argostranslate.package import Package

        self.package = package
        self.argos_package: Any = Package(package.path)
        if getattr(self.argos_package, "tokenizer", None) is None:
            raise EngineError(f"{package.path} has no sentencepiece.model or bpe.model", "reinstall the package")
        device = usable_device(settings.device)
        # On the CPU, small models use cores best as parallel batches of one thread each; a GPU runs one
        # batch at a time.
        self.parallel_batches = (settings.threads or cpu_cores()) if device == "cpu" else 1
        self.most_batch_tokens = settings.max_batch_tokens * (1 if device == "cpu" else 8)
        try:
            self.translator = ctranslate2.Translator(
                str(package.path / "model"),
                device=device,
                compute_type=settings.compute_type,
                inter_threads=self.parallel_batches,
                intra_threads=1 if device == "cpu" else settings.threads,
            )
        except (RuntimeError, ValueError) as error:
            hint = "reinstall the package" if device == "cpu" else "check the GPU driver, or use --device cpu"
            raise EngineError(f"cannot load the model in {package.path}: {error}", hint) from None

    def encode_all(self, sentences: list[str]) -> list[list[str]]:
        """Token pieces of every sentence; SentencePiece encodes a whole list in one native call."""
        tokenizer = self.argos_package.tokenizer
        if hasattr(tokenizer, "lazy_processor"):
            pieces: list[list[str]] = tokenizer.lazy_processor().encode(sentences, out_type=str)
            return pieces
        return [tokenizer.encode(sentence) for sentence in sentences]

    @cached_property
    def positions(self) -> int:
        """Positions of the model's encoder and decoder (the longest input and output it takes)."""
        return model_positions(self.package.path / "model" / "model.bin") or UNKNOWN_POSITIONS

    @cached_property
    def decoding_length(self) -> int:
        """Target tokens a translation may have: Argos's, or fewer when the model has fewer positions
        (room kept for the start token and the package's target prefix)."""
        return max(1, min(ARGOS_DECODING_LENGTH, self.positions - 2 - bool(self.package.target_prefix)))

    @cached_property
    def most_source_tokens(self) -> int:
        """Source tokens one piece of a sentence may have: what the positions hold (with room for the end
        token) and what keeps its translation within the decoding length."""
        return max(1, min(self.positions - 2, int(self.decoding_length / TRANSLATION_GROWTH)))

    def decode(self, tokens: list[str]) -> str:
        value: str = self.argos_package.tokenizer.decode(tokens)
        prefix = self.package.target_prefix
        if prefix and value.startswith(prefix):
            value = value[len(prefix) :]
        # The tokenizer leaves the leading space of the first piece; Argos drops it the same way.
        return value[1:] if value.startswith(" ") else value


class ArgosEngine:
    """Translate with installed Argos packages, offline, batched; thread-safe."""

    def __init__(self, store: ModelStore | None = None, settings: EngineSettings | None = None) -> None:
        self.store = store or ModelStore()
        self.settings = settings or EngineSettings()
        self._models: dict[str, _LoadedModel] = {}
        self._lock = threading.Lock()

    def package(self, source: str, target: str) -> InstalledPackage:
        """The installed package of a pair; raise EngineError naming the fix when there is none."""
        package = self.store.find(source, target)
        if package is None:
            raise EngineError(
                f"no translation model for {source}->{target}",
                f"install one with: translator models install {source} {target}",
            )
        return package

    def model_id(self, source: str, target: str) -> str:
        """The id of the package of a pair."""
        return self.package(source, target).model_id

    def translate_batch(self, sentences: Sequence[str], source: str, target: str) -> list[str]:
        """Translate every sentence from source to target with the pair's package, in one batched call."""
        if source == target:
            return list(sentences)
        return self._translate_with(self._model(self.package(source, target)), list(sentences))

    def _model(self, package: InstalledPackage) -> _LoadedModel:
        key = str(package.path)
        with self._lock:
            model = self._models.get(key)
            if model is None:
                model = self._models[key] = _LoadedModel(package, self.settings)
            return model

    def _translate_with(self, model: _LoadedModel, sentences: list[str]) -> list[str]:
        # Each distinct sentence is translated once; blank ones are not sent at all.
        unique = list(dict.fromkeys(s for s in sentences if s.strip()))
        if not unique:
            return ["" if not s.strip() else s for s in sentences]
        # A sentence longer than the model takes is cut into pieces, translated in the same batch and
        # joined (without this CTranslate2 raises past the model's positions and cuts long outputs short).
        pieces: list[list[str]] = []
        owners: list[int] = []
        for owner, tokens in enumerate(model.encode_all(unique)):
            for piece in split_tokens(tokens, model.most_source_tokens):
                pieces.append(piece)
                owners.append(owner)
        # Sorting by length keeps padding low inside each token-sized batch.
        order = sorted(range(len(pieces)), key=lambda index: len(pieces[index]))
        prefix = model.package.target_prefix
        results = model.translator.translate_batch(
            [pieces[index] for index in order],
            target_prefix=[[prefix] for _ in order] if prefix else None,
            replace_unknowns=True,
            max_batch_size=batch_tokens(pieces, model.parallel_batches, model.most_batch_tokens),
            batch_type="tokens",
            beam_size=self.settings.beam_size,
            num_hypotheses=1,
            length_penalty=0.2,
            max_decoding_length=model.decoding_length,
        )
        parts: list[list[str]] = [[] for _ in unique]
        for index, result in sorted(zip(order, results, strict=True), key=lambda pair: pair[0]):
            parts[owners[index]].append(model.decode(result.hypotheses[0]))
        translated = {
            source: " ".join(part for part in part_list if part)
            for source, part_list in zip(unique, parts, strict=True)
        }
        return [translated.get(sentence, "") if sentence.strip() else "" for sentence in sentences]
