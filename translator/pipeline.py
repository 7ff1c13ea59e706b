"""Translate threads and texts: plan, reuse the memory, protect glossary terms, one engine call per pair, check.

The one path every caller uses (`translate` and `batch` through `translator.jobs`, `translate-text`,
the review app's re-translate). Per language pair: blocks in the target language are copied, blocks
with no language are copied and flagged; the memory is asked for the rest, whole blocks first, then
their sentences; every other distinct sentence of every thread goes to ONE batched engine call (quotes
repeated across comments are therefore translated once and rendered identically); sentences are joined
back per block and each block is checked. A translation the memory gives carries the glossary terms and
QA of a fresh one, so the output never depends on what the memory held. Pure orchestration: no I/O
besides the memory.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from translator.errors import EngineError, TranslatorError
from translator.models import (
    UNDETERMINED,
    AppliedTerm,
    Block,
    Post,
    QaIssue,
    Thread,
    ThreadFile,
    TranslatedThread,
    TranslationUnit,
)
from translator.qa import check_unit
from translator.segment import split_sentences
from translator.stats import TranslationStats, unit_issue_counts

if TYPE_CHECKING:
    from translator.detect.detector import LanguageDetector
    from translator.engine.base import Engine
    from translator.glossary.matching import Glossary
    from translator.memory.kept import KeptThread
    from translator.memory.lookup import Made, MemoryLookup, Recalled
    from translator.memory.store import Dependency

GlossaryLookup = Callable[[str, str], "Glossary | None"]

Outcome = tuple[TranslatedThread, TranslationStats, tuple[str, ...]]
"""A translated thread: the result, its stats and its warnings."""
FileOutcome = tuple[Outcome, ...]
"""A translated file: the outcome of each thread it holds (a feed or a comment export holds several)."""


@dataclass(frozen=True, slots=True)
class PipelineOptions:
    """How threads are translated."""

    target: str
    """Language to translate into (Argos code)."""
    source: str | None = None
    """Force this source language on every block that has a language (None: use detection)."""
    use_memory: bool = True
    """Reuse and feed the translation memory."""


@dataclass(frozen=True, slots=True)
class ThreadSource:
    """A thread file as the pipeline gets it: read only when the memory does not hold it whole."""

    digest: str | None
    """SHA-256 of the input's bytes: the key of the whole translated thread (None: not kept)."""
    read: Callable[[], ThreadFile]
    """Read the file (languages detected): its threads, one or several; raise TranslatorError when it
    cannot be."""


SourcesReader = Callable[[Sequence[ThreadSource]], Sequence["ThreadFile | TranslatorError"]]
"""Reads several sources at once: per source, its file or the error that stopped it (a cluster's driver
has them read together on its workers)."""


def read_each(sources: Sequence[ThreadSource]) -> list[ThreadFile | TranslatorError]:
    """Each source read in turn by its own `read`."""
    files: list[ThreadFile | TranslatorError] = []
    for source in sources:
        try:
            files.append(source.read())
        except TranslatorError as error:
            files.append(error)
    return files


@dataclass(frozen=True, slots=True)
class TextTranslation:
    """One block's text translated, as every block with that text gets it."""

    target: str
    """The translation."""
    terms: tuple[str, ...]
    """Glossary terms it carries, as `source -> target`."""
    issues: tuple[QaIssue, ...]
    """QA findings."""
    sentences: int
    """Sentences it was translated as (1 when reused whole)."""
    from_memory: int
    """Of those, how many the memory gave."""
    engine_sentences: tuple[str, ...] = ()
    """The sentences the engine translated for it."""
    human: bool = False
    """Every piece is a person's translation from the memory."""
    reviewed: bool = False
    """The whole text is a person's translation: the unit is reviewed."""


