"""Whether a model copies placeholders: probed once per model, remembered in the user cache.

The link guard masks links with placeholders; a model that drops or bends them makes every sentence with a
link go through the model twice (masked, then unmasked). So before masking for a model, a few short link
sentences in the source language (`Source: ⟦T1⟧`) go through it in one batch, for each placeholder form in
turn; the first form the model brings back whole in at least half of them is the one to mask with, and
none means the model gets only the text between the links (translator.engine.links). The answer is remembered
with the model id, so a model is probed once, not once per run.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from translator.placeholders import DEFAULT_STYLE, PlaceholderStyle, fill, placeholder_problems

CANDIDATE_STYLES = (DEFAULT_STYLE, PlaceholderStyle(prefix="XLINK", suffix="X"))
"""Placeholder forms tried in order: ours (the demo models are trained to copy it), then a plain-ASCII
one for models whose vocabulary lacks the brackets."""

CARRIERS = {
    "en": ("Source: ⟦T1⟧", "See ⟦T1⟧.", "More information at ⟦T1⟧", "Thanks to ⟦T1⟧ and ⟦T2⟧!",
           "The video of the launch is online: ⟦T1⟧", "The minister spoke about ⟦T1⟧ yesterday."),
    "fr": ("Source : ⟦T1⟧", "Voir ⟦T1⟧.", "Plus d'informations sur ⟦T1⟧", "Merci à ⟦T1⟧ et ⟦T2⟧ !",
           "La vidéo du lancement est en ligne : ⟦T1⟧", "Le ministre a parlé de ⟦T1⟧ hier."),
    "de": ("Quelle: ⟦T1⟧", "Siehe ⟦T1⟧.", "Mehr Informationen unter ⟦T1⟧", "Danke an ⟦T1⟧ und ⟦T2⟧!",
           "Das Video des Starts ist online: ⟦T1⟧", "Der Minister hat gestern über ⟦T1⟧ gesprochen."),
    "es": ("Fuente: ⟦T1⟧", "Véase ⟦T1⟧.", "Más información en ⟦T1⟧", "¡Gracias a ⟦T1⟧ y ⟦T2⟧!",
           "El vídeo del lanzamiento está en línea: ⟦T1⟧", "El ministro habló ayer de ⟦T1⟧."),
    "ru": ("Источник: ⟦T1⟧", "См. ⟦T1⟧.", "Подробнее на ⟦T1⟧", "Спасибо ⟦T1⟧ и ⟦T2⟧!",
           "Видео запуска доступно онлайн: ⟦T1⟧", "Вчера министр говорил о ⟦T1⟧."),
    "uk": ("Джерело: ⟦T1⟧", "Див. ⟦T1⟧.", "Докладніше на ⟦T1⟧", "Дякую ⟦T1⟧ і ⟦T2⟧!",
           "Відео запуску доступне онлайн: ⟦T1⟧", "Учора міністр говорив про ⟦T1⟧."),
}  # fmt: skip
"""Short link sentences per source language, written with the default form (English for the others)."""

PROBE_VERSION = hashlib.sha256(
    json.dumps([CARRIERS, [(s.prefix, s.suffix) for s in CANDIDATE_STYLES]], ensure_ascii=False).encode()
).hexdigest()[:12]
"""Changes with the probe, so that answers to an older probe are not reused."""

Translate = Callable[[Sequence[str]], list[str]]


@dataclass(frozen=True, slots=True)
class ProbeResult:
    """What a model does with placeholders."""

    style: PlaceholderStyle | None
    """The form to mask links with; None when the model keeps none (only the text between links goes through)."""
    kept: int
    """Probe sentences that came back with every placeholder once, in that form (in the last form tried
    when none was kept)."""
    probes: int
    """Probe sentences per form."""


def probe_sentences(source: str, style: PlaceholderStyle) -> list[str]:
    """The probe sentences for a source language, with placeholders in the given form."""
    carriers = CARRIERS.get(source, CARRIERS["en"])
    return [fill(carrier, DEFAULT_STYLE, lambda number, _: style.format(number)) for carrier in carriers]


def kept_whole(sentence: str, translated: str, style: PlaceholderStyle) -> bool:
    """Whether every placeholder of the sentence came back exactly once."""
    expected = {int(hit.group(1)): "probe" for hit in style.exact.finditer(sentence)}
    return not placeholder_problems(translated, expected, style, exclusive=False)


def probe(translate: Translate, source: str) -> ProbeResult:
    """Run the probe through a model (one batch per form tried) and say which form it keeps."""
    kept, probes = 0, 0
    for style in CANDIDATE_STYLES:
        sentences = probe_sentences(source, style)
        translated = translate(sentences)
        probes = len(sentences)
        kept = sum(kept_whole(s, t, style) for s, t in zip(sentences, translated, strict=True))
        if 2 * kept >= probes:
            return ProbeResult(style, kept, probes)
    return ProbeResult(None, kept, probes)


class ProbeMemory:
    """Probe answers by model id: in this process, and in a JSON file when given one (a cache: a missing,
    damaged or unwritable file only means probing again)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self._answers: dict[str, ProbeResult] = {}
        self._lock = threading.Lock()

    def answer(self, model_id: str, run: Callable[[], ProbeResult]) -> ProbeResult:
        """The remembered answer for a model, else `run()`'s, remembered."""
        key = f"{model_id}|{PROBE_VERSION}"
        with self._lock:
            known = self._answers.get(key) or self._read().get(key)
            if known is None:
                known = run()
                self._write(key, known)
            self._answers[key] = known
            return known

    def _read(self) -> dict[str, ProbeResult]:
        if self.path is None:
            return {}
        try:
            entries = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(entries, dict):
            return {}
        return {key: result for key, value in entries.items() if (result := _decoded(value)) is not None}

    def _write(self, key: str, result: ProbeResult) -> None:
        if self.path is None:
            return
        from translator.errors import OutputError
        from translator.files import write_atomic

        entries = {name: _encoded(value) for name, value in self._read().items()}
        entries[key] = _encoded(result)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(self.path, json.dumps(entries, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
        except (OSError, OutputError):
            pass  # a cache that cannot be written costs a probe next time, nothing else


def default_memory_path() -> Path:
    """The probe answers file in the user cache folder."""
    from platformdirs import user_cache_path

    return user_cache_path("thread-translator") / "placeholder-probes.json"


def _encoded(result: ProbeResult) -> dict[str, object]:
    style = result.style
    return {
        "style": None if style is None else [style.prefix, style.suffix],
        "kept": result.kept,
        "probes": result.probes,
    }


def _decoded(value: object) -> ProbeResult | None:
    """An answer read back; None for anything not written by `_encoded` with a form still tried."""
    if not isinstance(value, dict):
        return None
    kept, probes, form = value.get("kept"), value.get("probes"), value.get("style")
    if not isinstance(kept, int) or not isinstance(probes, int):
        return None
    if form is None:
        return ProbeResult(None, kept, probes)
    style = next((s for s in CANDIDATE_STYLES if [s.prefix, s.suffix] == form), None)
    return None if style is None else ProbeResult(style, kept, probes)
