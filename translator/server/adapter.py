"""The server's one door into the core: requests become threads for the pipeline, results come back.

Every call the server makes to the pipeline, the detector and the models goes through this module, so a
change of the core's API changes this file only. Its methods block (models, SQLite): the server calls
them from worker threads, never on the event loop.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from translator.errors import EngineError, TranslatorError
from translator.jobs import JobSettings, Toolkit
from translator.models import UNDETERMINED, Block, Post, Thread, TranslatedThread, TranslationUnit


@dataclass(frozen=True, slots=True)
class TextJob:
    """Texts to translate (one `/translate` request), each split into paragraphs."""

    items: tuple[tuple[str, ...], ...]
    """Per text of the request, its paragraphs (non-blank, without surrounding whitespace)."""
    source: str | None
    """The source language, or None to detect each paragraph's own."""
    target: str
    """The language to translate into."""


@dataclass(frozen=True, slots=True)
class ThreadJob:
    """A whole thread to translate (`/v1/threads/translate`)."""

    thread: Thread
    """The thread as read from our JSON schema."""
    source: str | None
    """Force this source language on every block that has one (None: detect)."""
    target: str
    """The language to translate into."""


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph of a text job, translated."""

    text: str
    """The translation; the paragraph itself when it was not translated."""
    lang: str
    """The language it was read as (`und` for text with none)."""
    confidence: float
    """How sure that language is, in [0, 1]."""
    terms: tuple[tuple[str, str], ...] = ()
    """Glossary terms applied, as (source wording, target wording)."""
    translated: bool = True
    """False when left as it was: already in the target language, no language, or no model for it."""


@dataclass(frozen=True, slots=True)
class Detected:
    """The language of one paragraph."""

    lang: str
    """Argos code, or `und`."""
    confidence: float
    """In [0, 1]."""
    letters: int
    """How much text it is (characters), to weigh it against the others."""


@dataclass(frozen=True, slots=True)
class LanguageInfo:
    """A language the server translates from."""

    code: str
    """Argos code."""
    targets: tuple[str, ...]
    """Languages it can be translated into (directly or through English)."""


Job = TextJob | ThreadJob
TextResult = list[list[Paragraph]]
"""Per text of a text job, its paragraphs."""
Outcome = TextResult | TranslatedThread | TranslatorError


class CoreAdapter:
    """The engine, glossaries, memory and detector of the server process (built once), behind the few
    calls the server needs."""

    def __init__(self, settings: JobSettings) -> None:
        self.toolkit = Toolkit(settings)
        self.use_memory = settings.use_memory

    def warm_up(self) -> None:
        """Load the detector now rather than on the first request."""
        self.toolkit.detector.detect_text("warm up")

    def languages(self) -> list[LanguageInfo]:
        """The languages of the installed models, each with the targets reachable from it."""
        codes = sorted(self.toolkit.store.languages())
        found = []
        for source in codes:
            targets = tuple(target for target in codes if target != source and self.pair_error(source, target) is None)
            found.append(LanguageInfo(source, targets))
        return found

    def pair_error(self, source: str, target: str) -> EngineError | None:
        """Why a pair cannot be translated, or None when a model (or two through English) serves it."""
        try:
            self.toolkit.engine.model_id(source, target)
        except EngineError as error:
            return error
        return None

    def detect(self, paragraphs: Sequence[str]) -> list[Detected]:
        """The language of each paragraph of one text, each read in the context of the others."""
        from translator.detect.detector import detect_languages

        thread = detect_languages(_thread_of(TextJob((tuple(paragraphs),), None, UNDETERMINED)), self.toolkit.detector)
        return [
            Detected(block.lang or UNDETERMINED, block.lang_confidence or 0.0, len(block.text))
            for _, block in thread.blocks()
        ]

    def run(self, jobs: Sequence[Job]) -> list[Outcome]:
        """Translate many jobs together: one pipeline call (so one engine call per language pair) for all
        jobs with the same target; a failing call is retried job by job, so one job cannot fail the rest."""
        outcomes: list[Outcome | None] = [None] * len(jobs)
        groups: dict[tuple[str, str | None], list[int]] = {}
        for index, job in enumerate(jobs):
            # A text job's forced language is set on its blocks; a thread's goes through the options.
            forced = job.source if isinstance(job, ThreadJob) else None
            groups.setdefault((job.target, forced), []).append(index)
        for (target, forced), members in groups.items():
            try:
                results = self._translate([_thread_of(jobs[index]) for index in members], target, forced)
            except TranslatorError as error:
                for index in members:
                    outcomes[index] = error if len(members) == 1 else self.run([jobs[index]])[0]
                continue
            for index, result in zip(members, results, strict=True):
                job = jobs[index]
                outcomes[index] = result if isinstance(job, ThreadJob) else _paragraphs(job, result)
        finished = [outcome for outcome in outcomes if outcome is not None]
        assert len(finished) == len(jobs)
        return finished

    def _translate(self, threads: list[Thread], target: str, source: str | None) -> list[TranslatedThread]:
        from translator.pipeline import PipelineOptions, translate_threads

        toolkit = self.toolkit
        options = PipelineOptions(target=target, source=source, use_memory=self.use_memory)
        results, _ = translate_threads(
            threads, options, toolkit.engine, toolkit.glossary_for, toolkit.memory_lookup, toolkit.detector
        )
        return results


def _thread_of(job: Job) -> Thread:
    """The thread a job translates: a text job's texts become posts and their paragraphs blocks, so each
    paragraph is detected in the context of its text and of the request."""
    if isinstance(job, ThreadJob):
        return job.thread
    manual = job.source is not None
    posts = tuple(
        Post(
            id=f"q{number}",
            kind="comment",
            author=None,
            blocks=tuple(
                Block(
                    id=f"q{number}.p{index}",
                    kind="paragraph",
                    text=text,
                    lang=job.source,
                    lang_confidence=1.0 if manual else None,
                    lang_source="manual" if manual else None,
                )
                for index, text in enumerate(paragraphs, start=1)
            ),
        )
        for number, paragraphs in enumerate(job.items, start=1)
    )
    return Thread(title="", subtitle=None, posts=posts, source_format="json")


def _paragraphs(job: TextJob, translated: TranslatedThread) -> TextResult:
    units = iter(translated.units)
    return [[_paragraph(next(units)) for _ in paragraphs] for paragraphs in job.items]


def _paragraph(unit: TranslationUnit) -> Paragraph:
    confidence = unit.block.lang_confidence if unit.block.lang_confidence is not None else 0.0
    left_as_is = unit.origin == "copied" or any(issue.code == "no-model" for issue in unit.issues)
    terms = tuple((term.source, term.target) for term in unit.applied_terms if term.target is not None)
    return Paragraph(
        text=unit.block.text if left_as_is else unit.target,
        lang=unit.source_lang,
        confidence=confidence,
        terms=terms,
        translated=not left_as_is,
    )