class PairResources:
    """The model and glossary of each language pair, asked once per run."""

    def __init__(self, engine: Engine, glossary_for: GlossaryLookup | None) -> None:
        self.engine = engine
        self.glossary_for = glossary_for
        self._models: dict[tuple[str, str], str | EngineError] = {}
        self._glossaries: dict[tuple[str, str], Glossary | None] = {}

    def model(self, source: str, target: str) -> str | EngineError:
        """The model id of a pair, or the error saying it has none."""
        if (source, target) not in self._models:
            try:
                self._models[(source, target)] = self.engine.model_id(source, target)
            except EngineError as error:
                self._models[(source, target)] = error
        return self._models[(source, target)]

    def glossary(self, source: str, target: str) -> Glossary | None:
        """The glossary of a pair, if any."""
        if (source, target) not in self._glossaries:
            self._glossaries[(source, target)] = self.glossary_for(source, target) if self.glossary_for else None
        return self._glossaries[(source, target)]

    def dependency(self, pair: str) -> Dependency:
        """What a pair (`fr-en`) translates with now: (pair, model id or "" without one, glossary version)."""
        source, target = pair.split("-")
        model = self.model(source, target)
        glossary = self.glossary(source, target)
        return (pair, model if isinstance(model, str) else "", glossary.version if glossary is not None else "")

    def dependencies(self, translated: TranslatedThread) -> tuple[Dependency, ...]:
        """What a translated thread was made with: the dependency of every pair it translated."""
        pairs = {f"{unit.source_lang}-{unit.target_lang}" for unit in translated.units if unit.origin != "copied"}
        return tuple(self.dependency(pair) for pair in sorted(pairs))


def missing_model_warning(pair: str) -> str:
    """The warning for a language pair with no model."""
    source, target = pair.split("-")
    return (
        f"no model for {source}->{target}: those blocks are left untranslated "
        f"(install one with: translator models install {source} {target})"
    )


def translate_sources(
    sources: Sequence[ThreadSource],
    options: PipelineOptions,
    engine: Engine,
    glossary_for: GlossaryLookup | None = None,
    memory: MemoryLookup | None = None,
    read: SourcesReader = read_each,
) -> list[FileOutcome | TranslatorError]:
    """Translate thread files together (one engine call per language pair for all of them); per file,
    the outcome of each thread it holds, or the error that stopped it (the others go on). A file of one
    thread translated before with the same settings, models and glossaries comes whole from the memory
    without being read; the others are read (by `read`, all at once) and translated."""
    resources = PairResources(engine, glossary_for)
    memory = memory if options.use_memory else None
    outcomes: list[FileOutcome | TranslatorError | None] = [None] * len(sources)
    if memory is not None:
        for index, found in enumerate(memory.kept_threads([source.digest for source in sources])):
            if found is not None and all(resources.dependency(pair) == (pair, *rest) for pair, *rest in found[1]):
                outcomes[index] = (_reused_outcome(found[0], found[1]),)
    unread = [index for index, outcome in enumerate(outcomes) if outcome is None]
    loaded: list[tuple[int, ThreadFile]] = []
    for index, file_or_error in zip(unread, read([sources[index] for index in unread]), strict=True):
        if isinstance(file_or_error, TranslatorError):
            outcomes[index] = file_or_error
        else:
            loaded.append((index, file_or_error))
    fresh = _translate_files([thread_file for _, thread_file in loaded], options, resources, memory)
    from translator.memory.kept import KeptThread

    kept = []
    for (index, _), file_outcome in zip(loaded, fresh, strict=True):
        refused = nothing_translated(file_outcome)
        outcomes[index] = refused or file_outcome
        if refused is not None:
            continue  # never kept: once a model is installed, the file is translated
        digest = sources[index].digest
        # Only a file of one thread is kept whole (keyed by the file); a feed's items reuse their sentences.
        if digest is not None and len(file_outcome) == 1:
            result, stats, warnings = file_outcome[0]
            kept.append((digest, KeptThread(result, warnings, stats.sentences), resources.dependencies(result)))
    if memory is not None and kept:
        memory.keep_threads(kept)
    return [outcome for outcome in outcomes if outcome is not None]


def nothing_translated(outcome: FileOutcome) -> EngineError | None:
    """The error for a file of which nothing could be translated because no model serves its languages (its
    output would only repeat it, so it is refused rather than written); None when any of it was translated,
    or when nothing needed to be (every block already in the target language)."""
    units = [unit for result, _, _ in outcome for unit in result.units if unit.origin != "copied"]
    missing = sorted({pair for _, stats, _ in outcome for pair in stats.missing_pairs})
    if not missing or not all(any(issue.code == "no-model" for issue in unit.issues) for unit in units):
        return None
    blocks = Counter(f"{unit.source_lang}-{unit.target_lang}" for unit in units)
    source, target = max(missing, key=lambda pair: (blocks[pair], pair)).split("-")
    pairs = ", ".join(pair.replace("-", "->") for pair in missing)
    return EngineError(
        f"nothing could be translated: no model for {pairs}",
        f"install one with: translator models install {source} {target}; "
        "`translator models list --available` shows the index's",
    )


