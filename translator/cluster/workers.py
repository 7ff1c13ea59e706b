"""What runs on the cluster's workers: reading and detecting files (a task), and the engine (an actor).

Plain functions and classes here; `translator.cluster.pool` makes them Ray tasks and actors, so this
module imports without Ray and its code is tested like any other.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from translator.errors import TranslatorError

if TYPE_CHECKING:
    from translator.cluster.shipping import ShippedPackage
    from translator.detect.detector import LanguageDetector
    from translator.engine.argos import EngineSettings
    from translator.jobs import LoadedThread

_detectors: dict[tuple[tuple[str, ...] | None, tuple[str, ...] | None], LanguageDetector] = {}


def detector_for(languages: tuple[str, ...] | None, installed: tuple[str, ...] | None) -> LanguageDetector:
    """This worker process's detector for the candidates (its profiles load once per process)."""
    from translator.detect.detector import LanguageDetector

    key = (languages, installed)
    if key not in _detectors:
        _detectors[key] = LanguageDetector(languages, installed=set(installed) if installed is not None else None)
    return _detectors[key]


def read_and_detect(
    files: Sequence[tuple[str, bytes]],
    input_format: str | None,
    languages: tuple[str, ...] | None,
    installed: tuple[str, ...] | None,
) -> list[LoadedThread | TranslatorError]:
    """Parse each file's bytes (named as the driver names it) into its threads, one or several, and
    detect their languages; a file that cannot be read gets its error, however it failed, and the others
    go on. `installed`: the languages of the driver's models, which join the default candidates as they
    do locally."""
    from dataclasses import replace

    from translator.detect.detector import detect_languages
    from translator.jobs import unexpected_failure
    from translator.readers import thread_from_bytes

    detector = detector_for(languages, installed)
    loaded: list[LoadedThread | TranslatorError] = []
    for name, data in files:
        try:
            thread_file = thread_from_bytes(data, name, input_format)
            threads = tuple(detect_languages(thread, detector) for thread in thread_file.threads)
            loaded.append(replace(thread_file, threads=threads))
        except TranslatorError as error:
            loaded.append(error)
        except Exception as error:  # one bad file must never stop the files beside it (as locally)
            loaded.append(unexpected_failure(name, error))
    return loaded


class TranslationWorker:
    """One engine of direct pairs with its models loaded once, translating what the driver sends with the
    package it ships (a Ray actor)."""

    def __init__(self, settings: EngineSettings) -> None:
        from translator.cluster.shipping import ShippedModels
        from translator.engine.argos import ArgosEngine

        self.models = ShippedModels()
        self.engine = ArgosEngine(self.models, settings)

    def ready(self) -> bool:
        """Answers once the worker is up (the driver waits on it after a restart)."""
        return True

    def translate(
        self, sentences: list[str], source: str, target: str, package: ShippedPackage
    ) -> list[str] | TranslatorError:
        """The engine's translations with the shipped package of the pair, or the error a user can act on
        (returned, so that it reaches the driver as itself and not wrapped in a Ray traceback)."""
        from translator.cluster.shipping import unpack_shipped

        try:
            self.models.add(unpack_shipped(package))
            return self.engine.translate_batch(sentences, source, target)
        except TranslatorError as error:
            return error