def _translate_files(
    files: Sequence[ThreadFile], options: PipelineOptions, resources: PairResources, memory: MemoryLookup | None
) -> list[FileOutcome]:
    """The threads of every file translated together; per file, the outcome of each of its threads."""
    threads = [thread for thread_file in files for thread in thread_file.threads]
    if not threads:
        return [() for _ in files]
    translated, stats = _translate(threads, options, resources, memory, None)
    results = iter(zip(translated, stats, strict=True))
    outcomes: list[FileOutcome] = []
    for thread_file in files:
        parts = []
        for result, thread_stats in itertools.islice(results, len(thread_file.threads)):
            missing = (missing_model_warning(pair) for pair in thread_stats.missing_pairs)
            parts.append((result, thread_stats, (*thread_file.warnings, *missing)))
        outcomes.append(tuple(parts))
    return outcomes


def _reused_outcome(kept: KeptThread, dependencies: Sequence[Dependency]) -> Outcome:
    """A kept thread as this run's outcome: every sentence it took comes from the memory."""
    units = kept.translated.units
    stats = TranslationStats(
        blocks=len(units),
        copied=sum(1 for unit in units if unit.origin == "copied"),
        sentences=kept.sentences,
        from_memory=kept.sentences,
        issues=unit_issue_counts(units),
        missing_pairs=tuple(sorted(pair for pair, model_id, _ in dependencies if not model_id)),
    )
    return kept.translated, stats, kept.warnings


def translate_threads(
    threads: Sequence[Thread],
    options: PipelineOptions,
    engine: Engine,
    glossary_for: GlossaryLookup | None = None,
    memory: MemoryLookup | None = None,
    detector: LanguageDetector | None = None,
) -> tuple[list[TranslatedThread], list[TranslationStats]]:
    """Translate many threads with one engine call per language pair for all of them; per thread, the
    result and its stats (they add up: a sentence several threads share counts for the first)."""
    memory = memory if options.use_memory else None
    return _translate(threads, options, PairResources(engine, glossary_for), memory, detector)


def translate_thread(
    thread: Thread,
    options: PipelineOptions,
    engine: Engine,
    glossary_for: GlossaryLookup | None = None,
    memory: MemoryLookup | None = None,
    detector: LanguageDetector | None = None,
) -> TranslatedThread:
    """Translate one thread (see `translate_threads`)."""
    results, _ = translate_threads([thread], options, engine, glossary_for, memory, detector)
    return results[0]


def text_blocks(text: str) -> list[Block]:
    """A plain text as blocks: one paragraph per block of lines between blank lines (`p1`, `p2`...),
    its lines joined by spaces."""
    paragraphs: list[list[str]] = [[]]
    for line in text.splitlines():
        if line.strip():
            paragraphs[-1].append(line.strip())
        elif paragraphs[-1]:
            paragraphs.append([])
    lines = [paragraph for paragraph in paragraphs if paragraph]
    return [Block(f"p{number}", "paragraph", " ".join(words)) for number, words in enumerate(lines, start=1)]


def translate_blocks(
    blocks: Sequence[Block],
    options: PipelineOptions,
    engine: Engine,
    glossary_for: GlossaryLookup | None = None,
    memory: MemoryLookup | None = None,
    detector: LanguageDetector | None = None,
) -> tuple[list[TranslationUnit], TranslationStats]:
    """Blocks outside any thread (a text's paragraphs, a block under review) on the same path as a
    thread's; blocks with no language yet are detected, each with the others as context."""
    thread = Thread("", None, (Post("text", "article", None, blocks=tuple(blocks)),), "text")
    [translated], [stats] = translate_threads([thread], options, engine, glossary_for, memory, detector)
    return list(translated.units), stats


@dataclass
class _Slot:
    """A block waiting for its pair's translations."""

    thread: int
    """Index of its thread."""
    unit: int
    """Index of its unit in the thread."""
    post: Post
    """Its post."""
    block: Block
    """The block."""


@dataclass
class _Tally:
    """One thread's figures while it is translated."""

    counts: Counter[str] = field(default_factory=Counter)
    missing: set[str] = field(default_factory=set)
    models: list[str] = field(default_factory=list)
    glossaries: list[str] = field(default_factory=list)


def _translate(
    threads: Sequence[Thread],
    options: PipelineOptions,
    resources: PairResources,
    memory: MemoryLookup | None,
    detector: LanguageDetector | None,
) -> tuple[list[TranslatedThread], list[TranslationStats]]:
    detected = [_detected(thread, detector) for thread in threads]
    units: list[list[TranslationUnit | None]] = []
    pending: dict[tuple[str, str], list[_Slot]] = {}
    tallies = [_Tally() for _ in detected]
    for thread_index, thread in enumerate(detected):
        row: list[TranslationUnit | None] = []
        for post, block in thread.blocks():
            tallies[thread_index].counts["blocks"] += 1
            source = _source_language(block, options)
            if source in (options.target, UNDETERMINED) or not block.text.strip():
                tallies[thread_index].counts["copied"] += 1
                row.append(_copied(post, block, source, options.target))
            else:
                pending.setdefault((source, options.target), []).append(_Slot(thread_index, len(row), post, block))
                row.append(None)
        units.append(row)
    for (source, target), slots in sorted(pending.items()):
        model = resources.model(source, target)
        if isinstance(model, EngineError):
            issue = QaIssue("no-model", f"{model.message} ({model.hint})")
            for slot in slots:
                tallies[slot.thread].missing.add(f"{source}-{target}")
                units[slot.thread][slot.unit] = TranslationUnit(
                    slot.block, slot.post.id, source, target, "", "machine", issues=(issue,)
                )
            continue
        glossary = resources.glossary(source, target)
        made = translate_texts(
            [slot.block.text for slot in slots], source, target, resources.engine, model, glossary, memory
        )
        _fill(slots, made, source, target, units, tallies)
        for thread_index in dict.fromkeys(slot.thread for slot in slots):
            tallies[thread_index].models.append(f"{source}-{target}: {model}")
            if glossary is not None:
                tallies[thread_index].glossaries.append(f"{source}-{target}: {glossary.version}")
    results, stats = [], []
    for thread, row, tally in zip(detected, units, tallies, strict=True):
        finished = tuple(unit for unit in row if unit is not None)
        assert len(finished) == len(row)
        results.append(TranslatedThread(thread, options.target, finished, tuple(tally.models), tuple(tally.glossaries)))
        stats.append(_stats(tally, finished))
    return results, stats


def _detected(thread: Thread, detector: LanguageDetector | None) -> Thread:
    """The thread with languages (detected when any block lacks one)."""
    if all(block.lang for _, block in thread.blocks()):
        return thread
    from translator.detect.detector import detect_languages

    return detect_languages(thread, detector)


def _stats(tally: _Tally, units: Sequence[TranslationUnit]) -> TranslationStats:
    counts = tally.counts
    return TranslationStats(
        blocks=counts["blocks"],
        copied=counts["copied"],
        sentences=counts["sentences"],
        from_memory=counts["from_memory"],
        translated=counts["translated"],
        issues=unit_issue_counts(units),
        missing_pairs=tuple(sorted(tally.missing)),
    )


def _fill(
    slots: Sequence[_Slot],
    made: dict[str, TextTranslation],
    source: str,
    target: str,
    units: list[list[TranslationUnit | None]],
    tallies: list[_Tally],
) -> None:
    """Each waiting block's unit from its text's translation; the figures of each thread."""
    counted: set[str] = set()
    for slot in slots:
        result = made[slot.block.text]
        counts = tallies[slot.thread].counts
        counts["sentences"] += result.sentences
        counts["from_memory"] += result.from_memory
        # A sentence the engine translated once counts for the first block (and thread) that needed it.
        fresh = [sentence for sentence in dict.fromkeys(result.engine_sentences) if sentence not in counted]
        counts["translated"] += len(fresh)
        counted.update(fresh)
        units[slot.thread][slot.unit] = TranslationUnit(
            slot.block,
            slot.post.id,
            source,
            target,
            result.target,
            "memory" if result.human else "machine",
            status="reviewed" if result.reviewed else "draft",
            terms=result.terms,
            issues=result.issues,
        )


def translate_texts(
    texts: Sequence[str],
    source: str,
    target: str,
    engine: Engine,
    model_id: str,
    glossary: Glossary | None,
    memory: MemoryLookup | None,
) -> dict[str, TextTranslation]:
    """Block texts of one pair translated: whole texts the memory knows, else their sentences from the
    memory or from one engine call (glossary applied), joined back; each checked. New machine
    translations are remembered, with their terms, unless a glossary term needed a fallback."""
    version = glossary.version if glossary is not None else ""
    distinct = list(dict.fromkeys(texts))
    whole = memory.recall(distinct, source, target, model_id, version) if memory is not None else {}
    sentences_of = {text: split_sentences(text, source) for text in distinct if text not in whole}
    all_sentences = list(dict.fromkeys(sentence for sentences in sentences_of.values() for sentence in sentences))
    remembered = memory.recall(all_sentences, source, target, model_id, version) if memory is not None else {}
    fresh = _engine_translations(
        [sentence for sentence in all_sentences if sentence not in remembered], source, target, engine, glossary
    )
    results: dict[str, TextTranslation] = {}
    for text, recalled in whole.items():
        issues = tuple(check_unit(text, recalled.target, glossary))
        results[text] = TextTranslation(
            recalled.target, recalled.terms, issues, 1, 1, human=recalled.human, reviewed=recalled.human
        )
    to_remember: dict[str, Made] = {}
    for text, sentences in sentences_of.items():
        results[text] = _joined(text, sentences, remembered, fresh, glossary, to_remember)
    if memory is not None and to_remember:
        memory.remember(to_remember, source, target, model_id, version)
    return results


_Fresh = tuple[str, tuple[str, ...], bool]
"""A sentence from the engine: its translation, the terms placed in it, whether a term needed a fallback."""


def _engine_translations(
    sentences: list[str], source: str, target: str, engine: Engine, glossary: Glossary | None
) -> dict[str, _Fresh]:
    """One batched engine call for every sentence, with the glossary applied when there is one."""
    if not sentences:
        return {}
    if glossary is None:
        return {
            sentence: (text, (), False)
            for sentence, text in zip(sentences, engine.translate_batch(sentences, source, target), strict=True)
        }
    from translator.glossary.protect import translate_with_glossary

    translations: dict[str, _Fresh] = {}
    for sentence, result in zip(
        sentences, translate_with_glossary(sentences, source, target, engine, glossary), strict=True
    ):
        placed = tuple(AppliedTerm(use.match.text, use.rendering).text for use in result.terms if use.placed)
        translations[sentence] = (result.text, placed, result.needs_review)
    return translations


def _joined(
    text: str,
    sentences: list[str],
    remembered: dict[str, Recalled],
    fresh: dict[str, _Fresh],
    glossary: Glossary | None,
    to_remember: dict[str, Made],
) -> TextTranslation:
    """A block text from its sentences' translations (the memory's or the engine's), checked; what is
    worth remembering goes to `to_remember`."""
    from translator.memory.lookup import Made

    pieces: list[str] = []
    terms: list[str] = []
    engine_sentences: list[str] = []
    needs_review = False
    human = 0
    for sentence in sentences:
        if sentence in remembered:
            recalled = remembered[sentence]
            pieces.append(recalled.target)
            terms.extend(recalled.terms)
            human += recalled.human
            continue
        translation, placed, review = fresh[sentence]
        pieces.append(translation)
        terms.extend(placed)
        engine_sentences.append(sentence)
        needs_review = needs_review or review
        if translation.strip() and not review:
            to_remember[sentence] = Made(translation, placed)
    target = " ".join(piece for piece in pieces if piece)
    carried = tuple(dict.fromkeys(terms))
    # A whole block is remembered only when all of it is machine work: a block with a person's sentence
    # would come back as machine output.
    if len(sentences) > 1 and target.strip() and not needs_review and not human:
        to_remember[text] = Made(target, carried)
    issues = check_unit(text, target, glossary)
    if needs_review:
        issues.append(QaIssue("glossary-fallback", "a glossary term needed a fallback: check the terms"))
    return TextTranslation(
        target,
        carried,
        tuple(issues),
        len(sentences),
        len(sentences) - len(engine_sentences),
        tuple(engine_sentences),
        human=bool(sentences) and human == len(sentences),
    )


def _source_language(block: Block, options: PipelineOptions) -> str:
    if block.lang_source == "manual" and block.lang:
        return block.lang
    if options.source and block.lang != UNDETERMINED:
        return options.source
    return block.lang or UNDETERMINED


def _copied(post: Post, block: Block, source: str, target: str) -> TranslationUnit:
    issues: tuple[QaIssue, ...] = ()
    if source == UNDETERMINED and block.text.strip() and block.kind != "code":
        issues = (QaIssue("no-language", "no language detected: copied as is; set one if it needs translating"),)
    return TranslationUnit(block, post.id, source, target, block.text, "copied", issues=issues)
